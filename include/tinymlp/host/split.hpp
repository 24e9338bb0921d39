/// \file
/// Train / validation / test split: in the order the samples come, or shuffled, and for
/// classification data optionally stratified (each class in each part in its share of the whole).
#ifndef TINYMLP_HOST_SPLIT_HPP
#define TINYMLP_HOST_SPLIT_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "labels.hpp"
#include "shuffle.hpp"

namespace tinymlp {

/// The three parts split returns.
struct SplitDataset {
  Dataset train;       ///< To train on.
  Dataset validation;  ///< To monitor training.
  Dataset test;        ///< To measure at the end.
};

/// Prints "tinymlp: warning: " and the message on standard error.
inline void warn_on_stderr(const std::string& message) {
  std::fprintf(stderr, "tinymlp: warning: %s\n", message.c_str());
}

/// How split divides the samples.
struct SplitOptions {
  bool shuffle = false;    ///< Shuffle the samples first (with `seed`); off: the parts keep the samples' order.
  std::uint32_t seed = 0;  ///< Drives the shuffling.
  /// Give each part of classification data (Dataset::classes) each class in its share of the whole
  /// (within one sample); implies shuffle.
  bool stratify = false;
  /// Told when the classes of the parts differ (a class absent from the validation or test part, as
  /// when data sorted by class is split without shuffling).
  std::function<void(const std::string&)> warning = warn_on_stderr;
};

namespace detail {

inline const char* const split_part_names[3] = {"training", "validation", "test"};

// Which part (0 train, 1 validation, 2 test) each position of `order` goes to: the first
// train_count train, the next validation_count validate; stratified, positions are taken class by
// class, each class dealt to the parts in proportion (Bresenham over the samples sorted by class).
inline std::vector<int> assign_parts(const Dataset& data, const std::vector<std::size_t>& order,
                                     std::size_t train_count, std::size_t validation_count, bool stratify) {
  const std::size_t total = order.size();
  std::vector<int> part(total, 2);
  std::vector<std::size_t> positions(total);
  std::iota(positions.begin(), positions.end(), std::size_t{0});
  if (stratify)
    std::stable_sort(positions.begin(), positions.end(),
                     [&](std::size_t a, std::size_t b) { return data.class_of(order[a]) < data.class_of(order[b]); });
  const std::size_t rest = total - train_count;
  std::size_t others = 0;
  for (std::size_t p = 0; p < total; ++p) {
    if ((p + 1) * train_count / total > p * train_count / total) {
      part[positions[p]] = 0;
    } else {
      if ((others + 1) * validation_count / rest > others * validation_count / rest) part[positions[p]] = 1;
      ++others;
    }
  }
  return part;
}

// DataError when the training part lacks a class that the data holds; a warning when the validation
// or test part (not empty) lacks one that the training part holds.
inline void check_split_classes(const Dataset& data, const SplitDataset& parts, const SplitOptions& options) {
  if (data.classes == 0) return;
  const std::vector<std::size_t> all = class_counts(data), train = class_counts(parts.train);
  for (std::size_t c = 0; c < all.size(); ++c)
    if (all[c] > 0 && train[c] == 0)
      throw DataError("split: class " + std::to_string(c) + " is missing from the training split (the data holds " +
                      std::to_string(all[c]) + " samples of it); shuffle or stratify the split (SplitOptions)");
  const Dataset* const others[2] = {&parts.validation, &parts.test};
  for (int k = 0; k < 2; ++k) {
    if (others[k]->empty() || !options.warning) continue;
    const std::vector<std::size_t> counts = class_counts(*others[k]);
    std::string missing;
    for (std::size_t c = 0; c < counts.size(); ++c)
      if (train[c] > 0 && counts[c] == 0) missing += (missing.empty() ? "" : ", ") + std::to_string(c);
    if (!missing.empty())
      options.warning(std::string("split: the ") + split_part_names[k + 1] + " split has no samples of class" +
                      (missing.find(',') == std::string::npos ? " " : "es ") + missing +
                      ", which the training split holds" +
                      (options.shuffle || options.stratify ? "" : " (is the data sorted? SplitOptions::shuffle)"));
  }
}

}  // namespace detail

/// The first train_fraction of the samples train, the next validation_fraction validate, the rest
/// test (after shuffling if `options` asks). Counts are rounded down, as numpy's int(0.6 * n) in the
/// TinyML tutorial. DataError for fractions outside 0 < train, 0 <= validation, train + validation
/// <= 1; for a part asked for (a fraction above 0) that gets no sample; for stratifying data without
/// classes; and for classification data whose training part lacks a class the data holds. Parts of
/// classification data whose classes differ from the training part's are told to options.warning.
inline SplitDataset split(const Dataset& data, double train_fraction, double validation_fraction,
                          const SplitOptions& options = SplitOptions()) {
  if (!(train_fraction > 0.0) || !(validation_fraction >= 0.0) || train_fraction + validation_fraction > 1.0)
    throw DataError("split fractions must satisfy 0 < train, 0 <= validation and train + validation <= 1; got " +
                    std::to_string(train_fraction) + " and " + std::to_string(validation_fraction));
  data.check_shape("split");
  if (options.stratify && data.classes == 0)
    throw DataError("split: stratify needs classification data (read it with CsvOptions::classes, or call one_hot)");
  const std::size_t total = data.size();
  const auto train_count = static_cast<std::size_t>(std::floor(train_fraction * static_cast<double>(total)));
  const auto validation_end =
      static_cast<std::size_t>(std::floor((train_fraction + validation_fraction) * static_cast<double>(total)));
  const double fractions[3] = {train_fraction, validation_fraction, 1.0 - train_fraction - validation_fraction};
  const std::size_t counts[3] = {train_count, validation_end - train_count, total - validation_end};
  for (int k = 0; k < 3; ++k)
    if (counts[k] == 0 && fractions[k] > 1e-12)
      throw DataError(std::string("split: the ") + detail::split_part_names[k] + " split is empty: " +
                      std::to_string(fractions[k]) + " of " + std::to_string(total) + " samples rounds down to 0");

  SplitDataset parts;
  if (!options.shuffle && !options.stratify) {
    parts = SplitDataset{data.slice(0, train_count), data.slice(train_count, validation_end - train_count),
                         data.slice(validation_end, total - validation_end)};
  } else {
    const std::vector<std::size_t> order = shuffled_order(total, options.seed);
    const std::vector<int> part = detail::assign_parts(data, order, counts[0], counts[1], options.stratify);
    std::vector<std::size_t> chosen[3];
    for (std::size_t p = 0; p < total; ++p) chosen[part[p]].push_back(order[p]);
    parts = SplitDataset{reordered(data, chosen[0]), reordered(data, chosen[1]), reordered(data, chosen[2])};
  }
  detail::check_split_classes(data, parts, options);
  return parts;
}

}  // namespace tinymlp

#endif

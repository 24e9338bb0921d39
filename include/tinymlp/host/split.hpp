/// \file
/// Train / validation / test split, in the order the samples come (shuffle first if that order
/// means something; the reference job's samples are already random).
#ifndef TINYMLP_HOST_SPLIT_HPP
#define TINYMLP_HOST_SPLIT_HPP

#include <cmath>
#include <cstddef>
#include <string>

#include "dataset.hpp"

namespace tinymlp {

/// The three parts split returns.
struct SplitDataset {
  Dataset train;       ///< To train on.
  Dataset validation;  ///< To monitor training.
  Dataset test;        ///< To measure at the end.
};

/// The first train_fraction of the samples train, the next validation_fraction validate, the rest
/// test. Counts are rounded down, as numpy's int(0.6 * n) in the TinyML tutorial. DataError for
/// fractions outside 0 < train, 0 <= validation, train + validation <= 1.
inline SplitDataset split(const Dataset& data, double train_fraction, double validation_fraction) {
  if (!(train_fraction > 0.0) || !(validation_fraction >= 0.0) || train_fraction + validation_fraction > 1.0)
    throw DataError("split fractions must satisfy 0 < train, 0 <= validation and train + validation <= 1; got " +
                    std::to_string(train_fraction) + " and " + std::to_string(validation_fraction));
  const std::size_t total = data.size();
  const auto train_count = static_cast<std::size_t>(std::floor(train_fraction * static_cast<double>(total)));
  const auto validation_end =
      static_cast<std::size_t>(std::floor((train_fraction + validation_fraction) * static_cast<double>(total)));
  return SplitDataset{data.slice(0, train_count), data.slice(train_count, validation_end - train_count),
                      data.slice(validation_end, total - validation_end)};
}

}  // namespace tinymlp

#endif

/// \file
/// What fit() records: the loss and the metrics asked for per epoch, on the training batches
/// (measured before each update, as Keras does) and on the validation data at the end of the epoch.
#ifndef TINYMLP_HOST_HISTORY_HPP
#define TINYMLP_HOST_HISTORY_HPP

#include <algorithm>
#include <cstddef>
#include <locale>
#include <sstream>
#include <string>
#include <vector>

#include "atomic_file.hpp"
#include "errors.hpp"

namespace tinymlp {

/// One epoch's figures.
struct EpochRecord {
  float loss = 0;                  ///< Mean loss on the training batches.
  std::vector<float> metrics;      ///< The metrics on the training batches, in History::metric_names' order.
  float val_loss = 0;              ///< Loss on the validation data (0 without).
  std::vector<float> val_metrics;  ///< The metrics on the validation data (empty without).
  float learning_rate = 0;         ///< The optimizer's rate during the epoch.
};

/// Everything fit measured.
struct History {
  std::vector<EpochRecord> epochs;        ///< One record per epoch trained.
  std::vector<std::string> metric_names;  ///< The metrics measured ("mae", "accuracy", ...).
  bool has_validation = false;            ///< Whether val_loss and val_metrics were measured.
  bool stopped_early = false;             ///< Whether early stopping ended training.
  std::size_t best_epoch = 0;  ///< 0-based epoch whose weights the model holds when restore_best was asked for.
  double seconds = 0;          ///< Wall time spent in fit.

  /// The names of the figures of an epoch, as Keras's History.history keys: "loss", the metrics,
  /// then "val_loss" and the validation metrics.
  std::vector<std::string> names() const {
    std::vector<std::string> all{"loss"};
    all.insert(all.end(), metric_names.begin(), metric_names.end());
    if (has_validation) {
      all.emplace_back("val_loss");
      for (const std::string& name : metric_names) all.emplace_back("val_" + name);
    }
    return all;
  }

  /// DataError, listing names(), unless `name` is one of them or "learning_rate".
  void check_name(const std::string& name) const {
    const std::vector<std::string> all = names();
    if (name == "learning_rate" || std::find(all.begin(), all.end(), name) != all.end()) return;
    std::string known;
    for (const std::string& one : all) known += (known.empty() ? "" : ", ") + one;
    throw DataError("history: no figure named '" + name + "'; there are " + known + " and learning_rate");
  }

  /// The figure `name` (one of names(), or "learning_rate") of `record`; DataError for another name.
  float value(const EpochRecord& record, const std::string& name) const {
    if (name == "loss") return record.loss;
    if (name == "learning_rate") return record.learning_rate;
    if (has_validation && name == "val_loss") return record.val_loss;
    for (std::size_t k = 0; k < metric_names.size(); ++k) {
      if (name == metric_names[k] && k < record.metrics.size()) return record.metrics[k];
      if (has_validation && name == "val_" + metric_names[k] && k < record.val_metrics.size())
        return record.val_metrics[k];
    }
    check_name(name);
    throw DataError("history: epoch record without the figure '" + name + "'");
  }

  /// The figure `name` of every epoch (as Keras's history.history[name]).
  std::vector<float> series(const std::string& name) const {
    std::vector<float> values;
    for (const EpochRecord& record : epochs) values.push_back(value(record, name));
    return values;
  }

  /// "epoch,loss,<metrics>,val_loss,<val_metrics>,learning_rate" (validation columns only with
  /// validation data), epochs counted from 1.
  std::string to_csv() const {
    std::ostringstream out;
    out.imbue(std::locale::classic());  // '.' and no digit grouping, whatever std::locale::global says
    out.precision(9);
    out << "epoch";
    for (const std::string& name : names()) out << ',' << name;
    out << ",learning_rate\n";
    for (std::size_t e = 0; e < epochs.size(); ++e) {
      out << e + 1;
      for (const std::string& name : names()) out << ',' << value(epochs[e], name);
      out << ',' << epochs[e].learning_rate << '\n';
    }
    return out.str();
  }

  /// to_csv() written to `path` atomically.
  void write_csv(const std::string& path) const { write_file_atomically(path, to_csv()); }
};

}  // namespace tinymlp

#endif

/// \file
/// What fit() records: loss and mean absolute error per epoch, on the training batches (measured
/// before each update, as Keras does) and on the validation data at the end of the epoch.
#ifndef TINYMLP_HOST_HISTORY_HPP
#define TINYMLP_HOST_HISTORY_HPP

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "atomic_file.hpp"

namespace tinymlp {

/// One epoch's figures.
struct EpochRecord {
  float loss = 0;           ///< Mean loss on the training batches.
  float mae = 0;            ///< Mean absolute error on the training batches.
  float val_loss = 0;       ///< Loss on the validation data (0 without).
  float val_mae = 0;        ///< Mean absolute error on the validation data (0 without).
  float learning_rate = 0;  ///< The optimizer's rate during the epoch.
};

/// Everything fit measured.
struct History {
  std::vector<EpochRecord> epochs;  ///< One record per epoch trained.
  bool has_validation = false;      ///< Whether val_loss and val_mae were measured.
  bool stopped_early = false;       ///< Whether early stopping ended training.
  std::size_t best_epoch = 0;       ///< 0-based epoch whose weights the model holds when restore_best was asked for.
  double seconds = 0;               ///< Wall time spent in fit.

  /// "epoch,loss,mae,val_loss,val_mae,learning_rate" (validation columns only with validation data),
  /// epochs counted from 1.
  std::string to_csv() const {
    std::ostringstream out;
    out.precision(9);
    out << (has_validation ? "epoch,loss,mae,val_loss,val_mae,learning_rate\n" : "epoch,loss,mae,learning_rate\n");
    for (std::size_t e = 0; e < epochs.size(); ++e) {
      out << e + 1 << ',' << epochs[e].loss << ',' << epochs[e].mae;
      if (has_validation) out << ',' << epochs[e].val_loss << ',' << epochs[e].val_mae;
      out << ',' << epochs[e].learning_rate << '\n';
    }
    return out.str();
  }

  /// to_csv() written to `path` atomically.
  void write_csv(const std::string& path) const { write_file_atomically(path, to_csv()); }
};

}  // namespace tinymlp

#endif

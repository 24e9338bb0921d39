/// \file
/// fit(): minibatch training over epochs, as Keras's Model.fit does it: shuffle each epoch, one
/// optimizer step per batch (the last batch may be smaller), loss and MAE per epoch on the training
/// batches and on validation data, optional early stopping that can restore the best weights.
#ifndef TINYMLP_HOST_FIT_HPP
#define TINYMLP_HOST_FIT_HPP

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "../detail/math.hpp"
#include "../detail/random.hpp"
#include "../train/mean_absolute_error.hpp"
#include "../train/train_on_batch.hpp"
#include "../train/training_buffers.hpp"
#include "batches.hpp"
#include "dataset.hpp"
#include "errors.hpp"
#include "evaluate.hpp"
#include "history.hpp"
#include "progress.hpp"

namespace tinymlp {

/// Keras's EarlyStopping on the monitored loss (the validation loss when there is validation data,
/// else the training loss).
struct EarlyStopping {
  bool enabled = false;       ///< Off unless asked for.
  std::size_t patience = 20;  ///< Epochs without improvement before stopping.
  float min_delta = 0.0f;     ///< Smaller improvements do not count.
  bool restore_best = true;   ///< End with the weights of the best epoch.
};

/// Keras's ReduceLROnPlateau: after `patience` epochs without improvement of the monitored loss, the
/// learning rate is multiplied by `factor`, down to `min_learning_rate`.
struct ReduceLearningRateOnPlateau {
  bool enabled = false;             ///< Off unless asked for.
  float factor = 0.5f;              ///< What the rate is multiplied by.
  std::size_t patience = 10;        ///< Epochs without improvement before each reduction.
  float min_learning_rate = 1e-5f;  ///< The floor.
};

/// How fit trains.
struct FitOptions {
  std::size_t epochs = 1;               ///< Passes over the training data (fewer if stopped early).
  std::size_t batch_size = 32;          ///< Samples per optimizer step (the last batch may be smaller).
  bool shuffle = true;                  ///< Shuffle the samples before each epoch.
  std::uint32_t seed = 0;               ///< Drives the shuffling; the same seed gives the same run.
  const Dataset* validation = nullptr;  ///< Monitored each epoch, and by early stopping when given; not owned.
  EarlyStopping early_stopping;         ///< Off by default.
  ReduceLearningRateOnPlateau reduce_learning_rate;  ///< Off by default.
  Progress progress = Progress::automatic;           ///< How progress is shown.
  std::FILE* progress_output = stdout;               ///< Where.
};

namespace detail {

inline void check_epoch_finite(const EpochRecord& record, std::size_t epoch, bool has_validation) {
  const bool finite = is_finite(record.loss) && (!has_validation || is_finite(record.val_loss));
  if (!finite)
    throw DivergenceError("training diverged in epoch " + std::to_string(epoch + 1) + ": loss " +
                          std::to_string(record.loss) +
                          (has_validation ? ", validation loss " + std::to_string(record.val_loss) : std::string()) +
                          "; lower the learning rate or standardize the inputs");
}

}  // namespace detail

/// Trains `model` in place with `optimizer` on `train` (see the file's description) and returns
/// what each epoch measured. Memory: one batch's buffers and, with restore_best, a copy of the model,
/// on the heap. Throws DataError for data that does not fit the model, DivergenceError naming the
/// epoch when a loss becomes NaN or infinite.
template <class Loss, class Model, class Optimizer>
History fit(Model& model, Optimizer& optimizer, const Dataset& train, const FitOptions& options) {
  check_fits_model<Model>(train, "training");
  if (options.validation) check_fits_model<Model>(*options.validation, "validation");
  if (train.empty()) throw DataError("fit: the training data is empty");
  if (options.batch_size == 0) throw DataError("fit: batch_size must be at least 1");

  const auto started = std::chrono::steady_clock::now();
  const std::size_t samples = train.size();
  const std::size_t stride = std::min(options.batch_size, samples);
  const std::size_t steps = (samples + stride - 1) / stride;

  std::vector<float> x(Model::input_size * stride), t(Model::output_size * stride);
  std::vector<float> activations(Model::Chain::training_activation_count * stride);
  std::vector<float> deltas(2 * Model::Chain::widest_output * stride), gradients(Model::parameter_count);
  const TrainingBuffers buffers = {activations.data(), deltas.data(), deltas.data() + deltas.size() / 2,
                                   gradients.data(), stride};

  std::vector<std::uint32_t> order(samples);
  std::iota(order.begin(), order.end(), 0u);
  Random shuffler(options.seed);

  History history;
  history.has_validation = options.validation != nullptr;
  ProgressDisplay progress(options.progress, options.progress_output, options.epochs, steps);
  Model best = model;
  float best_monitored = 0;
  std::size_t epochs_without_improvement = 0, epochs_since_rate_change = 0;

  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    progress.begin_epoch(epoch);
    if (options.shuffle)  // Fisher-Yates
      for (std::size_t k = samples - 1; k > 0; --k)
        std::swap(order[k], order[shuffler.below(static_cast<std::uint32_t>(k + 1))]);

    double loss_sum = 0, mae_sum = 0;
    for (std::size_t step = 0; step < steps; ++step) {
      const std::size_t first = step * stride;
      const std::size_t count = std::min(stride, samples - first);
      const auto index = [&](std::size_t b) { return static_cast<std::size_t>(order[first + b]); };
      detail::gather_feature_major(train.inputs.data(), Model::input_size, index, count, x.data(), stride);
      detail::gather_feature_major(train.outputs.data(), Model::output_size, index, count, t.data(), stride);
      const float loss = train_on_batch<Loss>(model, optimizer, x.data(), t.data(), count, buffers);
      loss_sum += static_cast<double>(loss) * static_cast<double>(count);
      mae_sum += MeanAbsoluteError::template total<Model::output_size>(Model::output_of(activations.data(), stride),
                                                                       t.data(), count, stride);
      progress.step(step + 1, static_cast<float>(loss_sum / static_cast<double>(first + count)));
    }

    EpochRecord record;
    record.learning_rate = optimizer.learning_rate();
    record.loss = static_cast<float>(loss_sum / static_cast<double>(samples));
    record.mae = static_cast<float>(mae_sum / static_cast<double>(samples));
    if (options.validation) {
      const Evaluation validation = evaluate<Loss>(model, *options.validation);
      record.val_loss = validation.loss;
      record.val_mae = validation.mae;
    }
    history.epochs.push_back(record);
    progress.end_epoch(record, history.has_validation);
    detail::check_epoch_finite(record, epoch, history.has_validation);

    const float monitored = history.has_validation ? record.val_loss : record.loss;
    if (epoch == 0 || monitored < best_monitored - options.early_stopping.min_delta) {
      best_monitored = monitored;
      history.best_epoch = epoch;
      epochs_without_improvement = epochs_since_rate_change = 0;
      if (options.early_stopping.enabled && options.early_stopping.restore_best) best = model;
      continue;
    }
    ++epochs_without_improvement;
    const ReduceLearningRateOnPlateau& reduce = options.reduce_learning_rate;
    if (reduce.enabled && ++epochs_since_rate_change >= reduce.patience &&
        optimizer.learning_rate() > reduce.min_learning_rate) {
      optimizer.set_learning_rate(std::max(optimizer.learning_rate() * reduce.factor, reduce.min_learning_rate));
      epochs_since_rate_change = 0;
    }
    if (options.early_stopping.enabled && epochs_without_improvement >= options.early_stopping.patience) {
      history.stopped_early = true;
      progress.note("Early stopping after epoch " + std::to_string(epoch + 1) + ": best epoch was " +
                    std::to_string(history.best_epoch + 1));
      break;
    }
  }
  if (options.early_stopping.enabled && options.early_stopping.restore_best) model = best;
  history.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return history;
}

}  // namespace tinymlp

#endif

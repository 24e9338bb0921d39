/// \file
/// fit(): minibatch training over epochs, as Keras's Model.fit does it: shuffle each epoch, one
/// optimizer step per batch (the last batch may be smaller), the loss and the metrics asked for per
/// epoch on the training batches and on validation data, optional early stopping on any of them that
/// can restore the best weights.
#ifndef TINYMLP_HOST_FIT_HPP
#define TINYMLP_HOST_FIT_HPP

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include "../detail/math.hpp"
#include "../random.hpp"
#include "../train/batch_step.hpp"
#include "batches.hpp"
#include "../model/sequential_kernels.hpp"
#include "dataset.hpp"
#include "errors.hpp"
#include "evaluate.hpp"
#include "history.hpp"
#include "initialized.hpp"
#include "label_smoothing.hpp"
#include "labels.hpp"
#include "metrics.hpp"
#include "progress.hpp"

namespace tinymlp {

/// Whether a larger or a smaller monitored figure is better.
enum class MonitorMode {
  automatic,  ///< As Keras's "auto": larger for a name with "acc" in it, else smaller.
  min,        ///< Smaller is better (losses, errors).
  max         ///< Larger is better (accuracies).
};

/// Keras's EarlyStopping on a monitored figure (by default the validation loss when there is
/// validation data, else the training loss).
struct EarlyStopping {
  bool enabled = false;  ///< Off unless asked for.
  /// The figure watched, as History names it ("val_loss", "val_accuracy", "loss", "mae", ...); empty:
  /// "val_loss" with validation data, else "loss". ReduceLearningRateOnPlateau watches it too.
  std::string monitor;
  MonitorMode mode = MonitorMode::automatic;  ///< Which way is better.
  std::size_t patience = 20;                  ///< Epochs without improvement before stopping.
  float min_delta = 0.0f;                     ///< Smaller improvements do not count.

  bool restore_best = true;  ///< End with the weights of the best epoch.
};

/// Keras's ReduceLROnPlateau: after `patience` epochs without improvement of the figure early stopping monitors, the
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
  std::vector<Metric> metrics = {Metric::mean_absolute_error};  ///< Measured each epoch besides the loss.
  EarlyStopping early_stopping;                                 ///< Off by default.
  ReduceLearningRateOnPlateau reduce_learning_rate;             ///< Off by default.
  /// Keras's label_smoothing of CategoricalCrossEntropy and BinaryCrossEntropy (label_smoothing.hpp):
  /// from 0 (none) to 1. The loss and the validation loss are measured against the smoothed targets.
  float label_smoothing = 0.0f;
  Progress progress = Progress::automatic;  ///< How progress is shown.
  std::FILE* progress_output = stdout;      ///< Where.
  /// Called after each epoch is measured (Keras's on_epoch_end), before early stopping decides, with
  /// the epoch's number from 0 and its record: to measure other data or print a line of one's own.
  std::function<void(std::size_t epoch, const EpochRecord& record)> on_epoch_end;
};

namespace detail {

// The epoch's losses and the model's parameters: a NaN or infinite one is divergence.
template <class Model>
std::string divergence_of(const Model& model, const EpochRecord& record, bool has_validation) {
  if (!is_finite(record.loss) || (has_validation && !is_finite(record.val_loss)))
    return "loss " + std::to_string(record.loss) +
           (has_validation ? ", validation loss " + std::to_string(record.val_loss) : std::string());
  for (std::size_t k = 0; k < Model::parameter_count; ++k)
    if (!is_finite(model.parameters[k]))
      return "parameter " + std::to_string(k) + " is " + std::to_string(model.parameters[k]);
  return "";
}

// Whether `value` improves on `best` by more than `min_delta`, larger or smaller being better.
inline bool improves(float value, float best, float min_delta, bool larger_is_better) {
  return larger_is_better ? value - min_delta > best : value + min_delta < best;
}

}  // namespace detail

/// Trains `model` in place with `optimizer` on `train` (see the file's description) and returns
/// what each epoch measured. Memory: one batch's buffers and, with restore_best, a copy of the model,
/// on the heap. The data holds Model::output_size targets per sample, or with a loss that takes class
/// labels (SparseCategoricalCrossEntropy, TakesClassLabels) one, the class's index. Throws DataError
/// for data that does not fit the model and the loss, empty training or validation data, a value that
/// is not finite or a label that is no class index in them (naming the sample), a metric that cannot
/// compare class labels, a model never initialized, or an unknown monitor; DivergenceError naming the epoch when a loss or a parameter becomes NaN or
/// infinite, after putting back (with restore_best) the weights of the best epoch, or those the model
/// had before fit when no epoch was finite.
template <class Loss, class Model, class Optimizer>
History fit(Model& model, Optimizer& optimizer, const Dataset& train, const FitOptions& options) {
  check_fits_model_and_loss<Model, Loss>(train, "training");
  if (options.validation) check_fits_model_and_loss<Model, Loss>(*options.validation, "validation");
  if (train.empty()) throw DataError("fit: the training data is empty");
  if (options.validation && options.validation->empty())
    throw DataError("fit: the validation data is empty (pass no validation data instead)");
  if (options.batch_size == 0) throw DataError("fit: batch_size must be at least 1");
  train.check_finite("fit: training data");
  if (options.validation) options.validation->check_finite("fit: validation data");
  check_labels_for_loss<Model, Loss>(train, "fit: training data");
  if (options.validation) check_labels_for_loss<Model, Loss>(*options.validation, "fit: validation data");
  constexpr std::size_t targets = target_width<Loss, Model>();
  detail::check_metrics_fit_targets(options.metrics, Model::output_size, targets, "fit");
  check_parameters_set(model, "fit");
  check_label_smoothing<Loss>(options.label_smoothing, Model::output_size, "fit");

  const auto started = std::chrono::steady_clock::now();
  const std::size_t samples = train.size();
  const std::size_t stride = std::min(options.batch_size, samples);
  const std::size_t steps = (samples + stride - 1) / stride;

  std::vector<float> x(Model::input_size * stride), t(targets * stride);
  std::vector<float> smoothed(options.label_smoothing > 0.0f ? t.size() : 0);  // what the loss trains on
  const float* loss_targets = smoothed.empty() ? t.data() : smoothed.data();
  std::vector<float> activations(SequentialKernels<Model>::training_activation_count * stride);
  std::vector<float> deltas(2 * SequentialKernels<Model>::widest_output * stride), gradients(Model::parameter_count);
  const TrainingBuffers<Model> buffers = {activations.data(), deltas.data(), deltas.data() + deltas.size() / 2,
                                          gradients.data(), stride};

  std::vector<std::uint32_t> order(samples);
  std::iota(order.begin(), order.end(), 0u);
  Random shuffler(options.seed);

  History history;
  history.has_validation = options.validation != nullptr;
  history.metric_names = metric_names(options.metrics);
  const std::string monitor = !options.early_stopping.monitor.empty() ? options.early_stopping.monitor
                              : history.has_validation                ? "val_loss"
                                                                      : "loss";
  history.check_name(monitor);  // before any training
  const bool larger_is_better =
      options.early_stopping.mode == MonitorMode::max ||
      (options.early_stopping.mode == MonitorMode::automatic && monitor.find("acc") != std::string::npos);
  const bool restore_best = options.early_stopping.enabled && options.early_stopping.restore_best;
  ProgressDisplay progress(options.progress, options.progress_output, options.epochs, steps);
  Model best = model;  // before fit, until an epoch is measured
  float best_monitored = 0;
  std::size_t epochs_without_improvement = 0, epochs_since_rate_change = 0;

  for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
    progress.begin_epoch(epoch);
    if (options.shuffle)  // Fisher-Yates
      for (std::size_t k = samples - 1; k > 0; --k)
        std::swap(order[k], order[shuffler.below(static_cast<std::uint32_t>(k + 1))]);

    double loss_sum = 0;
    detail::MetricSums metric_sums(options.metrics);
    for (std::size_t step = 0; step < steps; ++step) {
      const std::size_t first = step * stride;
      const std::size_t count = std::min(stride, samples - first);
      const auto index = [&](std::size_t b) { return static_cast<std::size_t>(order[first + b]); };
      detail::gather_feature_major(train.inputs.data(), Model::input_size, index, count, x.data(), stride);
      detail::gather_feature_major(train.outputs.data(), targets, index, count, t.data(), stride);
      if (!smoothed.empty())
        smooth_labels(t.data(), targets, count, stride, options.label_smoothing,
                      LabelSmoothingClasses<Loss>::of(Model::output_size), smoothed.data());
      const float loss = train_on_batch<Loss>(model, optimizer, x.data(), loss_targets, count, buffers);
      loss_sum += static_cast<double>(loss) * static_cast<double>(count);
      metric_sums.add(Model::output_size, targets, SequentialKernels<Model>::output_of(activations.data(), stride),
                      t.data(), count, stride);
      progress.step(step + 1, static_cast<float>(loss_sum / static_cast<double>(first + count)));
    }

    EpochRecord record;
    record.learning_rate = optimizer.learning_rate();
    record.loss = static_cast<float>(loss_sum / static_cast<double>(samples));
    record.metrics = metric_sums.means(samples);
    const std::string diverged = detail::divergence_of(model, record, false);
    if (diverged.empty() && options.validation) {
      // Checked before the first epoch; the divergence check has just found the parameters finite.
      const Evaluation validation =
          detail::evaluate_checked<Loss>(model, *options.validation, options.metrics, options.label_smoothing);
      record.val_loss = validation.loss;
      record.val_metrics = validation.values;
    }
    history.epochs.push_back(record);
    progress.end_epoch(record, history);
    if (options.on_epoch_end) options.on_epoch_end(epoch, record);
    const std::string reason =
        diverged.empty() ? detail::divergence_of(model, record, history.has_validation) : diverged;
    if (!reason.empty()) {
      if (restore_best) model = best;
      throw DivergenceError("training diverged in epoch " + std::to_string(epoch + 1) + ": " + reason +
                            "; lower the learning rate or standardize the inputs" +
                            (restore_best ? (epoch == 0 ? std::string(" (the model is as it was before fit)")
                                                        : " (the model holds the weights of epoch " +
                                                              std::to_string(history.best_epoch + 1) + ")")
                                          : std::string()));
    }

    const float monitored = history.value(record, monitor);
    if (epoch == 0 || detail::improves(monitored, best_monitored, options.early_stopping.min_delta, larger_is_better)) {
      best_monitored = monitored;
      history.best_epoch = epoch;
      epochs_without_improvement = epochs_since_rate_change = 0;
      if (restore_best) best = model;
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
  if (restore_best) model = best;
  history.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return history;
}

}  // namespace tinymlp

#endif

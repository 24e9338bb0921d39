/// \file
/// Batch inference over a dataset: evaluate() for the loss, the metrics asked for and, for a
/// classifier (an accuracy among them), the confusion matrix; predict() for the outputs. Samples go through the batch kernels in chunks, which vectorize across samples.
#ifndef TINYMLP_HOST_EVALUATE_HPP
#define TINYMLP_HOST_EVALUATE_HPP

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "batches.hpp"
#include "confusion_matrix.hpp"
#include "../model/sequential_kernels.hpp"
#include "dataset.hpp"
#include "initialized.hpp"
#include "label_smoothing.hpp"
#include "labels.hpp"
#include "metrics.hpp"

namespace tinymlp {

/// What evaluate measures: means over the samples.
struct Evaluation {
  float loss = 0;               ///< The loss.
  std::vector<Metric> metrics;  ///< The metrics asked for,
  std::vector<float> values;    ///< and their values, in the same order.
  ConfusionMatrix confusion;    ///< Counted when an accuracy was asked for (else 0 classes).

  /// The value of `metric` (DataError unless it was asked for).
  float operator[](Metric metric) const {
    for (std::size_t k = 0; k < metrics.size(); ++k)
      if (metrics[k] == metric) return values[k];
    throw DataError(std::string("evaluation: the metric ") + metric_name(metric) +
                    " was not asked for; pass it to evaluate");
  }
};

namespace detail {

// Runs the model over `count` sample-major inputs in chunks; calls on_chunk(first, chunk_count,
// outputs, stride) with the chunk's feature-major outputs.
// The buffers are kept from call to call (per thread, grown as needed): allocated afresh, their pages
// came back from the system zeroed each time, and a validation pass each epoch spent half its time
// on that.
template <class Model, class OnChunk>
void run_in_chunks(const Model& model, const float* inputs, std::size_t count, OnChunk on_chunk) {
  const std::size_t stride = chunk_stride;
  thread_local std::vector<float> x, activations;
  if (x.size() < Model::input_size * stride) x.resize(Model::input_size * stride);
  const std::size_t activation_count = SequentialKernels<Model>::training_activation_count * stride;
  if (activations.size() < activation_count) activations.resize(activation_count);
  for (std::size_t first = 0; first < count; first += chunk_capacity) {
    const std::size_t chunk = std::min(chunk_capacity, count - first);
    gather_feature_major(
        inputs, Model::input_size, [first](std::size_t b) { return first + b; }, chunk, x.data(), stride);
    SequentialKernels<Model>::infer_batch(model.parameters, x.data(), activations.data(), chunk, stride);
    on_chunk(first, chunk, SequentialKernels<Model>::output_of(activations.data(), stride), stride);
  }
}

}  // namespace detail

namespace detail {

// evaluate() on data, metrics and a model already checked (fit's validation, each epoch).
template <class Loss, class Model>
Evaluation evaluate_checked(const Model& model, const Dataset& data, const std::vector<Metric>& metrics,
                            float label_smoothing) {
  const std::size_t targets = target_width<Loss, Model>();
  thread_local std::vector<float> t, smoothed;
  if (t.size() < targets * chunk_stride) t.resize(targets * chunk_stride);
  if (label_smoothing > 0.0f && smoothed.size() < t.size()) smoothed.resize(t.size());
  double loss = 0;
  detail::MetricSums sums(metrics);
  Evaluation result;
  if (std::any_of(metrics.begin(), metrics.end(), is_accuracy))
    result.confusion = ConfusionMatrix(Model::output_size == 1 ? 2 : Model::output_size);
  detail::run_in_chunks(model, data.inputs.data(), data.size(),
                        [&](std::size_t first, std::size_t chunk, const float* y, std::size_t stride) {
                          detail::gather_feature_major(
                              data.outputs.data(), targets, [first](std::size_t b) { return first + b; }, chunk,
                              t.data(), stride);
                          const float* loss_targets = t.data();
                          if (label_smoothing > 0.0f) {
                            smooth_labels(t.data(), targets, chunk, stride, label_smoothing,
                                          LabelSmoothingClasses<Loss>::of(Model::output_size), smoothed.data());
                            loss_targets = smoothed.data();
                          }
                          loss += Loss::template total<Model::output_size>(y, loss_targets, chunk, stride);
                          sums.add(Model::output_size, targets, y, t.data(), chunk, stride);
                          if (result.confusion.classes())
                            result.confusion.add(Model::output_size, targets, y, t.data(), chunk, stride);
                        });
  result.loss = static_cast<float>(loss / static_cast<double>(data.size()));
  result.metrics = metrics;
  result.values = sums.means(data.size());
  return result;
}

}  // namespace detail

/// The mean Loss and the mean of each of `metrics` of `model` over `data`, and a confusion matrix when
/// an accuracy is among them. The data holds Model::output_size targets per sample, or with a loss that
/// takes class labels (SparseCategoricalCrossEntropy, TakesClassLabels) one, the class's index.
/// DataError unless the data's widths fit the model and the loss, for no samples, a value that is not
/// finite or a label that is no class index (naming the sample), a metric that cannot compare class
/// labels, or a model whose parameters were never set (check_parameters_set). With `label_smoothing`
/// (label_smoothing.hpp), the loss is measured against smoothed targets, as fit's with the same setting.
template <class Loss, class Model>
Evaluation evaluate(const Model& model, const Dataset& data,
                    const std::vector<Metric>& metrics = {Metric::mean_absolute_error}, float label_smoothing = 0.0f) {
  check_label_smoothing<Loss>(label_smoothing, Model::output_size, "evaluate");
  check_fits_model_and_loss<Model, Loss>(data, "evaluation");
  if (data.empty()) throw DataError("evaluate: the evaluation data is empty");
  data.check_finite("evaluation data");
  check_labels_for_loss<Model, Loss>(data, "evaluation data");
  detail::check_metrics_fit_targets(metrics, Model::output_size, target_width<Loss, Model>(), "evaluate");
  check_parameters_set(model, "evaluate");
  return detail::evaluate_checked<Loss>(model, data, metrics, label_smoothing);
}

/// Outputs for `count` samples given sample-major, returned sample-major. A sample's outputs are the
/// same floats whatever batch it comes in, and the ones fit's forward pass computes for it;
/// Model::predict adds up each output along its row of weights instead, so the two may differ in the
/// last bits.
template <class Model>
std::vector<float> predict(const Model& model, const float* inputs, std::size_t count) {
  check_parameters_set(model, "predict");
  std::vector<float> outputs(count * Model::output_size);
  detail::run_in_chunks(
      model, inputs, count, [&](std::size_t first, std::size_t chunk, const float* y, std::size_t stride) {
        detail::scatter_sample_major(y, stride, Model::output_size, chunk, outputs.data() + first * Model::output_size);
      });
  return outputs;
}

/// Outputs for the whole samples in `inputs` (sample-major); DataError if its size is not a
/// multiple of the input width.
template <class Model>
std::vector<float> predict(const Model& model, const std::vector<float>& inputs) {
  if (inputs.size() % Model::input_size != 0)
    throw DataError("predict: " + std::to_string(inputs.size()) + " values are not a whole number of samples of " +
                    std::to_string(Model::input_size) + " inputs");
  return predict(model, inputs.data(), inputs.size() / Model::input_size);
}

}  // namespace tinymlp

#endif

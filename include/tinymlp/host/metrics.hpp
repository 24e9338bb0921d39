/// \file
/// Metrics as Keras defines them, chosen per job and reported by fit (per epoch, in History, on the
/// progress line), by evaluate and to early stopping: accuracy (binary: an output above 0.5 counts as
/// 1, compared with the target; categorical: the largest output's index against the largest
/// target's, the first of equal ones), sparse categorical accuracy, mean absolute and mean squared
/// error. With class labels (one target per sample, as SparseCategoricalCrossEntropy takes) `accuracy`
/// is the sparse categorical accuracy, as Keras resolves it. Each is a mean over samples of a per-sample value (for binary accuracy and the errors, the
/// mean over the sample's outputs).
#ifndef TINYMLP_HOST_METRICS_HPP
#define TINYMLP_HOST_METRICS_HPP

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "errors.hpp"

namespace tinymlp {

/// A metric, named as in Keras's `metrics=[...]`.
enum class Metric {
  accuracy,  ///< "accuracy": binary_accuracy for a model with one output, categorical_accuracy otherwise (as Keras resolves it).
  binary_accuracy,       ///< "binary_accuracy": outputs above 0.5 count as 1, compared with the targets.
  categorical_accuracy,  ///< "categorical_accuracy": the largest output's index equals the largest target's.
  sparse_categorical_accuracy,  ///< "sparse_categorical_accuracy": the largest output's index equals the class label (Dataset::class_of).
  mean_absolute_error,  ///< "mae".
  mean_squared_error    ///< "mse".
};

/// The name fit and evaluate report a metric by ("val_" before it for validation data).
inline const char* metric_name(Metric metric) {
  switch (metric) {
    case Metric::accuracy: return "accuracy";
    case Metric::binary_accuracy: return "binary_accuracy";
    case Metric::categorical_accuracy: return "categorical_accuracy";
    case Metric::sparse_categorical_accuracy: return "sparse_categorical_accuracy";
    case Metric::mean_absolute_error: return "mae";
    case Metric::mean_squared_error: return "mse";
  }
  return "?";
}

/// Whether a metric is one of the accuracies (a classifier's metric: evaluate then also counts the
/// confusion matrix).
inline bool is_accuracy(Metric metric) {
  return metric != Metric::mean_absolute_error && metric != Metric::mean_squared_error;
}

/// The names of `metrics`, prefixed.
inline std::vector<std::string> metric_names(const std::vector<Metric>& metrics, const std::string& prefix = "") {
  std::vector<std::string> names;
  names.reserve(metrics.size());
  for (Metric metric : metrics) names.push_back(prefix + metric_name(metric));
  return names;
}

namespace detail {

// The index of the largest of `width` values of sample s (feature-major), the first of equal ones.
inline std::size_t argmax_of_sample(const float* values, std::size_t width, std::size_t s, std::size_t stride) {
  std::size_t best = 0;
  for (std::size_t f = 1; f < width; ++f)
    if (values[f * stride + s] > values[best * stride + s]) best = f;
  return best;
}

// The metric `accuracy` stands for, as Keras resolves it: binary for one output, sparse categorical
// for class labels (one target for several outputs), else categorical.
inline Metric resolved(Metric metric, std::size_t width, std::size_t target_width) {
  if (metric != Metric::accuracy) return metric;
  if (width == 1) return Metric::binary_accuracy;
  return target_width == 1 ? Metric::sparse_categorical_accuracy : Metric::categorical_accuracy;
}

// Throws DataError naming `where` for a metric that cannot compare `width` outputs with
// `target_width` targets: with class labels (one target, several outputs) only the accuracy and
// sparse categorical accuracy can.
inline void check_metrics_fit_targets(const std::vector<Metric>& metrics, std::size_t width, std::size_t target_width,
                                      const std::string& where) {
  if (target_width == width) return;
  for (Metric metric : metrics)
    if (resolved(metric, width, target_width) != Metric::sparse_categorical_accuracy)
      throw DataError(where + ": the metric " + metric_name(metric) + " compares each of the " + std::to_string(width) +
                      " outputs with a target, and the data holds one target, the class " +
                      "label: ask for Metric::accuracy or Metric::sparse_categorical_accuracy");
}

// The class of sample s of targets t: the label itself for one target beside several outputs (class
// labels), else the largest target's index.
inline std::size_t label_of_sample(const float* t, std::size_t width, std::size_t target_width, std::size_t s,
                                   std::size_t stride) {
  if (target_width == 1) return t[s] > 0 ? static_cast<std::size_t>(t[s]) : 0;
  return argmax_of_sample(t, width, s, stride);
}

// The sum over `samples` samples (feature-major, `stride`) of the metric's per-sample value, for
// `width` outputs y and `target_width` targets t (`width` of them, or one class label).
inline double metric_total(Metric metric, std::size_t width, std::size_t target_width, const float* y, const float* t,
                           std::size_t samples, std::size_t stride) {
  metric = resolved(metric, width, target_width);
  double sum = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    double sample = 0;
    switch (metric) {
      case Metric::binary_accuracy:
        for (std::size_t f = 0; f < width; ++f)
          sample += (y[f * stride + s] > 0.5f ? 1.0f : 0.0f) == t[f * stride + s] ? 1.0 : 0.0;
        sample /= static_cast<double>(width);
        break;
      case Metric::categorical_accuracy:
        sample = argmax_of_sample(y, width, s, stride) == argmax_of_sample(t, width, s, stride) ? 1.0 : 0.0;
        break;
      case Metric::sparse_categorical_accuracy:
        // With one-hot targets the label is the one; a single target holds the label itself.
        sample =
            argmax_of_sample(y, width, s, stride) == label_of_sample(t, width, target_width, s, stride) ? 1.0 : 0.0;
        break;
      case Metric::mean_absolute_error:
        for (std::size_t f = 0; f < width; ++f)
          sample += std::fabs(static_cast<double>(y[f * stride + s] - t[f * stride + s]));
        sample /= static_cast<double>(width);
        break;
      case Metric::mean_squared_error:
        for (std::size_t f = 0; f < width; ++f) {
          const double error = static_cast<double>(y[f * stride + s]) - static_cast<double>(t[f * stride + s]);
          sample += error * error;
        }
        sample /= static_cast<double>(width);
        break;
      case Metric::accuracy: break;
    }
    sum += sample;
  }
  return sum;
}

// Sums of several metrics over batches, and their means.
class MetricSums {
 public:
  explicit MetricSums(const std::vector<Metric>& metrics) : metrics_(metrics), sums_(metrics.size(), 0.0) {}
  void add(std::size_t width, std::size_t target_width, const float* y, const float* t, std::size_t samples,
           std::size_t stride) {
    for (std::size_t k = 0; k < metrics_.size(); ++k)
      sums_[k] += metric_total(metrics_[k], width, target_width, y, t, samples, stride);
  }
  std::vector<float> means(std::size_t samples) const {
    std::vector<float> values;
    values.reserve(sums_.size());
    for (double sum : sums_) values.push_back(static_cast<float>(sum / static_cast<double>(samples)));
    return values;
  }

 private:
  const std::vector<Metric>& metrics_;
  std::vector<double> sums_;
};

}  // namespace detail

}  // namespace tinymlp

#endif

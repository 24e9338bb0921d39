/// \file
/// Keras's label smoothing: the targets a cross-entropy loss trains on pulled from 0 and 1 towards
/// the uniform guess, so that a classifier stops pushing its logits apart once it is right (which
/// generalizes better on small data sets). With smoothing s, a one-hot target t of K classes trains as
/// t (1 - s) + s / K (CategoricalCrossEntropy), and a binary target as t (1 - s) + s / 2
/// (BinaryCrossEntropy), as Keras's losses of those names do with `label_smoothing=s`. fit and
/// evaluate smooth a copy of each batch's targets for the loss only: the metrics compare the model's
/// outputs with the targets as given.
#ifndef TINYMLP_HOST_LABEL_SMOOTHING_HPP
#define TINYMLP_HOST_LABEL_SMOOTHING_HPP

#include <cstddef>
#include <string>

#include "../train/losses.hpp"
#include "errors.hpp"

namespace tinymlp {

/// The classes whose uniform guess Loss's targets are smoothed towards, for a model of `outputs`
/// outputs: 0 for a loss that has no label smoothing in Keras. Specialize it for a loss of one's own.
template <class Loss>
struct LabelSmoothingClasses {
  /// No smoothing.
  static constexpr std::size_t of(std::size_t /*outputs*/) { return 0; }
};
/// Each output is a class of its own: towards 1 / outputs.
template <>
struct LabelSmoothingClasses<CategoricalCrossEntropy> {
  /// The outputs.
  static constexpr std::size_t of(std::size_t outputs) { return outputs; }
};
/// Each output is a yes or no: towards 1 / 2.
template <>
struct LabelSmoothingClasses<BinaryCrossEntropy> {
  /// Two.
  static constexpr std::size_t of(std::size_t /*outputs*/) { return 2; }
};

/// Throws DataError naming `where` unless `smoothing` is in [0, 1], and, when it is not 0, Loss smooths
/// labels (saying which losses do, and what to do with class labels).
template <class Loss>
void check_label_smoothing(float smoothing, std::size_t outputs, const std::string& where) {
  if (!(smoothing >= 0.0f && smoothing <= 1.0f))
    throw DataError(where + ": label_smoothing is " + std::to_string(smoothing) +
                    "; it must be from 0 (none) to 1 (every target the uniform guess)");
  if (smoothing > 0.0f && LabelSmoothingClasses<Loss>::of(outputs) == 0)
    throw DataError(where + ": label_smoothing " + std::to_string(smoothing) +
                    " needs one-hot or binary targets and a cross-entropy loss: CategoricalCrossEntropy or "
                    "BinaryCrossEntropy (for class labels, read them one-hot: CsvOptions::one_hot = true)");
}

/// `smoothed` = the `width` targets of `count` samples at `targets`, feature-major with `stride`,
/// smoothed by `smoothing` towards the uniform guess of `classes` classes.
inline void smooth_labels(const float* targets, std::size_t width, std::size_t count, std::size_t stride,
                          float smoothing, std::size_t classes, float* smoothed) {
  const float kept = 1.0f - smoothing, uniform = smoothing / static_cast<float>(classes);
  for (std::size_t f = 0; f < width; ++f)
    for (std::size_t s = 0; s < count; ++s) smoothed[f * stride + s] = targets[f * stride + s] * kept + uniform;
}

}  // namespace tinymlp

#endif

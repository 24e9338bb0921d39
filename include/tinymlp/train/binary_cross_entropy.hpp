/// \file
/// Binary cross-entropy on probabilities (after a Sigmoid), as Keras computes it: y is clipped to
/// [eps, 1 - eps] and the loss per output is -(t log(y + eps) + (1 - t) log(1 - y + eps)),
/// eps = 1e-7, averaged over outputs and then over samples. Where the clip is active the gradient
/// is zero, as for Keras's clip_by_value.
#ifndef TINYMLP_TRAIN_BINARY_CROSS_ENTROPY_HPP
#define TINYMLP_TRAIN_BINARY_CROSS_ENTROPY_HPP

#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "fuzz_factor.hpp"
#include "mean_over_outputs_loss.hpp"

namespace tinymlp {

/// Binary cross-entropy: the loss for independent yes/no outputs after a Sigmoid.
struct BinaryCrossEntropy : MeanOverOutputsLoss<BinaryCrossEntropy>, detail::KerasFuzzFactor<> {
  /// One output's loss: -(t log(y + eps) + (1 - t) log(1 - y + eps)), y clipped to [eps, 1 - eps].
  static float term(float y, float t) {
    const float p = y < epsilon ? epsilon : y > 1.0f - epsilon ? 1.0f - epsilon : y;
    return -(t * detail::log_of(p + epsilon) + (1.0f - t) * detail::log_of(1.0f - p + epsilon));
  }
  /// d term / dy: its derivative with respect to y; 0 where the clip is active.
  static float derivative(float y, float t) {
    const bool inside_clip = y > epsilon && y < 1.0f - epsilon;
    return inside_clip ? (1.0f - t) / (1.0f - y + epsilon) - t / (y + epsilon) : 0.0f;
  }
};

}  // namespace tinymlp

#endif

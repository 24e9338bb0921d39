/// \file
/// The reduction Keras applies to its elementwise losses: per sample the mean over outputs of one
/// term per output, and for a batch the mean over samples. Derived supplies term(y, t) and its
/// derivative(y, t) with respect to y. Batches are feature-major, as in the layer kernels.
#ifndef TINYMLP_TRAIN_MEAN_OVER_OUTPUTS_LOSS_HPP
#define TINYMLP_TRAIN_MEAN_OVER_OUTPUTS_LOSS_HPP

#include "../detail/integers.hpp"

namespace tinymlp {

/// Base of the elementwise losses (CRTP): Derived supplies term(y, t) and derivative(y, t).
template <class Derived>
struct MeanOverOutputsLoss {
  /// The sum over samples of each sample's loss (divide by the sample count for the mean). y and t
  /// hold Width outputs and targets of `samples` samples, feature-major with `stride`.
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      float sample = 0.0f;
      for (size_t f = 0; f < Width; ++f) sample += Derived::term(y[f * stride + s], t[f * stride + s]);
      sum += sample / static_cast<float>(Width);
    }
    return sum;
  }

  /// Writes to dy the gradient of the batch-mean loss with respect to y (same layout as y).
  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float scale = 1.0f / static_cast<float>(Width * samples);
    for (size_t f = 0; f < Width; ++f)
      for (size_t s = 0; s < samples; ++s)
        dy[f * stride + s] = scale * Derived::derivative(y[f * stride + s], t[f * stride + s]);
  }
};

}  // namespace tinymlp

#endif

/// \file
/// Categorical cross-entropy on probabilities (after a Softmax), as Keras computes it: y is first
/// renormalized to sum to 1 (p = y / sum y), clipped to [eps, 1 - eps], eps = 1e-7, and the loss
/// per sample is -sum_f t_f log p_f; the batch loss is the mean over samples. t is one-hot (or any
/// distribution).
#ifndef TINYMLP_TRAIN_CATEGORICAL_CROSS_ENTROPY_HPP
#define TINYMLP_TRAIN_CATEGORICAL_CROSS_ENTROPY_HPP

#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "fuzz_factor.hpp"

namespace tinymlp {

/// Categorical cross-entropy: the loss for one class out of Width, after a Softmax.
struct CategoricalCrossEntropy : detail::KerasFuzzFactor<> {
  /// The sum over samples of each sample's loss (divide by the sample count for the mean). y and t
  /// hold Width outputs and targets of `samples` samples, feature-major with `stride`.
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      const float scale = 1.0f / sum_of_sample<Width>(y, s, stride);
      for (size_t f = 0; f < Width; ++f) sum -= t[f * stride + s] * detail::log_of(clipped(y[f * stride + s] * scale));
    }
    return sum;
  }

  /// Writes to dy the gradient of the batch-mean loss with respect to y (same layout as y). With
  /// S = sum_g y_g, dL/dy_f = -t_f / y_f + (sum_g t_g) / S, both sums over the outputs the clip
  /// leaves alone (a clipped output contributes a constant). The second term is the
  /// renormalization's share; it cancels the first on average when y already sums to 1.
  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float batch_scale = 1.0f / static_cast<float>(samples);
    for (size_t s = 0; s < samples; ++s) {
      const float total_y = sum_of_sample<Width>(y, s, stride);
      float unclipped_t = 0.0f;
      for (size_t f = 0; f < Width; ++f)
        if (inside_clip(y[f * stride + s] / total_y)) unclipped_t += t[f * stride + s];
      for (size_t f = 0; f < Width; ++f) {
        const float own = inside_clip(y[f * stride + s] / total_y) ? -t[f * stride + s] / y[f * stride + s] : 0.0f;
        dy[f * stride + s] = batch_scale * (own + unclipped_t / total_y);
      }
    }
  }

 private:
  template <size_t Width>
  static float sum_of_sample(const float* y, size_t s, size_t stride) {
    float total = 0.0f;
    for (size_t f = 0; f < Width; ++f) total += y[f * stride + s];
    return total;
  }
  static bool inside_clip(float p) { return p > epsilon && p < 1.0f - epsilon; }
  static float clipped(float p) { return p < epsilon ? epsilon : p > 1.0f - epsilon ? 1.0f - epsilon : p; }
};

}  // namespace tinymlp

#endif

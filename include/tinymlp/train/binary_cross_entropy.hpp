// Binary cross-entropy on probabilities (after a Sigmoid), as Keras computes it: y is clipped to
// [eps, 1 - eps] and the loss per output is -(t log(y + eps) + (1 - t) log(1 - y + eps)),
// eps = 1e-7, averaged over outputs and then over samples. Where the clip is active the gradient
// is zero, as for Keras's clip_by_value.
#ifndef TINYMLP_TRAIN_BINARY_CROSS_ENTROPY_HPP
#define TINYMLP_TRAIN_BINARY_CROSS_ENTROPY_HPP

#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "fuzz_factor.hpp"

namespace tinymlp {

struct BinaryCrossEntropy : detail::KerasFuzzFactor<> {
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      float sample = 0.0f;
      for (size_t f = 0; f < Width; ++f) {
        const float p = clipped(y[f * stride + s]);
        const float target = t[f * stride + s];
        sample -= target * detail::log_of(p + epsilon) + (1.0f - target) * detail::log_of(1.0f - p + epsilon);
      }
      sum += sample / static_cast<float>(Width);
    }
    return sum;
  }

  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float scale = 1.0f / static_cast<float>(Width * samples);
    for (size_t f = 0; f < Width; ++f)
      for (size_t s = 0; s < samples; ++s) {
        const float p = y[f * stride + s];
        const float target = t[f * stride + s];
        const bool inside_clip = p > epsilon && p < 1.0f - epsilon;
        dy[f * stride + s] =
            inside_clip ? scale * ((1.0f - target) / (1.0f - p + epsilon) - target / (p + epsilon)) : 0.0f;
      }
  }

 private:
  static float clipped(float p) { return p < epsilon ? epsilon : p > 1.0f - epsilon ? 1.0f - epsilon : p; }
};

}  // namespace tinymlp

#endif

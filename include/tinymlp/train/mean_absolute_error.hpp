// Mean absolute error, Keras's "mae": per sample the mean over outputs of |y - t|. Used as a
// metric; as a loss its gradient is the sign of the error.
#ifndef TINYMLP_TRAIN_MEAN_ABSOLUTE_ERROR_HPP
#define TINYMLP_TRAIN_MEAN_ABSOLUTE_ERROR_HPP

#include "../detail/integers.hpp"
#include "../detail/math.hpp"

namespace tinymlp {

struct MeanAbsoluteError {
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      float sample = 0.0f;
      for (size_t f = 0; f < Width; ++f) sample += detail::magnitude_of(y[f * stride + s] - t[f * stride + s]);
      sum += sample / static_cast<float>(Width);
    }
    return sum;
  }

  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float scale = 1.0f / static_cast<float>(Width * samples);
    for (size_t f = 0; f < Width; ++f)
      for (size_t s = 0; s < samples; ++s) {
        const float error = y[f * stride + s] - t[f * stride + s];
        dy[f * stride + s] = error > 0.0f ? scale : error < 0.0f ? -scale : 0.0f;
      }
  }
};

}  // namespace tinymlp

#endif

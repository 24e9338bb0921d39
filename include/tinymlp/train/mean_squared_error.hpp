// Mean squared error, Keras's "mse": per sample the mean over outputs of (y - t)^2, and the batch
// loss is the mean over samples. Batches are feature-major, as in the layer kernels.
#ifndef TINYMLP_TRAIN_MEAN_SQUARED_ERROR_HPP
#define TINYMLP_TRAIN_MEAN_SQUARED_ERROR_HPP

#include "../detail/integers.hpp"

namespace tinymlp {

struct MeanSquaredError {
  // The sum over samples of each sample's loss (divide by the sample count for the mean).
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      float sample = 0.0f;
      for (size_t f = 0; f < Width; ++f) {
        const float error = y[f * stride + s] - t[f * stride + s];
        sample += error * error;
      }
      sum += sample / static_cast<float>(Width);
    }
    return sum;
  }

  // dLoss/dy of the batch-mean loss.
  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float scale = 2.0f / static_cast<float>(Width * samples);
    for (size_t f = 0; f < Width; ++f)
      for (size_t s = 0; s < samples; ++s) dy[f * stride + s] = scale * (y[f * stride + s] - t[f * stride + s]);
  }
};

}  // namespace tinymlp

#endif

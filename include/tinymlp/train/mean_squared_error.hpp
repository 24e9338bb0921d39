// Mean squared error, Keras's "mse": per sample the mean over outputs of (y - t)^2.
#ifndef TINYMLP_TRAIN_MEAN_SQUARED_ERROR_HPP
#define TINYMLP_TRAIN_MEAN_SQUARED_ERROR_HPP

#include "mean_over_outputs_loss.hpp"

namespace tinymlp {

struct MeanSquaredError : MeanOverOutputsLoss<MeanSquaredError> {
  static float term(float y, float t) {
    const float error = y - t;
    return error * error;
  }
  static float derivative(float y, float t) { return 2.0f * (y - t); }
};

}  // namespace tinymlp

#endif

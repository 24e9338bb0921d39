/// \file
/// Mean squared error, Keras's "mse": per sample the mean over outputs of (y - t)^2.
#ifndef TINYMLP_TRAIN_MEAN_SQUARED_ERROR_HPP
#define TINYMLP_TRAIN_MEAN_SQUARED_ERROR_HPP

#include "mean_over_outputs_loss.hpp"

namespace tinymlp {

/// Mean squared error: the loss for regression.
struct MeanSquaredError : MeanOverOutputsLoss<MeanSquaredError> {
  /// One output's loss: (y - t)^2.
  static float term(float y, float t) {
    const float error = y - t;
    return error * error;
  }
  /// d term / dy: 2 (y - t).
  static float derivative(float y, float t) { return 2.0f * (y - t); }
};

}  // namespace tinymlp

#endif

/// \file
/// Mean absolute error, Keras's "mae": per sample the mean over outputs of |y - t|. Used as a
/// metric; as a loss its gradient is the sign of the error.
#ifndef TINYMLP_TRAIN_MEAN_ABSOLUTE_ERROR_HPP
#define TINYMLP_TRAIN_MEAN_ABSOLUTE_ERROR_HPP

#include "../detail/math.hpp"
#include "mean_over_outputs_loss.hpp"

namespace tinymlp {

/// Mean absolute error: a metric (fit and evaluate report it).
struct MeanAbsoluteError : MeanOverOutputsLoss<MeanAbsoluteError> {
  /// One output's loss: |y - t|.
  static float term(float y, float t) { return detail::magnitude_of(y - t); }
  /// d term / dy: the sign of y - t (0 where equal).
  static float derivative(float y, float t) { return y > t ? 1.0f : y < t ? -1.0f : 0.0f; }
};

}  // namespace tinymlp

#endif

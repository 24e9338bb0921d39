// Mean absolute error, Keras's "mae": per sample the mean over outputs of |y - t|. Used as a
// metric; as a loss its gradient is the sign of the error.
#ifndef TINYMLP_TRAIN_MEAN_ABSOLUTE_ERROR_HPP
#define TINYMLP_TRAIN_MEAN_ABSOLUTE_ERROR_HPP

#include "../detail/math.hpp"
#include "mean_over_outputs_loss.hpp"

namespace tinymlp {

struct MeanAbsoluteError : MeanOverOutputsLoss<MeanAbsoluteError> {
  static float term(float y, float t) { return detail::magnitude_of(y - t); }
  static float derivative(float y, float t) { return y > t ? 1.0f : y < t ? -1.0f : 0.0f; }
};

}  // namespace tinymlp

#endif

#ifndef TINYMLP_LAYERS_RELU6_HPP
#define TINYMLP_LAYERS_RELU6_HPP

#include "../config.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// min(max(x, 0), 6) (Keras's relu6, TFLite's RELU6). The derivative is 1 strictly between 0 and 6,
/// else 0, as TensorFlow's.
struct ReLU6 : ElementwiseActivation<ReLU6> {
  /// min(max(x, 0), 6).
  static float value(float x) { return x > 0.0f ? (x < 6.0f ? x : 6.0f) : 0.0f; }
  /// d value / dx: 1 for 0 < x < 6, else 0.
  static float derivative(float x, float /*y*/) { return x > 0.0f && x < 6.0f ? 1.0f : 0.0f; }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

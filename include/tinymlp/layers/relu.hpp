#ifndef TINYMLP_LAYERS_RELU_HPP
#define TINYMLP_LAYERS_RELU_HPP

#include "../config.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// max(x, 0). The derivative at 0 is taken as 0, as TensorFlow and PyTorch do.
struct ReLU : ElementwiseActivation<ReLU> {
  /// max(x, 0).
  static float value(float x) { return x > 0.0f ? x : 0.0f; }
  /// d value / dx: 1 for x > 0, else 0.
  static float derivative(float x, float /*y*/) { return x > 0.0f ? 1.0f : 0.0f; }
  /// dy where the ReLU was on, else 0: the product with the derivative as a select, which vectorizes
  /// into a compare and a mask where the product compiles to a branching loop.
  static float gradient(float x, float /*y*/, float dy) { return x > 0.0f ? dy : 0.0f; }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

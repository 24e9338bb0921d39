#ifndef TINYMLP_LAYERS_IDENTITY_HPP
#define TINYMLP_LAYERS_IDENTITY_HPP

#include "../config.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Passes values through; Keras's "linear" activation.
struct Identity : ElementwiseActivation<Identity> {
  /// x.
  static float value(float x) { return x; }
  /// d value / dx: 1.
  static float derivative(float /*x*/, float /*y*/) { return 1.0f; }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

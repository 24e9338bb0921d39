#ifndef TINYMLP_LAYERS_IDENTITY_HPP
#define TINYMLP_LAYERS_IDENTITY_HPP

#include "elementwise.hpp"

namespace tinymlp {

/// Passes values through; Keras's "linear" activation.
struct Identity : ElementwiseActivation<Identity> {
  /// x.
  static float value(float x) { return x; }
  /// d value / dx: 1.
  static float derivative(float /*x*/, float /*y*/) { return 1.0f; }
};

}  // namespace tinymlp

#endif

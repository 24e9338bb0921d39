#ifndef TINYMLP_LAYERS_IDENTITY_HPP
#define TINYMLP_LAYERS_IDENTITY_HPP

#include "elementwise.hpp"

namespace tinymlp {

// Passes values through; Keras's "linear" activation.
struct Identity : ElementwiseActivation<Identity> {
  static float value(float x) { return x; }
  static float derivative(float /*x*/, float /*y*/) { return 1.0f; }
};

}  // namespace tinymlp

#endif

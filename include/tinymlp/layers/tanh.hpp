#ifndef TINYMLP_LAYERS_TANH_HPP
#define TINYMLP_LAYERS_TANH_HPP

#include "../detail/math.hpp"
#include "elementwise.hpp"

namespace tinymlp {

/// The hyperbolic tangent, tanh(x) (TFLite's TANH).
struct Tanh : ElementwiseActivation<Tanh> {
  /// tanh(x).
  static float value(float x) { return detail::tanh_of(x); }
  /// d value / dx: 1 - y^2, from the output y.
  static float derivative(float /*x*/, float y) { return 1.0f - y * y; }
};

}  // namespace tinymlp

#endif

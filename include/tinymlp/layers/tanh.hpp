#ifndef TINYMLP_LAYERS_TANH_HPP
#define TINYMLP_LAYERS_TANH_HPP

#include "../config.hpp"
#include "../detail/math.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// The hyperbolic tangent, tanh(x) (TFLite's TANH).
struct Tanh : ElementwiseActivation<Tanh> {
  /// tanh(x).
  static float value(float x) { return detail::tanh_of(x); }
  /// d value / dx: 1 - y^2, from the output y.
  static float derivative(float /*x*/, float y) { return 1.0f - y * y; }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

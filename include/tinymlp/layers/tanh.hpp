#ifndef TINYMLP_LAYERS_TANH_HPP
#define TINYMLP_LAYERS_TANH_HPP

#include "../detail/math.hpp"
#include "elementwise.hpp"

namespace tinymlp {

struct Tanh : ElementwiseActivation<Tanh> {
  static float value(float x) { return detail::tanh_of(x); }
  static float derivative(float /*x*/, float y) { return 1.0f - y * y; }
};

}  // namespace tinymlp

#endif

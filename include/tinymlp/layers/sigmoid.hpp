#ifndef TINYMLP_LAYERS_SIGMOID_HPP
#define TINYMLP_LAYERS_SIGMOID_HPP

#include "../config.hpp"
#include "../detail/math.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// 1 / (1 + e^-x) (TFLite's LOGISTIC). For very negative x, e^-x overflows to infinity and the
/// result is the correct limit 0.
struct Sigmoid : ElementwiseActivation<Sigmoid> {
  /// 1 / (1 + e^-x).
  static float value(float x) { return 1.0f / (1.0f + detail::exp_of(-x)); }
  /// d value / dx: y (1 - y), from the output y.
  static float derivative(float /*x*/, float y) { return y * (1.0f - y); }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

#ifndef TINYMLP_LAYERS_RELU_HPP
#define TINYMLP_LAYERS_RELU_HPP

#include "../config.hpp"
#include "../detail/float_tests.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// max(x, 0). The derivative at 0 is taken as 0, as TensorFlow and PyTorch do.
struct ReLU : ElementwiseActivation<ReLU> {
  /// max(x, 0).
  static float value(float x) { return detail::is_above_zero(x) ? x : 0.0f; }
  /// d value / dx: 1 for x > 0, else 0.
  static float derivative(float x, float /*y*/) { return detail::is_above_zero(x) ? 1.0f : 0.0f; }

#if TINYMLP_DETAIL_SOFT_FLOAT
  // Without an FPU: in place, only the values that change are written; and the input gradient is dy
  // or dy * 0 read from dy's bits, not a library multiply by 1 or 0 (the same floats).
  static void apply(const float* x, float* y, size_t count) {
    if (x != y) return ElementwiseActivation<ReLU>::apply(x, y, count);
    for (size_t k = 0; k < count; ++k)
      if (!detail::is_above_zero(x[k])) y[k] = 0.0f;
  }
  static float gradient(float x, float /*y*/, float dy) {
    if (detail::is_inf_or_nan(dy)) return dy * derivative(x, 0.0f);
    return detail::is_above_zero(x) ? dy : detail::times_zero(dy);
  }
#else
  /// dy where the ReLU was on, else 0: the product with the derivative as a select, which vectorizes
  /// into a compare and a mask where the product compiles to a branching loop.
  static float gradient(float x, float /*y*/, float dy) { return detail::is_above_zero(x) ? dy : 0.0f; }
#endif
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

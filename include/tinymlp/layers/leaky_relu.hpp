#ifndef TINYMLP_LAYERS_LEAKY_RELU_HPP
#define TINYMLP_LAYERS_LEAKY_RELU_HPP

#include "../config.hpp"
#include "elementwise.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// x for x > 0, else alpha x (Keras's LeakyReLU, TFLite's LEAKY_RELU), with alpha = Numerator /
/// Denominator as a float: a template needs integers, and any float alpha is one exactly (its mantissa
/// over a power of two: the converter writes that). The default, 3/10, is Keras's 0.3.
template <long long Numerator = 3, long long Denominator = 10>
struct LeakyReLU : ElementwiseActivation<LeakyReLU<Numerator, Denominator>> {
  static_assert(Denominator > 0 && Numerator >= 0 && Numerator < Denominator,
                "LeakyReLU<Numerator, Denominator> needs 0 <= alpha = Numerator / Denominator < 1");
  /// The slope for x <= 0.
  static float alpha() { return static_cast<float>(Numerator) / static_cast<float>(Denominator); }
  /// x > 0 ? x : alpha x, as TFLite computes it.
  static float value(float x) { return x > 0.0f ? x : x * alpha(); }
  /// d value / dx: 1 for x > 0, else alpha.
  static float derivative(float x, float /*y*/) { return x > 0.0f ? 1.0f : alpha(); }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

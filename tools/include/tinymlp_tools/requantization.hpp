/// \file
/// TFLite's integer requantization, bit for bit: a real multiplier becomes a 31-bit fixed-point
/// multiplier and a power-of-two shift, and int32 accumulators are scaled by it with either
///   - double rounding (TFLite's default build, TensorFlow Lite Micro, CMSIS-NN): gemmlowp's rounding
///     high multiply, then a rounding right shift; or
///   - single rounding (TFLite built with TFLITE_SINGLE_ROUNDING=1; Arm NN and XNNPACK agree with it).
#ifndef TINYMLP_TOOLS_REQUANTIZATION_HPP
#define TINYMLP_TOOLS_REQUANTIZATION_HPP

#include <cstdint>

namespace tinymlp {
namespace tools {

/// Which of TFLite's integer roundings.
enum class Rounding {
  double_rounding,  ///< TFLite's default build, TensorFlow Lite Micro, CMSIS-NN.
  single_rounding   ///< TFLITE_SINGLE_ROUNDING=1; Arm NN and XNNPACK.
};

/// A real multiplier as TFLite stores it: multiplier * 2^(shift - 31).
struct QuantizedMultiplier {
  std::int32_t multiplier = 0;  ///< In [2^30, 2^31), or 0.
  int shift = 0;                ///< Positive: left shift.
};

/// TFLite's QuantizeMultiplier: frexp, then round half away from zero of q * 2^31. Multipliers of
/// 2^31 or more (shift > 30) are clamped as TFLite's single-rounding build does.
QuantizedMultiplier quantize_multiplier(double real_multiplier);

/// TFLite's MultiplyByQuantizedMultiplier in either rounding mode.
std::int32_t multiply_by_quantized_multiplier(std::int32_t x, QuantizedMultiplier multiplier, Rounding rounding);

}  // namespace tools
}  // namespace tinymlp

#endif

/// \file
/// Int8Softmax<Classes, Arithmetic>: TFLite's int8 SOFTMAX (output scale 1/256, zero point -128), in
/// either runtime's arithmetic, both driven by a 256-entry table of exp(-beta * input_scale * d) for
/// d = max - x = 0 .. 255, computed by the converter (host/int8_activation_tables.hpp):
/// \code{.unparsed}
///   FixedPointSoftmax   TensorFlow Lite Micro's reference kernel (reference/softmax.h): the table holds
///                       gemmlowp's exp_on_negative_values of the rescaled difference (0 below diff_min);
///                       sum rescaled to 12 integer bits, GetReciprocal, one doubling high multiply and
///                       rounding shift a class;
///   FloatTableSoftmax   TFLite's CPU runtime (optimized_ops::Softmax, the tfjs-tflite WebAssembly build):
///                       a float table of expf, float sum, 1 / (sum * output_scale), rounded half away.
/// \endcode
#ifndef TINYMLP_QUANT_INT8_SOFTMAX_HPP
#define TINYMLP_QUANT_INT8_SOFTMAX_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "fixed_point.hpp"
#include "requantization.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
namespace quant {

/// TensorFlow Lite Micro's int8 SOFTMAX arithmetic (the default with quant::DoubleRounding).
struct FixedPointSoftmax {
  /// exp(-beta * input_scale * d) for d = 0 .. 255 with 0 integer bits (gemmlowp's), 0 below diff_min.
  struct Parameters {
    int32_t exp_of_difference[256];  ///< By d = max - x.
  };

  /// Writes the Classes int8 probabilities of `x` to `y`.
  template <size_t Classes, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y) {
    int8_t largest = x[0];
    for (size_t c = 1; c < Classes; ++c)
      if (x[c] > largest) largest = x[c];
    // The sum with 12 integer bits, as TFLite's FixedPointAccum.
    int32_t sum = 0;
    for (size_t c = 0; c < Classes; ++c)
      sum += rounding_divide_by_power_of_two(Reader::load(parameters.exp_of_difference + (largest - x[c])), 12);
    int bits_over_unit = 0;
    const int32_t shifted_scale = fixed_point::reciprocal(sum, 12, &bits_over_unit);
    for (size_t c = 0; c < Classes; ++c) {
      const int32_t exp_in_0 = Reader::load(parameters.exp_of_difference + (largest - x[c]));
      const int32_t unsaturated = rounding_divide_by_power_of_two(
          rounding_doubling_high_multiply(shifted_scale, exp_in_0), bits_over_unit + 31 - 8);
      const int32_t shifted = unsaturated - 128;
      y[c] = static_cast<int8_t>(shifted > 127 ? 127 : shifted < -128 ? -128 : shifted);
    }
  }
};

/// TFLite's CPU runtime's int8 SOFTMAX arithmetic (the default with quant::SingleRounding).
struct FloatTableSoftmax {
  /// expf(-input_scale * beta * d) for d = 0 .. 255, and the output scale (1/256 or within TFLite's
  /// tolerance of it: the kernel divides by it).
  struct Parameters {
    float exp_of_difference[256];  ///< By d = max - x.
    float output_scale;            ///< The output's scale.
  };

  /// Writes the Classes int8 probabilities of `x` to `y`.
  template <size_t Classes, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y) {
    int8_t largest = x[0];
    for (size_t c = 1; c < Classes; ++c)
      if (x[c] > largest) largest = x[c];
    float sum = 0.0f;
    for (size_t c = 0; c < Classes; ++c) sum += Reader::load(parameters.exp_of_difference + (largest - x[c]));
    const float inverse = 1.0f / (sum * Reader::load(&parameters.output_scale));
    for (size_t c = 0; c < Classes; ++c) {
      const float scaled = Reader::load(parameters.exp_of_difference + (largest - x[c])) * inverse;
      // Half away from zero, as std::round: scaled is in [0, 2^24), where the truncation is exact.
      int32_t rounded = static_cast<int32_t>(scaled);
      if (scaled - static_cast<float>(rounded) >= 0.5f) ++rounded;
      const int32_t shifted = rounded - 128;
      y[c] = static_cast<int8_t>(shifted > 127 ? 127 : shifted < -128 ? -128 : shifted);
    }
  }
};

/// The SOFTMAX arithmetic of the runtime whose requantization Rounding is: TensorFlow Lite Micro's
/// with DoubleRounding, TFLite's CPU runtime's (XNNPACK's single rounding) with SingleRounding.
template <class Rounding>
struct SoftmaxArithmeticOf {
  typedef FixedPointSoftmax type;  ///< TensorFlow Lite Micro's.
};
/// Single rounding is the CPU runtime's requantization, so its softmax is the CPU runtime's too.
template <>
struct SoftmaxArithmeticOf<SingleRounding> {
  typedef FloatTableSoftmax type;  ///< TFLite's CPU runtime's.
};

}  // namespace quant

/// TFLite's int8 SOFTMAX over Classes values (beta folded into the table) in Arithmetic
/// (quant::FixedPointSoftmax or quant::FloatTableSoftmax).
template <size_t Classes, class Arithmetic>
struct Int8Softmax {
  static_assert(Classes > 0 && Classes <= 256,
                "Int8Softmax<Classes, Arithmetic> takes 1 to 256 classes (TFLite's fixed-point sum holds 256)");
  static constexpr size_t input_size = Classes;        ///< int8 values in.
  static constexpr size_t output_size = Classes;       ///< int8 probabilities out.
  static constexpr bool fused_relu = false;            ///< No Dense to fuse into.
  typedef typename Arithmetic::Parameters Parameters;  ///< The table, in flash.

  /// Writes the Classes probabilities (scale 1/256, zero point -128) of `x` to `y`.
  template <class Rounding, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y) {
    Arithmetic::template forward<Classes, Reader>(parameters, x, y);
  }
};

#if __cplusplus < 201703L
template <size_t Classes, class Arithmetic>
constexpr size_t Int8Softmax<Classes, Arithmetic>::input_size;
template <size_t Classes, class Arithmetic>
constexpr size_t Int8Softmax<Classes, Arithmetic>::output_size;
template <size_t Classes, class Arithmetic>
constexpr bool Int8Softmax<Classes, Arithmetic>::fused_relu;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

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
#include "../detail/float_tests.hpp"
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
      const int32_t unsaturated = scaled_to_output(shifted_scale, exp_in_0, bits_over_unit + 31 - 8);
      const int32_t shifted = unsaturated - 128;
      y[c] = static_cast<int8_t>(shifted > 127 ? 127 : shifted < -128 ? -128 : shifted);
    }
  }

 private:
  // RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(a, b), exponent) for a, b >= 0 and
  // 0 < exponent < 32: gemmlowp's two roundings up, floor((floor((a b + 2^30) / 2^31) + 2^(exponent - 1))
  // / 2^exponent), are one of the exact product, floor((a b + 2^30 + 2^(30 + exponent)) / 2^(31 +
  // exponent)) (nested floors of divisions by positive integers are one floor); so one product, two adds
  // and the high word's shift.
  static int32_t scaled_to_output(int32_t a, int32_t b, int exponent) {
    const TwoWords rounded = add_power_of_two(add_power_of_two(product(a, b), 30), 30 + exponent);
    return shift_right(rounded.high, exponent - 1);
  }
  static TwoWords product(int32_t a, int32_t b) {
    const int64_t wide = static_cast<int64_t>(a) * b;
    const TwoWords words = {static_cast<int32_t>(wide >> 32), static_cast<uint32_t>(wide)};
    return words;
  }
};

/// TFLite's CPU runtime's int8 SOFTMAX arithmetic (the default with quant::SingleRounding).
///
/// Without an FPU, forward decides each output in integers: with A = floor(t * 2^22) for each class's
/// table entry t and S = sum of A, r = 256 A / S is within (5 Classes + 3) / 2^16 of the float path's
/// p = t * (1 / (sum * output_scale)) (A's truncation, at most 256 Classes / (2^22 - Classes); the float
/// sum's and the two roundings' relative errors, at most (Classes + 2) 2^-24), so when r is farther
/// than that from every n + 1/2, round(p) is the n nearest r. Where it is not (a few outputs in a
/// thousand), or the table or scale is not as the converter writes it (entries in [0, 1], one of them
/// 1; output scale 1/256), that output is computed by the float path, which is the definition.
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
#if TINYMLP_DETAIL_SOFT_FLOAT
    forward_in_integers<Classes, Reader>(parameters, x, y);
#else
    forward_in_float<Classes, Reader>(parameters, x, y);
#endif
  }

  /// TFLite's arithmetic as it is: a float sum, one float division, a float product a class.
  template <size_t Classes, class Reader>
  static void forward_in_float(const Parameters& parameters, const int8_t* x, int8_t* y) {
    const int8_t largest = largest_of<Classes>(x);
    const float inverse = inverse_of_sum<Classes, Reader>(parameters, x, largest);
    for (size_t c = 0; c < Classes; ++c)
      y[c] = output_in_float(Reader::load(parameters.exp_of_difference + difference(largest, x[c])), inverse);
  }

  /// The same integers, decided in integer arithmetic where the float path's rounding cannot differ
  /// (see the struct's description), and computed by the float path where it could.
  template <size_t Classes, class Reader>
  static void forward_in_integers(const Parameters& parameters, const int8_t* x, int8_t* y) {
    const int8_t largest = largest_of<Classes>(x);
    uint32_t fixed[Classes];
    uint32_t sum = 0;
    bool in_range = detail::bits_of(Reader::load(&parameters.output_scale)) == one_256th_bits;
    for (size_t c = 0; c < Classes; ++c) {
      const uint32_t bits = detail::bits_of(Reader::load(parameters.exp_of_difference + difference(largest, x[c])));
      if (bits > one_bits) in_range = false;  // above 1, negative, infinite or NaN
      fixed[c] = fixed_point_of(bits);
      sum += fixed[c];
    }
    if (!in_range || sum < one) {
      forward_in_float<Classes, Reader>(parameters, x, y);
      return;
    }
    const uint32_t margin = shift_right(sum, margin_shift_for(Classes));
    float inverse = 0.0f;
    bool have_inverse = false;
    for (size_t c = 0; c < Classes; ++c) {
      if (fixed[c] < (one >> 10)) {  // r < 1/4 (S >= one): rounds to 0
        y[c] = -128;
        continue;
      }
      // q = floor(512 A / S) and its remainder, bit by bit (A <= S <= 2^30, so nothing overflows).
      uint32_t remainder = fixed[c];
      uint16_t q = 0;
      if (remainder >= sum) {
        remainder -= sum;
        q = 1;
      }
      // Unrolled: the loop's count would be a tenth of each step's cost.
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      divide_one_bit(remainder, q, sum);
      // r is in [q / 2, (q + 1) / 2): its nearest n + 1/2 is q / 2 for q odd, (q + 1) / 2 for q even.
      const bool decided = (q & 1u) ? remainder > margin : sum - remainder > margin;
      if (decided) {
        const int16_t shifted = static_cast<int16_t>(((q + 1u) >> 1) - 128);
        y[c] = static_cast<int8_t>(shifted > 127 ? 127 : shifted);
        continue;
      }
      if (!have_inverse) {
        inverse = inverse_of_sum<Classes, Reader>(parameters, x, largest);
        have_inverse = true;
      }
      y[c] = output_in_float(Reader::load(parameters.exp_of_difference + difference(largest, x[c])), inverse);
    }
  }

 private:
  static constexpr uint32_t one = uint32_t(1) << 22;             // t = 1 in the fixed point
  static constexpr uint32_t one_256th_bits = 0x3b800000u;        // 1/256 as a float's bits
  static constexpr uint32_t one_bits = 0x3f800000u;              // 1 as a float's bits
  static constexpr int ceiling_log2(uint32_t n, int bits = 0) {  // the least b with 2^b >= n
    return (uint32_t(1) << bits) >= n ? bits : ceiling_log2(n, bits + 1);
  }
  // The margin S / 2^k that stands for 1 / 2^(k + 1) in r, at least (5 Classes + 3) / 2^16.
  static constexpr int margin_shift_for(uint32_t classes) { return 15 - ceiling_log2(5 * classes + 3); }

  template <size_t Classes>
  static int8_t largest_of(const int8_t* x) {
    int8_t largest = x[0];
    for (size_t c = 1; c < Classes; ++c)
      if (x[c] > largest) largest = x[c];
    return largest;
  }

  // 1 / (sum of the classes' table entries * output_scale), the sum in the classes' order, as TFLite.
  template <size_t Classes, class Reader>
  static float inverse_of_sum(const Parameters& parameters, const int8_t* x, int8_t largest) {
    float sum = 0.0f;
    for (size_t c = 0; c < Classes; ++c) sum += Reader::load(parameters.exp_of_difference + difference(largest, x[c]));
    return 1.0f / (sum * Reader::load(&parameters.output_scale));
  }

  static int8_t output_in_float(float exp_of_difference, float inverse) {
    const float scaled = exp_of_difference * inverse;
    // Half away from zero, as std::round: scaled is in [0, 2^24), where the truncation is exact.
    int32_t rounded = static_cast<int32_t>(scaled);
    if (scaled - static_cast<float>(rounded) >= 0.5f) ++rounded;
    const int32_t shifted = rounded - 128;
    return static_cast<int8_t>(shifted > 127 ? 127 : shifted < -128 ? -128 : shifted);
  }

  // One bit of a long division: q's next bit and the remainder after it.
  __attribute__((always_inline)) static void divide_one_bit(uint32_t& remainder, uint16_t& q, uint32_t divisor) {
    remainder <<= 1;
    q = static_cast<uint16_t>(q << 1);
    const uint32_t less = remainder - divisor;
    if (remainder >= divisor) {
      remainder = less;
      q = static_cast<uint16_t>(q | 1u);
    }
  }

  static uint8_t difference(int8_t largest, int8_t x) { return static_cast<uint8_t>(largest - x); }

  // v >> k, by whole bytes first (a byte move each on an 8-bit core, where a shift is a loop of bits).
  static uint32_t shift_right(uint32_t v, uint8_t k) {
    if (k >= 16) {
      v >>= 16;
      k = static_cast<uint8_t>(k - 16);
    }
    if (k >= 8) {
      v >>= 8;
      k = static_cast<uint8_t>(k - 8);
    }
    return v >> k;
  }

  // floor(t * 2^22) from the bits of a float t in [0, 1]: its 24-bit significand shifted by its exponent.
  static uint32_t fixed_point_of(uint32_t bits) {
    // The exponent from the top two bytes (a byte move each on an 8-bit core, where bits >> 23 is a loop).
    const uint8_t exponent =
        static_cast<uint8_t>(static_cast<uint8_t>(bits >> 24) << 1 | static_cast<uint8_t>(bits >> 16) >> 7);
    const uint8_t shift = static_cast<uint8_t>(128u - exponent);  // t = significand * 2^(-22 - shift)
    if (shift >= 24) return 0;
    const uint32_t significand = (bits & 0x7fffffu) | 0x800000u;
    if (shift >= 16) return static_cast<uint8_t>(static_cast<uint8_t>(significand >> 16) >> (shift - 16));
    if (shift >= 8) return static_cast<uint16_t>(static_cast<uint16_t>(significand >> 8) >> (shift - 8));
    return significand >> shift;
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

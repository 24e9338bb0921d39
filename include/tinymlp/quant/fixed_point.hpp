/// \file
/// gemmlowp's fixed-point arithmetic on int32 raw values, as TFLite's reference integer kernels use it
/// for LOGISTIC, TANH and SOFTMAX: a value with I integer bits is raw * 2^(I - 31). Each function is
/// the scalar case of the gemmlowp function it names, integer for integer (its rounding, saturation
/// and wrapping). The converter builds activation tables with them; the device's SOFTMAX computes its
/// per-row reciprocal with them.
#ifndef TINYMLP_QUANT_FIXED_POINT_HPP
#define TINYMLP_QUANT_FIXED_POINT_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "requantization.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
namespace quant {
namespace fixed_point {

/// The largest and smallest raw values.
static const int32_t raw_max = 2147483647;
static const int32_t raw_min = -2147483647 - 1;

/// a + b and a - b wrapping as int32, as gemmlowp's raw + and - do on every target.
inline int32_t wrapping_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
/// a - b modulo 2^32, as TFLite's int32 arithmetic wraps.
inline int32_t wrapping_subtract(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}

/// SaturatingRoundingDoublingHighMul(a, b) for any signs: a b / 2^31 rounded to nearest, ties toward
/// +infinity (floor((a b + 2^30) / 2^31), which is gemmlowp's nudge-and-truncate), saturating the one
/// overflow a = b = -2^31. The floor is taken on the product's two words: a 64-bit add, compare and
/// division are library loops on an AVR, the words' add and shift a few instructions.
inline int32_t doubling_high_multiply(int32_t a, int32_t b) {
  if (a == raw_min && b == raw_min) return raw_max;
  const int64_t product = static_cast<int64_t>(a) * b;
  const TwoWords words = {static_cast<int32_t>(product >> 32), static_cast<uint32_t>(product)};
  return arithmetic_shift_right(add_power_of_two(words, 30), 31);
}

/// RoundingDivideByPOT: x / 2^exponent, 0 <= exponent <= 31, to nearest, ties away from zero.
inline int32_t divide_by_power_of_two(int32_t x, int exponent) { return rounding_divide_by_power_of_two(x, exponent); }

/// SaturatingRoundingMultiplyByPOT<exponent> for exponent > 0: x 2^exponent, saturated.
inline int32_t saturating_multiply_by_power_of_two(int32_t x, int exponent) {
  const int32_t threshold = static_cast<int32_t>((static_cast<uint32_t>(1) << (31 - exponent)) - 1u);
  if (x > threshold) return raw_max;
  if (x < -threshold) return raw_min;
  return static_cast<int32_t>(static_cast<uint32_t>(x) << exponent);
}

/// Rescale from `from` integer bits to `to`: SaturatingRoundingMultiplyByPOT<from - to>.
inline int32_t rescale(int32_t x, int from, int to) {
  if (from > to) return saturating_multiply_by_power_of_two(x, from - to);
  if (from < to) return divide_by_power_of_two(x, to - from);
  return x;
}

/// RoundingHalfSum(a, b): (a + b) / 2 rounded half away from zero, without overflow.
inline int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + b;
  return static_cast<int32_t>((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/// The raw value of 1 with `integer_bits` integer bits (saturated to the largest raw with none).
inline int32_t one(int integer_bits) {
  return integer_bits == 0 ? raw_max : static_cast<int32_t>(static_cast<uint32_t>(1) << (31 - integer_bits));
}

/// One Newton-Raphson division step loop shared by the two functions below: returns x (2 integer bits)
/// close to 1 / half_denominator.
inline int32_t newton_raphson_reciprocal(int32_t half_denominator) {
  const int32_t constant_48_over_17 = 1515870810;       // 48/17 with 2 integer bits
  const int32_t constant_neg_32_over_17 = -1010580540;  // -32/17 with 2 integer bits
  int32_t x = wrapping_add(constant_48_over_17, doubling_high_multiply(half_denominator, constant_neg_32_over_17));
  for (int i = 0; i < 3; ++i) {
    const int32_t half_denominator_times_x = doubling_high_multiply(half_denominator, x);
    const int32_t one_minus_half_denominator_times_x = wrapping_subtract(one(2), half_denominator_times_x);
    x = wrapping_add(x, rescale(doubling_high_multiply(x, one_minus_half_denominator_times_x), 4, 2));
  }
  return x;
}

/// one_over_one_plus_x_for_x_in_0_1: 1 / (1 + a), a and the result with 0 integer bits.
inline int32_t one_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t x = newton_raphson_reciprocal(rounding_half_sum(a, one(0)));
  return rescale(x, 1, 0);  // ExactMulByPot<-1> keeps the raw value and takes one integer bit off
}

/// one_minus_x_over_one_plus_x_for_x_in_0_1: (1 - a) / (1 + a), 0 integer bits.
inline int32_t one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a) {
  const int32_t x = newton_raphson_reciprocal(rounding_half_sum(a, one(0)));
  return rescale(wrapping_subtract(x, one(2)), 2, 0);
}

/// exp_on_interval_between_negative_one_quarter_and_0_excl: exp(a) for a in [-1/4, 0), 0 integer bits,
/// a Taylor expansion around -1/8.
inline int32_t exp_on_interval_between_negative_one_quarter_and_0_excl(int32_t a) {
  const int32_t constant_term = 1895147668;                          // exp(-1/8)
  const int32_t constant_1_over_3 = 715827883;                       // 1/3
  const int32_t x = wrapping_add(a, static_cast<int32_t>(1) << 28);  // a + 1/8
  const int32_t x2 = doubling_high_multiply(x, x);
  const int32_t x3 = doubling_high_multiply(x2, x);
  const int32_t x4 = doubling_high_multiply(x2, x2);
  const int32_t x4_over_4 = divide_by_power_of_two(x4, 2);
  const int32_t x4_over_24_plus_x3_over_6_plus_x2_over_2 = divide_by_power_of_two(
      wrapping_add(doubling_high_multiply(wrapping_add(x4_over_4, x3), constant_1_over_3), x2), 1);
  return wrapping_add(constant_term,
                      doubling_high_multiply(constant_term, wrapping_add(x, x4_over_24_plus_x3_over_6_plus_x2_over_2)));
}

/// exp_on_negative_values: exp(a) for a <= 0 with `integer_bits` integer bits; the result has 0.
inline int32_t exp_on_negative_values(int32_t a, int integer_bits) {
  const int fractional_bits = 31 - integer_bits;
  const int32_t one_quarter = static_cast<int32_t>(1) << (fractional_bits - 2);
  const int32_t mask = one_quarter - 1;
  const int32_t a_mod_quarter_minus_one_quarter = wrapping_subtract(a & mask, one_quarter);
  int32_t result = exp_on_interval_between_negative_one_quarter_and_0_excl(
      rescale(a_mod_quarter_minus_one_quarter, integer_bits, 0));
  const int32_t remainder = wrapping_subtract(a_mod_quarter_minus_one_quarter, a);
  // exp(-2^exponent) with 0 integer bits, exponent = -2 .. 4: a barrel shifter over the remainder's bits.
  static const int32_t multipliers[7] = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
  for (int exponent = -2; exponent <= 4; ++exponent) {
    if (integer_bits <= exponent) break;
    const int shift = fractional_bits + exponent;
    if (remainder & static_cast<int32_t>(static_cast<uint32_t>(1) << shift))
      result = doubling_high_multiply(result, multipliers[exponent + 2]);
  }
  if (integer_bits > 5) {
    const int32_t clamp = -static_cast<int32_t>(static_cast<uint32_t>(1) << (36 - integer_bits));  // -32
    if (a < clamp) result = 0;
  }
  if (a == 0) result = one(0);
  return result;
}

/// gemmlowp::logistic(a), a with `integer_bits` integer bits, the result with 0.
inline int32_t logistic(int32_t a, int integer_bits) {
  if (a == 0) return static_cast<int32_t>(1) << 30;  // 1/2
  const int32_t absolute = a > 0 ? a : wrapping_subtract(0, a);
  const int32_t positive =
      one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(wrapping_subtract(0, absolute), integer_bits));
  return a > 0 ? positive : wrapping_subtract(one(0), positive);
}

/// gemmlowp::tanh(a), a with `integer_bits` integer bits, the result with 0.
inline int32_t tanh(int32_t a, int integer_bits) {
  if (a == 0) return 0;
  const int32_t negative = a < 0 ? a : wrapping_subtract(0, a);
  // neg_tanh_on_negative_values: exp of 2 * negative (the same raw with one more integer bit).
  const int32_t t = one_minus_x_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(negative, integer_bits + 1));
  return a < 0 ? wrapping_subtract(0, t) : t;
}

/// TFLite's GetReciprocal(x, x_integer_digits): 1/x for x > 0 with x_integer_digits integer bits, as a
/// raw value with 0 integer bits scaled by 2^-bits_over_unit.
inline int32_t reciprocal(int32_t x, int x_integer_digits, int* bits_over_unit) {
  // x shifted left until its top bit is set (one bit a step: a variable shift is a loop on an AVR).
  int headroom_plus_one = 0;
  uint32_t shifted = static_cast<uint32_t>(x);
  while (headroom_plus_one < 32 && !(shifted & 0x80000000u)) {
    shifted <<= 1;
    ++headroom_plus_one;
  }
  *bits_over_unit = x_integer_digits - headroom_plus_one;
  const int32_t shifted_sum_minus_one = static_cast<int32_t>(shifted - (static_cast<uint32_t>(1) << 31));
  return one_over_one_plus_x_for_x_in_0_1(shifted_sum_minus_one);
}

}  // namespace fixed_point
}  // namespace quant
}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

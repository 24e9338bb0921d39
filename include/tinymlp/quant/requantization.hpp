// Requantization: an int32 accumulator scaled by a real multiplier m to the output's int8 scale,
// with TFLite's integers. The converter stores m as a 31-bit fixed-point `multiplier` in [2^30, 2^31)
// (or 0) and a power-of-two `shift` (TFLite's QuantizeMultiplier), m = multiplier * 2^(shift - 31).
// Two rounding rules, both from TFLite's reference code:
//   DoubleRounding  the default build, TensorFlow Lite Micro and CMSIS-NN:
//                   RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x << left, multiplier), right),
//                   gemmlowp's two functions, each rounding once;
//   SingleRounding  TFLite built with TFLITE_SINGLE_ROUNDING=1 (Arm NN and XNNPACK compute the same):
//                   (x * multiplier + 2^(30 - shift)) >> (31 - shift), rounding once.
// TFLite writes both with 64-bit products. Here everything is 32-bit: the 64-bit product is kept as
// two words and, on cores without a 32 x 32 -> 64 multiply instruction (TINYMLP_WIDE_MULTIPLY 0: an
// AVR), built exactly from four 16 x 16 -> 32 partial products (which an 8-bit AVR does with its
// hardware multiplier), so the integers are the same and an Uno runs no 64-bit arithmetic. tests/quant holds these functions against the 64-bit formulas on every edge case and
// millions of random inputs.
#ifndef TINYMLP_QUANT_REQUANTIZATION_HPP
#define TINYMLP_QUANT_REQUANTIZATION_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"

namespace tinymlp {
namespace quant {

// A signed 64-bit value as two 32-bit words: high * 2^32 + low.
struct TwoWords {
  int32_t high;
  uint32_t low;
};

// u * v exactly, from 16-bit halves: u = uh 2^16 + ul, v = vh 2^16 + vl, so
//   u v = uh vh 2^32 + (uh vl + ul vh) 2^16 + ul vl,
// each partial product a 16 x 16 -> 32 multiply; the middle ones are added in two halves with
// their carries into the high word. For cores without a 32 x 32 -> 64 multiply (an AVR).
inline TwoWords unsigned_product_from_halves(uint32_t u, uint32_t v) {
  const uint16_t ul = static_cast<uint16_t>(u), uh = static_cast<uint16_t>(u >> 16);
  const uint16_t vl = static_cast<uint16_t>(v), vh = static_cast<uint16_t>(v >> 16);
  const uint32_t low_low = static_cast<uint32_t>(ul) * vl;
  const uint32_t low_high = static_cast<uint32_t>(ul) * vh;
  const uint32_t high_low = static_cast<uint32_t>(uh) * vl;
  const uint32_t high_high = static_cast<uint32_t>(uh) * vh;
  uint32_t low = low_low + (low_high << 16);
  uint32_t high = high_high + (low_high >> 16) + (low < low_low ? 1u : 0u);
  const uint32_t partial = low;
  low += high_low << 16;
  high += (high_low >> 16) + (low < partial ? 1u : 0u);
  TwoWords product = {static_cast<int32_t>(high), low};
  return product;
}

// x * multiplier exactly, for a multiplier >= 0. Read as unsigned, a negative x is x + 2^32, whose
// product is too large by multiplier * 2^32: taken off the high word.
inline TwoWords signed_product_from_halves(int32_t x, int32_t multiplier) {
  if (x == static_cast<int16_t>(x)) {
    // A 16-bit x (most accumulators of small layers) needs two partial products, x mh 2^16 + x ml,
    // each signed 16 x unsigned 16 bits, inside int32: mid carries the overlapping middle 16 bits.
    const int32_t high_part = static_cast<int32_t>(static_cast<int16_t>(x)) * static_cast<uint16_t>(multiplier >> 16);
    const int32_t low_part = static_cast<int32_t>(static_cast<int16_t>(x)) * static_cast<uint16_t>(multiplier);
    const int32_t mid = static_cast<int32_t>(high_part & 0xFFFF) + (low_part >> 16);
    TwoWords product = {(high_part >> 16) + (mid >> 16),
                        (static_cast<uint32_t>(mid) << 16) | (static_cast<uint32_t>(low_part) & 0xFFFFu)};
    return product;
  }
  TwoWords product = unsigned_product_from_halves(static_cast<uint32_t>(x), static_cast<uint32_t>(multiplier));
  if (x < 0) product.high = static_cast<int32_t>(static_cast<uint32_t>(product.high) - static_cast<uint32_t>(multiplier));
  return product;
}

// The same product where the core multiplies 32 x 32 -> 64 in one instruction (a Cortex-M3/M4's
// SMULL, any 64-bit host): only the multiply is wide, the words are split off at once.
inline TwoWords signed_product_by_wide_multiply(int32_t x, int32_t multiplier) {
  const int64_t product = static_cast<int64_t>(x) * multiplier;
  TwoWords words = {static_cast<int32_t>(product >> 32), static_cast<uint32_t>(product)};
  return words;
}

inline TwoWords signed_product(int32_t x, int32_t multiplier) {
#if TINYMLP_WIDE_MULTIPLY
  return signed_product_by_wide_multiply(x, multiplier);
#else
  return signed_product_from_halves(x, multiplier);
#endif
}

// value + 2^bit, bit < 64: one word gets the bit, the high word any carry out of the low one.
inline TwoWords add_power_of_two(TwoWords value, int bit) {
  if (bit >= 32) {
    value.high = static_cast<int32_t>(static_cast<uint32_t>(value.high) + (static_cast<uint32_t>(1) << (bit - 32)));
    return value;
  }
  const uint32_t low = value.low + (static_cast<uint32_t>(1) << bit);
  if (low < value.low) value.high = static_cast<int32_t>(static_cast<uint32_t>(value.high) + 1u);
  value.low = low;
  return value;
}

// floor(value / 2^shift) for 0 < shift < 64, reduced to 32 bits as a cast of the 64-bit result
// would be (the callers' results fit).
inline int32_t arithmetic_shift_right(TwoWords value, int shift) {
  if (shift >= 32) return value.high >> (shift - 32);  // >> of a negative int is arithmetic in GCC and clang
  return static_cast<int32_t>((static_cast<uint32_t>(value.high) << (32 - shift)) | (value.low >> shift));
}

// gemmlowp's SaturatingRoundingDoublingHighMul(a, b) for b >= 0: the high word of 2ab, i.e.
// ab / 2^31, rounded. gemmlowp adds a nudge of 2^30 (or 1 - 2^30 when ab < 0) and divides
// truncating toward zero: that is round to nearest with ties toward +infinity in both cases, which
// is floor((ab + 2^30) / 2^31). Its one saturating case, a = b = -2^31, needs b < 0 and cannot occur.
inline int32_t rounding_doubling_high_multiply(int32_t a, int32_t b) {
  return arithmetic_shift_right(add_power_of_two(signed_product(a, b), 30), 31);
}

// x >> bits and 2^bits for 0 <= bits <= 31, by whole bytes first where a byte is worth a step: an AVR
// shifts a 32-bit value by a variable count one bit per loop iteration, but by 8 or 16 bits by
// moving registers. Elsewhere a barrel shifter does it in one instruction.
inline int32_t shift_right(int32_t x, int bits) {
#if defined(__AVR__)
  if (bits >= 16) {
    x >>= 16;
    bits -= 16;
  }
  if (bits >= 8) {
    x >>= 8;
    bits -= 8;
  }
#endif
  return x >> bits;  // >> of a negative int is arithmetic in GCC and clang
}
inline uint32_t power_of_two(int bits) {
  uint32_t power = 1;
#if defined(__AVR__)
  if (bits >= 16) {
    power <<= 16;
    bits -= 16;
  }
  if (bits >= 8) {
    power <<= 8;
    bits -= 8;
  }
#endif
  return power << bits;
}

// gemmlowp's RoundingDivideByPOT(x, exponent), 0 <= exponent <= 31: x / 2^exponent rounded to
// nearest, ties away from zero. The shift floors; one is added back when the bits shifted out
// exceed half (or reach half, for a negative x).
inline int32_t rounding_divide_by_power_of_two(int32_t x, int exponent) {
  const uint32_t mask = power_of_two(exponent) - 1u;
  const uint32_t remainder = static_cast<uint32_t>(x) & mask;
  const uint32_t threshold = (mask >> 1) + (x < 0 ? 1u : 0u);
  return shift_right(x, exponent) + (remainder > threshold ? 1 : 0);
}

// TFLite's default MultiplyByQuantizedMultiplier, -31 <= shift <= 30. A positive shift scales x up
// first, in int32 arithmetic that wraps as TFLite's does on every target it runs on.
struct DoubleRounding {
  // Inlined into the kernel: on an AVR a call costs more registers saved than the arithmetic is long.
  __attribute__((always_inline)) static int32_t multiply(int32_t x, int32_t multiplier, int shift) {
    const int left_shift = shift > 0 ? shift : 0;
    const int right_shift = shift > 0 ? 0 : -shift;
    const int32_t scaled = static_cast<int32_t>(static_cast<uint32_t>(x) << left_shift);
    return rounding_divide_by_power_of_two(rounding_doubling_high_multiply(scaled, multiplier), right_shift);
  }
};

// TFLite's MultiplyByQuantizedMultiplier with TFLITE_SINGLE_ROUNDING=1, -31 <= shift <= 30:
// x * multiplier / 2^(31 - shift), rounded to nearest with ties toward +infinity (add half, floor).
struct SingleRounding {
  __attribute__((always_inline)) static int32_t multiply(int32_t x, int32_t multiplier, int shift) {
    const int total_shift = 31 - shift;
    return arithmetic_shift_right(add_power_of_two(signed_product(x, multiplier), total_shift - 1), total_shift);
  }
};

}  // namespace quant
}  // namespace tinymlp

#endif

/// \file
/// Requantization: an int32 accumulator scaled by a real multiplier m to the output's int8 scale,
/// with TFLite's integers. The converter stores m as a 31-bit fixed-point `multiplier` in [2^30, 2^31)
/// (or 0) and a power-of-two `shift` (TFLite's QuantizeMultiplier), m = multiplier * 2^(shift - 31).
/// Two rounding rules, both from TFLite's reference code:
/// \code{.unparsed}
///   DoubleRounding  the default build, TensorFlow Lite Micro and CMSIS-NN:
///                   RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x << left, multiplier), right),
///                   gemmlowp's two functions, each rounding once;
///   SingleRounding  TFLite built with TFLITE_SINGLE_ROUNDING=1 (Arm NN and XNNPACK compute the same):
///                   (x * multiplier + 2^(30 - shift)) >> (31 - shift), rounding once.
/// \endcode
/// TFLite writes both with 64-bit products. Here everything is 32-bit: the 64-bit product is kept as
/// two words and, on cores without a 32 x 32 -> 64 multiply instruction (TINYMLP_WIDE_MULTIPLY 0: an
/// AVR), built exactly from four 16 x 16 -> 32 partial products (which an 8-bit AVR does with its
/// hardware multiplier), so the integers are the same and an Uno runs no 64-bit arithmetic. tests/quant holds these functions against the 64-bit formulas on every edge case and
/// millions of random inputs.
#ifndef TINYMLP_QUANT_REQUANTIZATION_HPP
#define TINYMLP_QUANT_REQUANTIZATION_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
/// int8 arithmetic: TFLite's requantization, integer for integer, and the int8 kernels' parts.
namespace quant {

/// A signed 64-bit value as two 32-bit words: high * 2^32 + low.
struct TwoWords {
  int32_t high;  ///< The upper 32 bits, with the sign.
  uint32_t low;  ///< The lower 32 bits.
};

/// u * v exactly, from 16-bit halves: u = uh 2^16 + ul, v = vh 2^16 + vl, so
///   u v = uh vh 2^32 + (uh vl + ul vh) 2^16 + ul vl,
/// each partial product a 16 x 16 -> 32 multiply; the middle ones are added in two halves with
/// their carries into the high word. For cores without a 32 x 32 -> 64 multiply (an AVR).
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

/// x * multiplier exactly, for a multiplier >= 0. Read as unsigned, a negative x is x + 2^32, whose
/// product is too large by multiplier * 2^32: taken off the high word.
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
  if (x < 0)
    product.high = static_cast<int32_t>(static_cast<uint32_t>(product.high) - static_cast<uint32_t>(multiplier));
  return product;
}

/// The same product where the core multiplies 32 x 32 -> 64 in one instruction (a Cortex-M3/M4's
/// SMULL, any 64-bit host): only the multiply is wide, the words are split off at once.
inline TwoWords signed_product_by_wide_multiply(int32_t x, int32_t multiplier) {
  const int64_t product = static_cast<int64_t>(x) * multiplier;
  TwoWords words = {static_cast<int32_t>(product >> 32), static_cast<uint32_t>(product)};
  return words;
}

/// x * multiplier exactly (multiplier >= 0), by whichever of the two ways the core does best.
inline TwoWords signed_product(int32_t x, int32_t multiplier) {
#if TINYMLP_WIDE_MULTIPLY
  return signed_product_by_wide_multiply(x, multiplier);
#else
  return signed_product_from_halves(x, multiplier);
#endif
}

/// value + 2^bit, bit < 64: one word gets the bit, the high word any carry out of the low one.
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

/// floor(value / 2^shift) for 0 < shift < 64, reduced to 32 bits as a cast of the 64-bit result
/// would be (the callers' results fit).
inline int32_t arithmetic_shift_right(TwoWords value, int shift) {
  if (shift >= 32) return value.high >> (shift - 32);  // >> of a negative int is arithmetic in GCC and clang
  return static_cast<int32_t>((static_cast<uint32_t>(value.high) << (32 - shift)) | (value.low >> shift));
}

/// gemmlowp's SaturatingRoundingDoublingHighMul(a, b) for b >= 0: the high word of 2ab, that is
/// ab / 2^31, rounded. gemmlowp adds a nudge of 2^30 (or 1 - 2^30 when ab < 0) and divides
/// truncating toward zero: that is round to nearest with ties toward +infinity in both cases, which
/// is floor((ab + 2^30) / 2^31). Its one saturating case, a = b = -2^31, needs b < 0 and cannot occur.
inline int32_t rounding_doubling_high_multiply(int32_t a, int32_t b) {
#if TINYMLP_WIDE_MULTIPLY
  // The same in the core's 64-bit multiply-accumulate (a Cortex-M4's SMLAL from 2^30).
  return static_cast<int32_t>((static_cast<int64_t>(a) * b + (static_cast<int64_t>(1) << 30)) >> 31);
#else
  return arithmetic_shift_right(add_power_of_two(signed_product(a, b), 30), 31);
#endif
}

/// x >> bits and 2^bits for 0 <= bits <= 31, by whole bytes first where a byte is worth a step: an AVR
/// shifts a 32-bit value by a variable count one bit per loop iteration, but by 8 or 16 bits by
/// moving registers. Elsewhere a barrel shifter does it in one instruction.
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
/// 2^bits, the same way.
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

/// gemmlowp's RoundingDivideByPOT(x, exponent), 0 <= exponent <= 31: x / 2^exponent rounded to
/// nearest, ties away from zero. The shift floors; one is added back when the bits shifted out
/// exceed half (or reach half, for a negative x).
inline int32_t rounding_divide_by_power_of_two(int32_t x, int exponent) {
  const uint32_t mask = power_of_two(exponent) - 1u;
  const uint32_t remainder = static_cast<uint32_t>(x) & mask;
  const uint32_t threshold = (mask >> 1) + (x < 0 ? 1u : 0u);
  return shift_right(x, exponent) + (remainder > threshold ? 1 : 0);
}

#if TINYMLP_WIDE_MULTIPLY
/// floor((x + 2^(e - 1)) / 2^e) for 1 <= e <= 31 and x < 2^31 - 1, in 32 bits: floor(x / 2^(e - 1)) + 1,
/// halved (nested floors are one floor), never leaves the int32 range as x + 2^(e - 1) could. On a
/// Cortex-M4 two shifts and an add, against the mask, compare and add of the general rounding.
__attribute__((always_inline)) inline int32_t half_up(int32_t x, int e) { return ((x >> (e - 1)) + 1) >> 1; }
/// gemmlowp's RoundingDivideByPOT(x, e) for 1 <= e <= 31 and x < 2^31 - 1: ties away from zero is
/// half_up of x - 1 for a negative x (x + (x >> 31)). A doubling high multiply's result, at most
/// 2^31 - 2, qualifies.
__attribute__((always_inline)) inline int32_t half_away_from_zero(int32_t x, int e) {
  return half_up(x + (x >> 31), e);
}
#endif

#if defined(__AVR__)
// x fits in 24 bits (-2^23 <= x < 2^23): every accumulator of a layer whose bias and products stay
// below 2^23 in size (In * 128 * 127 + |bias|), which is all of a small model's.
inline bool fits_in_24_bits(int32_t x) { return x == static_cast<int32_t>(static_cast<__int24>(x)); }

// RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x, multiplier), right_shift) for a 24-bit x
// and 0 <= multiplier < 2^31, in one pass over AVR registers (about 90 cycles, against 200 for the
// general 32-bit path). Step by step, with P = x * multiplier (|P| < 2^54, 7 bytes):
//   1. Q = P + 2^30, from 12 byte products summed column by column (each column's bytes add into a
//      three-byte window, its low byte final); byte 0 is never kept, only its carries. The bytes are
//      x's as unsigned: for a negative x (x + 2^24 read unsigned) multiplier * 2^24 is taken off at byte 3.
//      2^30 is the starting value of byte 3 (0x40).
//   2. r = floor(Q / 2^31), the doubling high multiply (ties toward +infinity, see above): bytes 3..6
//      shifted left one bit, bytes 4..6 hold it (|r| <= 2^23: 24 bits).
//   3. RoundingDivideByPOT(r, e) for e >= 1 is floor((r - [r < 0] + 2^(e-1)) / 2^e): a = r - [r < 0]
//      shifted right e bits (arithmetically), plus the last bit shifted out (adding 2^(e-1) before the
//      shift adds exactly that bit after it); a has 25 bits when r = -2^23. Eight bits at a time by
//      moving bytes while more than 8 remain; then 6 to 8 bits by shifting 8 - e bits left into a fourth
//      byte and dropping the low one, fewer bit by bit. e = 0 returns r.
// The 24-bit result is returned sign-extended to 32 bits.
// The steps above as an asm fragment over registers named by the caller, so that a kernel whose
// registers are fixed (quant/int8_dense_avr.hpp) runs this same code: x in X0..X2 and the multiplier in
// M0..M3 (both kept), the 24-bit result in RA..RC (not sign-extended), the right shift in E (an upper
// register: cpi, subi), consumed. B1..B3 (B3 an upper register: ldi) and RD are scratch, and B1 and B3
// may be the registers of RB and RD: each is dead before the other is written. ZERO is cleared first.
// x's products are summed column by column as above, x2's last and only when x2 is not 0. Labels 11 to 18.
// clang-format off
#define TINYMLP_AVR_DOUBLE_ROUNDING_MULTIPLY_24_BIT(X0, X1, X2, M0, M1, M2, M3, RA, RB, RC, RD, B1, B2, B3, ZERO, E) \
  /* 1. Column 0 (x0 m0): only its high byte, into byte 1. */                                          \
  "clr " ZERO "\n\t"                                                                                   \
  "mul " X0 ", " M0 "\n\t"                                                                             \
  "mov " B1 ", r1\n\t"                                                                                 \
  "clr " B2 "\n\t"                                                                                     \
  "ldi " B3 ", 0x40\n\t" /* + 2^30 */                                                                  \
  /* Column 1: x0 m1 + x1 m0 into bytes 1..3. */                                                       \
  "mul " X0 ", " M1 "\n\t"                                                                             \
  "add " B1 ", r0\n\t"                                                                                 \
  "adc " B2 ", r1\n\t"                                                                                 \
  "adc " B3 ", " ZERO "\n\t"                                                                           \
  "mul " X1 ", " M0 "\n\t"                                                                             \
  "add " B1 ", r0\n\t"                                                                                 \
  "adc " B2 ", r1\n\t"                                                                                 \
  "adc " B3 ", " ZERO "\n\t"                                                                           \
  /* Column 2: x0 m2 + x1 m1 into bytes 2..4 (byte 1 is done: B1 is free). */   \
  "clr " RA "\n\t"                                                              \
  "mul " X0 ", " M2 "\n\t"                                                      \
  "add " B2 ", r0\n\t"                                                          \
  "adc " B3 ", r1\n\t"                                                          \
  "adc " RA ", " ZERO "\n\t"                                                    \
  "mul " X1 ", " M1 "\n\t"                                                      \
  "add " B2 ", r0\n\t"                                                          \
  "adc " B3 ", r1\n\t"                                                          \
  "adc " RA ", " ZERO "\n\t"                                                    \
  /* Column 3: x0 m3 + x1 m2 into bytes 3..5. */                                \
  "clr " RB "\n\t"                                                              \
  "mul " X0 ", " M3 "\n\t"                                                      \
  "add " B3 ", r0\n\t"                                                          \
  "adc " RA ", r1\n\t"                                                          \
  "adc " RB ", " ZERO "\n\t"                                                    \
  "mul " X1 ", " M2 "\n\t"                                                      \
  "add " B3 ", r0\n\t"                                                          \
  "adc " RA ", r1\n\t"                                                          \
  "adc " RB ", " ZERO "\n\t"                                                    \
  /* Column 4: x1 m3 into bytes 4..6. */                                        \
  "clr " RC "\n\t"                                                              \
  "mul " X1 ", " M3 "\n\t"                                                      \
  "add " RA ", r0\n\t"                                                          \
  "adc " RB ", r1\n\t"                                                          \
  "adc " RC ", " ZERO "\n\t"                                                    \
  /* x2's products, none for an x of 16 bits (0 <= x < 2^16: a small layer's positive accumulator). */\
  "tst " X2 "\n\t"                                                              \
  "breq 11f\n\t"                                                                \
  "mul " X2 ", " M0 "\n\t"                                                      \
  "add " B2 ", r0\n\t"                                                          \
  "adc " B3 ", r1\n\t"                                                          \
  "adc " RA ", " ZERO "\n\t"                                                    \
  "adc " RB ", " ZERO "\n\t"                                                    \
  "adc " RC ", " ZERO "\n\t"                                                    \
  "mul " X2 ", " M1 "\n\t"                                                      \
  "add " B3 ", r0\n\t"                                                          \
  "adc " RA ", r1\n\t"                                                          \
  "adc " RB ", " ZERO "\n\t"                                                    \
  "adc " RC ", " ZERO "\n\t"                                                    \
  "mul " X2 ", " M2 "\n\t"                                                      \
  "add " RA ", r0\n\t"                                                          \
  "adc " RB ", r1\n\t"                                                          \
  "adc " RC ", " ZERO "\n\t"                                                    \
  "mul " X2 ", " M3 "\n\t"                                                      \
  "add " RB ", r0\n\t"                                                          \
  "adc " RC ", r1\n\t" /* no carry out: the product has 55 bits */              \
  /* A negative x: less multiplier * 2^24. */                                   \
  "sbrs " X2 ", 7\n\t"                                                          \
  "rjmp 11f\n\t"                                                                \
  "sub " B3 ", " M0 "\n\t"                                                      \
  "sbc " RA ", " M1 "\n\t"                                                      \
  "sbc " RB ", " M2 "\n\t"                                                      \
  "sbc " RC ", " M3 "\n"                                                        \
  /* 2. r = Q >> 31. */                                                                                \
  "11:\n\t"                                                                                            \
  "lsl " B3 "\n\t"                                                                                     \
  "rol " RA "\n\t"                                                                                     \
  "rol " RB "\n\t"                                                                                     \
  "rol " RC "\n\t"                                                                                     \
  /* 3. e = 0: r as it is. */                                                                          \
  "tst " E "\n\t"                                                                                      \
  "breq 14f\n\t"                                                                                       \
  /* a = r - 1 for a negative r. */                                                                    \
  "sbrs " RC ", 7\n\t"                                                                                 \
  "rjmp 12f\n\t"                                                                                       \
  "sec\n\t"                                                                                            \
  "sbc " RA ", " ZERO "\n\t"                                                                           \
  "sbc " RB ", " ZERO "\n\t"                                                                           \
  "sbc " RC ", " ZERO "\n\t"                                                                           \
  /* r = -2^23 makes a = -2^23 - 1, a 25-bit value (the overflow flag says so): its first bit */       \
  /* goes out with the lost sign bit (1) shifted in. */                                                \
  "brvc 12f\n\t"                                                                                       \
  "sec\n\t"                                                                                            \
  "ror " RC "\n\t"                                                                                     \
  "ror " RB "\n\t"                                                                                     \
  "ror " RA "\n\t"                                                                                     \
  "dec " E "\n\t"                                                                                      \
  "breq 15f\n"                                                                                         \
  /* Whole bytes while more than 8 bits remain (the last bit out is then still to come). */            \
  "12:\n\t"                                                                                            \
  "cpi " E ", 9\n\t"                                                                                   \
  "brlo 13f\n\t"                                                                                       \
  "mov " RA ", " RB "\n\t"                                                                             \
  "mov " RB ", " RC "\n\t"                                                                             \
  "lsl " RC "\n\t"                                                                                     \
  "sbc " RC ", " RC "\n\t"                                                                             \
  "subi " E ", 8\n\t"                                                                                  \
  "rjmp 12b\n"                                                                                         \
  /* 6 to 8 bits: 8 - e bits left into a fourth byte, whose upper three bytes are then the result; */  \
  /* the low byte's top bit is the last bit out, which is added. */                                    \
  "13:\n\t"                                                                                            \
  "cpi " E ", 6\n\t"                                                                                   \
  "brlo 16f\n\t"                                                                                       \
  "mov " RD ", " RC "\n\t"                                                                             \
  "lsl " RD "\n\t"                                                                                     \
  "sbc " RD ", " RD "\n\t"                                                                             \
  "subi " E ", 8\n\t"                                                                                  \
  "breq 18f\n"                                                                                         \
  "17:\n\t"                                                                                            \
  "lsl " RA "\n\t"                                                                                     \
  "rol " RB "\n\t"                                                                                     \
  "rol " RC "\n\t"                                                                                     \
  "rol " RD "\n\t"                                                                                     \
  "inc " E "\n\t"                                                                                      \
  "brne 17b\n"                                                                                         \
  "18:\n\t"                                                                                            \
  "lsl " RA "\n\t"                                                                                     \
  "mov " RA ", " RB "\n\t"                                                                             \
  "mov " RB ", " RC "\n\t"                                                                             \
  "mov " RC ", " RD "\n\t"                                                                             \
  "rjmp 15f\n"                                                                                         \
  /* Fewer bit by bit; the carry holds the last bit out, which is added. */                            \
  "16:\n\t"                                                                                            \
  "asr " RC "\n\t"                                                                                     \
  "ror " RB "\n\t"                                                                                     \
  "ror " RA "\n\t"                                                                                     \
  "dec " E "\n\t"                                                                                      \
  "brne 16b\n"                                                                                         \
  "15:\n\t"                                                                                            \
  "adc " RA ", " ZERO "\n\t"                                                                           \
  "adc " RB ", " ZERO "\n\t"                                                                           \
  "adc " RC ", " ZERO "\n"                                                                             \
  "14:\n\t"
// clang-format on

__attribute__((always_inline)) inline int32_t double_rounding_multiply_24_bit(int32_t x, int32_t multiplier,
                                                                              uint8_t right_shift) {
  int32_t result;
  uint8_t byte1, byte2, byte3, zero;
  __asm__(TINYMLP_AVR_DOUBLE_ROUNDING_MULTIPLY_24_BIT("%A[x]", "%B[x]", "%C[x]", "%A[m]", "%B[m]", "%C[m]", "%D[m]",
                                                      "%A[r]", "%B[r]", "%C[r]", "%D[r]", "%[b1]", "%[b2]", "%[b3]",
                                                      "%[zero]", "%[e]")
          // Sign-extended to 32 bits.
          "mov %D[r], %C[r]\n\t"
          "lsl %D[r]\n\t"
          "sbc %D[r], %D[r]\n\t"
          "clr __zero_reg__"
          : [r] "=&r"(result), [b1] "=&r"(byte1), [b2] "=&r"(byte2), [b3] "=&d"(byte3), [zero] "=&r"(zero),
            [e] "+d"(right_shift)
          : [x] "r"(x), [m] "r"(multiplier));
  return result;
}
#endif

/// TFLite's default MultiplyByQuantizedMultiplier, -31 <= shift <= 30. A positive shift scales x up
/// first, in int32 arithmetic that wraps as TFLite's does on every target it runs on.
struct DoubleRounding {
  /// x * multiplier * 2^(shift - 31), rounded twice as TFLite's default build rounds. Inlined into
  /// the kernel: a call costs more registers saved than the arithmetic is long. On an AVR only the
  /// 24-bit path is: the 32-bit one, rare there, is a call, so that the kernel saves no registers for it.
  __attribute__((always_inline)) static int32_t multiply(int32_t x, int32_t multiplier, int shift) {
#if defined(__AVR__)
    if (shift <= 0 && fits_in_24_bits(x))
      return double_rounding_multiply_24_bit(x, multiplier, static_cast<uint8_t>(-shift));
    return multiply_in_32_bits(x, multiplier, shift);
  }
  __attribute__((noinline)) static int32_t multiply_in_32_bits(int32_t x, int32_t multiplier, int shift) {
#endif
#if TINYMLP_WIDE_MULTIPLY
    if (shift < 0) return half_away_from_zero(rounding_doubling_high_multiply(x, multiplier), -shift);
#endif
    const int left_shift = shift > 0 ? shift : 0;
    const int right_shift = shift > 0 ? 0 : -shift;
    const int32_t scaled = static_cast<int32_t>(static_cast<uint32_t>(x) << left_shift);
    return rounding_divide_by_power_of_two(rounding_doubling_high_multiply(scaled, multiplier), right_shift);
  }
};

/// TFLite's MultiplyByQuantizedMultiplier with TFLITE_SINGLE_ROUNDING=1, -31 <= shift <= 30:
/// x * multiplier / 2^(31 - shift), rounded to nearest with ties toward +infinity (add half, floor).
struct SingleRounding {
  /// x * multiplier * 2^(shift - 31), rounded once.
  __attribute__((always_inline)) static int32_t multiply(int32_t x, int32_t multiplier, int shift) {
#if TINYMLP_WIDE_MULTIPLY
    // For shift < 0, 2^(30 - shift) is a multiple of 2^31: floor((p + 2^(30 - shift)) / 2^(31 - shift))
    // = floor((floor(p / 2^31) + 2^(-shift - 1)) / 2^-shift), and floor(p / 2^31) fits in 32 bits.
    if (shift < 0) return half_up(static_cast<int32_t>((static_cast<int64_t>(x) * multiplier) >> 31), -shift);
#endif
    const int total_shift = 31 - shift;
    return arithmetic_shift_right(add_power_of_two(signed_product(x, multiplier), total_shift - 1), total_shift);
  }
};

/// A requantized accumulator offset by the output zero point and clamped to [low, 127]. The zero
/// point is added in wrapping int32 arithmetic, as TFLite adds it.
__attribute__((always_inline)) inline int8_t offset_and_clamp(int32_t scaled, int8_t zero_point, int8_t low) {
  const int32_t shifted =
      static_cast<int32_t>(static_cast<uint32_t>(scaled) + static_cast<uint32_t>(static_cast<int32_t>(zero_point)));
  if (shifted < low) return low;
  if (shifted > 127) return 127;
  return static_cast<int8_t>(shifted);
}

/// The accumulator at the output's scale: requantized, then offset_and_clamp.
// Inlined where the multiply is a few instructions (a call would cost as much); on an AVR, one copy.
template <class Rounding>
#if TINYMLP_WIDE_MULTIPLY
__attribute__((always_inline))
#endif
inline int8_t
requantize_to_int8(int32_t accumulator, int32_t multiplier, int shift, int8_t zero_point, int8_t low) {
  return offset_and_clamp(Rounding::multiply(accumulator, multiplier, shift), zero_point, low);
}

}  // namespace quant
}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

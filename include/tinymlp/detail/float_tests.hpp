// A float's zero and sign tests. Without an FPU (AVR, Cortex-M0+, rv32imc) a float compare is a
// library call costing tens to hundreds of cycles; the same answers read from the float's bits cost
// a few instructions. With an FPU the compare itself is cheap and vectorizes, so it stays.
#ifndef TINYMLP_DETAIL_FLOAT_TESTS_HPP
#define TINYMLP_DETAIL_FLOAT_TESTS_HPP

#include "integers.hpp"

#if defined(__AVR__) || (defined(__arm__) && !defined(__ARM_FP)) || (defined(__riscv) && !defined(__riscv_flen))
#define TINYMLP_DETAIL_SOFT_FLOAT 1
#else
#define TINYMLP_DETAIL_SOFT_FLOAT 0
#endif

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

inline uint32_t bits_of(float x) {
  uint32_t bits;
  __builtin_memcpy(&bits, &x, sizeof bits);
  return bits;
}

/// x == 0.0f: +0 and -0 (a NaN is not zero).
inline bool is_zero(float x) {
#if TINYMLP_DETAIL_SOFT_FLOAT
  return (bits_of(x) & 0x7fffffffu) == 0;
#else
  return x == 0.0f;
#endif
}

/// x > 0.0f: the sign bit clear and the rest from the smallest subnormal to +infinity (not a NaN).
inline bool is_above_zero(float x) {
#if TINYMLP_DETAIL_SOFT_FLOAT
  const int32_t bits = static_cast<int32_t>(bits_of(x));
  return bits > 0 && bits <= 0x7f800000;
#else
  return x > 0.0f;
#endif
}

/// Whether x is infinite or a NaN: all exponent bits set.
inline bool is_inf_or_nan(float x) { return (bits_of(x) & 0x7f800000u) == 0x7f800000u; }

/// x * 0.0f: a zero with x's sign, or for an infinity or a NaN the product itself.
inline float times_zero(float x) {
  if (is_inf_or_nan(x)) return x * 0.0f;
  const uint32_t bits = bits_of(x) & 0x80000000u;
  float zero;
  __builtin_memcpy(&zero, &bits, sizeof zero);
  return zero;
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

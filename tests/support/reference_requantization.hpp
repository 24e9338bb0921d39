// The test oracle: TFLite's requantization as TFLite writes it, with 64-bit products and divisions
// (gemmlowp's SaturatingRoundingDoublingHighMul and RoundingDivideByPOT, TFLite's two
// MultiplyByQuantizedMultiplier). tinymlp's device code computes the same integers in 32 bits.
#ifndef TINYMLP_TESTS_SUPPORT_REFERENCE_REQUANTIZATION_HPP
#define TINYMLP_TESTS_SUPPORT_REFERENCE_REQUANTIZATION_HPP

#include <cstdint>
#include <limits>

namespace reference {

inline std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<std::int32_t>::min();
  const std::int64_t ab_64 = static_cast<std::int64_t>(a) * static_cast<std::int64_t>(b);
  const std::int32_t nudge = ab_64 >= 0 ? (1 << 30) : (1 - (1 << 30));
  const auto ab_x2_high32 = static_cast<std::int32_t>((ab_64 + nudge) / (std::int64_t{1} << 31));
  return overflow ? std::numeric_limits<std::int32_t>::max() : ab_x2_high32;
}

inline std::int32_t rounding_divide_by_pot(std::int32_t x, int exponent) {
  const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << exponent) - 1);
  const std::int32_t remainder = x & mask;
  const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

inline std::int32_t multiply_double_rounding(std::int32_t x, std::int32_t multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  // x * (1 << left_shift) in int32, wrapping as it does on every target TFLite runs on.
  const auto scaled = static_cast<std::int32_t>(static_cast<std::uint32_t>(x) * (std::uint32_t{1} << left_shift));
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(scaled, multiplier), right_shift);
}

inline std::int32_t multiply_single_rounding(std::int32_t x, std::int32_t multiplier, int shift) {
  const std::int64_t total_shift = 31 - shift;
  const std::int64_t round = std::int64_t{1} << (total_shift - 1);
  const std::int64_t result = (x * static_cast<std::int64_t>(multiplier) + round) >> total_shift;
  return static_cast<std::int32_t>(result);
}

}  // namespace reference

#endif

#include "tinymlp_tools/requantization.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace tinymlp {
namespace tools {
namespace {

// Two's-complement wrap, as the int32 arithmetic of TFLite's reference code does on every target
// (spelled out to stay defined behaviour).
std::int32_t wrap_to_int32(std::int64_t value) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(value)); }

// gemmlowp: the high 32 bits of 2ab, rounded to nearest (nudged by 2^30 or 1 - 2^30), divided
// truncating toward zero; saturates the one overflowing case.
std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b) {
  if (a == b && a == std::numeric_limits<std::int32_t>::min()) return std::numeric_limits<std::int32_t>::max();
  const std::int64_t product = static_cast<std::int64_t>(a) * static_cast<std::int64_t>(b);
  const std::int64_t nudge = product >= 0 ? (1 << 30) : (1 - (1 << 30));
  return static_cast<std::int32_t>((product + nudge) / (std::int64_t{1} << 31));
}

// gemmlowp: x / 2^exponent rounded to nearest, ties away from zero.
std::int32_t rounding_divide_by_power_of_two(std::int32_t x, int exponent) {
  const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << exponent) - 1);
  const std::int32_t remainder = x & mask;
  const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

}  // namespace

QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  QuantizedMultiplier result;
  if (!(real_multiplier > 0.0) || !std::isfinite(real_multiplier)) return result;
  const double fraction = std::frexp(real_multiplier, &result.shift);
  std::int64_t fixed = static_cast<std::int64_t>(std::round(fraction * static_cast<double>(std::int64_t{1} << 31)));
  if (fixed == (std::int64_t{1} << 31)) {
    fixed /= 2;
    ++result.shift;
  }
  if (result.shift < -31) return QuantizedMultiplier{};
  if (result.shift > 30) {
    result.shift = 30;
    fixed = (std::int64_t{1} << 31) - 1;
  }
  result.multiplier = static_cast<std::int32_t>(fixed);
  return result;
}

std::int32_t multiply_by_quantized_multiplier(std::int32_t x, QuantizedMultiplier multiplier, Rounding rounding) {
  if (rounding == Rounding::single_rounding) {
    const int total_shift = 31 - multiplier.shift;
    const std::int64_t round = std::int64_t{1} << (total_shift - 1);
    const std::int64_t result = (static_cast<std::int64_t>(x) * multiplier.multiplier + round) >> total_shift;
    return wrap_to_int32(result);
  }
  const int left_shift = multiplier.shift > 0 ? multiplier.shift : 0;
  const int right_shift = multiplier.shift > 0 ? 0 : -multiplier.shift;
  const std::int32_t shifted = wrap_to_int32(static_cast<std::int64_t>(x) * (std::int64_t{1} << left_shift));
  return rounding_divide_by_power_of_two(saturating_rounding_doubling_high_mul(shifted, multiplier.multiplier),
                                         right_shift);
}

}  // namespace tools
}  // namespace tinymlp

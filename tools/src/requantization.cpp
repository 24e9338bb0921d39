#include "tinymlp_tools/requantization.hpp"

#include "tinymlp.hpp"
#include "tinymlp/host/quantize.hpp"

namespace tinymlp {
namespace tools {

// One implementation of each: the host's QuantizeMultiplier and the device's 32-bit requantization
// (tinymlp/quant/requantization.hpp, tested against TFLite's 64-bit formulas in tests/quant).
QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  const tinymlp::QuantizedMultiplier q = tinymlp::quantize_multiplier(real_multiplier);
  QuantizedMultiplier result;
  result.multiplier = q.multiplier;
  result.shift = q.shift;
  return result;
}

std::int32_t multiply_by_quantized_multiplier(std::int32_t x, QuantizedMultiplier multiplier, Rounding rounding) {
  return rounding == Rounding::single_rounding
             ? quant::SingleRounding::multiply(x, multiplier.multiplier, multiplier.shift)
             : quant::DoubleRounding::multiply(x, multiplier.multiplier, multiplier.shift);
}

}  // namespace tools
}  // namespace tinymlp

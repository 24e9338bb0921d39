// TensorFlow Lite Micro's int8 SOFTMAX (reference/softmax.h) written out per value, as the kernel
// computes it, with no table: the device's table-driven quant::FixedPointSoftmax must give the same
// integers.
#ifndef TINYMLP_TESTS_SUPPORT_REFERENCE_INT8_SOFTMAX_HPP
#define TINYMLP_TESTS_SUPPORT_REFERENCE_INT8_SOFTMAX_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "tinymlp/host/quantize.hpp"
#include "tinymlp/quant/fixed_point.hpp"

namespace reference {

inline std::vector<std::int8_t> tflite_micro_softmax(const std::vector<std::int8_t>& x, float input_scale, float beta) {
  namespace fp = tinymlp::quant::fixed_point;
  const double real = std::min(static_cast<double>(beta) * static_cast<double>(input_scale) * double(1 << 26),
                               double((std::int64_t{1} << 31) - 1));
  const tinymlp::QuantizedMultiplier m = tinymlp::quantize_multiplier(real);
  const int diff_min = -static_cast<int>(std::floor(31.0 * double(1 << 26) / std::ldexp(1.0, m.shift)));
  const std::int8_t largest = *std::max_element(x.begin(), x.end());
  auto exp_of = [&](int diff) {
    const std::int32_t rescaled = fp::doubling_high_multiply(diff * (1 << m.shift), m.multiplier);
    return fp::exp_on_negative_values(rescaled, 5);
  };
  std::int32_t sum = 0;
  for (std::int8_t v : x)
    if (v - largest >= diff_min) sum += fp::rescale(exp_of(v - largest), 0, 12);
  int bits_over_unit = 0;
  const std::int32_t shifted_scale = fp::reciprocal(sum, 12, &bits_over_unit);
  std::vector<std::int8_t> y;
  for (std::int8_t v : x) {
    if (v - largest < diff_min) {
      y.push_back(-128);
      continue;
    }
    const std::int32_t unsaturated =
        fp::divide_by_power_of_two(fp::doubling_high_multiply(shifted_scale, exp_of(v - largest)), bits_over_unit + 23);
    y.push_back(static_cast<std::int8_t>(std::min(127, std::max(-128, unsaturated - 128))));
  }
  return y;
}

}  // namespace reference

#endif

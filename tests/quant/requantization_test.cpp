// The device's 32-bit requantization (tinymlp/quant/requantization.hpp) gives exactly the integers of
// TFLite's 64-bit formulas (tests/support/reference_requantization.hpp): on every combination of edge cases of x,
// multiplier and shift, and on millions of random ones, in both rounding modes.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "../support/reference_requantization.hpp"
#include "tinymlp.hpp"

namespace {

using tinymlp::quant::DoubleRounding;
using tinymlp::quant::SingleRounding;

const std::int32_t int32_min = std::numeric_limits<std::int32_t>::min();
const std::int32_t int32_max = std::numeric_limits<std::int32_t>::max();

// Values where carries, signs and rounding ties change: 0, +-1, powers of two and their neighbours,
// the int32 limits.
std::vector<std::int32_t> edge_values() {
  std::vector<std::int32_t> values = {0, 1, -1, int32_min, int32_min + 1, int32_max, int32_max - 1};
  for (int bit = 1; bit < 31; ++bit) {
    const std::int32_t power = std::int32_t{1} << bit;
    for (std::int32_t v : {power, power - 1, power + 1, power / 2 * 3}) {
      values.push_back(v);
      values.push_back(-v);
    }
  }
  return values;
}

// Multipliers as QuantizeMultiplier makes them ([2^30, 2^31) or 0), and a few below 2^30.
std::vector<std::int32_t> edge_multipliers() {
  return {0,
          1,
          2,
          0xFFFF,
          0x10000,
          0x10001,
          (1 << 30) - 1,
          1 << 30,
          (1 << 30) + 1,
          (1 << 30) + (1 << 15),
          0x5A5A5A5A,
          0x7FFF0000,
          0x7FFF8000,
          int32_max - 1,
          int32_max};
}

template <class Device>
void check_same(std::int32_t x, std::int32_t multiplier, int shift,
                std::int32_t (*reference_multiply)(std::int32_t, std::int32_t, int)) {
  const std::int32_t expected = reference_multiply(x, multiplier, shift);
  const std::int32_t found = Device::multiply(x, multiplier, shift);
  if (found != expected) {
    CAPTURE(x);
    CAPTURE(multiplier);
    CAPTURE(shift);
    REQUIRE(found == expected);
  }
}

template <class Device>
void check_edge_cases(std::int32_t (*reference_multiply)(std::int32_t, std::int32_t, int)) {
  const std::vector<std::int32_t> values = edge_values(), multipliers = edge_multipliers();
  for (int shift = -31; shift <= 30; ++shift)
    for (std::int32_t multiplier : multipliers)
      for (std::int32_t x : values) check_same<Device>(x, multiplier, shift, reference_multiply);
}

// x of every size from 1 to 32 bits (so small accumulators, the usual case, are as well covered as
// wide ones), multipliers in [2^30, 2^31) or anywhere in [0, 2^31), every shift.
template <class Device>
void check_random(std::int32_t (*reference_multiply)(std::int32_t, std::int32_t, int), std::uint32_t seed, int count) {
  std::mt19937 generator(seed);
  for (int n = 0; n < count; ++n) {
    const int bits = 1 + static_cast<int>(generator() % 32);
    const std::uint32_t raw = generator();
    const auto x = static_cast<std::int32_t>(bits == 32 ? raw : (raw & ((1u << bits) - 1u)) - (1u << (bits - 1)));
    const std::uint32_t m = generator();
    const auto multiplier = static_cast<std::int32_t>(n % 4 == 0 ? (m >> 1) : (m >> 2) | (1u << 30));
    const int shift = -31 + static_cast<int>(generator() % 62);
    check_same<Device>(x, multiplier, shift, reference_multiply);
  }
}

}  // namespace

TEST_CASE("double rounding: the 32-bit requantization equals TFLite's 64-bit one on every edge case") {
  check_edge_cases<DoubleRounding>(reference::multiply_double_rounding);
}

TEST_CASE("single rounding: the 32-bit requantization equals TFLite's 64-bit one on every edge case") {
  check_edge_cases<SingleRounding>(reference::multiply_single_rounding);
}

TEST_CASE("double rounding: the 32-bit requantization equals TFLite's 64-bit one on 4 million random inputs") {
  check_random<DoubleRounding>(reference::multiply_double_rounding, 1u, 4000000);
}

TEST_CASE("single rounding: the 32-bit requantization equals TFLite's 64-bit one on 4 million random inputs") {
  check_random<SingleRounding>(reference::multiply_single_rounding, 2u, 4000000);
}

TEST_CASE(
    "every accumulator of a 16-input int8 layer, at the hello_world model's multipliers, requantizes as TFLite's") {
  // |sum w (x - zp)| <= 16 * 127 * 255 for such a layer: every accumulator in that range, each shift
  // from -12 to 0 (real multipliers from 2^-13 to 1).
  const std::int32_t bound = 16 * 127 * 255 + 4096;
  for (int shift = -12; shift <= 0; ++shift) {
    const std::int32_t multiplier = 0x40000000 + 0x12345 * (shift + 13);
    for (std::int32_t x = -bound; x <= bound; ++x) {
      check_same<DoubleRounding>(x, multiplier, shift, reference::multiply_double_rounding);
      check_same<SingleRounding>(x, multiplier, shift, reference::multiply_single_rounding);
    }
  }
}

TEST_CASE("the parts: the 64-bit product from 16-bit halves, and gemmlowp's two functions") {
  // The product AVRs build from 16-bit halves (the host's requantization multiplies wide): every edge case.
  for (std::int32_t x : edge_values())
    for (std::int32_t m : edge_multipliers()) {
      const tinymlp::quant::TwoWords product = tinymlp::quant::signed_product_from_halves(x, m);
      const std::int64_t expected = static_cast<std::int64_t>(x) * m;
      REQUIRE(product.high == static_cast<std::int32_t>(expected >> 32));
      REQUIRE(product.low == static_cast<std::uint32_t>(expected));
    }
  std::mt19937 generator(3u);
  for (int n = 0; n < 2000000; ++n) {
    // Half the x are 16-bit, which the product from halves takes a shorter way.
    const auto x = static_cast<std::int32_t>(n % 2 ? generator() : static_cast<std::int16_t>(generator()));
    const auto m = static_cast<std::int32_t>(generator() >> 1);
    const tinymlp::quant::TwoWords product = tinymlp::quant::signed_product_from_halves(x, m);
    const std::int64_t expected = static_cast<std::int64_t>(x) * m;
    REQUIRE(product.high == static_cast<std::int32_t>(expected >> 32));
    REQUIRE(product.low == static_cast<std::uint32_t>(expected));
    REQUIRE(tinymlp::quant::rounding_doubling_high_multiply(x, m) ==
            reference::saturating_rounding_doubling_high_mul(x, m));
    const int exponent = static_cast<int>(generator() % 32);
    REQUIRE(tinymlp::quant::rounding_divide_by_power_of_two(x, exponent) ==
            reference::rounding_divide_by_pot(x, exponent));
  }
}

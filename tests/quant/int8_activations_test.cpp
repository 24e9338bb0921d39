// int8 LOGISTIC, TANH, RELU, RELU6 and SOFTMAX (issue 13): the tables the converter computes in either
// runtime's arithmetic, the device kernels that read them, Int8Model ending in them, the parameters
// refused by name, and TFLite's per-channel multipliers. tests/oracle holds the CPU runtime's tables
// against TFLite itself.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "../support/reference_int8_softmax.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/quant/int8_model.hpp"

namespace {

using tinymlp::Int8Activations;
namespace fp = tinymlp::quant::fixed_point;

const float logistic_scale = 1.0f / 256.0f, tanh_scale = 1.0f / 128.0f;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const tinymlp::QuantizationError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE(
    "gemmlowp's fixed point: exp, logistic, tanh and 1/x within 1e-6 of the real functions (far inside one int8 "
    "step)") {
  CHECK(fp::exp_on_negative_values(0, 5) == fp::raw_max);
  for (double a = -31.0; a < 0.0; a += 0.37) {
    const auto raw = static_cast<std::int32_t>(std::lround(a * double(1 << 26)));
    CHECK(std::fabs(fp::exp_on_negative_values(raw, 5) / 2147483648.0 - std::exp(raw / double(1 << 26))) < 1e-6);
  }
  for (double a = -7.9; a < 7.9; a += 0.173) {
    const auto raw = static_cast<std::int32_t>(std::lround(a * double(1 << 27)));
    CHECK(std::fabs(fp::logistic(raw, 4) / 2147483648.0 - 1.0 / (1.0 + std::exp(-raw / double(1 << 27)))) < 1e-6);
    CHECK(std::fabs(fp::tanh(raw, 4) / 2147483648.0 - std::tanh(raw / double(1 << 27))) < 1e-6);
  }
  for (double s = 1.0; s < 4000.0; s *= 1.7) {
    int bits = 0;
    const std::int32_t r = fp::reciprocal(static_cast<std::int32_t>(s * double(1 << 19)), 12, &bits);
    CHECK(std::fabs(std::ldexp(r / 2147483648.0, -bits) - 1.0 / s) < 1e-6);
  }
}

TEST_CASE(
    "gemmlowp's SaturatingRoundingDoublingHighMul and GetReciprocal as gemmlowp writes them: the edges and "
    "a million random operands") {
  auto doubling_high_multiply = [](std::int32_t a, std::int32_t b) {  // gemmlowp's own words
    if (a == b && a == INT32_MIN) return INT32_MAX;
    const std::int64_t ab = static_cast<std::int64_t>(a) * b;
    const std::int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    return static_cast<std::int32_t>((ab + nudge) / (std::int64_t{1} << 31));
  };
  const std::vector<std::int32_t> edges = {INT32_MIN, INT32_MIN + 1, -(1 << 30) - 1, -(1 << 30), -3, -2, -1, 0, 1, 2, 3,
                                           1 << 30,   (1 << 30) + 1, INT32_MAX - 1,  INT32_MAX};
  for (std::int32_t a : edges)
    for (std::int32_t b : edges) CHECK(fp::doubling_high_multiply(a, b) == doubling_high_multiply(a, b));
  std::mt19937 random(31);
  int differing = 0;
  for (int k = 0; k < 1000000; ++k) {
    const auto a = static_cast<std::int32_t>(random()), b = static_cast<std::int32_t>(random() >> (k % 24));
    if (fp::doubling_high_multiply(a, b) != doubling_high_multiply(a, b)) ++differing;
    if (fp::doubling_high_multiply(a, -b) != doubling_high_multiply(a, -b)) ++differing;
  }
  CHECK(differing == 0);
  // GetReciprocal's headroom and shifted sum, as TFLite counts them (CountLeadingZeros).
  for (std::int32_t x = 1; x > 0 && x < (1 << 30); x = x * 3 + 1) {
    int bits_over_unit = 0;
    const std::int32_t r = fp::reciprocal(x, 12, &bits_over_unit);
    int headroom_plus_one = 0;
    while (!(static_cast<std::uint32_t>(x) << headroom_plus_one & 0x80000000u)) ++headroom_plus_one;
    CHECK(bits_over_unit == 12 - headroom_plus_one);
    CHECK(r == fp::one_over_one_plus_x_for_x_in_0_1(
                   static_cast<std::int32_t>((static_cast<std::uint32_t>(x) << headroom_plus_one) - 0x80000000u)));
  }
}

TEST_CASE("LOGISTIC and TANH tables: both modes within one step of the real function, and monotone") {
  std::mt19937 random(13);
  std::uniform_real_distribution<float> scale(0.001f, 0.3f);
  std::uniform_int_distribution<int> zero_point(-128, 127);
  for (int k = 0; k < 200; ++k) {
    const float s = scale(random);
    const int z = zero_point(random);
    for (Int8Activations mode : {Int8Activations::tflite_micro, Int8Activations::tflite_cpu}) {
      const auto logistic = tinymlp::logistic_table("LOGISTIC", s, z, logistic_scale, -128, mode);
      const auto tanh = tinymlp::tanh_table("TANH", s, z, tanh_scale, 0, mode);
      for (int x = -128; x <= 127; ++x) {
        const double real = double(s) * (x - z);
        const auto at = static_cast<std::size_t>(x + 128);
        CHECK(std::fabs(logistic[at] - (std::min(127.0, 256.0 / (1.0 + std::exp(-real)) - 128.0))) <= 1.0);
        CHECK(std::fabs(tanh[at] - std::max(-128.0, std::min(127.0, 128.0 * std::tanh(real)))) <= 1.0);
        if (x > -128) {
          CHECK(logistic[at] >= logistic[at - 1]);
          CHECK(tanh[at] >= tanh[at - 1]);
        }
      }
    }
  }
}

TEST_CASE("the two modes are the two runtimes' integers where they differ") {
  // Found by search, and the CPU runtime's values confirmed by TFLite's WebAssembly build (tests/oracle):
  // TensorFlow Lite Micro's fixed point rounds these the other way.
  const auto cpu = tinymlp::tanh_table("TANH", 0.080210954f, -95, tanh_scale, 0, Int8Activations::tflite_cpu);
  const auto micro = tinymlp::tanh_table("TANH", 0.080210954f, -95, tanh_scale, 0, Int8Activations::tflite_micro);
  CHECK(cpu[-109 + 128] == -104);
  CHECK(micro[-109 + 128] == -103);
  CHECK(cpu[-81 + 128] == 104);
  CHECK(micro[-81 + 128] == 103);
}

TEST_CASE("RELU and RELU6 tables: requantized and clamped at real 0 and 6") {
  for (Int8Activations mode : {Int8Activations::tflite_micro, Int8Activations::tflite_cpu}) {
    const auto relu = tinymlp::relu_table("RELU", 0.05f, -7, 0.03f, -128, INFINITY, mode);
    const auto relu6 = tinymlp::relu_table("RELU6", 0.05f, -7, 0.03f, -128, 6.0f, mode);
    for (int x = -128; x <= 127; ++x) {
      const double real = 0.05 * (x + 7);
      const double wanted = std::max(-128.0, std::min(127.0, std::round(real / 0.03) - 128.0));
      CHECK(std::fabs(relu[static_cast<std::size_t>(x + 128)] - wanted) <= 1.0);
      CHECK(relu6[static_cast<std::size_t>(x + 128)] <= -128 + 200);  // 6 / 0.03 steps above the zero point
      CHECK(relu6[static_cast<std::size_t>(x + 128)] == std::min<int>(relu[static_cast<std::size_t>(x + 128)], 72));
    }
  }
}

TEST_CASE("output scales and zero points that TFLite fixes are refused by name") {
  CHECK(
      error_of([] {
        tinymlp::logistic_table("LOGISTIC 'out'", 0.1f, 0, 1.0f / 128, -128, Int8Activations::tflite_micro);
      }) ==
      "LOGISTIC 'out': the output scale and zero point are 0.007812 and -128; TFLite fixes them at 0.003906 and -128");
  CHECK(error_of([] { tinymlp::tanh_table("TANH 't'", 0.1f, 0, 1.0f / 128, -128, Int8Activations::tflite_cpu); }) ==
        "TANH 't': the output scale and zero point are 0.007812 and -128; TFLite fixes them at 0.007812 and 0");
  CHECK(error_of([] { tinymlp::softmax_float_table("SOFTMAX 'p'", 0.1f, 1.0f, 1.0f / 256, 0); }) ==
        "SOFTMAX 'p': the output scale and zero point are 0.003906 and 0; TFLite fixes them at 1/256 and -128");
  CHECK(error_of([] { tinymlp::softmax_fixed_point_table("SOFTMAX 'p'", 0.1f, 1.0f, 0.004f, -128); }) ==
        "SOFTMAX 'p': the output scale and zero point are 0.004000 and -128; TFLite fixes them at 0.003906 and -128");
  CHECK(error_of([] {
          tinymlp::logistic_table("LOGISTIC 'x'", -0.5f, 0, logistic_scale, -128, Int8Activations::tflite_micro);
        }) == "LOGISTIC 'x': the input scale -0.500000 is not a positive finite number");
  CHECK(error_of([] {
          tinymlp::logistic_table("LOGISTIC 'x'", 0.5f, 300, logistic_scale, -128, Int8Activations::tflite_micro);
        }) == "LOGISTIC 'x': the input zero point 300 is not an int8");
  CHECK(error_of([] { tinymlp::softmax_float_table("SOFTMAX 'b'", 0.1f, NAN, 1.0f / 256, -128); }) ==
        "SOFTMAX 'b': beta nan is not a positive finite number");
  CHECK(error_of([] {
          tinymlp::relu_table("RELU 'r'", 0.1f, 0, 0.0f, -128, INFINITY, Int8Activations::tflite_micro);
        }) == "RELU 'r': the output scale 0.000000 and zero point -128 are not an int8 quantization");
}

TEST_CASE("SOFTMAX from the table equals TensorFlow Lite Micro's kernel computed value by value") {
  std::mt19937 random(7);
  for (float input_scale : {0.0625f, 0.1f, 0.2137f, 0.0117f, 1.3f}) {
    for (float beta : {1.0f, 2.5f}) {
      tinymlp::quant::FixedPointSoftmax::Parameters parameters;
      const auto table = tinymlp::softmax_fixed_point_table("SOFTMAX", input_scale, beta, 1.0f / 256, -128);
      std::copy(table.begin(), table.end(), parameters.exp_of_difference);
      for (int row = 0; row < 500; ++row) {
        std::uniform_int_distribution<int> value(-128, row % 3 == 0 ? -100 : 127);
        std::vector<std::int8_t> x(6), y(6);
        for (auto& v : x) v = static_cast<std::int8_t>(value(random));
        tinymlp::Int8Softmax<6, tinymlp::quant::FixedPointSoftmax>::forward<tinymlp::quant::DoubleRounding,
                                                                            tinymlp::RamReader>(parameters, x.data(),
                                                                                                y.data());
        CHECK(y == reference::tflite_micro_softmax(x, input_scale, beta));
      }
    }
  }
}

namespace {

using tinymlp::quant::FloatTableSoftmax;

FloatTableSoftmax::Parameters cpu_softmax_parameters(float input_scale, float beta) {
  FloatTableSoftmax::Parameters parameters{};
  const auto table = tinymlp::softmax_float_table("SOFTMAX", input_scale, beta, 1.0f / 256, -128);
  std::copy(table.begin(), table.end(), parameters.exp_of_difference);
  parameters.output_scale = 1.0f / 256;
  return parameters;
}

// How many of `rows` rows of Classes values (drawn by `draw`) the integer path gets other than the
// float path (TFLite's own arithmetic); every output of every row is compared.
template <std::size_t Classes, class Draw>
int rows_that_differ(const FloatTableSoftmax::Parameters& parameters, long rows, Draw draw) {
  int differing = 0;
  for (long row = 0; row < rows; ++row) {
    std::int8_t x[Classes], by_float[Classes], by_integers[Classes];
    draw(row, x);
    FloatTableSoftmax::forward_in_float<Classes, tinymlp::RamReader>(parameters, x, by_float);
    FloatTableSoftmax::forward_in_integers<Classes, tinymlp::RamReader>(parameters, x, by_integers);
    if (!std::equal(by_float, by_float + Classes, by_integers)) ++differing;
  }
  return differing;
}

}  // namespace

TEST_CASE(
    "SOFTMAX in the CPU runtime's mode: the integer path (boards without an FPU) gives the float path's "
    "integers on every 3-class input and 3 million random rows of 6 and 10 classes") {
  std::mt19937 random(29);
  for (float input_scale : {0.001f, 0.0117f, 0.05f, 0.0625f, 0.1f, 0.13f, 0.2137f, 0.5f, 1.3f, 6.0f}) {
    CAPTURE(input_scale);
    const FloatTableSoftmax::Parameters parameters = cpu_softmax_parameters(input_scale, 1.0f);
    // Every pair of differences from the largest value, with the largest first, second and third.
    CHECK(rows_that_differ<3>(parameters, 3 * 65536, [](long row, std::int8_t* x) {
            const int place = static_cast<int>(row / 65536), d1 = static_cast<int>(row % 256),
                      d2 = static_cast<int>(row / 256 % 256);
            x[place] = 127;
            x[(place + 1) % 3] = static_cast<std::int8_t>(127 - d1);
            x[(place + 2) % 3] = static_cast<std::int8_t>(127 - d2);
          }) == 0);
    // Rows whose values lie within `spread` of each other, from 1 (all near the largest) to 256.
    auto clustered = [&random](long row, std::int8_t* x, std::size_t classes) {
      const int spread = 1 + static_cast<int>(row % 256), low = -128 + static_cast<int>(random() % (257 - spread));
      for (std::size_t c = 0; c < classes; ++c)
        x[c] = static_cast<std::int8_t>(low + static_cast<int>(random() % spread));
    };
    CHECK(rows_that_differ<6>(parameters, 200000, [&](long row, std::int8_t* x) { clustered(row, x, 6); }) == 0);
    CHECK(rows_that_differ<10>(parameters, 100000, [&](long row, std::int8_t* x) { clustered(row, x, 10); }) == 0);
  }
  // beta folded into the table, and an output scale other than 1/256 (within TFLite's tolerance: the
  // integer path leaves it to the float path).
  FloatTableSoftmax::Parameters scaled = cpu_softmax_parameters(0.1f, 2.5f);
  CHECK(rows_that_differ<6>(scaled, 20000, [&random](long, std::int8_t* x) {
          for (std::size_t c = 0; c < 6; ++c) x[c] = static_cast<std::int8_t>(random() % 64);
        }) == 0);
  scaled.output_scale = 1.0005f / 256;
  CHECK(rows_that_differ<6>(scaled, 20000, [&random](long, std::int8_t* x) {
          for (std::size_t c = 0; c < 6; ++c) x[c] = static_cast<std::int8_t>(random() % 64);
        }) == 0);
}

TEST_CASE("Int8Model ends in LOGISTIC or SOFTMAX: the Dense, then the table") {
  typedef tinymlp::Sequential<tinymlp::Dense<2, 3>, tinymlp::ReLU, tinymlp::Dense<3, 3>, tinymlp::Softmax> Classifier;
  typedef tinymlp::Sequential<tinymlp::Dense<2, 1>, tinymlp::Sigmoid> Binary;
  typedef tinymlp::Int8Model<Classifier, tinymlp::quant::SingleRounding> Int8Classifier;
  typedef tinymlp::Int8Model<Binary> Int8Binary;
  static_assert(std::is_same<Int8Classifier::softmax_arithmetic, tinymlp::quant::FloatTableSoftmax>::value, "");
  static_assert(std::is_same<Int8Binary::softmax_arithmetic, tinymlp::quant::FixedPointSoftmax>::value, "");
  static_assert(Int8Classifier::layer_count == 3 && Int8Binary::layer_count == 2, "");
  static_assert(Int8Classifier::parameter_count == 2 * 3 + 3 + 3 * 3 + 3, "tables are no parameters");

  Int8Binary::Parameters binary{};
  binary.layers.layer = {{40, -70}, {500}, {1500000000}, {-8}, -3};
  const auto logistic =
      tinymlp::logistic_table("LOGISTIC", 0.05f, -3, logistic_scale, -128, Int8Activations::tflite_micro);
  std::copy(logistic.begin(), logistic.end(), binary.layers.next.layer.output);
  binary.layers.next.layer.output_zero_point = -128;
  binary.input_output = {0.1f, 0, logistic_scale};
  const Int8Binary model(&binary);

  Int8Classifier::Parameters classifier{};
  classifier.layers.layer = {
      {10, -20, 30, 40, -50, 60}, {5, -6, 7}, {1200000000, 1300000000, 1400000000}, {-6, -6, -6}, -128};
  classifier.layers.next.layer = {
      {1, 2, 3, -4, -5, -6, 7, -8, 9}, {0, 10, -10}, {1100000000, 1100000000, 1100000000}, {-4, -4, -4}, 5};
  const auto exp_table = tinymlp::softmax_float_table("SOFTMAX", 0.08f, 1.0f, 1.0f / 256, -128);
  std::copy(exp_table.begin(), exp_table.end(), classifier.layers.next.next.layer.exp_of_difference);
  classifier.layers.next.next.layer.output_scale = 1.0f / 256;
  classifier.input_output = {0.1f, 0, 1.0f / 256};
  const Int8Classifier int8_classifier(&classifier);

  for (int a = -128; a <= 127; a += 5)
    for (int b = -128; b <= 127; b += 7) {
      const std::int8_t x[2] = {static_cast<std::int8_t>(a), static_cast<std::int8_t>(b)};
      std::int8_t hidden[3], dense_out[3], y[3], wanted[3];
      tinymlp::Int8Dense<2, 1, false>::forward<tinymlp::quant::DoubleRounding, tinymlp::RamReader>(binary.layers.layer,
                                                                                                   x, hidden);
      model.predict(x, y);
      CHECK(y[0] == logistic[static_cast<std::size_t>(hidden[0] + 128)]);

      tinymlp::Int8Dense<2, 3, true>::forward<tinymlp::quant::SingleRounding, tinymlp::RamReader>(
          classifier.layers.layer, x, hidden);
      tinymlp::Int8Dense<3, 3, false>::forward<tinymlp::quant::SingleRounding, tinymlp::RamReader>(
          classifier.layers.next.layer, hidden, dense_out);
      tinymlp::quant::FloatTableSoftmax::forward<3, tinymlp::RamReader>(classifier.layers.next.next.layer, dense_out,
                                                                        wanted);
      int8_classifier.predict(x, y);
      CHECK(std::vector<std::int8_t>(y, y + 3) == std::vector<std::int8_t>(wanted, wanted + 3));
      float probabilities[3];
      const float real_x[2] = {a * 0.1f, b * 0.1f};
      int8_classifier.predict(real_x, probabilities);
      CHECK(probabilities[0] == doctest::Approx((wanted[0] + 128) / 256.0));
    }
}

TEST_CASE("per-channel multipliers in double, as TFLite: an accumulator where the float32 product differs") {
  // Scales found by search: float32(input * weight) / output and input * weight / output in double
  // quantize to different multipliers, and the accumulator 18717 requantizes to 16 against TFLite's 15.
  const float input = 0.0124297822f, weight = 0.00246419688f, output = 0.0369876847f;
  const auto per_tensor = tinymlp::quantize_multiplier(tinymlp::real_multiplier(input, weight, output));
  const auto per_channel = tinymlp::quantize_multiplier(tinymlp::per_channel_real_multiplier(input, weight, output));
  CHECK(per_tensor.multiplier == 1821006981);
  CHECK(per_channel.multiplier == 1821006924);
  CHECK(tinymlp::quant::DoubleRounding::multiply(18717, per_tensor.multiplier, per_tensor.shift) == 16);
  CHECK(tinymlp::quant::DoubleRounding::multiply(18717, per_channel.multiplier, per_channel.shift) == 15);

  tinymlp::Layer layer;
  layer.inputs = 1;
  layer.outputs = 2;
  tinymlp::Int8Quantization q;
  q.input = {input, 0};
  q.output = {output, 0};
  q.kernel = {1, 1};
  q.bias = {0, 0};
  q.weight_scales = {weight, weight};
  layer.quantization = q;
  CHECK(tinymlp::int8_layer_arrays(layer, 0).multiplier[0] == 1821006924);
  layer.int8()->weight_scales = {weight};
  CHECK(tinymlp::int8_layer_arrays(layer, 0).multiplier[0] == 1821006981);
}

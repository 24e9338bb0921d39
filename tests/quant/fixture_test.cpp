// hello_world_int8.tflite (made by Keras and the TFLite converter) read by tools/'s importer and run by
// tinymlp's Int8Model gives, for every int8 input, exactly the integers of TFLite's reference kernels:
// y_tflm with double rounding (TensorFlow Lite Micro, CMSIS-NN), y_single with single rounding
// (Arm NN, XNNPACK). The host's int8 reference of tools/ (description_inference) agrees as well.
#include <doctest/doctest.h>

#include "../tflite/fixtures.hpp"
#include "tinymlp/host.hpp"
#include "../support/description_inference.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> HelloWorld;

template <class Rounding>
void check_every_input(std::size_t expected_column) {
  const tinymlp::ModelDescription description = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
  const auto int8_model = tinymlp::host_int8_model<HelloWorld, Rounding>(description);
  const auto rows = fixtures::expected_rows("hello_world_int8.expected.txt");
  REQUIRE(rows.size() == 256);
  int differences = 0;
  for (const auto& row : rows) {
    const auto x = static_cast<std::int8_t>(row[0]);
    const auto expected = static_cast<int>(row[expected_column]);
    const int found = int8_model.model().predict(x);
    if (found != expected) {
      ++differences;
      CAPTURE(int{x});
      CHECK(found == expected);
    }
  }
  CHECK(differences == 0);
}

}  // namespace

TEST_CASE("hello_world_int8.tflite: Int8Model with double rounding gives TFLite Micro's y_tflm for all 256 inputs") {
  check_every_input<tinymlp::quant::DoubleRounding>(1);
}

TEST_CASE(
    "hello_world_int8.tflite: Int8Model with single rounding gives y_single (Arm NN, XNNPACK) for all 256 inputs") {
  check_every_input<tinymlp::quant::SingleRounding>(2);
}

TEST_CASE("hello_world_int8.tflite: the two rounding modes differ where the fixture says they do") {
  const auto rows = fixtures::expected_rows("hello_world_int8.expected.txt");
  int differing = 0;
  for (const auto& row : rows) differing += row[1] != row[2] ? 1 : 0;
  CHECK(differing == 23);
}

TEST_CASE("hello_world_int8.tflite: float in and out quantizes and dequantizes as TFLite's QUANTIZE and DEQUANTIZE") {
  const tinymlp::ModelDescription description = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
  const tinymlp::ModelDescription& quantized = description;
  const auto int8_model = tinymlp::host_int8_model<HelloWorld>(quantized);
  const tinymlp::Quantization input = quantized.layers.front().int8()->input,
                              output = quantized.layers.back().int8()->output;
  // TensorFlow Lite Micro's own check of this file: x = 0.77, 1.57, 2.3, 3.14, about int8 -96, -63, -34, 0,
  // dequantize to within 0.05 of sin(x).
  const float xs[] = {0.77f, 1.57f, 2.3f, 3.14f};
  const int qs[] = {-96, -63, -34, 0};
  for (int k = 0; k < 4; ++k) {
    const std::int8_t q = int8_model.model().quantize_input(xs[k]);
    CHECK(q == tinymlp::quantize_value(xs[k], input));
    CHECK(std::abs(q - qs[k]) <= 1);
    const float y = int8_model.model().predict(xs[k]);
    CHECK(y == tinymlp::dequantize_value(int8_model.model().predict(q), output));
    CHECK(std::fabs(y - std::sin(xs[k])) < 0.05f);
  }
}

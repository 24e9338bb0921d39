// Importing the Keras-made hello_world models gives what TFLite itself computes for them.
#include <doctest/doctest.h>

#include <cstdint>

#include "fixtures.hpp"
#include "tinymlp_tools/description_inference.hpp"
#include "tinymlp_tools/sequential_description.hpp"
#include "tinymlp_tools/tflite_import.hpp"

namespace tools = tinymlp::tools;
using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;

TEST_CASE(
    "hello_world_float.tflite: the 33 outputs Arm NN gives, through the description and through Mlp<ReLU, 1, 16, 16, "
    "1>") {
  const tools::ModelDescription description = tools::read_tflite(fixtures::path("hello_world_float.tflite"));
  CHECK(description.input_size == 1);
  CHECK(description.output_size() == 1);
  CHECK(description.parameter_count() == 321);
  CHECK_FALSE(description.is_quantized());
  const Model model = tools::to_model<Model>(description);
  const auto rows = fixtures::expected_rows("hello_world_float.expected.txt");
  REQUIRE(rows.size() == 33);
  for (const auto& row : rows) {
    const auto x = static_cast<float>(row[0]);
    CAPTURE(x);
    CHECK(fixtures::close(tools::predict_float(description, {x})[0], row[1]));
    CHECK(fixtures::close(model.predict(x), row[1]));
  }
}

TEST_CASE(
    "hello_world_int8.tflite: TFLite Micro's outputs (double rounding) and Arm NN's (single) for all 256 inputs") {
  const tools::ModelDescription description = tools::read_tflite(fixtures::path("hello_world_int8.tflite"));
  REQUIRE(description.is_quantized());
  CHECK(description.int8_input);
  CHECK(description.int8_output);
  CHECK(description.input_quantization.zero_point == -128);
  CHECK(description.output_quantization.zero_point == 5);
  const auto rows = fixtures::expected_rows("hello_world_int8.expected.txt");
  REQUIRE(rows.size() == 256);
  int differing_modes = 0;
  for (const auto& row : rows) {
    const auto q = static_cast<std::int8_t>(row[0]);
    CAPTURE(int{q});
    const int tflm = tools::predict_int8(description, {q}, tools::Rounding::double_rounding)[0];
    const int single = tools::predict_int8(description, {q}, tools::Rounding::single_rounding)[0];
    CHECK(tflm == static_cast<int>(row[1]));
    CHECK(single == static_cast<int>(row[2]));
    differing_modes += tflm != single;
  }
  CHECK(differing_modes == 23);  // as the fixtures' notes say
}

TEST_CASE("hello_world_int8.tflite: the dequantized float model stays near sin(x), as TFLite Micro's own test asks") {
  const tools::ModelDescription description = tools::read_tflite(fixtures::path("hello_world_int8.tflite"));
  const Model model = tools::to_model<Model>(description);
  for (float x : {0.0f, 1.0f, 3.0f, 5.0f}) {
    CAPTURE(x);
    CHECK(std::fabs(model.predict(x) - std::sin(x)) < 0.05f);
  }
}

TEST_CASE("reading into a model type of other sizes fails and names the layer") {
  const tools::ModelDescription description = tools::read_tflite(fixtures::path("hello_world_float.tflite"));
  using Narrower = tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1>;
  using TanhInstead = tinymlp::Mlp<tinymlp::Tanh, 1, 16, 16, 1>;
  using Shorter = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16>;
  CHECK_THROWS_WITH_AS(tools::to_model<Narrower>(description),
                       "the model does not fit tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1>: layer 0 is Dense<1, 16> where "
                       "the type has Dense<1, 8>",
                       tools::ModelError);
  CHECK_THROWS_WITH_AS(tools::to_model<TanhInstead>(description),
                       doctest::Contains("layer 1 is ReLU where the type has Tanh"), tools::ModelError);
  CHECK_THROWS_WITH_AS(tools::to_model<Shorter>(description),
                       doctest::Contains("layer 3 is ReLU where the type has no more layers"), tools::ModelError);
}

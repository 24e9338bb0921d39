// Importing the Keras-made hello_world models gives what TFLite itself computes for them, also with
// the operators converters add around them. (What the importer refuses is in tests/bad_input.)
#include <doctest/doctest.h>

#include <cstdint>

#include "fixtures.hpp"
#include "mutated_model.hpp"
#include "tinymlp/host/read_file.hpp"
#include "../support/description_inference.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/tflite/import.hpp"

using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;
using mutation::add_operator_code;
using mutation::graph;
using mutation::mutated;
using mutation::op;

namespace {

std::string fixture_bytes(const std::string& name) {
  return tinymlp::read_whole_file<tinymlp::ModelError>(fixtures::path(name));
}

tinymlp::ModelDescription import_bytes(const std::string& bytes) {
  return tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "m.tflite");
}

}  // namespace

TEST_CASE(
    "hello_world_float.tflite: the 33 outputs Arm NN gives, through the description and through Mlp<ReLU, 1, 16, 16, "
    "1>") {
  const tinymlp::ModelDescription description =
      tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  CHECK(description.input_size == 1);
  CHECK(description.output_size() == 1);
  CHECK(description.parameter_count() == 321);
  CHECK_FALSE(description.is_quantized());
  const Model model = tinymlp::to_model<Model>(description);
  const auto rows = fixtures::expected_rows("hello_world_float.expected.txt");
  REQUIRE(rows.size() == 33);
  for (const auto& row : rows) {
    const auto x = static_cast<float>(row[0]);
    CAPTURE(x);
    CHECK(fixtures::close(tinymlp_tests::predict_float(description, {x})[0], row[1]));
    CHECK(fixtures::close(model.predict(x), row[1]));
  }
}

TEST_CASE(
    "hello_world_int8.tflite: TFLite Micro's outputs (double rounding) and Arm NN's (single) for all 256 inputs") {
  const tinymlp::ModelDescription description = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
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
    const int tflm = tinymlp_tests::predict_int8(description, {q}, tinymlp::RoundingMode::double_rounding)[0];
    const int single = tinymlp_tests::predict_int8(description, {q}, tinymlp::RoundingMode::single_rounding)[0];
    CHECK(tflm == static_cast<int>(row[1]));
    CHECK(single == static_cast<int>(row[2]));
    differing_modes += tflm != single;
  }
  CHECK(differing_modes == 23);  // as the fixtures' notes say
}

TEST_CASE("hello_world_int8.tflite: the dequantized float model stays near sin(x), as TFLite Micro's own test asks") {
  const tinymlp::ModelDescription description = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
  const Model model = tinymlp::to_model<Model>(description);
  for (float x : {0.0f, 1.0f, 3.0f, 5.0f}) {
    CAPTURE(x);
    CHECK(std::fabs(model.predict(x) - std::sin(x)) < 0.05f);
  }
}

TEST_CASE("reading into a model type of other sizes fails and names the layer") {
  const tinymlp::ModelDescription description =
      tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  using Narrower = tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1>;
  using TanhInstead = tinymlp::Mlp<tinymlp::Tanh, 1, 16, 16, 1>;
  using Shorter = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16>;
  CHECK_THROWS_WITH_AS(tinymlp::to_model<Narrower>(description),
                       "the model does not fit tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1>: layer 0 is Dense<1, 16> where "
                       "the type has Dense<1, 8>",
                       tinymlp::ModelError);
  CHECK_THROWS_WITH_AS(tinymlp::to_model<TanhInstead>(description),
                       doctest::Contains("layer 1 is ReLU where the type has Tanh"), tinymlp::ModelError);
  CHECK_THROWS_WITH_AS(tinymlp::to_model<Shorter>(description),
                       doctest::Contains("layer 3 is ReLU where the type has no more layers"), tinymlp::ModelError);
}

TEST_CASE("converters' extra operators: RESHAPE, and QUANTIZE/DEQUANTIZE around an int8 model") {
  const std::string int8 = fixture_bytes("hello_world_int8.tflite");
  // A float input quantized by a QUANTIZE operator, and a float output made by a DEQUANTIZE one.
  const std::string wrapped = mutated(int8, [](tflite::ModelT& m) {
    auto float_tensor = [&](const std::string& name) {
      auto t = std::make_unique<tflite::TensorT>();
      t->shape = {1, 1};
      t->type = tflite::TensorType::FLOAT32;
      t->name = name;
      graph(m).tensors.push_back(std::move(t));
      return static_cast<int>(graph(m).tensors.size() - 1);
    };
    const int float_input = float_tensor("float_input"), float_output = float_tensor("float_output");
    auto quantize = std::make_unique<tflite::OperatorT>();
    quantize->opcode_index = add_operator_code(m, tflite::BuiltinOperator::QUANTIZE);
    quantize->inputs = {float_input};
    quantize->outputs = {0};
    auto dequantize = std::make_unique<tflite::OperatorT>();
    dequantize->opcode_index = add_operator_code(m, tflite::BuiltinOperator::DEQUANTIZE);
    dequantize->inputs = {9};
    dequantize->outputs = {float_output};
    graph(m).operators.insert(graph(m).operators.begin(), std::move(quantize));
    graph(m).operators.push_back(std::move(dequantize));
    graph(m).inputs = {float_input};
    graph(m).outputs = {float_output};
  });
  const tinymlp::ModelDescription model = import_bytes(wrapped);
  CHECK(model.is_quantized());
  CHECK_FALSE(model.int8_input);
  CHECK_FALSE(model.int8_output);
  CHECK(model.input_quantization.zero_point == -128);
  CHECK(model.output_quantization.zero_point == 5);
}

TEST_CASE("a RESHAPE that keeps the number of values is imported") {
  auto with_reshape = [](const std::vector<int>& new_shape) {
    return mutated(fixture_bytes("hello_world_float.tflite"), [&](tflite::ModelT& m) {
      auto reshaped = std::make_unique<tflite::TensorT>();
      reshaped->shape = new_shape;
      reshaped->name = "reshaped";
      graph(m).tensors.push_back(std::move(reshaped));
      auto reshape = std::make_unique<tflite::OperatorT>();
      reshape->opcode_index = add_operator_code(m, tflite::BuiltinOperator::RESHAPE);
      reshape->inputs = {7};
      reshape->outputs = {static_cast<int>(graph(m).tensors.size() - 1)};
      op(m, 1).inputs[0] = reshape->outputs[0];
      graph(m).operators.insert(graph(m).operators.begin() + 1, std::move(reshape));
    });
  };
  const std::string kept = with_reshape({16});
  CHECK(import_bytes(kept).parameter_count() == 321);
}

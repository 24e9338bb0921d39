// int8 LOGISTIC, TANH and SOFTMAX through the whole path (issue 13): the public Keras-made fixtures
// imported by the importer, run through the description's reference forward and through the headers
// tinymlp-convert wrote of them (built with --int8-runtime tflite-cpu), integers equal to TFLite's CPU
// runtime's; their exports read back the same; quantize() of float models ending in Sigmoid, Tanh and
// Softmax; --info's parameter bytes against sizeof.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/description_inference.hpp"
#include "har_int8_softmax.hpp"
#include "maintenance_int8_logistic.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/int8_memory_figures.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

const std::string public_fixtures = std::string(TINYMLP_TFLITE_FIXTURES) + "/public/";

std::vector<std::vector<int>> read_rows(const std::string& name) {
  std::ifstream file(public_fixtures + name);
  REQUIRE(file);
  std::vector<std::vector<int>> rows;
  std::string line;
  while (std::getline(file, line)) {
    std::istringstream values(line);
    std::vector<int> row;
    int v;
    while (values >> v) row.push_back(v);
    if (!row.empty()) rows.push_back(row);
  }
  return rows;
}

std::vector<std::int8_t> int8_row(const std::vector<int>& row) { return {row.begin(), row.end()}; }

// Outputs of `predict` on the fixture's inputs that differ from TFLite's CPU runtime's.
template <class Predict>
std::size_t differences(const std::string& fixture, const std::string& inputs, Predict predict) {
  const auto x = read_rows(inputs);
  const auto wanted = read_rows(fixture + ".tflite_wasm.txt");
  REQUIRE(x.size() == wanted.size());
  std::size_t count = 0;
  for (std::size_t s = 0; s < x.size(); ++s) {
    const std::vector<std::int8_t> y = predict(int8_row(x[s]));
    REQUIRE(y.size() == wanted[s].size());
    for (std::size_t o = 0; o < y.size(); ++o) count += int{y[o]} != wanted[s][o] ? 1 : 0;
  }
  return count;
}

struct Fixture {
  const char* name;
  const char* inputs;
  tinymlp::Activation last;
};
const Fixture fixtures[] = {
    {"maintenance_int8_logistic", "maintenance_int8_logistic.inputs.txt", tinymlp::Activation::sigmoid},
    {"har_int8_softmax", "har_int8.inputs.txt", tinymlp::Activation::softmax}};

template <class Model>
std::vector<std::int8_t> header_predict(const Model& model, const std::vector<std::int8_t>& x) {
  REQUIRE(x.size() == Model::input_size);
  std::vector<std::int8_t> y(Model::output_size);
  model.predict(x.data(), y.data());
  return y;
}

}  // namespace

TEST_CASE("the public int8 fixtures import with their int8 activation, and the description computes TFLite's") {
  for (const Fixture& fixture : fixtures) {
    const std::string name = fixture.name;
    CAPTURE(name);
    const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(public_fixtures + fixture.name + ".tflite");
    CHECK(tinymlp::runs_as_int8(model));
    const tinymlp::Layer& last = model.layers.back();
    CHECK(last.kind == tinymlp::LayerKind::activation);
    CHECK(last.activation == fixture.last);
    REQUIRE(last.int8_activation() != nullptr);
    CHECK(last.int8_activation()->output.scale == 1.0f / 256.0f);
    CHECK(last.int8_activation()->output.zero_point == -128);
    CHECK(differences(fixture.name, fixture.inputs, [&](const std::vector<std::int8_t>& x) {
            return tinymlp_tests::predict_int8(model, x, tinymlp::RoundingMode::single_rounding);
          }) == 0);
    MESSAGE(name, ": TensorFlow Lite Micro's mode differs from the CPU runtime on ",
            differences(fixture.name, fixture.inputs,
                        [&](const std::vector<std::int8_t>& x) { return tinymlp_tests::predict_int8(model, x); }),
            " outputs");
  }
}

TEST_CASE("the headers tinymlp-convert --int8-runtime tflite-cpu wrote of the fixtures give TFLite's integers") {
  CHECK(differences("maintenance_int8_logistic", "maintenance_int8_logistic.inputs.txt",
                    [](const std::vector<std::int8_t>& x) { return header_predict(maintenance_int8_logistic, x); }) ==
        0);
  CHECK(differences("har_int8_softmax", "har_int8.inputs.txt",
                    [](const std::vector<std::int8_t>& x) { return header_predict(har_int8_softmax, x); }) == 0);
}

TEST_CASE("the int8 memory figures are sizeof the header's parameter block (32-bit layout, as the host's)") {
  const auto maintenance =
      tinymlp::tflite::read_tflite(public_fixtures + std::string("maintenance_int8_logistic.tflite"));
  const auto har = tinymlp::tflite::read_tflite(public_fixtures + std::string("har_int8_softmax.tflite"));
  const auto cpu = tinymlp::RoundingMode::single_rounding;
  CHECK(tinymlp::int8_memory_figures(maintenance, tinymlp::Int8Layout::bits32, cpu).parameter_bytes ==
        sizeof(maintenance_int8_logistic_type::Parameters));
  CHECK(tinymlp::int8_memory_figures(har, tinymlp::Int8Layout::bits32, cpu).parameter_bytes ==
        sizeof(har_int8_softmax_type::Parameters));
  CHECK(tinymlp::int8_memory_figures(har, tinymlp::Int8Layout::bits32).parameter_bytes ==
        sizeof(tinymlp::Int8Model<har_int8_softmax_type::float_model_type>::Parameters));
  CHECK(tinymlp::int8_memory_figures(har, tinymlp::Int8Layout::bits32, cpu).activation_bytes ==
        har_int8_softmax_type::activation_bytes);
  CHECK(tinymlp::int8_memory_figures(maintenance, tinymlp::Int8Layout::bits32, cpu).activation_bytes ==
        maintenance_int8_logistic_type::activation_bytes);
}

TEST_CASE("an int8 model with LOGISTIC or SOFTMAX exported and imported again is the same model") {
  for (const Fixture& fixture : fixtures) {
    const std::string name = fixture.name;
    CAPTURE(name);
    const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(public_fixtures + fixture.name + ".tflite");
    const std::string bytes = tinymlp::tflite::export_tflite(model);
    const tinymlp::ModelDescription again =
        tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "export");
    REQUIRE(again.layers.size() == model.layers.size());
    CHECK(tinymlp::tflite::export_tflite(again) == bytes);
    const auto x = read_rows(fixture.inputs);
    for (std::size_t s = 0; s < x.size(); s += 7)
      for (auto rounding : {tinymlp::RoundingMode::double_rounding, tinymlp::RoundingMode::single_rounding})
        CHECK(tinymlp_tests::predict_int8(again, int8_row(x[s]), rounding) ==
              tinymlp_tests::predict_int8(model, int8_row(x[s]), rounding));
  }
}

namespace {

template <class Model>
tinymlp::ModelDescription quantized_with_ramp(std::uint32_t seed) {
  Model model;
  model.initialize(seed);
  std::vector<float> inputs;
  for (int s = 0; s < 64; ++s)
    for (std::size_t f = 0; f < Model::input_size; ++f)
      inputs.push_back(static_cast<float>(s) / 32.0f - 1.0f + 0.1f * static_cast<float>(f));
  tinymlp::Dataset data;
  data.features = Model::input_size;
  data.inputs = inputs;
  return tinymlp::quantize(model, data);
}

}  // namespace

TEST_CASE("quantize() gives a Sigmoid, Tanh or Softmax the int8 operator and output TFLite fixes") {
  using namespace tinymlp;
  typedef Sequential<Dense<3, 8>, ReLU, Dense<8, 4>, Tanh, Dense<4, 1>, Sigmoid> Binary;
  typedef Sequential<Dense<3, 8>, ReLU, Dense<8, 5>, Softmax> Classes;
  const ModelDescription binary = quantized_with_ramp<Binary>(7);
  REQUIRE(binary.layers.size() == 5);
  CHECK(binary.layers[1].activation == Activation::none);  // the Tanh is not fused in int8
  CHECK(binary.layers[2].activation == Activation::tanh);
  REQUIRE(binary.layers[2].int8_activation() != nullptr);
  CHECK(binary.layers[2].int8_activation()->input.scale == binary.layers[1].int8()->output.scale);
  CHECK(binary.layers[2].int8_activation()->output.scale == 1.0f / 128.0f);
  CHECK(binary.layers[3].int8()->input.scale == 1.0f / 128.0f);
  CHECK(binary.layers[4].int8_activation()->output.zero_point == -128);
  CHECK(binary.output_quantization.scale == 1.0f / 256.0f);
  CHECK(runs_as_int8(binary));
  const ModelDescription classes = quantized_with_ramp<Classes>(8);
  CHECK(classes.layers.back().activation == Activation::softmax);
  CHECK(runs_as_int8(classes));
  // The header writer takes them, in both runtimes' arithmetic.
  for (auto rounding : {RoundingMode::double_rounding, RoundingMode::single_rounding}) {
    CHECK(model_header(binary, "binary", "test", rounding).find("int8 Tanh") != std::string::npos);
    CHECK(model_header(classes, "classes", "test", rounding).find("int8 Softmax") != std::string::npos);
  }
}

TEST_CASE("the header writer's per-channel multipliers are TFLite's double products, after an export too") {
  // The scales of int8_activations_test.cpp's search: per channel 1821006924, per tensor 1821006981.
  const float input = 0.0124297822f, weight = 0.00246419688f, output = 0.0369876847f;
  tinymlp::ModelDescription model;
  model.input_size = 1;
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
  tinymlp::set_dequantized_weights(layer);
  model.layers.push_back(layer);
  model.int8_input = model.int8_output = true;
  model.input_quantization = q.input;
  model.output_quantization = q.output;
  const std::string bytes = tinymlp::tflite::export_tflite(model);
  const tinymlp::ModelDescription again =
      tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "export");
  for (const tinymlp::ModelDescription* m : {static_cast<const tinymlp::ModelDescription*>(&model), &again}) {
    const std::string header = tinymlp::model_header(*m, "per_channel", "test");
    CHECK(header.find("{1821006924, 1821006924}") != std::string::npos);
    CHECK(header.find("1821006981") == std::string::npos);
  }
}

TEST_CASE("host_int8_model of a quantized Sigmoid, Tanh or Softmax model gives the description's integers") {
  using namespace tinymlp;
  typedef Sequential<Dense<3, 8>, ReLU, Dense<8, 4>, Tanh, Dense<4, 1>, Sigmoid> Binary;
  typedef Sequential<Dense<3, 8>, ReLU, Dense<8, 5>, Softmax> Classes;
  const ModelDescription binary = quantized_with_ramp<Binary>(7), classes = quantized_with_ramp<Classes>(8);
  const auto binary_micro = host_int8_model<Binary>(binary);
  const auto binary_cpu = host_int8_model<Binary, quant::SingleRounding>(binary);
  const auto classes_micro = host_int8_model<Classes>(classes);
  const auto classes_cpu = host_int8_model<Classes, quant::SingleRounding>(classes);
  for (int a = -128; a <= 127; a += 5)
    for (int b = -128; b <= 127; b += 17) {
      const std::vector<std::int8_t> x = {static_cast<std::int8_t>(a), static_cast<std::int8_t>(b),
                                          static_cast<std::int8_t>(a ^ b)};
      std::int8_t y[5];
      binary_micro.model().predict(x.data(), y);
      CHECK(std::vector<std::int8_t>(y, y + 1) == tinymlp_tests::predict_int8(binary, x));
      binary_cpu.model().predict(x.data(), y);
      CHECK(std::vector<std::int8_t>(y, y + 1) ==
            tinymlp_tests::predict_int8(binary, x, RoundingMode::single_rounding));
      classes_micro.model().predict(x.data(), y);
      CHECK(std::vector<std::int8_t>(y, y + 5) == tinymlp_tests::predict_int8(classes, x));
      classes_cpu.model().predict(x.data(), y);
      CHECK(std::vector<std::int8_t>(y, y + 5) ==
            tinymlp_tests::predict_int8(classes, x, RoundingMode::single_rounding));
    }
  // The float predict dequantizes with the last activation's output scale.
  CHECK(binary_micro.model().dequantize_output(127) == doctest::Approx(255.0 / 256.0));
}

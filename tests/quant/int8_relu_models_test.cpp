// int8 RELU, RELU6 and LEAKY_RELU as steps of their own (issue 13): quantize() of float models with
// ReLU6 and LeakyReLU layers, a RELU and a RELU6 that requantize, a FULLY_CONNECTED's fused RELU6;
// Int8Model (the device's code, on the host) against the tests' reference forward, which computes them
// value by value from TFLite's formulas, in both runtimes' modes; the export read back; --info's figures.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/description_inference.hpp"
#include "../support/requantizing_int8_model.hpp"
#include "mutated_model.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/int8_memory_figures.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

using namespace tinymlp;

typedef Sequential<Dense<3, 8>, ReLU6, Dense<8, 6>, LeakyReLU<1, 4>, Dense<6, 2>> ReluKinds;
// An int8 RELU that requantizes follows the Dense through an Identity (so that it is not fused), then
// a RELU6 that requantizes too.
typedef Sequential<Dense<3, 4>, Identity, ReLU, ReLU6, Dense<4, 2>> Requantizing;

ModelDescription quantized_relu_kinds() {
  ReluKinds model;
  model.initialize(21u);
  Dataset data;
  data.features = 3;
  for (int s = 0; s < 64; ++s)
    for (int f = 0; f < 3; ++f)
      data.inputs.push_back(static_cast<float>(s) / 16.0f - 2.0f + 0.3f * static_cast<float>(f));
  return quantize(model, data);
}

template <class Model>
void check_same_as_reference(const ModelDescription& description) {
  const auto double_rounding = host_int8_model<Model>(description);
  const auto single_rounding = host_int8_model<Model, quant::SingleRounding>(description);
  std::size_t compared = 0;
  for (int a = -128; a <= 127; a += 3)
    for (int b = -128; b <= 127; b += 11) {
      const std::vector<std::int8_t> x = {static_cast<std::int8_t>(a), static_cast<std::int8_t>(b),
                                          static_cast<std::int8_t>(a ^ b)};
      std::int8_t y[Model::output_size];
      double_rounding.model().predict(x.data(), y);
      CHECK(std::vector<std::int8_t>(y, y + Model::output_size) == tinymlp_tests::predict_int8(description, x));
      single_rounding.model().predict(x.data(), y);
      CHECK(std::vector<std::int8_t>(y, y + Model::output_size) ==
            tinymlp_tests::predict_int8(description, x, RoundingMode::single_rounding));
      ++compared;
    }
  CHECK(compared > 1000);
}

ModelDescription exported_and_read_back(const ModelDescription& model) {
  const std::string bytes = tinymlp::tflite::export_tflite(model);
  return tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "export");
}

}  // namespace

TEST_CASE("quantize() gives a ReLU6 and a LeakyReLU their int8 steps, as TFLite's converter quantizes them") {
  const ModelDescription model = quantized_relu_kinds();
  REQUIRE(model.layers.size() == 5);
  CHECK(model.layers[0].activation == Activation::none);
  REQUIRE(model.layers[1].int8_activation() != nullptr);
  CHECK(model.layers[1].activation == Activation::relu6);
  // The RELU6 keeps the Dense's quantization, which spans the range after the RELU6: [0, at most 6].
  const Quantization dense = model.layers[0].int8()->output;
  CHECK(model.layers[1].int8_activation()->input.scale == dense.scale);
  CHECK(model.layers[1].int8_activation()->output.scale == dense.scale);
  CHECK(dense.zero_point == -128);
  CHECK(dense.scale <= 6.0f / 255.0f);
  REQUIRE(model.layers[3].int8_activation() != nullptr);
  CHECK(model.layers[3].activation == Activation::leaky_relu);
  CHECK(model.layers[3].alpha == 0.25f);
  CHECK(model.layers[3].int8_activation()->input.scale == model.layers[2].int8()->output.scale);
  CHECK(model.layers[3].int8_activation()->output.scale != model.layers[2].int8()->output.scale);
  CHECK(runs_as_int8(model));
  check_same_as_reference<ReluKinds>(model);
}

TEST_CASE("an int8 RELU and RELU6 that requantize run as steps of their own, in either runtime's integers") {
  const ModelDescription model = tinymlp_tests::requantizing_int8_model();
  check_full_integer(model);
  check_same_as_reference<Requantizing>(model);
  // The two runtimes' RELU6 differ here: TFLite Micro's ignores the output quantization.
  const std::vector<std::int8_t> x = {90, -20, 50};
  const Layer& relu6 = model.layers[2];
  std::vector<std::int8_t> values(4);
  for (int v = -128, k = 0; k < 4; ++k, v += 60) values[static_cast<std::size_t>(k)] = static_cast<std::int8_t>(v);
  CHECK(tinymlp_tests::activation_int8(relu6, values, RoundingMode::double_rounding) !=
        tinymlp_tests::activation_int8(relu6, values, RoundingMode::single_rounding));
  // The header's type keeps the RELU from being fused into the Dense.
  for (auto rounding : {RoundingMode::double_rounding, RoundingMode::single_rounding}) {
    const std::string header = model_header(model, "requantizing", "test", rounding);
    CHECK(header.find("tinymlp::Sequential<tinymlp::Dense<3, 4>, tinymlp::Identity, tinymlp::ReLU, tinymlp::ReLU6, "
                      "tinymlp::Dense<4, 2>>") != std::string::npos);
    CHECK(header.find("int8 ReLU6 with the integers of") != std::string::npos);
  }
  const std::string relu_kinds = model_header(quantized_relu_kinds(), "relu_kinds", "test");
  CHECK(relu_kinds.find("tinymlp::ReLU6, tinymlp::Dense<8, 6>, tinymlp::LeakyReLU<1, 4>") != std::string::npos);
}

TEST_CASE("int8 RELU, RELU6 and LEAKY_RELU exported and imported again are the same model") {
  for (const ModelDescription& model : {quantized_relu_kinds(), tinymlp_tests::requantizing_int8_model()}) {
    const ModelDescription again = exported_and_read_back(model);
    REQUIRE(again.layers.size() == model.layers.size());
    for (std::size_t k = 0; k < model.layers.size(); ++k) {
      CHECK(again.layers[k].activation == model.layers[k].activation);
      CHECK(again.layers[k].alpha == model.layers[k].alpha);
      CHECK((again.layers[k].int8_activation() != nullptr) == (model.layers[k].int8_activation() != nullptr));
    }
    CHECK(tinymlp::tflite::export_tflite(again) == tinymlp::tflite::export_tflite(model));
    for (int a = -128; a <= 127; a += 9) {
      const std::vector<std::int8_t> x = {static_cast<std::int8_t>(a), 3, static_cast<std::int8_t>(-a / 2)};
      for (auto rounding : {RoundingMode::double_rounding, RoundingMode::single_rounding})
        CHECK(tinymlp_tests::predict_int8(again, x, rounding) == tinymlp_tests::predict_int8(model, x, rounding));
    }
  }
}

TEST_CASE("a FULLY_CONNECTED's fused int8 RELU6 imports as a RELU6 step that keeps its quantization") {
  ModelDescription model = tinymlp_tests::requantizing_int8_model();
  model.layers.erase(model.layers.begin() + 1);  // Dense -> RELU6 (the Dense's quantization kept) -> Dense
  const Quantization dense = model.layers[0].int8()->output;
  model.layers[0] = tinymlp_tests::int8_dense(3, 4, model.input_quantization, dense, 1);
  model.layers[1].quantization = Int8ActivationQuantization{dense, dense};
  model.layers[2].int8()->input = dense;
  check_full_integer(model);
  // The export has FULLY_CONNECTED, RELU6, FULLY_CONNECTED: fuse the RELU6 into the first.
  const std::string fused = mutation::mutated(tinymlp::tflite::export_tflite(model), [](::tflite::ModelT& m) {
    ::tflite::OperatorT& fully_connected = mutation::op(m, 0);
    fully_connected.builtin_options.AsFullyConnectedOptions()->fused_activation_function =
        ::tflite::ActivationFunctionType::RELU6;
    fully_connected.outputs = mutation::op(m, 1).outputs;
    mutation::graph(m).operators.erase(mutation::graph(m).operators.begin() + 1);
  });
  const ModelDescription imported =
      tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(fused.data()), fused.size(), "fused");
  REQUIRE(imported.layers.size() == 3);
  CHECK(imported.layers[0].activation == Activation::none);
  CHECK(imported.layers[1].activation == Activation::relu6);
  REQUIRE(imported.layers[1].int8_activation() != nullptr);
  CHECK(imported.layers[1].int8_activation()->input.scale == dense.scale);
  CHECK(imported.layers[1].int8_activation()->output.zero_point == dense.zero_point);
  CHECK(runs_as_int8(imported));
  // TFLite's fused activation range: the Dense's output clamped at its zero point and 6.
  Layer fused_dense = imported.layers[0];
  fused_dense.activation = Activation::relu6;
  ModelDescription first_two = imported;
  first_two.layers.pop_back();
  for (int a = -128; a <= 127; a += 5) {
    const std::vector<std::int8_t> x = {static_cast<std::int8_t>(a), static_cast<std::int8_t>(a / 3), 100};
    for (auto rounding : {RoundingMode::double_rounding, RoundingMode::single_rounding})
      CHECK(tinymlp_tests::predict_int8(first_two, x, rounding) == tinymlp_tests::dense_int8(fused_dense, x, rounding));
  }
}

TEST_CASE("--info's int8 figures count the RELU6 and LEAKY_RELU tables as sizeof does") {
  const ModelDescription model = quantized_relu_kinds();
  typedef HostInt8Model<ReluKinds>::Model Model;
  CHECK(int8_memory_figures(model, Int8Layout::bits32).parameter_bytes == sizeof(Model::Parameters));
  CHECK(int8_memory_figures(model, Int8Layout::bits32).activation_bytes == Model::activation_bytes);
  // A model file keeps the dequantized float model, with its ReLU6 and LeakyReLU.
  const ModelDescription float_model = parse_model_file(model_file_text(model), "relu_kinds.tinymlp");
  CHECK(layer_sequence(float_model).size() == layer_sequence(float_version(model)).size());
  CHECK(float_model.layers[1].activation == Activation::relu6);
  CHECK(float_model.layers[3].alpha == 0.25f);
}

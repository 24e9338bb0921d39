// tinymlp's int8 .tflite exports run in Arm NN (an independent TFLite runtime, CpuRef backend), which
// requantizes with single rounding: Int8Model<..., SingleRounding> gives the same integers.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <random>

#include "../tflite/armnn_model.hpp"
#include "sine_job.hpp"
#include "sine_model.hpp"
#include "tinymlp/host.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/export.hpp"

using tinymlp::quant::SingleRounding;

namespace {

// The quantized model exported (int8 or float input and output) and loaded into Arm NN.
ArmnnModel armnn_model_of(const tinymlp::ModelDescription& quantized, bool int8_ends, const std::string& name) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("tinymlp_armnn_int8_" + name + ".tflite")).string();
  tinymlp::ModelDescription exported = quantized;
  exported.int8_input = exported.int8_output = int8_ends;
  tinymlp::tflite::write_tflite(path, exported);
  ArmnnModel model(path);
  std::remove(path.c_str());
  return model;
}

tinymlp::QuantizeOptions per_tensor() {
  tinymlp::QuantizeOptions options;
  options.weights = tinymlp::WeightGranularity::per_tensor;
  return options;
}

sine::Model reference_model() {
  sine::Model model;
  for (std::size_t k = 0; k < sine::Model::parameter_count; ++k) model.parameters[k] = sine_model_parameters[k];
  return model;
}

}  // namespace

TEST_CASE("the reference job's int8 model in Arm NN: every int8 input gives tinymlp's integer") {
  const tinymlp::ModelDescription quantized =
      tinymlp::quantize(reference_model(), sine::make_samples(1000, 7u), per_tensor());
  const auto int8_model = tinymlp::host_int8_model<sine::Model, SingleRounding>(quantized);
  ArmnnModel armnn = armnn_model_of(quantized, true, "sine");
  int differences = 0;
  for (int x = -128; x < 128; ++x) {
    const std::vector<std::int8_t> found = armnn.predict(std::vector<std::int8_t>{static_cast<std::int8_t>(x)});
    const std::int8_t expected = int8_model.model().predict(static_cast<std::int8_t>(x));
    if (found[0] != expected) {
      ++differences;
      CAPTURE(x);
      CHECK(int{found[0]} == int{expected});
    }
  }
  CHECK(differences == 0);
}

TEST_CASE("the reference job's int8 model with float input and output (QUANTIZE, DEQUANTIZE) in Arm NN: 1000 inputs") {
  const tinymlp::ModelDescription quantized =
      tinymlp::quantize(reference_model(), sine::make_samples(1000, 7u), per_tensor());
  const auto int8_model = tinymlp::host_int8_model<sine::Model, SingleRounding>(quantized);
  ArmnnModel armnn = armnn_model_of(quantized, false, "sine_float_ends");
  const tinymlp::Quantization output = quantized.layers.back().int8()->output;
  std::mt19937 generator(11u);
  std::uniform_real_distribution<float> uniform(-1.0f, 16.0f);
  for (int sample = 0; sample < 1000; ++sample) {
    const float x = uniform(generator);
    const float found = armnn.predict(std::vector<float>{x})[0];
    const float expected = int8_model.model().predict(x);
    // The same integer before dequantization: the floats are equal.
    if (found != expected) {
      CAPTURE(x);
      CHECK(int{tinymlp::quantize_value(found, output)} == int{tinymlp::quantize_value(expected, output)});
      CHECK(found == expected);
    }
  }
}

// Arm NN 22 runs FULLY_CONNECTED with per-tensor weight scales only (per-channel ones abort in its
// GetBiasTypeFromWeightsType), so these models are quantized per tensor; the same kernel serves both.
TEST_CASE("a 3-8-8-2 int8 model in Arm NN: 1000 random int8 inputs give tinymlp's integers") {
  typedef tinymlp::Mlp<tinymlp::ReLU, 3, 8, 8, 2> Model;
  Model model;
  model.initialize(5u);
  for (std::size_t k = 0; k < Model::parameter_count; ++k)
    model.parameters[k] += 0.03f * static_cast<float>(k % 7) - 0.1f;
  std::mt19937 generator(13u);
  std::normal_distribution<float> normal(0.5f, 2.0f);
  tinymlp::Dataset calibration;
  calibration.features = 3;
  for (int k = 0; k < 300; ++k) calibration.inputs.push_back(normal(generator));
  {
    const tinymlp::ModelDescription quantized = tinymlp::quantize(model, calibration, per_tensor());
    const auto int8_model = tinymlp::host_int8_model<Model, SingleRounding>(quantized);
    ArmnnModel armnn = armnn_model_of(quantized, true, "mlp_3_8_8_2");
    std::uniform_int_distribution<int> byte(-128, 127);
    int differences = 0;
    for (int sample = 0; sample < 1000; ++sample) {
      std::vector<std::int8_t> x(3);
      for (std::int8_t& value : x) value = static_cast<std::int8_t>(byte(generator));
      const std::vector<std::int8_t> found = armnn.predict(x);
      std::int8_t expected[2];
      int8_model.model().predict(x.data(), expected);
      for (int o = 0; o < 2; ++o)
        if (found[o] != expected[o]) {
          ++differences;
          CAPTURE(sample);
          CHECK(int{found[o]} == int{expected[o]});
        }
    }
    CHECK(differences == 0);
  }
}

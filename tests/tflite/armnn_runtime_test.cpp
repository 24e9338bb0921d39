// tinymlp's .tflite files run in an independent TFLite runtime: Arm NN's TfLiteParser and CpuRef
// backend (Debian's libarmnn), which gives tinymlp's outputs within 1e-5 relative on 1000 inputs.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "armnn_model.hpp"
#include "fixtures.hpp"
#include "tinymlp/host/atomic_file.hpp"
#include "../support/description_inference.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

std::string temporary_file(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("tinymlp_armnn_" + name + ".tflite")).string();
}

// Exports the description, runs 1000 random inputs in Arm NN and compares them with `reference`.
template <class Reference>
void check_in_armnn(const tinymlp::ModelDescription& model, const std::string& name, float input_range,
                    Reference reference) {
  const std::string path = temporary_file(name);
  tinymlp::tflite::write_tflite(path, model);
  ArmnnModel armnn_model(path);
  std::remove(path.c_str());
  std::mt19937 generator(42);
  std::uniform_real_distribution<float> uniform(-input_range, input_range);
  double worst = 0;
  for (int sample = 0; sample < 1000; ++sample) {
    std::vector<float> x(model.input_size);
    for (float& value : x) value = uniform(generator);
    const std::vector<float> expected = reference(x), found = armnn_model.predict(x);
    REQUIRE(found.size() == expected.size());
    for (std::size_t o = 0; o < found.size(); ++o) {
      worst = std::max(worst, std::fabs(found[o] - expected[o]) / std::max(1.0, std::fabs(double{expected[o]})));
      if (!fixtures::close(found[o], expected[o])) {
        CAPTURE(sample);
        CAPTURE(o);
        CHECK(found[o] == doctest::Approx(expected[o]));
      }
    }
  }
  MESSAGE(name, ": 1000 inputs, largest difference from tinymlp ", worst, " (relative, absolute below 1)");
}

template <class Model>
void check_model_in_armnn(const std::string& name, std::uint32_t seed, float input_range) {
  Model model;
  model.initialize(seed);
  for (std::size_t k = 0; k < Model::parameter_count; ++k) model.parameters[k] += 0.05f * static_cast<float>(k % 5);
  check_in_armnn(tinymlp::describe(model), name, input_range, [&](const std::vector<float>& x) {
    std::vector<float> y(Model::output_size);
    model.predict(x.data(), y.data());
    return y;
  });
}

}  // namespace

TEST_CASE("Arm NN runs tinymlp's 1-16-16-1 ReLU export as tinymlp does") {
  check_model_in_armnn<tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>>("mlp_relu_1_16_16_1", 1, 7.0f);
}

TEST_CASE("Arm NN runs fused TANH and standalone LOGISTIC and SOFTMAX as tinymlp does") {
  using namespace tinymlp;
  check_model_in_armnn<Sequential<Dense<3, 8>, Tanh, Dense<8, 8>, ReLU, Dense<8, 5>, Sigmoid, Dense<5, 4>, Softmax>>(
      "every_activation", 2, 3.0f);
}

TEST_CASE("Arm NN runs ReLU6, fused and standalone, as the description's reference does") {
  tinymlp::ModelDescription model = tinymlp::describe([] {
    tinymlp::Mlp<tinymlp::Identity, 2, 6, 3> mlp;
    mlp.initialize(3u);
    return mlp;
  }());
  model.layers[0].activation = tinymlp::Activation::relu6;
  tinymlp::Layer relu6;
  relu6.kind = tinymlp::LayerKind::activation;
  relu6.activation = tinymlp::Activation::relu6;
  relu6.inputs = relu6.outputs = 3;
  model.layers.push_back(relu6);
  check_in_armnn(model, "relu6", 20.0f,
                 [&](const std::vector<float>& x) { return tinymlp_tests::predict_float(model, x); });
}

TEST_CASE("Arm NN agrees with tinymlp on Keras's hello_world_float.tflite after tinymlp's export") {
  const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  check_in_armnn(model, "hello_world_reexported", 7.0f,
                 [&](const std::vector<float>& x) { return tinymlp_tests::predict_float(model, x); });
}

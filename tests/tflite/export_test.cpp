// Export: the file's structure, its size against Keras's, and byte-for-byte round trips.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "../support/description_inference.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

tinymlp::ModelDescription import_bytes(const std::string& bytes) {
  return tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "exported");
}

template <class Model>
Model initialized(std::uint32_t seed) {
  Model model;
  model.initialize(seed);
  // Non-zero biases, so that a bias in the wrong place shows.
  for (std::size_t k = 0; k < Model::parameter_count; ++k) model.parameters[k] += 0.01f * static_cast<float>(k % 7);
  return model;
}

// Every kind of layer: fused (ReLU, Tanh) and standalone (Sigmoid, Softmax) activations, Identity.
using EveryLayer =
    tinymlp::Sequential<tinymlp::Dense<3, 8>, tinymlp::Tanh, tinymlp::Dense<8, 8>, tinymlp::ReLU, tinymlp::Dense<8, 5>,
                        tinymlp::Sigmoid, tinymlp::Identity, tinymlp::Dense<5, 4>, tinymlp::Softmax>;

}  // namespace

TEST_CASE("the exported 1-16-16-1 model is no larger than Keras's file and gives the model's outputs") {
  using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;
  const Model model = initialized<Model>(7);
  const std::string bytes = tinymlp::tflite::export_tflite(tinymlp::describe(model));
  MESSAGE("exported 1-16-16-1: ", bytes.size(), " bytes (Keras: 3164)");
  CHECK(bytes.size() <= 3164);
  const Model back = tinymlp::to_model<Model>(import_bytes(bytes));
  for (std::size_t k = 0; k < Model::parameter_count; ++k) CHECK(back.parameters[k] == model.parameters[k]);
}

TEST_CASE("export, import, export gives the same bytes") {
  SUBCASE("1-16-16-1 ReLU") {
    const std::string first =
        tinymlp::tflite::export_tflite(tinymlp::describe(initialized<tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>>(3)));
    CHECK(tinymlp::tflite::export_tflite(import_bytes(first)) == first);
  }
  SUBCASE("every kind of layer") {
    const std::string first = tinymlp::tflite::export_tflite(tinymlp::describe(initialized<EveryLayer>(5)));
    CHECK(tinymlp::tflite::export_tflite(import_bytes(first)) == first);
  }
  SUBCASE("Keras's hello_world_float.tflite, once through tinymlp") {
    const std::string first =
        tinymlp::tflite::export_tflite(tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite")));
    CHECK(tinymlp::tflite::export_tflite(import_bytes(first)) == first);
  }
}

TEST_CASE("every kind of layer survives the trip: fused where TFLite allows, standalone otherwise") {
  const EveryLayer model = initialized<EveryLayer>(11);
  const tinymlp::ModelDescription described = tinymlp::describe(model);
  REQUIRE(described.layers.size() == 6);  // Identity leaves no trace
  CHECK(described.layers[0].activation == tinymlp::Activation::tanh);
  CHECK(described.layers[1].activation == tinymlp::Activation::relu);
  CHECK(described.layers[2].activation == tinymlp::Activation::none);
  CHECK(described.layers[3].kind == tinymlp::LayerKind::activation);
  CHECK(described.layers[3].activation == tinymlp::Activation::sigmoid);
  CHECK(described.layers[5].activation == tinymlp::Activation::softmax);

  const tinymlp::ModelDescription imported = import_bytes(tinymlp::tflite::export_tflite(described));
  const EveryLayer back = tinymlp::to_model<EveryLayer>(imported);
  for (int k = 0; k < 20; ++k) {
    const float x[3] = {0.3f * static_cast<float>(k) - 3.0f, 0.5f, -0.25f * static_cast<float>(k)};
    float expected[4], found[4];
    model.predict(x, expected);
    back.predict(x, found);
    const std::vector<float> reference = tinymlp_tests::predict_float(imported, {x[0], x[1], x[2]});
    for (int o = 0; o < 4; ++o) {
      CHECK(found[o] == expected[o]);
      CHECK(fixtures::close(reference[o], expected[o], 1e-6));
    }
  }
}

TEST_CASE("int8 models export and import back to the same quantized layers, with int8 or float input and output") {
  const tinymlp::ModelDescription int8 = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
  for (const bool int8_ends : {true, false}) {
    tinymlp::ModelDescription model = int8;
    model.int8_input = model.int8_output = int8_ends;
    const std::string bytes = tinymlp::tflite::export_tflite(model);
    const tinymlp::ModelDescription back =
        tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "export");
    CHECK(back.int8_input == int8_ends);
    CHECK(back.int8_output == int8_ends);
    REQUIRE(back.layers.size() == int8.layers.size());
    for (std::size_t k = 0; k < int8.layers.size(); ++k) {
      const tinymlp::Int8Quantization &a = *int8.layers[k].int8(), &b = *back.layers[k].int8();
      CHECK(a.kernel == b.kernel);
      CHECK(a.bias == b.bias);
      CHECK(a.weight_scales == b.weight_scales);
      CHECK(a.input.scale == b.input.scale);
      CHECK(a.output.zero_point == b.output.zero_point);
    }
    for (int x = -128; x < 128; ++x)
      CHECK(tinymlp_tests::predict_int8(back, {static_cast<std::int8_t>(x)}) ==
            tinymlp_tests::predict_int8(int8, {static_cast<std::int8_t>(x)}));
  }
  CHECK(tinymlp::tflite::export_tflite(tinymlp::float_version(int8)).size() > 0);
}

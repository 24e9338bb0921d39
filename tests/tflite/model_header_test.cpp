// The header generated at build time from hello_world_float.tflite (by tinymlp-convert): its
// FlashModel computes exactly what the imported model computes, and its figures are the type's.
#include <doctest/doctest.h>

#include <cstring>

#include "fixtures.hpp"
#include "hello_world_model.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/memory_figures.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/tflite/import.hpp"

TEST_CASE("the generated header's FlashModel matches the source model bit for bit") {
  const tinymlp::ModelDescription source = tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  const std::vector<float> parameters = tinymlp::flat_parameters(source);
  REQUIRE(parameters.size() == hello_world_model_type::parameter_count);
  CHECK(std::memcmp(parameters.data(), hello_world_model_parameters, sizeof hello_world_model_parameters) == 0);
  const auto model = tinymlp::to_model<hello_world_model_type>(source);
  for (int k = 0; k < 1000; ++k) {
    const float x = -1.0f + 0.0085f * static_cast<float>(k);
    CHECK(hello_world_model.predict(x) == model.predict(x));
  }
}

TEST_CASE("the header's type is the Mlp, and its weights take 4 bytes per parameter") {
  static_assert(std::is_same<hello_world_model_type, tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>>::value, "");
  CHECK(sizeof hello_world_model_parameters == 1284);
}

namespace {

template <class Model>
void check_figures_against_type() {
  Model model;
  model.initialize(1u);
  const tinymlp::MemoryFigures figures = tinymlp::memory_figures(tinymlp::describe(model));
  CAPTURE(tinymlp::model_type_name<Model>());
  CHECK(figures.parameters == Model::parameter_count);
  CHECK(figures.weight_flash_bytes == Model::parameter_bytes);
  CHECK(figures.activation_bytes == Model::activation_bytes);
}

}  // namespace

TEST_CASE("the figures computed from a description are the model type's constexpr figures") {
  using namespace tinymlp;
  check_figures_against_type<Mlp<ReLU, 1, 16, 16, 1>>();
  check_figures_against_type<Mlp<Tanh, 4, 32, 8, 3>>();
  check_figures_against_type<Sequential<Dense<3, 5>>>();
  check_figures_against_type<Sequential<Dense<3, 8>, Sigmoid, Dense<8, 2>, Softmax>>();
  check_figures_against_type<Sequential<Dense<2, 7>, ReLU, Dense<7, 9>, Dense<9, 3>, Tanh, Dense<3, 6>, ReLU>>();
}

TEST_CASE("header text: exact floats, type names, and errors for layers tinymlp lacks") {
  tinymlp::ModelDescription model;
  model.input_size = 2;
  tinymlp::Layer dense;
  dense.inputs = 2;
  dense.outputs = 1;
  dense.kernel = {0.1f, -3.0f};
  dense.bias = {1e-7f};
  model.layers.push_back(dense);
  const std::string header = tinymlp::model_header(model, "tiny model", "a test");
  CHECK(header.find("0.100000001f, -3.0f,") != std::string::npos);
  CHECK(header.find("1.00000001e-07f,") != std::string::npos);
  CHECK(header.find("typedef tinymlp::Sequential<tinymlp::Dense<2, 1>> tiny_model_type;") != std::string::npos);
  CHECK(header.find("constexpr tinymlp::FlashModel<tiny_model_type> tiny_model(tiny_model_parameters);") !=
        std::string::npos);
  CHECK(header.find("const float tiny_model_weights<Unused>::parameters[3] TINYMLP_PROGMEM = {") != std::string::npos);
  model.layers[0].activation = tinymlp::Activation::relu6;  // tinymlp has a ReLU6 layer (issue 13)
  CHECK(tinymlp::model_header(model, "m", "t")
            .find("typedef tinymlp::Sequential<tinymlp::Dense<2, 1>, tinymlp::ReLU6> "
                  "m_type;") != std::string::npos);
  model.layers.push_back(tinymlp::leaky_relu_layer(1.5f, 1));
  CHECK_THROWS_WITH_AS(tinymlp::model_header(model, "m", "t"),
                       doctest::Contains("LeakyReLU's alpha 1.500000 is not one tinymlp's LeakyReLU takes"),
                       tinymlp::ModelError);
}

// Writes tinymlp's own int8 exports with int8 LOGISTIC, TANH, SOFTMAX, RELU, RELU6 and LEAKY_RELU
// operators (quantize() of float models ending in, or passing through, Sigmoid, Tanh, Softmax, ReLU,
// ReLU6 and LeakyReLU), int8 inputs for them, and
// tinymlp's integers in TFLite's CPU runtime's mode (the description's reference forward and the
// device's Int8Model, which must agree), for same_outputs.cmake to hold against TFLite's runtime.
//   write_int8_activation_exports <folder>
// writes <folder>/<name>.tflite, <name>.inputs.txt and <name>.tinymlp.txt for each model.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "../support/description_inference.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/export.hpp"

namespace {

template <class Model>
tinymlp::ModelDescription quantized(std::uint32_t seed) {
  Model model;
  model.initialize(seed);
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> value(-2.0f, 2.0f);
  tinymlp::Dataset data;
  data.features = Model::input_size;
  for (int s = 0; s < 200; ++s)
    for (std::size_t f = 0; f < Model::input_size; ++f) data.inputs.push_back(value(random));
  return tinymlp::quantize(model, data);
}

bool write(const std::string& folder, const std::string& name, const tinymlp::ModelDescription& model) {
  tinymlp::tflite::write_tflite(folder + "/" + name + ".tflite", model);
  std::ofstream inputs(folder + "/" + name + ".inputs.txt"), outputs(folder + "/" + name + ".tinymlp.txt");
  std::mt19937 random(42);
  std::uniform_int_distribution<int> value(-128, 127);
  for (int row = 0; row < 256; ++row) {
    std::vector<std::int8_t> x(model.input_size);
    for (std::size_t i = 0; i < x.size(); ++i)
      x[i] = static_cast<std::int8_t>(model.input_size == 1 ? row - 128 : value(random));
    const std::vector<std::int8_t> y = tinymlp_tests::predict_int8(model, x, tinymlp::RoundingMode::single_rounding);
    for (std::size_t i = 0; i < x.size(); ++i) inputs << (i ? " " : "") << int{x[i]};
    for (std::size_t o = 0; o < y.size(); ++o) outputs << (o ? " " : "") << int{y[o]};
    inputs << '\n';
    outputs << '\n';
  }
  return static_cast<bool>(inputs) && static_cast<bool>(outputs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_int8_activation_exports <folder>\n";
    return 2;
  }
  using namespace tinymlp;
  const std::string folder = argv[1];
  bool ok = write(folder, "int8_logistic", quantized<Sequential<Dense<1, 16>, ReLU, Dense<16, 1>, Sigmoid>>(3));
  ok = ok && write(folder, "int8_tanh", quantized<Sequential<Dense<4, 12>, Tanh, Dense<12, 3>, Tanh>>(4));
  ok = ok && write(folder, "int8_softmax", quantized<Sequential<Dense<5, 16>, ReLU, Dense<16, 6>, Softmax>>(5));
  ok = ok && write(folder, "int8_all_three",
                   quantized<Sequential<Dense<3, 10>, Sigmoid, Dense<10, 8>, Tanh, Dense<8, 4>, Softmax>>(6));
  // RELU6 after a Dense (its quantization kept) and LEAKY_RELU; a RELU and a RELU6 that requantize
  // (after a Sigmoid and a Tanh, whose output quantization TFLite fixes).
  ok = ok && write(folder, "int8_relu6_leaky_relu",
                   quantized<Sequential<Dense<3, 10>, ReLU6, Dense<10, 8>, LeakyReLU<1, 5>, Dense<8, 2>>>(7));
  ok = ok && write(folder, "int8_requantizing_relus",
                   quantized<Sequential<Dense<3, 10>, Sigmoid, ReLU, Dense<10, 6>, Tanh, ReLU6, Dense<6, 2>>>(8));
  return ok ? 0 : 1;
}

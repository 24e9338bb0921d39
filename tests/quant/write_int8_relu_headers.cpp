// Writes the headers of two int8 models with RELU, RELU6 and LEAKY_RELU steps, each in TensorFlow Lite
// Micro's arithmetic (double rounding) and the CPU runtime's (single rounding), and what the tests'
// reference forward gives for the inputs that device/int8_relu_models_on_board.cpp runs, which the host
// build of that program must print and every board must print too (issue 13):
//   relu_kinds    quantize() of Dense-ReLU6-Dense-LeakyReLU-Dense-Tanh-ReLU6-Dense (a RELU6 that keeps
//                 the Dense's quantization, one that requantizes after the TANH, a LEAKY_RELU);
//   requantizing  tests/support/requantizing_int8_model.hpp's (a RELU and a RELU6 that requantize).
//   write_int8_relu_headers <folder>   writes relu_kinds_{micro,cpu}.hpp, requantizing_{micro,cpu}.hpp
//                                      and int8_relu_models.expected.txt
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "../support/description_inference.hpp"
#include "../support/requantizing_int8_model.hpp"
#include "tinymlp/host/header_writer.hpp"

namespace {

tinymlp::ModelDescription relu_kinds() {
  using namespace tinymlp;
  Sequential<Dense<3, 8>, ReLU6, Dense<8, 6>, LeakyReLU<1, 4>, Dense<6, 4>, Tanh, ReLU6, Dense<4, 2>> model;
  model.initialize(31u);
  Dataset data;
  data.features = 3;
  for (int s = 0; s < 96; ++s)
    for (int f = 0; f < 3; ++f)
      data.inputs.push_back(static_cast<float>((s * (f + 3)) % 96) / 24.0f - 2.0f + 0.25f * static_cast<float>(f));
  return quantize(model, data);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_int8_relu_headers <folder>\n";
    return 2;
  }
  using tinymlp::RoundingMode;
  const std::string folder = argv[1];
  const tinymlp::ModelDescription models[] = {relu_kinds(), tinymlp_tests::requantizing_int8_model()};
  const char* names[] = {"relu_kinds", "requantizing"};
  const RoundingMode modes[] = {RoundingMode::double_rounding, RoundingMode::single_rounding};
  const char* mode_names[] = {"micro", "cpu"};
  for (int m = 0; m < 2; ++m)
    for (int r = 0; r < 2; ++r) {
      const std::string name = std::string(names[m]) + "_" + mode_names[r];
      tinymlp::write_model_header(folder + "/" + name + ".hpp", models[m], name, "write_int8_relu_headers", modes[r]);
    }
  // The inputs the device program runs: (a, b, a ^ b) for a = -128, -121, ... and b = -128, -105, ...;
  // per row the four models' outputs.
  std::ofstream expected(folder + "/int8_relu_models.expected.txt");
  for (int a = -128; a <= 127; a += 7)
    for (int b = -128; b <= 127; b += 23) {
      const std::vector<std::int8_t> x = {static_cast<std::int8_t>(a), static_cast<std::int8_t>(b),
                                          static_cast<std::int8_t>(a ^ b)};
      bool first = true;
      for (int m = 0; m < 2; ++m)
        for (int r = 0; r < 2; ++r)
          for (std::int8_t y : tinymlp_tests::predict_int8(models[m], x, modes[r])) {
            expected << (first ? "" : " ") << int{y};
            first = false;
          }
      expected << '\n';
    }
  return expected ? 0 : 1;
}

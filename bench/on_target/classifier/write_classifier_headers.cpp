// Writes the 714-50-15-4 classifier the Cortex-M4 probes time (the shape of Arduino's gesture
// tutorial: 119 samples of 6 IMU values in, 4 gestures out), with random weights (He's
// initialization, seed 1; the tutorial's softmax left out: the class is the largest output either way,
// as in the digits job's int8 model), as the float and int8 headers tinymlp-convert would write for it (int8:
// calibrated on 200 random inputs), and one of those inputs as arrays for the probe:
//   write_classifier_headers <folder>
// giving <folder>/gesture_float.hpp, gesture_int8.hpp and gesture_input.hpp.
#include <cstdio>
#include <string>

#include "tinymlp/host.hpp"

namespace {

using Classifier = tinymlp::Sequential<tinymlp::Dense<714, 50>, tinymlp::ReLU, tinymlp::Dense<50, 15>, tinymlp::ReLU,
                                       tinymlp::Dense<15, 4>>;

// IMU readings scaled to [-1, 1].
tinymlp::Dataset random_inputs(std::size_t count, std::uint32_t seed) {
  tinymlp::Random random(seed);
  tinymlp::Dataset data;
  data.features = 714;
  data.targets = 4;
  for (std::size_t s = 0; s < count; ++s) {
    for (std::size_t i = 0; i < data.features; ++i) data.inputs.push_back(random.uniform(-1.0f, 1.0f));
    for (std::size_t o = 0; o < data.targets; ++o) data.outputs.push_back(o == s % 4 ? 1.0f : 0.0f);
  }
  return data;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <folder>\n", argv[0]);
    return 2;
  }
  const std::string folder = argv[1];
  Classifier model;
  model.initialize(1u);
  const tinymlp::Dataset calibration = random_inputs(200, 2u);
  const std::string source = "random weights (bench/on_target/classifier)";
  tinymlp::write_model_header(folder + "/gesture_float.hpp", tinymlp::describe(model), "gesture_float", source);
  const tinymlp::ModelDescription quantized = tinymlp::quantize(model, calibration);
  tinymlp::write_model_header(folder + "/gesture_int8.hpp", quantized, "gesture_int8", source);

  const tinymlp::Quantization input = quantized.layers.front().int8()->input;
  std::string text =
      "// One random input of the 714-50-15-4 classifier, written by write_classifier_headers. Do not edit.\n"
      "#ifndef GESTURE_INPUT_HPP_\n#define GESTURE_INPUT_HPP_\n\nfloat gesture_float_input[714] = {";
  std::string quantized_text = "int8_t gesture_int8_input[714] = {";
  const float* x = calibration.input(0);
  for (std::size_t i = 0; i < 714; ++i) {
    char number[32];
    std::snprintf(number, sizeof number, "%s%.9gf", i ? ", " : "", static_cast<double>(x[i]));
    text += number;
    long q = std::lround(static_cast<double>(x[i]) / static_cast<double>(input.scale)) + input.zero_point;
    q = q < -128 ? -128 : q > 127 ? 127 : q;
    quantized_text += (i ? ", " : "") + std::to_string(q);
  }
  text += "};\n" + quantized_text + "};\n\n#endif\n";
  tinymlp::write_file_atomically(folder + "/gesture_input.hpp", text);
  return 0;
}

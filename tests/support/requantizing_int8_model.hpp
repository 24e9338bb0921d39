// A full-integer model built by hand (issue 13): Dense(3, 4), an int8 RELU and an int8 RELU6 that each
// requantize, Dense(4, 2), with scales where TensorFlow Lite Micro's RELU6 (a clamp in its input's
// quantization) and the CPU runtime's (requantized) part ways; and the pieces it is built from.
#ifndef TINYMLP_TESTS_SUPPORT_REQUANTIZING_INT8_MODEL_HPP
#define TINYMLP_TESTS_SUPPORT_REQUANTIZING_INT8_MODEL_HPP

#include <cstdint>
#include <vector>

#include "tinymlp/host/model_description.hpp"

namespace tinymlp_tests {

// An int8 Dense with one weight scale, its kernel and biases spread from `seed`.
inline tinymlp::Layer int8_dense(std::size_t inputs, std::size_t outputs, tinymlp::Quantization input,
                                 tinymlp::Quantization output, int seed) {
  tinymlp::Layer layer;
  layer.inputs = inputs;
  layer.outputs = outputs;
  tinymlp::Int8Quantization q;
  q.input = input;
  q.output = output;
  q.weight_scales = {0.01f + 0.001f * static_cast<float>(seed)};
  for (std::size_t k = 0; k < inputs * outputs; ++k)
    q.kernel.push_back(static_cast<std::int8_t>((static_cast<int>(k) * 37 + seed * 11) % 255 - 127));
  for (std::size_t o = 0; o < outputs; ++o) q.bias.push_back(static_cast<std::int32_t>(o * 300) - 500);
  layer.quantization = q;
  tinymlp::set_dequantized_weights(layer);
  return layer;
}

// An int8 activation step from `input` to `output` quantization.
inline tinymlp::Layer int8_step(tinymlp::Activation activation, std::size_t width, tinymlp::Quantization input,
                                tinymlp::Quantization output) {
  tinymlp::Layer layer = tinymlp::sequence_layer(tinymlp::LayerKind::activation, activation, width, width);
  layer.quantization = tinymlp::Int8ActivationQuantization{input, output};
  return layer;
}

// Its type: Int8Model<Sequential<Dense<3, 4>, Identity, ReLU, ReLU6, Dense<4, 2>>> (the Identity keeps
// the RELU from being fused into the Dense).
inline tinymlp::ModelDescription requantizing_int8_model() {
  const tinymlp::Quantization in{0.05f, -3}, dense{0.11f, 10}, relu{0.04f, -128}, relu6{0.03f, -128}, out{0.2f, 5};
  tinymlp::ModelDescription model;
  model.input_size = 3;
  model.layers = {int8_dense(3, 4, in, dense, 1), int8_step(tinymlp::Activation::relu, 4, dense, relu),
                  int8_step(tinymlp::Activation::relu6, 4, relu, relu6), int8_dense(4, 2, relu6, out, 2)};
  model.int8_input = model.int8_output = true;
  model.input_quantization = in;
  model.output_quantization = out;
  return model;
}

}  // namespace tinymlp_tests

#endif

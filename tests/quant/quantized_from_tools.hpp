// tools/'s description of an imported int8 model as the host layer's QuantizedModel.
#ifndef TINYMLP_TESTS_QUANT_QUANTIZED_FROM_TOOLS_HPP
#define TINYMLP_TESTS_QUANT_QUANTIZED_FROM_TOOLS_HPP

#include <stdexcept>

#include "tinymlp/host/quantize.hpp"
#include "tinymlp_tools/model_description.hpp"

inline tinymlp::QuantizedModel quantized_from_tools(const tinymlp::tools::ModelDescription& description) {
  tinymlp::QuantizedModel model;
  for (const tinymlp::tools::Layer& layer : description.layers) {
    if (!layer.quantized) throw std::runtime_error("not an int8 layer");
    tinymlp::QuantizedLayer q;
    q.inputs = layer.inputs;
    q.outputs = layer.outputs;
    q.fused_relu = layer.activation == tinymlp::tools::Activation::relu;
    q.dense.input = {layer.quantized->input.scale, layer.quantized->input.zero_point};
    q.dense.output = {layer.quantized->output.scale, layer.quantized->output.zero_point};
    q.dense.weight_scales = layer.quantized->weight_scales;
    q.dense.kernel = layer.quantized->kernel;
    q.dense.bias = layer.quantized->bias;
    model.layers.push_back(q);
  }
  return model;
}

#endif

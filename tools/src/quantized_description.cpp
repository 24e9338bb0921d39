#include "tinymlp_tools/quantized_description.hpp"

#include "tinymlp/host/int8_header.hpp"
#include "tinymlp_tools/header_writer.hpp"
#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {

QuantizedModel quantized_model(const ModelDescription& model) {
  if (model.layers.empty()) throw ModelError("the model has no layers");
  QuantizedModel result;
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    const std::string name = "layer " + std::to_string(k);
    if (layer.kind != LayerKind::dense || !layer.quantized)
      throw ModelError(name + " is not an int8 Dense layer: tinymlp's int8 models are chains of int8 Dense layers");
    if (layer.activation != Activation::none && layer.activation != Activation::relu)
      throw ModelError(name + " fuses " + activation_name(layer.activation) +
                       ": tinymlp's int8 Dense layers fuse a ReLU or nothing");
    QuantizedLayer q;
    q.inputs = layer.inputs;
    q.outputs = layer.outputs;
    q.fused_relu = layer.activation == Activation::relu;
    q.dense = *layer.quantized;
    result.layers.push_back(q);
  }
  return result;
}

ModelDescription describe_quantized(const QuantizedModel& model, bool int8_input, bool int8_output) {
  if (model.layers.empty()) throw ModelError("the quantized model has no layers");
  ModelDescription description;
  description.input_size = model.layers.front().inputs;
  for (const QuantizedLayer& q : model.layers) {
    Layer layer;
    layer.kind = LayerKind::dense;
    layer.activation = q.fused_relu ? Activation::relu : Activation::none;
    layer.inputs = q.inputs;
    layer.outputs = q.outputs;
    for (std::size_t o = 0; o < q.outputs; ++o) {
      const float weight_scale =
          q.dense.weight_scales.size() == 1 ? q.dense.weight_scales[0] : q.dense.weight_scales[o];
      for (std::size_t i = 0; i < q.inputs; ++i)
        layer.kernel.push_back(weight_scale * static_cast<float>(q.dense.kernel[o * q.inputs + i]));
      layer.bias.push_back(q.dense.input.scale * weight_scale * static_cast<float>(q.dense.bias[o]));
    }
    layer.quantized = q.dense;
    description.layers.push_back(layer);
  }
  description.int8_input = int8_input;
  description.int8_output = int8_output;
  description.input_quantization = model.layers.front().dense.input;
  description.output_quantization = model.layers.back().dense.output;
  return description;
}

std::string int8_header(const ModelDescription& model, const std::string& name, const std::string& source,
                        Int8Rounding rounding) {
  return int8_model_header(quantized_model(model), identifier_from(name), source, rounding);
}

}  // namespace tools
}  // namespace tinymlp

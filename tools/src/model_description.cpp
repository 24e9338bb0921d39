#include "tinymlp_tools/model_description.hpp"

#include <algorithm>
#include <cmath>

#include "tinymlp/host/model_limits.hpp"
#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {

bool can_fuse(Activation activation) {
  return activation == Activation::relu || activation == Activation::relu6 || activation == Activation::tanh;
}

const char* activation_name(Activation activation) {
  switch (activation) {
    case Activation::none: return "none";
    case Activation::relu: return "ReLU";
    case Activation::relu6: return "ReLU6";
    case Activation::tanh: return "Tanh";
    case Activation::sigmoid: return "Sigmoid";
    case Activation::softmax: return "Softmax";
  }
  return "?";
}

std::size_t ModelDescription::parameter_count() const {
  std::size_t count = 0;
  for (const Layer& layer : layers) count += layer.parameter_count();
  return count;
}

bool ModelDescription::is_quantized() const {
  return std::any_of(layers.begin(), layers.end(), [](const Layer& layer) { return layer.quantized; });
}

bool SequenceLayer::operator==(const SequenceLayer& other) const {
  if (kind != other.kind) return false;
  if (kind == LayerKind::activation) return activation == other.activation;
  return inputs == other.inputs && outputs == other.outputs;
}

std::string sequence_layer_name(const SequenceLayer& layer) {
  if (layer.kind == LayerKind::dense)
    return "Dense<" + std::to_string(layer.inputs) + ", " + std::to_string(layer.outputs) + ">";
  return layer.activation == Activation::none ? "Identity" : activation_name(layer.activation);
}

std::vector<SequenceLayer> layer_sequence(const ModelDescription& model) {
  std::vector<SequenceLayer> sequence;
  for (const Layer& layer : model.layers) {
    const SequenceLayer own{layer.kind, layer.kind == LayerKind::dense ? Activation::none : layer.activation,
                            layer.inputs, layer.outputs};
    sequence.push_back(own);
    if (layer.kind == LayerKind::dense && layer.activation != Activation::none)
      sequence.push_back(SequenceLayer{LayerKind::activation, layer.activation, layer.outputs, layer.outputs});
  }
  return sequence;
}

ModelDescription describe_sequence(const std::vector<SequenceLayer>& layers, const float* parameters,
                                   std::size_t parameter_count) {
  ModelDescription model;
  if (!layers.empty()) model.input_size = layers.front().inputs;
  std::size_t offset = 0;
  for (const SequenceLayer& layer : layers) {
    if (layer.kind == LayerKind::dense) {
      const std::size_t kernel_count = layer.inputs * layer.outputs;
      if (offset + kernel_count + layer.outputs > parameter_count)
        throw ModelError("the parameter array is shorter than the layers need");
      Layer dense;
      dense.inputs = layer.inputs;
      dense.outputs = layer.outputs;
      dense.kernel.assign(parameters + offset, parameters + offset + kernel_count);
      dense.bias.assign(parameters + offset + kernel_count, parameters + offset + kernel_count + layer.outputs);
      offset += kernel_count + layer.outputs;
      model.layers.push_back(std::move(dense));
      continue;
    }
    if (layer.activation == Activation::none) continue;  // Identity: nothing to compute
    Layer* previous = model.layers.empty() ? nullptr : &model.layers.back();
    if (previous && previous->kind == LayerKind::dense && previous->activation == Activation::none &&
        can_fuse(layer.activation)) {
      previous->activation = layer.activation;
      continue;
    }
    Layer activation;
    activation.kind = LayerKind::activation;
    activation.activation = layer.activation;
    activation.inputs = activation.outputs = layer.inputs;
    model.layers.push_back(std::move(activation));
  }
  if (offset != parameter_count) throw ModelError("the parameter array is longer than the layers need");
  return model;
}

std::vector<float> flat_parameters(const ModelDescription& model) {
  std::vector<float> parameters;
  parameters.reserve(model.parameter_count());
  for (const Layer& layer : model.layers) {
    parameters.insert(parameters.end(), layer.kernel.begin(), layer.kernel.end());
    parameters.insert(parameters.end(), layer.bias.begin(), layer.bias.end());
  }
  return parameters;
}

ModelDescription float_version(const ModelDescription& model) {
  ModelDescription result = model;
  for (Layer& layer : result.layers) layer.quantized.reset();
  result.int8_input = result.int8_output = false;
  result.input_quantization = result.output_quantization = Quantization{};
  return result;
}

void check_consistent(const ModelDescription& model) {
  if (model.input_size == 0) throw ModelError("the model has no inputs");
  const auto too_wide = [](std::size_t width) { return width > largest_layer_width; };
  if (too_wide(model.input_size))
    throw ModelError("the model takes " + std::to_string(model.input_size) + " inputs; tinymlp reads models of up to " +
                     std::to_string(largest_layer_width) + " per layer");
  std::size_t width = model.input_size;
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    const std::string where = "layer " + std::to_string(k) + ": ";
    if (layer.inputs != width)
      throw ModelError(where + "takes " + std::to_string(layer.inputs) + " inputs, but the layer before gives " +
                       std::to_string(width));
    if (layer.kind == LayerKind::activation) {
      if (layer.outputs != layer.inputs) throw ModelError(where + "an activation must keep its width");
      continue;
    }
    if (layer.outputs == 0) throw ModelError(where + "a Dense layer needs at least one output");
    if (too_wide(layer.outputs) || layer.inputs * layer.outputs > largest_tensor_values)
      throw ModelError(where + "Dense<" + std::to_string(layer.inputs) + ", " + std::to_string(layer.outputs) +
                       "> is larger than tinymlp reads: up to " + std::to_string(largest_layer_width) +
                       " outputs and " + std::to_string(largest_tensor_values) + " weights in a layer");
    if (layer.activation != Activation::none && !can_fuse(layer.activation))
      throw ModelError(where + std::string(activation_name(layer.activation)) + " cannot be fused into a Dense layer");
    if (layer.kernel.size() != layer.inputs * layer.outputs || layer.bias.size() != layer.outputs)
      throw ModelError(where + "the weight counts do not match Dense<" + std::to_string(layer.inputs) + ", " +
                       std::to_string(layer.outputs) + ">");
    for (const std::vector<float>* values : {&layer.kernel, &layer.bias})
      for (float value : *values)
        if (!std::isfinite(value)) throw ModelError(where + "a weight is not a finite number");
    width = layer.outputs;
  }
}

}  // namespace tools
}  // namespace tinymlp

/// \file
/// The one run-time description of a model: its layers, their float weights and, per layer, how it
/// is quantized. It is what a .tflite file, a model file, a header and a compile-time Sequential
/// (describe.hpp) turn into, what quantize() makes, and what every writer takes, so a new operator or
/// quantization kind is added here once for all of them.
///
/// Two views of the same layers:
///   - the description itself, where a Dense layer carries the activation fused into it (as TFLite's
///     FULLY_CONNECTED does) and the remaining activations stand alone;
///   - the layer sequence (`layer_sequence`), tinymlp's view, where every activation is a layer of its
///     own, exactly as in a Sequential<...>. It is a list of the same Layer type, without weights.
#ifndef TINYMLP_HOST_MODEL_DESCRIPTION_HPP
#define TINYMLP_HOST_MODEL_DESCRIPTION_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "errors.hpp"
#include "float_text.hpp"
#include "model_limits.hpp"

namespace tinymlp {

/// An activation, fused into a Dense layer or standing alone.
enum class Activation {
  none,       ///< Identity.
  relu,       ///< max(x, 0).
  relu6,      ///< min(max(x, 0), 6): tinymlp's ReLU6, TFLite's RELU6.
  tanh,       ///< Tanh.
  sigmoid,    ///< Sigmoid (TFLite's LOGISTIC).
  softmax,    ///< Softmax.
  leaky_relu  ///< x > 0 ? x : alpha x (Layer::alpha): tinymlp's LeakyReLU, TFLite's LEAKY_RELU; never fused.
};

/// TFLite can fuse these into a FULLY_CONNECTED operator; the others need an operator of their own.
inline bool can_fuse(Activation activation) {
  return activation == Activation::relu || activation == Activation::relu6 || activation == Activation::tanh;
}

/// "ReLU", "ReLU6", "Tanh", "Sigmoid", "Softmax" (tinymlp's names), "none".
inline const char* activation_name(Activation activation) {
  switch (activation) {
    case Activation::none: return "none";
    case Activation::relu: return "ReLU";
    case Activation::relu6: return "ReLU6";
    case Activation::tanh: return "Tanh";
    case Activation::sigmoid: return "Sigmoid";
    case Activation::softmax: return "Softmax";
    case Activation::leaky_relu: return "LeakyReLU";
  }
  return "?";
}

/// LeakyReLU's alpha as the fraction its type LeakyReLU<Numerator, Denominator> spells: the float's
/// mantissa over a power of two, reduced (0.3f gives 5033165 / 16777216), which the device's
/// float(Numerator) / float(Denominator) gives back exactly. False where no such type exists: alpha
/// not in [0, 1), or so small that the denominator would pass 2^62.
inline bool leaky_relu_fraction(float alpha, long long& numerator, long long& denominator) {
  if (!(alpha >= 0.0f && alpha < 1.0f)) return false;
  numerator = 0;
  denominator = 1;
  if (alpha == 0.0f) return true;
  int exponent = 0;
  const float mantissa = std::frexp(alpha, &exponent);  // alpha = mantissa 2^exponent, mantissa in [0.5, 1)
  if (24 - exponent > 62) return false;
  numerator = static_cast<long long>(std::ldexp(mantissa, 24));
  denominator = 1LL << (24 - exponent);
  while (numerator % 2 == 0 && denominator > 1) {
    numerator /= 2;
    denominator /= 2;
  }
  return true;
}

/// Affine quantization of a tensor, TFLite's scheme: real value = scale * (quantized value - zero_point).
struct Quantization {
  float scale = 0.0f;           ///< The real value of one step.
  std::int32_t zero_point = 0;  ///< The quantized value of real 0.
};

/// A Dense layer as full-integer int8 arithmetic, TFLite's scheme: int8 activations, int8 weights with
/// zero point 0 (one scale for the tensor, or one per output unit), int32 biases.
struct Int8Quantization {
  Quantization input;                ///< Of the layer's input.
  Quantization output;               ///< Of the layer's output (after a fused ReLU).
  std::vector<float> weight_scales;  ///< 1 (per tensor) or one per output (per channel).
  std::vector<std::int8_t> kernel;   ///< [out][in].
  std::vector<std::int32_t> bias;    ///< One per output; scale = input scale * weight scale.

  /// The scale of output unit `unit`'s weights.
  float weight_scale(std::size_t unit) const {
    return weight_scales.size() == 1 ? weight_scales[0] : weight_scales[unit];
  }
};

/// A standalone activation (LOGISTIC, TANH, SOFTMAX) on int8 values, TFLite's scheme: its input and
/// output quantization. TFLite fixes the output's (int8_activation_output); the arithmetic that maps
/// input to output is chosen where the model is written or run (Int8Activations, with the rounding),
/// as TFLite's two runtimes differ in it.
struct Int8ActivationQuantization {
  Quantization input;   ///< Of the activation's input (the output of the layer before).
  Quantization output;  ///< Of its output: what TFLite fixes for the function.
};

/// How a hybrid layer quantizes its float input row at run time, TFLite's two ways
/// (FullyConnectedOptions.asymmetric_quantize_inputs).
enum class HybridInputs {
  symmetric,  ///< TFLite's default: scale max |x| / 127, no offset (quant::SymmetricInputs).
  asymmetric  ///< asymmetric_quantize_inputs: the row's range with a zero point (quant::AsymmetricInputs).
};

/// "symmetric" or "asymmetric".
inline const char* hybrid_inputs_name(HybridInputs inputs) {
  return inputs == HybridInputs::asymmetric ? "asymmetric" : "symmetric";
}

/// A Dense layer as TFLite's dynamic-range ("hybrid") FULLY_CONNECTED: int8 weights, symmetric (zero
/// point 0) with one scale for the kernel, float biases (the layer's own `bias`), float inputs and
/// outputs; the input row is quantized to int8 at run time. TFLite's hybrid kernel reads the filter's
/// one scale (filter->params.scale), so a kernel has exactly one.
struct HybridQuantization {
  float weight_scale = 0.0f;                      ///< The real value of one weight step.
  std::vector<std::int8_t> kernel;                ///< [out][in].
  HybridInputs inputs = HybridInputs::symmetric;  ///< How the input row is quantized.
};

/// How a layer is quantized: float (std::monostate), int8 (a Dense), an int8 activation or hybrid (a
/// Dense). One alternative per kind, so that a new kind is one more alternative, and every std::visit
/// over it fails to compile until it is handled.
using LayerQuantization =
    std::variant<std::monostate, Int8Quantization, Int8ActivationQuantization, HybridQuantization>;

/// What a layer is.
enum class LayerKind {
  dense,         ///< A Dense layer (with its fused activation in a description).
  activation,    ///< An activation on its own.
  normalization  ///< Per-feature y = (x + offset) * scale (a Keras Normalization as TFLite computes it).
};

/// One layer of a ModelDescription (or of a layer sequence, which leaves the weights empty).
struct Layer {
  LayerKind kind = LayerKind::dense;  ///< Dense or a standalone activation.
  /// A dense layer's fused activation (none, relu, relu6 or tanh), or the standalone activation.
  Activation activation = Activation::none;
  float alpha = 0.0f;       ///< LeakyReLU only: the slope below 0.
  std::size_t inputs = 0;   ///< Input width.
  std::size_t outputs = 0;  ///< Output width.
  /// Dense only, float32: kernel [outputs][inputs] (row per output unit). For a quantized layer these
  /// hold the dequantized weights, an approximation a float model can use. Normalization: the scale,
  /// one per output (tinymlp's Normalization stores it first, as Dense its kernel).
  std::vector<float> kernel;
  /// Dense: one per output, as the kernel. Normalization: the offset, one per output. A normalization
  /// with one input broadcasts it to all its outputs: y[o] = (x[0] + bias[o]) * kernel[o].
  std::vector<float> bias;
  LayerQuantization quantization;  ///< Dense: float, int8 or hybrid; an activation: float or int8 activation.

  /// The int8 quantization, or null for a float layer.
  const Int8Quantization* int8() const { return std::get_if<Int8Quantization>(&quantization); }
  /// The same, to change.
  Int8Quantization* int8() { return std::get_if<Int8Quantization>(&quantization); }
  /// An int8 activation's quantization, or null.
  const Int8ActivationQuantization* int8_activation() const {
    return std::get_if<Int8ActivationQuantization>(&quantization);
  }
  /// The hybrid quantization, or null for a float or int8 layer.
  const HybridQuantization* hybrid() const { return std::get_if<HybridQuantization>(&quantization); }
  /// The same, to change.
  HybridQuantization* hybrid() { return std::get_if<HybridQuantization>(&quantization); }
  /// Whether the layer is quantized in any way.
  bool is_quantized() const { return !std::holds_alternative<std::monostate>(quantization); }
  /// Weights and biases: inputs * outputs + outputs for a Dense, 2 * outputs for a normalization (scale
  /// and offset), 0 for an activation.
  std::size_t parameter_count() const {
    if (kind == LayerKind::normalization) return 2 * outputs;
    return kind == LayerKind::dense ? inputs * outputs + outputs : 0;
  }
};

/// A model described at run time (see the file's description).
struct ModelDescription {
  std::size_t input_size = 0;  ///< Values per sample in.
  std::vector<Layer> layers;   ///< In order, input to output.
  /// Full-integer models: whether the graph's input is int8 (quantized with input_quantization) or
  /// float32 before a QUANTIZE operator. Unused for float models.
  bool int8_input = false;
  bool int8_output = false;          ///< The same for the output (DEQUANTIZE, output_quantization).
  Quantization input_quantization;   ///< Of an int8 input.
  Quantization output_quantization;  ///< Of an int8 output.

  /// Values per sample out.
  std::size_t output_size() const { return layers.empty() ? input_size : layers.back().outputs; }
  /// Weights and biases of all layers.
  std::size_t parameter_count() const {
    std::size_t count = 0;
    for (const Layer& layer : layers) count += layer.parameter_count();
    return count;
  }
  /// Whether any layer is quantized.
  bool is_quantized() const {
    return std::any_of(layers.begin(), layers.end(), [](const Layer& layer) { return layer.is_quantized(); });
  }
  /// Whether any layer is full-integer int8.
  bool has_int8_layers() const {
    return std::any_of(layers.begin(), layers.end(), [](const Layer& layer) {
      return layer.int8() != nullptr || layer.int8_activation() != nullptr;
    });
  }
  /// Whether any layer is hybrid (int8 weights, float activations).
  bool has_hybrid_layers() const {
    return std::any_of(layers.begin(), layers.end(), [](const Layer& layer) { return layer.hybrid() != nullptr; });
  }
};

/// A layer of the sequence view: kind, activation and widths, no weights.
inline Layer sequence_layer(LayerKind kind, Activation activation, std::size_t inputs, std::size_t outputs) {
  Layer layer;
  layer.kind = kind;
  layer.activation = activation;
  layer.inputs = inputs;
  layer.outputs = outputs;
  return layer;
}

/// A LeakyReLU layer of the sequence view.
inline Layer leaky_relu_layer(float alpha, std::size_t width) {
  Layer layer = sequence_layer(LayerKind::activation, Activation::leaky_relu, width, width);
  layer.alpha = alpha;
  return layer;
}

/// A layer of the sequence view as tinymlp names its type: "Dense<1, 16>", "ReLU", "Identity",
/// "LeakyReLU<5033165, 16777216>", "Normalization<8, 8>", ... ModelError for a LeakyReLU whose alpha
/// no type spells.
inline std::string sequence_layer_name(const Layer& layer) {
  if (layer.kind == LayerKind::dense || layer.kind == LayerKind::normalization)
    return (layer.kind == LayerKind::dense ? "Dense<" : "Normalization<") + std::to_string(layer.inputs) + ", " +
           std::to_string(layer.outputs) + ">";
  if (layer.activation == Activation::leaky_relu) {
    long long numerator = 0, denominator = 1;
    if (!leaky_relu_fraction(layer.alpha, numerator, denominator))
      throw ModelError("LeakyReLU's alpha " + std::to_string(layer.alpha) +
                       " is not one tinymlp's LeakyReLU takes: 0 <= alpha < 1, and not below 2^-38 unless 0");
    return "LeakyReLU<" + std::to_string(numerator) + ", " + std::to_string(denominator) + ">";
  }
  return layer.activation == Activation::none ? "Identity" : activation_name(layer.activation);
}

/// The description as tinymlp layers, without weights: each fused activation becomes a layer after its
/// Dense.
inline std::vector<Layer> layer_sequence(const ModelDescription& model) {
  std::vector<Layer> sequence;
  for (const Layer& layer : model.layers) {
    const bool dense = layer.kind == LayerKind::dense;
    sequence.push_back(
        sequence_layer(layer.kind, dense ? Activation::none : layer.activation, layer.inputs, layer.outputs));
    sequence.back().alpha = layer.alpha;
    if (dense && layer.activation != Activation::none)
      sequence.push_back(sequence_layer(LayerKind::activation, layer.activation, layer.outputs, layer.outputs));
  }
  return sequence;
}

/// The inverse: a description from tinymlp layers and their flat parameter array (each Dense's
/// kernel, [out][in], then its biases, layers in order). Activations that TFLite can fuse are fused
/// into the Dense before them; Identity layers (activation none) disappear.
inline ModelDescription describe_sequence(const std::vector<Layer>& layers, const float* parameters,
                                          std::size_t parameter_count) {
  ModelDescription model;
  if (!layers.empty()) model.input_size = layers.front().inputs;
  std::size_t offset = 0;
  for (const Layer& layer : layers) {
    if (layer.kind == LayerKind::dense) {
      const std::size_t kernel_count = layer.inputs * layer.outputs;
      if (offset + kernel_count + layer.outputs > parameter_count)
        throw ModelError("the parameter array is shorter than the layers need");
      Layer dense = sequence_layer(LayerKind::dense, Activation::none, layer.inputs, layer.outputs);
      dense.kernel.assign(parameters + offset, parameters + offset + kernel_count);
      dense.bias.assign(parameters + offset + kernel_count, parameters + offset + kernel_count + layer.outputs);
      offset += kernel_count + layer.outputs;
      model.layers.push_back(std::move(dense));
      continue;
    }
    if (layer.kind == LayerKind::normalization) {  // the scale, then the offset
      if (offset + 2 * layer.outputs > parameter_count)
        throw ModelError("the parameter array is shorter than the layers need");
      Layer normalization = layer;
      normalization.kernel.assign(parameters + offset, parameters + offset + layer.outputs);
      normalization.bias.assign(parameters + offset + layer.outputs, parameters + offset + 2 * layer.outputs);
      offset += 2 * layer.outputs;
      model.layers.push_back(std::move(normalization));
      continue;
    }
    if (layer.activation == Activation::none) continue;  // Identity: nothing to compute
    Layer* previous = model.layers.empty() ? nullptr : &model.layers.back();
    if (previous && previous->kind == LayerKind::dense && previous->activation == Activation::none &&
        can_fuse(layer.activation)) {
      previous->activation = layer.activation;
      continue;
    }
    model.layers.push_back(sequence_layer(LayerKind::activation, layer.activation, layer.inputs, layer.inputs));
    model.layers.back().alpha = layer.alpha;
  }
  if (offset != parameter_count) throw ModelError("the parameter array is longer than the layers need");
  return model;
}

/// The flat parameter array of a Sequential with the description's layers.
inline std::vector<float> flat_parameters(const ModelDescription& model) {
  std::vector<float> parameters;
  parameters.reserve(model.parameter_count());
  for (const Layer& layer : model.layers) {
    parameters.insert(parameters.end(), layer.kernel.begin(), layer.kernel.end());
    parameters.insert(parameters.end(), layer.bias.begin(), layer.bias.end());
  }
  return parameters;
}

/// Sets a quantized Dense layer's float kernel and biases to what its integers stand for.
inline void set_dequantized_weights(Layer& layer) {
  if (const HybridQuantization* h = layer.hybrid()) {
    layer.kernel.resize(h->kernel.size());
    for (std::size_t k = 0; k < h->kernel.size(); ++k)
      layer.kernel[k] = h->weight_scale * static_cast<float>(h->kernel[k]);
    return;
  }
  const Int8Quantization* q = layer.int8();
  if (!q) return;
  layer.kernel.resize(layer.inputs * layer.outputs);
  layer.bias.resize(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    const float weight_scale = q->weight_scale(o);
    for (std::size_t i = 0; i < layer.inputs; ++i)
      layer.kernel[o * layer.inputs + i] = weight_scale * static_cast<float>(q->kernel[o * layer.inputs + i]);
    layer.bias[o] = q->input.scale * weight_scale * static_cast<float>(q->bias[o]);
  }
}

/// The same model with float weights only (for a quantized model, its dequantized weights).
inline ModelDescription float_version(const ModelDescription& model) {
  ModelDescription result = model;
  for (Layer& layer : result.layers) layer.quantization = std::monostate{};
  result.int8_input = result.int8_output = false;
  result.input_quantization = result.output_quantization = Quantization{};
  return result;
}

/// Checks what every writer relies on: widths that chain, weight counts that match, finite weights,
/// sizes within what the readers take (model_limits.hpp). Throws ModelError naming the layer.
inline void check_consistent(const ModelDescription& model) {
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
      if (layer.activation == Activation::leaky_relu) sequence_layer_name(layer);  // throws for an alpha no type spells
      continue;
    }
    if (layer.kind == LayerKind::normalization) {
      if (layer.outputs == 0 || too_wide(layer.outputs) || (layer.inputs != layer.outputs && layer.inputs != 1))
        throw ModelError(where + "a normalization keeps its width or broadcasts one input, up to " +
                         std::to_string(largest_layer_width) + " outputs; this one turns " +
                         std::to_string(layer.inputs) + " into " + std::to_string(layer.outputs));
      if (layer.kernel.size() != layer.outputs || layer.bias.size() != layer.outputs)
        throw ModelError(where + "a normalization needs a scale and an offset per output");
      for (const std::vector<float>* values : {&layer.kernel, &layer.bias})
        for (float value : *values)
          if (!std::isfinite(value)) throw ModelError(where + "a scale or offset is not a finite number");
      width = layer.outputs;
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
    if (const HybridQuantization* hybrid = layer.hybrid()) {
      if (hybrid->kernel.size() != layer.inputs * layer.outputs)
        throw ModelError(where + "the hybrid kernel holds " + std::to_string(hybrid->kernel.size()) +
                         " weights, Dense<" + std::to_string(layer.inputs) + ", " + std::to_string(layer.outputs) +
                         "> has " + std::to_string(layer.inputs * layer.outputs));
      if (!(hybrid->weight_scale >= 1e-30f && hybrid->weight_scale <= 1e30f))
        throw ModelError(where + "the hybrid weight scale is not a number in [1e-30, 1e30]");
    }
    width = layer.outputs;
  }
}

/// The output quantization TFLite fixes for an int8 activation: 1/256 and -128 for LOGISTIC and
/// SOFTMAX, 1/128 and 0 for TANH.
inline Quantization int8_activation_output(Activation activation) {
  if (activation == Activation::tanh) return Quantization{1.0f / 128.0f, 0};
  return Quantization{1.0f / 256.0f, -128};
}

/// Whether TFLite fixes the output quantization of an int8 `activation` (LOGISTIC, TANH, SOFTMAX);
/// RELU, RELU6 and LEAKY_RELU take any.
inline bool has_fixed_int8_output(Activation activation) {
  return activation == Activation::sigmoid || activation == Activation::tanh || activation == Activation::softmax;
}

/// The int8 activations a full-integer model may have as layers of their own: LOGISTIC, TANH, SOFTMAX,
/// RELU, RELU6 and LEAKY_RELU.
inline bool is_int8_activation(Activation activation) {
  return has_fixed_int8_output(activation) || activation == Activation::relu || activation == Activation::relu6 ||
         activation == Activation::leaky_relu;
}

/// TFLite's name of an activation operator: "LOGISTIC", "TANH", "SOFTMAX", "RELU", "RELU6", "LEAKY_RELU".
inline const char* tflite_activation_name(Activation activation) {
  switch (activation) {
    case Activation::sigmoid: return "LOGISTIC";
    case Activation::tanh: return "TANH";
    case Activation::softmax: return "SOFTMAX";
    case Activation::relu: return "RELU";
    case Activation::relu6: return "RELU6";
    case Activation::leaky_relu: return "LEAKY_RELU";
    case Activation::none: break;
  }
  return "none";
}

/// Throws ModelError, naming `where`, unless `quantization` is what TFLite takes for an int8 `activation`
/// standing alone: a positive finite input scale, an int8 input zero point and the output TFLite fixes
/// (LOGISTIC, TANH, SOFTMAX) or any int8 output quantization (RELU, RELU6, LEAKY_RELU).
inline void check_int8_activation(Activation activation, const Int8ActivationQuantization& quantization,
                                  const std::string& where) {
  const std::string name = tflite_activation_name(activation);
  if (!is_int8_activation(activation))
    throw ModelError(where + ": " + name +
                     " on int8 values is not one of tinymlp's int8 activations (LOGISTIC, TANH, SOFTMAX, RELU, "
                     "RELU6, LEAKY_RELU)");
  const auto valid = [](const Quantization& q) {
    return q.scale > 0.0f && std::isfinite(q.scale) && q.zero_point >= -128 && q.zero_point <= 127;
  };
  const Quantization& in = quantization.input;
  if (!valid(in))
    throw ModelError(where + ": the input of int8 " + name + " has scale " + float_message_text(in.scale) +
                     " and zero point " + std::to_string(in.zero_point) + ", not an int8 quantization");
  const Quantization& out = quantization.output;
  if (!has_fixed_int8_output(activation)) {
    if (!valid(out))
      throw ModelError(where + ": the output of int8 " + name + " has scale " + float_message_text(out.scale) +
                       " and zero point " + std::to_string(out.zero_point) + ", not an int8 quantization");
    return;
  }
  const Quantization fixed = int8_activation_output(activation);
  if (out.scale != fixed.scale || out.zero_point != fixed.zero_point)
    throw ModelError(where + ": the output of int8 " + name + " has scale " + float_message_text(out.scale) +
                     " and zero point " + std::to_string(out.zero_point) + "; TFLite fixes them at 1/" +
                     std::to_string(static_cast<int>(1.0f / fixed.scale)) + " and " + std::to_string(fixed.zero_point));
}

/// The quantization of the output of int8 layer `layer`: an int8 Dense's or an int8 activation's.
inline const Quantization* int8_layer_output(const Layer& layer) {
  if (const Int8ActivationQuantization* activation = layer.int8_activation()) return &activation->output;
  return layer.int8() ? &layer.int8()->output : nullptr;
}

/// Throws ModelError unless the model is what tinymlp's Int8Model runs: int8 Dense layers, each with a
/// fused ReLU or none, starting the model, and int8 LOGISTIC, TANH, SOFTMAX, RELU, RELU6 and LEAKY_RELU
/// layers after any int8 layer (quant/int8_model.hpp), each taking the output quantization of the layer
/// before as its input's.
inline void check_full_integer(const ModelDescription& model) {
  if (model.layers.empty()) throw ModelError("the model has no layers");
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    const std::string name = "layer " + std::to_string(k);
    if (layer.kind == LayerKind::activation && layer.int8_activation()) {
      check_int8_activation(layer.activation, *layer.int8_activation(), name);
      const Quantization* out = k > 0 ? int8_layer_output(model.layers[k - 1]) : nullptr;
      if (!out)
        throw ModelError(name + ": an int8 " + std::string(activation_name(layer.activation)) +
                         " follows an int8 Dense layer or int8 activation in tinymlp's int8 models");
      const Quantization& in = layer.int8_activation()->input;
      if (out->scale != in.scale || out->zero_point != in.zero_point)
        throw ModelError(name + ": the int8 " + std::string(activation_name(layer.activation)) +
                         "'s input quantization is not the output quantization of the layer before");
      continue;
    }
    if (layer.kind != LayerKind::dense || !layer.int8())
      throw ModelError(name + " is not an int8 Dense layer: tinymlp's int8 models are chains of int8 Dense layers");
    if (layer.activation != Activation::none && layer.activation != Activation::relu)
      throw ModelError(name + " fuses " + activation_name(layer.activation) +
                       ": tinymlp's int8 Dense layers fuse a ReLU or nothing (a RELU6 is a layer of its own)");
  }
}

/// The quantization of a full-integer model's output: its last layer's (an int8 Dense's or activation's).
inline Quantization int8_output_quantization(const ModelDescription& model) {
  const Quantization* output = int8_layer_output(model.layers.back());
  return output ? *output : Quantization{};
}

/// Whether check_full_integer passes: the model runs as a tinymlp Int8Model.
inline bool runs_as_int8(const ModelDescription& model) {
  try {
    check_full_integer(model);
    return true;
  } catch (const ModelError&) {
    return false;
  }
}

/// Throws ModelError unless the model is what tinymlp's HybridModel runs: hybrid Dense layers (all
/// quantizing their inputs the same way) and float Dense layers, with the activations of a float model,
/// no int8 layer.
inline void check_hybrid(const ModelDescription& model) {
  if (!model.has_hybrid_layers()) throw ModelError("the model has no hybrid layer");
  const HybridQuantization* first = nullptr;
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    const std::string name = "layer " + std::to_string(k);
    if (layer.int8())
      throw ModelError(name +
                       " is a full-integer int8 layer: tinymlp's hybrid models mix hybrid and float layers only");
    const HybridQuantization* hybrid = layer.hybrid();
    if (!hybrid) continue;
    if (!first) first = hybrid;
    if (hybrid->inputs != first->inputs)
      throw ModelError(name + " quantizes its inputs " + hybrid_inputs_name(hybrid->inputs) + ", the layers before " +
                       hybrid_inputs_name(first->inputs) + ": a tinymlp HybridModel quantizes all its inputs one way");
  }
}

/// Whether check_hybrid passes.
inline bool runs_as_hybrid(const ModelDescription& model) {
  try {
    check_hybrid(model);
    return true;
  } catch (const ModelError&) {
    return false;
  }
}

}  // namespace tinymlp

#endif

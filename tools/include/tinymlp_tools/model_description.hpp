// A model described at run time: the list of layers a .tflite file, a model file or a compile-time
// tinymlp::Sequential holds, with their weights. It is what the importer produces and the exporter,
// header writer and model-file writer consume; sequential_description.hpp converts it to and from
// a compile-time model type.
//
// Two views of the same layers:
//   - the description itself, where a Dense layer carries the activation fused into it (as TFLite's
//     FULLY_CONNECTED does) and the remaining activations stand alone;
//   - the layer sequence (`layer_sequence`), tinymlp's view, where every activation is a layer of its
//     own, exactly as in a Sequential<...>.
#ifndef TINYMLP_TOOLS_MODEL_DESCRIPTION_HPP
#define TINYMLP_TOOLS_MODEL_DESCRIPTION_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model_error.hpp"  // what every function of the library throws
#include "tinymlp/host/quantize.hpp"

namespace tinymlp {
namespace tools {

enum class Activation { none, relu, relu6, tanh, sigmoid, softmax };

// TFLite can fuse these into a FULLY_CONNECTED operator; the others need an operator of their own.
bool can_fuse(Activation activation);
// "ReLU", "ReLU6", "Tanh", "Sigmoid", "Softmax" (tinymlp's names), "none".
const char* activation_name(Activation activation);

// Affine quantization (real = scale * (q - zero_point)) and an int8 Dense layer, TFLite's full-integer
// scheme: the host layer's types (tinymlp/host/quantize.hpp), which quantizes models and makes the
// device's parameter blocks from them.
using Quantization = tinymlp::Quantization;
using QuantizedDense = tinymlp::QuantizedDense;

enum class LayerKind { dense, activation };

struct Layer {
  LayerKind kind = LayerKind::dense;
  // A dense layer's fused activation (none, relu, relu6 or tanh), or the standalone activation.
  Activation activation = Activation::none;
  std::size_t inputs = 0, outputs = 0;
  // Dense only, float32: kernel [outputs][inputs] (row per output unit), then biases. For an int8
  // layer these hold the dequantized weights, an approximation a float model can use.
  std::vector<float> kernel, bias;
  std::optional<QuantizedDense> quantized;  // int8 layers only

  std::size_t parameter_count() const { return kind == LayerKind::dense ? inputs * outputs + outputs : 0; }
};

struct ModelDescription {
  std::size_t input_size = 0;
  std::vector<Layer> layers;
  // Full-integer models: whether the graph's input and output are int8 (quantized with these
  // parameters) or float32 around QUANTIZE/DEQUANTIZE operators. Unused for float models.
  bool int8_input = false, int8_output = false;
  Quantization input_quantization, output_quantization;

  std::size_t output_size() const { return layers.empty() ? input_size : layers.back().outputs; }
  std::size_t parameter_count() const;
  bool is_quantized() const;
};

// tinymlp's view of a layer: Dense<inputs, outputs>, or an activation of its own.
struct SequenceLayer {
  LayerKind kind = LayerKind::dense;
  Activation activation = Activation::none;  // activations only
  std::size_t inputs = 0, outputs = 0;

  bool operator==(const SequenceLayer& other) const;
  bool operator!=(const SequenceLayer& other) const { return !(*this == other); }
};

// "Dense<1, 16>", "ReLU", ...
std::string sequence_layer_name(const SequenceLayer& layer);

// The description as tinymlp layers: each fused activation becomes a layer after its Dense.
std::vector<SequenceLayer> layer_sequence(const ModelDescription& model);

// The inverse: a description from tinymlp layers and their flat parameter array (each Dense's
// kernel, [out][in], then its biases, layers in order). Activations that TFLite can fuse are fused
// into the Dense before them; Identity layers (activation none) disappear.
ModelDescription describe_sequence(const std::vector<SequenceLayer>& layers, const float* parameters,
                                   std::size_t parameter_count);

// The flat parameter array of a Sequential with the description's layers.
std::vector<float> flat_parameters(const ModelDescription& model);

// The same model with float weights only (for a quantized model, its dequantized weights).
ModelDescription float_version(const ModelDescription& model);

// Checks what every writer relies on: widths that chain, weight counts that match, finite weights.
// Throws ModelError naming the layer.
void check_consistent(const ModelDescription& model);

}  // namespace tools
}  // namespace tinymlp

#endif

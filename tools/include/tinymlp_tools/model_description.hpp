/// \file
/// A model described at run time: the list of layers a .tflite file, a model file or a compile-time
/// tinymlp::Sequential holds, with their weights. It is what the importer produces and the exporter,
/// header writer and model-file writer consume; sequential_description.hpp converts it to and from
/// a compile-time model type.
///
/// Two views of the same layers:
///   - the description itself, where a Dense layer carries the activation fused into it (as TFLite's
///     FULLY_CONNECTED does) and the remaining activations stand alone;
///   - the layer sequence (`layer_sequence`), tinymlp's view, where every activation is a layer of its
///     own, exactly as in a Sequential<...>.
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
/// The converter library (tinymlp::tflite): models described at run time, read from and written to
/// .tflite files, model files and headers.
namespace tools {

/// An activation, fused into a Dense layer or standing alone.
enum class Activation {
  none,     ///< Identity.
  relu,     ///< max(x, 0).
  relu6,    ///< min(max(x, 0), 6) (imported from TFLite; tinymlp's core has no ReLU6 layer).
  tanh,     ///< Tanh.
  sigmoid,  ///< Sigmoid (TFLite's LOGISTIC).
  softmax   ///< Softmax.
};

/// TFLite can fuse these into a FULLY_CONNECTED operator; the others need an operator of their own.
bool can_fuse(Activation activation);
/// "ReLU", "ReLU6", "Tanh", "Sigmoid", "Softmax" (tinymlp's names), "none".
const char* activation_name(Activation activation);

/// Affine quantization (real = scale * (q - zero_point)), TFLite's full-integer scheme: the host
/// layer's type (tinymlp/host/quantize.hpp), which quantizes models and makes the device's parameter
/// blocks from them.
using Quantization = tinymlp::Quantization;
/// An int8 Dense layer: the host layer's type as well.
using QuantizedDense = tinymlp::QuantizedDense;

/// What a layer is.
enum class LayerKind {
  dense,      ///< A Dense layer (with its fused activation in a description).
  activation  ///< An activation on its own.
};

/// One layer of a ModelDescription.
struct Layer {
  LayerKind kind = LayerKind::dense;  ///< Dense or a standalone activation.
  /// A dense layer's fused activation (none, relu, relu6 or tanh), or the standalone activation.
  Activation activation = Activation::none;
  std::size_t inputs = 0;   ///< Input width.
  std::size_t outputs = 0;  ///< Output width.
  /// Dense only, float32: kernel [outputs][inputs] (row per output unit). For an int8 layer these
  /// hold the dequantized weights, an approximation a float model can use.
  std::vector<float> kernel;
  std::vector<float> bias;                  ///< Dense only: one per output, as the kernel.
  std::optional<QuantizedDense> quantized;  ///< int8 layers only.

  /// Weights and biases: inputs * outputs + outputs for a Dense, 0 for an activation.
  std::size_t parameter_count() const { return kind == LayerKind::dense ? inputs * outputs + outputs : 0; }
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
  std::size_t parameter_count() const;  ///< Weights and biases of all layers.
  bool is_quantized() const;            ///< Whether its Dense layers are int8.
};

/// tinymlp's view of a layer: Dense<inputs, outputs>, or an activation of its own.
struct SequenceLayer {
  LayerKind kind = LayerKind::dense;         ///< Dense or an activation.
  Activation activation = Activation::none;  ///< Activations only.
  std::size_t inputs = 0;                    ///< Input width.
  std::size_t outputs = 0;                   ///< Output width.

  bool operator==(const SequenceLayer& other) const;  ///< Same kind, activation and widths.
  bool operator!=(const SequenceLayer& other) const { return !(*this == other); }  ///< Not ==.
};

/// "Dense<1, 16>", "ReLU", ...
std::string sequence_layer_name(const SequenceLayer& layer);

/// The description as tinymlp layers: each fused activation becomes a layer after its Dense.
std::vector<SequenceLayer> layer_sequence(const ModelDescription& model);

/// The inverse: a description from tinymlp layers and their flat parameter array (each Dense's
/// kernel, [out][in], then its biases, layers in order). Activations that TFLite can fuse are fused
/// into the Dense before them; Identity layers (activation none) disappear.
ModelDescription describe_sequence(const std::vector<SequenceLayer>& layers, const float* parameters,
                                   std::size_t parameter_count);

/// The flat parameter array of a Sequential with the description's layers.
std::vector<float> flat_parameters(const ModelDescription& model);

/// The same model with float weights only (for a quantized model, its dequantized weights).
ModelDescription float_version(const ModelDescription& model);

/// Checks what every writer relies on: widths that chain, weight counts that match, finite weights,
/// sizes within what the readers take (tinymlp/host/model_limits.hpp). Throws ModelError naming the
/// layer.
void check_consistent(const ModelDescription& model);

}  // namespace tools
}  // namespace tinymlp

#endif

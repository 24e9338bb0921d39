/// \file
/// ModelDescription to .tflite (float32, schema version 3), for any TFLite runtime: each Dense layer
/// becomes a FULLY_CONNECTED operator with its activation fused where TFLite allows (RELU, RELU6,
/// TANH); other activations become LOGISTIC, TANH, RELU, RELU6 or SOFTMAX operators. Tensors are named
/// and carry a batch dimension ([1, n], signature [-1, n]); the graph has a "serving_default"
/// signature with an input "input" and an output "output".
///
/// The bytes depend only on the layers and weights: export, import, export gives the same file.
#ifndef TINYMLP_TFLITE_EXPORT_HPP
#define TINYMLP_TFLITE_EXPORT_HPP

#include <string>

#include "tinymlp/host/model_description.hpp"

namespace tinymlp {
namespace tflite {

/// Full-integer (int8) models become int8 FULLY_CONNECTED operators with int8 kernels (per-channel or
/// per-tensor scales), int32 biases and int8 activations; a float input or output gets a QUANTIZE or
/// DEQUANTIZE operator (ModelDescription::int8_input, int8_output). Throws ModelError for inconsistent
/// descriptions and int8 layers tinymlp does not run (see check_full_integer).
std::string export_tflite(const ModelDescription& model);

/// Writes atomically (a temporary file renamed over the target).
void write_tflite(const std::string& path, const ModelDescription& model);

}  // namespace tflite
}  // namespace tinymlp

#endif

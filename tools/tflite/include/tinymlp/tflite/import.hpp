/// \file
/// .tflite to ModelDescription. The file is untrusted: it is checked with the FlatBuffers verifier
/// before anything is read, and every index, shape, type and buffer length is checked against what
/// the model declares before it is used. What tinymlp cannot represent fails with a ModelError that
/// names the operator or tensor.
///
/// Imported: one graph that is a chain of FULLY_CONNECTED operators (fused NONE, RELU, RELU6 or
/// TANH) and LOGISTIC, TANH, SOFTMAX (beta 1), RELU, RELU6, with RESHAPE anywhere, in float32; or
/// full-integer int8 FULLY_CONNECTED chains (per-tensor or per-channel weight scales), optionally
/// between a QUANTIZE of a float input and a DEQUANTIZE of the output. DEQUANTIZE of constant
/// FLOAT16 or INT8 weights (float16-quantized models) is folded into float weights.
#ifndef TINYMLP_TFLITE_IMPORT_HPP
#define TINYMLP_TFLITE_IMPORT_HPP

#include <cstddef>
#include <cstdint>
#include <string>

#include "tinymlp/host/model_description.hpp"

namespace tinymlp {
namespace tflite {

/// The model in the `size` bytes at `data` (any bytes: they are verified first). `origin` (a file
/// name) starts every error message. Throws ModelError.
ModelDescription import_tflite(const std::uint8_t* data, std::size_t size, const std::string& origin = "model");

/// The model in the .tflite file at `path`, as import_tflite reads it; errors start with the path.
ModelDescription read_tflite(const std::string& path);

/// Whether these bytes carry TFLite's file identifier "TFL3" (at offset 4).
bool looks_like_tflite(const std::string& bytes);

}  // namespace tflite
}  // namespace tinymlp

#endif

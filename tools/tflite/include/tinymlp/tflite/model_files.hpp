/// \file
/// The converter library (namespace tinymlp::tflite, CMake target tinymlp::tflite): what needs
/// FlatBuffers. Reading and writing a model in whichever format a file name or its content says:
///   .tflite (by name, or by content: the "TFL3" identifier), .hpp/.h (a header for a sketch; a float
///   one written by tinymlp-convert reads back), anything else a tinymlp model file.
#ifndef TINYMLP_TFLITE_MODEL_FILES_HPP
#define TINYMLP_TFLITE_MODEL_FILES_HPP

#include <string>

#include "tinymlp/host/model_description.hpp"
#include "tinymlp/host/quantize.hpp"  // RoundingMode

namespace tinymlp {
namespace tflite {

/// The model in the file at `path`: a .tflite, a header or a model file, as the file's description says.
ModelDescription read_any_model(const std::string& path);

/// Writes `model` to `path` in the format its name says. `name` is a header's object name (empty:
/// made from the file name); `source` says where the model came from, for a header's comment, and
/// `rounding` the integers of an int8 header's model.
void write_any_model(const std::string& path, const ModelDescription& model, const std::string& name,
                     const std::string& source, RoundingMode rounding = RoundingMode::double_rounding);

}  // namespace tflite
}  // namespace tinymlp

#endif

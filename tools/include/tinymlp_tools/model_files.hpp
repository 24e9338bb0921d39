/// \file
/// Reading and writing a model in whichever format a file name or its content says:
///   .tflite (by name, or by content: the "TFL3" identifier), .hpp/.h (a header for a sketch; a float
///   one written by tinymlp-convert reads back), anything else a tinymlp model file.
#ifndef TINYMLP_TOOLS_MODEL_FILES_HPP
#define TINYMLP_TOOLS_MODEL_FILES_HPP

#include <string>

#include "model_description.hpp"

namespace tinymlp {
namespace tools {

/// The model in the file at `path`: a .tflite, a header or a model file, as the file's description says.
ModelDescription read_any_model(const std::string& path);

/// Writes `model` to `path` in the format its name says. `name` is a header's object name (empty:
/// made from the file name); `source` says where the model came from, for a header's comment.
void write_any_model(const std::string& path, const ModelDescription& model, const std::string& name,
                     const std::string& source);

}  // namespace tools
}  // namespace tinymlp

#endif

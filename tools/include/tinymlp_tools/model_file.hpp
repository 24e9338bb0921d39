/// \file
/// tinymlp's own model file: the layers and float weights as plain text, to keep a trained model
/// and convert it later (tinymlp-convert turns it into a .tflite or a header). For example:
/// \code{.unparsed}
///   tinymlp-model 1
///   input 1
///   dense 16 relu          <- outputs, fused activation (none, relu, relu6, tanh)
///   row 0.25               <- one line per output unit: its weights, one per input
///   ...
///   bias 0 0.5 ...         <- one per output unit
///   activation softmax     <- a standalone activation (relu, relu6, tanh, sigmoid, softmax)
///   end
/// \endcode
/// Lines starting with # are comments. Errors name the file and line.
#ifndef TINYMLP_TOOLS_MODEL_FILE_HPP
#define TINYMLP_TOOLS_MODEL_FILE_HPP

#include <string>

#include "model_description.hpp"

namespace tinymlp {
namespace tools {

/// The model file's text for `model` (an int8 model with its dequantized float weights).
std::string model_file_text(const ModelDescription& model);
/// The model in a model file's `text`; `origin` (a file name) starts every error message, with the
/// line. Throws ModelError.
ModelDescription parse_model_file(const std::string& text, const std::string& origin);

/// Writes atomically; an int8 model is written with its dequantized float weights.
void write_model_file(const std::string& path, const ModelDescription& model);
/// The model in the model file at `path`; ModelError naming the file and line.
ModelDescription read_model_file(const std::string& path);

}  // namespace tools
}  // namespace tinymlp

#endif

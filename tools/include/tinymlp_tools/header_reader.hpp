/// \file
/// A float model header that header_writer.hpp wrote, read back into a description, so that
/// tinymlp-convert can turn it into a .tflite or a model file again (the weights are exact: 9
/// significant digits give back every float32). The reader is strict: it reads what the writer
/// writes (its first line, the model type's typedef, the parameter array, the include guard's end)
/// and fails with a ModelError naming the file, line and column of anything else. An int8 header
/// cannot be read back: it holds requantization multipliers, not the scales a model needs.
#ifndef TINYMLP_TOOLS_HEADER_READER_HPP
#define TINYMLP_TOOLS_HEADER_READER_HPP

#include <string>

#include "model_description.hpp"

namespace tinymlp {
namespace tools {

/// The model a header's `text` holds; `origin` (a file name) starts every error message.
ModelDescription parse_model_header(const std::string& text, const std::string& origin);

/// The model in the header file at `path`.
ModelDescription read_model_header(const std::string& path);

}  // namespace tools
}  // namespace tinymlp

#endif

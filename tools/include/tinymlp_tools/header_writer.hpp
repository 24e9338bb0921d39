/// \file
/// A model as a C++11 header for a sketch: the weights as a flash constant (PROGMEM on AVR), the
/// model type, and a ready FlashModel, so that a sketch does
/// \code
///   #include "sine_model.hpp"
///   float y = sine_model.predict(x);
/// \endcode
/// Any number of translation units may include it and the weights are still stored once. They are
/// written with 9 significant digits, which give back every float32 exactly. A full-integer model
/// (int8 Dense layers, ReLU fused or none) becomes an int8 header instead: a tinymlp::Int8Model and its
/// parameter block in flash (tinymlp/host/int8_header.hpp), int8_t y = name.predict(x).
#ifndef TINYMLP_TOOLS_HEADER_WRITER_HPP
#define TINYMLP_TOOLS_HEADER_WRITER_HPP

#include <string>

#include "model_description.hpp"

namespace tinymlp {
namespace tools {

/// `name` is the object's name (a C++ identifier; others are made one); the header also defines
/// NAME_type and NAME_parameters. `source` says where the model came from, for the comment.
std::string model_header(const ModelDescription& model, const std::string& name, const std::string& source);

/// model_header's text written to `path` atomically.
void write_model_header(const std::string& path, const ModelDescription& model, const std::string& name,
                        const std::string& source);

/// A C++ identifier made from any text that compiles in a sketch: "sine model-2" gives "sine_model_2",
/// "class" gives "class_model" (tinymlp/host/generated_code_text.hpp).
std::string identifier_from(const std::string& text);

}  // namespace tools
}  // namespace tinymlp

#endif

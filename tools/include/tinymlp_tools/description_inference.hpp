/// \file
/// Inference straight from a ModelDescription, the reference the tests hold files and generated
/// headers against:
/// \code{.unparsed}
///   predict_float  float32 arithmetic (for a quantized model: its dequantized weights);
///   predict_int8   TFLite's integer kernels for a full-integer model, bit for bit in either rounding
///                  mode (see requantization.hpp), int8 in and out.
/// \endcode
#ifndef TINYMLP_TOOLS_DESCRIPTION_INFERENCE_HPP
#define TINYMLP_TOOLS_DESCRIPTION_INFERENCE_HPP

#include <cstdint>
#include <vector>

#include "model_description.hpp"
#include "requantization.hpp"

namespace tinymlp {
namespace tools {

/// The outputs for `input` (model.input_size values), in float32 arithmetic.
std::vector<float> predict_float(const ModelDescription& model, const std::vector<float>& input);

/// `input` is quantized with the first layer's input quantization; the result with the last layer's
/// output quantization. Throws ModelError for a model that is not full-integer.
std::vector<std::int8_t> predict_int8(const ModelDescription& model, const std::vector<std::int8_t>& input,
                                      Rounding rounding = Rounding::double_rounding);

}  // namespace tools
}  // namespace tinymlp

#endif

/// \file
/// Between run-time descriptions of full-integer models (what .tflite files hold) and the host's
/// QuantizedModel (what tinymlp::quantize makes and Int8Model and the int8 header writer take).
#ifndef TINYMLP_TOOLS_QUANTIZED_DESCRIPTION_HPP
#define TINYMLP_TOOLS_QUANTIZED_DESCRIPTION_HPP

#include <string>

#include "model_description.hpp"
#include "tinymlp/host/int8_header.hpp"
#include "tinymlp/host/quantize.hpp"

namespace tinymlp {
namespace tools {

/// The int8 layers of a full-integer description: a chain of int8 Dense layers, each with no fused
/// activation or a ReLU. Throws ModelError naming the layer otherwise.
QuantizedModel quantized_model(const ModelDescription& model);

/// A description of a quantized model, for the exporter: int8 or float32 input and output (float ones
/// go through QUANTIZE and DEQUANTIZE operators in the file). Its float weights are the dequantized ones.
ModelDescription describe_quantized(const QuantizedModel& model, bool int8_input = true, bool int8_output = true);

/// The int8 model as a C++11 header (tinymlp/host/int8_header.hpp): Int8Model and its parameters in flash.
std::string int8_header(const ModelDescription& model, const std::string& name, const std::string& source,
                        Int8Rounding rounding = Int8Rounding::double_rounding);

}  // namespace tools
}  // namespace tinymlp

#endif

/// \file
/// An int8 model as a C++11 header for a sketch: the parameter block as a flash constant (PROGMEM on
/// AVR) and a ready Int8Model, so that a sketch does
/// \code
///   #include "sine_int8.hpp"
///   int8_t y = sine_int8.predict(x);   // or float y = sine_int8.predict(0.5f);
/// \endcode
/// Any number of translation units may include it; the parameters are stored once (a static member
/// of a class template, C++11's inline variable).
#ifndef TINYMLP_HOST_INT8_HEADER_HPP
#define TINYMLP_HOST_INT8_HEADER_HPP

#include <string>
#include <vector>

#include "float_text.hpp"
#include "generated_code_text.hpp"
#include "quantize.hpp"

namespace tinymlp {

/// Which of TFLite's integer roundings a generated int8 header's model uses.
enum class Int8Rounding {
  double_rounding,  ///< quant::DoubleRounding: TFLite's default, TensorFlow Lite Micro's integers.
  single_rounding   ///< quant::SingleRounding: TFLITE_SINGLE_ROUNDING=1, Arm NN's integers.
};

namespace detail {

template <class Integer>
std::string integer_list(const Integer* values, std::size_t count) {
  std::string text = "{";
  for (std::size_t k = 0; k < count; ++k) text += (k ? ", " : "") + std::to_string(static_cast<long long>(values[k]));
  return text + "}";
}

// Layer k's parameters nest k deep; the indent shows it for the first 16 layers and then stays, so the
// header grows linearly with the layers (an indent that kept growing would make it quadratic).
inline std::string nesting_indent(std::size_t depth) { return std::string(4 + 2 * (depth < 16 ? depth : 16), ' '); }

}  // namespace detail

/// "tinymlp::Sequential<tinymlp::Dense<1, 16>, tinymlp::ReLU, ...>": the float model type whose sizes
/// (and fused ReLUs) an Int8Model of this quantized model takes.
inline std::string float_model_type_name(const QuantizedModel& model) {
  std::string type = "tinymlp::Sequential<";
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const QuantizedLayer& layer = model.layers[k];
    type += (k ? ", " : "") + std::string("tinymlp::Dense<") + std::to_string(layer.inputs) + ", " +
            std::to_string(layer.outputs) + ">" + (layer.fused_relu ? ", tinymlp::ReLU" : "");
  }
  return type + ">";
}

/// The aggregate initializer of Int8Model<...>::Parameters: the float input/output quantization, then
/// each layer's kernel, folded biases, multipliers, shifts and output zero point, nested layer by layer.
inline std::string int8_parameters_initializer(const QuantizedModel& model) {
  const Quantization input = model.layers.front().dense.input, output = model.layers.back().dense.output;
  std::string text = "{\n    {" + exact_float_literal(input.scale) + ", " + std::to_string(input.zero_point) + ", " +
                     exact_float_literal(output.scale) + "},  // input scale and zero point, output scale\n";
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Int8LayerArrays a = int8_layer_arrays(model.layers[k], k);
    const bool last = k + 1 == model.layers.size();
    const std::string indent = detail::nesting_indent(k);
    text += indent + "{{  // layer " + std::to_string(k) + ": Int8Dense<" + std::to_string(model.layers[k].inputs) +
            ", " + std::to_string(model.layers[k].outputs) + (model.layers[k].fused_relu ? ", ReLU fused" : "") +
            ">: kernel, biases (input zero point folded in), multipliers, shifts, output zero point\n";
    text += indent + "  " + detail::integer_list(a.kernel.data(), a.kernel.size()) + ",\n";
    text += indent + "  " + detail::integer_list(a.bias.data(), a.bias.size()) + ",\n";
    text += indent + "  " + detail::integer_list(a.multiplier.data(), a.multiplier.size()) + ",\n";
    text += indent + "  " + detail::integer_list(a.shift.data(), a.shift.size()) + ",\n";
    text += indent + "  " + std::to_string(a.output_zero_point) + "}" + (last ? "" : ",") + "\n";
  }
  // Every layer but the first is the `next` member of the one before: one closing brace each.
  std::string closings;
  for (std::size_t k = model.layers.size(); k-- > 0;) closings += detail::nesting_indent(k) + "}\n";
  return text + closings + "}";
}

/// The whole header for `model`: `name` is its object's name (NAME_type is its type), `source` says
/// where it came from, for the comment (any text: it is made safe there). QuantizationError for a model
/// without layers; std::invalid_argument for a name that would not compile in a sketch (a keyword, an
/// Arduino macro, "my-model": see generated_code_text.hpp), naming the one that would.
inline std::string int8_model_header(const QuantizedModel& model, const std::string& name,
                                     const std::string& source_text,
                                     Int8Rounding rounding = Int8Rounding::double_rounding) {
  if (model.layers.empty()) throw QuantizationError("an int8 model needs at least one layer");
  check_sketch_identifier(name, "int8_model_header's name");
  const std::string source = comment_text(source_text);
  const std::string guard = include_guard(name);
  const std::string rounding_type =
      rounding == Int8Rounding::double_rounding ? "tinymlp::quant::DoubleRounding" : "tinymlp::quant::SingleRounding";
  std::size_t parameters = 0;
  for (const QuantizedLayer& layer : model.layers) parameters += layer.inputs * layer.outputs + layer.outputs;
  std::string header;
  header += "// " + name + ": an int8 tinymlp model generated from " + source + ". Do not edit.\n";
  header += "//   " + std::to_string(parameters) +
            " parameters: int8 kernels, int32 biases, per-unit multipliers and "
            "shifts, in flash\n";
  header += "//   rounding: " + rounding_type +
            (rounding == Int8Rounding::double_rounding ? " (TFLite's default: TensorFlow Lite Micro's integers)\n"
                                                       : " (TFLite's single rounding: Arm NN's integers)\n");
  header += "// Usage: int8_t y = " + name + ".predict(int8_t(x)); or float y = " + name + ".predict(x);\n";
  header += "#ifndef " + guard + "\n#define " + guard + "\n\n#include <tinymlp.hpp>\n\n";
  header +=
      "typedef tinymlp::Int8Model<" + float_model_type_name(model) + ", " + rounding_type + "> " + name + "_type;\n\n";
  header += "template <class Unused = void>\nstruct " + name + "_weights {\n  static const " + name +
            "_type::Parameters parameters;\n};\n";
  header += "template <class Unused>\nconst " + name + "_type::Parameters " + name +
            "_weights<Unused>::parameters TINYMLP_PROGMEM = " + int8_parameters_initializer(model) + ";\n\n";
  header += "constexpr " + name + "_type " + name + "(&" + name + "_weights<>::parameters);\n\n";
  header += "#endif  // " + guard + "\n";
  return header;
}

}  // namespace tinymlp

#endif

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
///   activation softmax     <- a standalone activation (relu, relu6, tanh, sigmoid, softmax,
///                             leaky_relu ALPHA)
///   normalization 8        <- outputs (the width before, or 8 from one input): y = (x + offset) * scale
///   scale 0.5 ...          <- one per output
///   offset -31 ...         <- one per output
///   end
/// \endcode
/// A hybrid layer (int8 weights, float activations) says so after its activation, with how it
/// quantizes its inputs and its weight scale, and its rows hold int8 integers:
/// \code{.unparsed}
///   dense 16 relu hybrid symmetric 0.00787401572   <- or asymmetric
///   row 12 -127 ...
///   bias 0 0.5 ...
/// \endcode
/// Lines starting with # are comments. Errors name the file and line.
#ifndef TINYMLP_HOST_MODEL_FILE_HPP
#define TINYMLP_HOST_MODEL_FILE_HPP

#include <charconv>
#include <string>
#include <system_error>
#include <vector>

#include "atomic_file.hpp"
#include "float_text.hpp"
#include "model_description.hpp"
#include "model_limits.hpp"
#include "read_file.hpp"
#include "text_reader.hpp"

namespace tinymlp {
namespace detail {

constexpr const char* model_file_format_line = "tinymlp-model 1";

// File names of activations: lower case, as in the format's description.
constexpr Activation named_activations[] = {Activation::none,      Activation::relu,    Activation::relu6,
                                            Activation::tanh,      Activation::sigmoid, Activation::softmax,
                                            Activation::leaky_relu};
constexpr const char* activation_words[] = {"none", "relu", "relu6", "tanh", "sigmoid", "softmax", "leaky_relu"};
constexpr std::size_t activation_word_count = sizeof(activation_words) / sizeof(activation_words[0]);

inline const char* activation_word(Activation activation) {
  for (std::size_t k = 0; k < activation_word_count; ++k)
    if (named_activations[k] == activation) return activation_words[k];
  return "none";
}

inline void append_numbers(std::string& text, const char* keyword, const float* values, std::size_t count) {
  text += keyword;
  for (std::size_t k = 0; k < count; ++k) text += " " + float_text(values[k]);
  text += "\n";
}

// Reads the file line by line; every error names the file, line and column.
class ModelFileParser {
 public:
  ModelFileParser(const std::string& text, const std::string& origin) : reader_(text, origin, "#", true) {}

  ModelDescription run() {
    if (!reader_.next_line() || reader_.line() != model_file_format_line)
      reader_.fail("expected \"" + std::string(model_file_format_line) + "\" as the first line");
    if (!reader_.next_line() || reader_.word() != "input") reader_.fail("expected \"input N\"");
    model_.input_size = count("the input width");
    reader_.expect_end_of_line();
    std::size_t width = model_.input_size;
    while (reader_.next_line()) {
      const std::string keyword = reader_.word();
      if (keyword == "end") {
        reader_.expect_end_of_line();
        if (reader_.next_line()) reader_.fail("text after \"end\"");
        return std::move(model_);
      }
      Layer layer;
      layer.inputs = width;
      if (keyword == "dense") {
        layer.outputs = count("the number of outputs");
        layer.activation = activation(false);
        if (reader_.skip(" hybrid")) {
          read_hybrid_layer(layer);
        } else {
          reader_.expect_end_of_line();
          for (std::size_t o = 0; o < layer.outputs; ++o) numbers_line("row", layer.inputs, layer.kernel);
          numbers_line("bias", layer.outputs, layer.bias);
        }
      } else if (keyword == "activation") {
        layer.kind = LayerKind::activation;
        layer.outputs = width;
        layer.activation = activation(true);
        if (layer.activation == Activation::leaky_relu) layer.alpha = leaky_relu_alpha();
        reader_.expect_end_of_line();
      } else if (keyword == "normalization") {
        layer.kind = LayerKind::normalization;
        layer.outputs = count("the number of outputs");
        if (layer.outputs != width && width != 1)
          reader_.fail("a normalization keeps the width before (" + std::to_string(width) +
                       ") or broadcasts one input, not " + std::to_string(layer.outputs) + " outputs");
        reader_.expect_end_of_line();
        numbers_line("scale", layer.outputs, layer.kernel);
        numbers_line("offset", layer.outputs, layer.bias);
      } else {
        reader_.fail(R"(expected "dense", "activation", "normalization" or "end", found )" + quoted_field(keyword));
      }
      width = layer.outputs;
      model_.layers.push_back(std::move(layer));
    }
    reader_.fail("the file ends without \"end\"");
  }

 private:
  std::size_t count(const std::string& what) { return reader_.whole_number(what, largest_layer_width); }

  // LeakyReLU's alpha, after its word: one that tinymlp's LeakyReLU<N, D> spells.
  float leaky_relu_alpha() {
    const std::string w = reader_.word();
    if (w.empty()) reader_.fail("leaky_relu needs its alpha, a number in [0, 1)");
    const float alpha = reader_.finite_float(w);
    long long numerator = 0, denominator = 1;
    if (!leaky_relu_fraction(alpha, numerator, denominator))
      reader_.fail("leaky_relu's alpha " + quoted_field(w) + " is not in [0, 1) (or is below 2^-38 and not 0)");
    return alpha;
  }

  Activation activation(bool standalone) {
    const std::string w = reader_.word();
    for (std::size_t k = 0; k < activation_word_count; ++k)
      if (w == activation_words[k]) {
        const Activation found = named_activations[k];
        if (standalone ? found == Activation::none : !(found == Activation::none || can_fuse(found))) break;
        return found;
      }
    reader_.fail(quoted_field(w) + " is not " +
                 (standalone ? "relu, relu6, tanh, sigmoid, softmax or leaky_relu" : "none, relu, relu6 or tanh"));
  }

  // "hybrid INPUTS SCALE" read up to "hybrid"; then the int8 rows and the float biases.
  void read_hybrid_layer(Layer& layer) {
    HybridQuantization q;
    const std::string inputs = reader_.word();
    if (inputs != "symmetric" && inputs != "asymmetric")
      reader_.fail(quoted_field(inputs) + " is not symmetric or asymmetric (how the hybrid layer quantizes inputs)");
    q.inputs = inputs == "asymmetric" ? HybridInputs::asymmetric : HybridInputs::symmetric;
    const std::string scale = reader_.word();
    if (scale.empty()) reader_.fail("expected the hybrid layer's weight scale after " + quoted_field(inputs));
    q.weight_scale = reader_.finite_float(scale);
    if (!(q.weight_scale >= 1e-30f && q.weight_scale <= 1e30f))
      reader_.fail(quoted_field(scale) + " is not a weight scale in [1e-30, 1e30]");
    reader_.expect_end_of_line();
    for (std::size_t o = 0; o < layer.outputs; ++o) {
      if (!reader_.next_line() || reader_.word() != "row") reader_.fail("expected a \"row\" line");
      for (std::size_t k = 0; k < layer.inputs; ++k) {
        const std::string w = reader_.word();
        if (w.empty())
          reader_.fail("\"row\" needs " + std::to_string(layer.inputs) + " numbers, found " + std::to_string(k));
        int value = 0;
        const auto result = std::from_chars(w.data(), w.data() + w.size(), value);
        if (result.ec != std::errc() || result.ptr != w.data() + w.size() || value < -128 || value > 127)
          reader_.fail(quoted_field(w) + " is not an int8 weight (an integer from -128 to 127)");
        q.kernel.push_back(static_cast<std::int8_t>(value));
      }
      reader_.expect_end_of_line();
    }
    numbers_line("bias", layer.outputs, layer.bias);
    layer.quantization = std::move(q);
    set_dequantized_weights(layer);
  }

  void numbers_line(const char* keyword, std::size_t count, std::vector<float>& values) {
    if (!reader_.next_line() || reader_.word() != keyword)
      reader_.fail(std::string("expected a \"") + keyword + "\" line");
    for (std::size_t k = 0; k < count; ++k) {
      const std::string w = reader_.word();
      if (w.empty())
        reader_.fail(std::string("\"") + keyword + "\" needs " + std::to_string(count) + " numbers, found " +
                     std::to_string(k));
      values.push_back(reader_.finite_float(w));
    }
    reader_.expect_end_of_line();
  }

  TextReader reader_;
  ModelDescription model_;
};

}  // namespace detail

/// The model file's text for `model` (an int8 model with its dequantized float weights, a hybrid one
/// with its int8 weights).
inline std::string model_file_text(const ModelDescription& model_to_write) {
  check_consistent(model_to_write);
  const ModelDescription model = float_version(model_to_write);
  std::string text = std::string(detail::model_file_format_line) + "\n";
  if (model_to_write.has_int8_layers()) text += "# dequantized from an int8 model\n";
  text += "input " + std::to_string(model.input_size) + "\n";
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    if (layer.kind == LayerKind::activation) {
      text += std::string("activation ") + detail::activation_word(layer.activation);
      if (layer.activation == Activation::leaky_relu) text += " " + float_text(layer.alpha);
      text += "\n";
      continue;
    }
    if (layer.kind == LayerKind::normalization) {
      text += "normalization " + std::to_string(layer.outputs) + "\n";
      detail::append_numbers(text, "scale", layer.kernel.data(), layer.outputs);
      detail::append_numbers(text, "offset", layer.bias.data(), layer.outputs);
      continue;
    }
    text += "dense " + std::to_string(layer.outputs) + " " + detail::activation_word(layer.activation);
    if (const HybridQuantization* q = model_to_write.layers[k].hybrid()) {
      text += std::string(" hybrid ") + hybrid_inputs_name(q->inputs) + " " + float_text(q->weight_scale) + "\n";
      for (std::size_t o = 0; o < layer.outputs; ++o) {
        text += "row";
        for (std::size_t i = 0; i < layer.inputs; ++i) text += " " + std::to_string(q->kernel[o * layer.inputs + i]);
        text += "\n";
      }
      detail::append_numbers(text, "bias", layer.bias.data(), layer.outputs);
      continue;
    }
    text += "\n";
    for (std::size_t o = 0; o < layer.outputs; ++o)
      detail::append_numbers(text, "row", layer.kernel.data() + o * layer.inputs, layer.inputs);
    detail::append_numbers(text, "bias", layer.bias.data(), layer.outputs);
  }
  return text + "end\n";
}

/// The model in a model file's `text`; `origin` (a file name) starts every error message, with the
/// line. Throws ModelError.
inline ModelDescription parse_model_file(const std::string& text, const std::string& origin) {
  return detail::ModelFileParser(text, origin).run();
}

/// Writes atomically; an int8 model is written with its dequantized float weights, a hybrid one as it is.
inline void write_model_file(const std::string& path, const ModelDescription& model) {
  write_file_atomically(path, model_file_text(model));
}

/// The model in the model file at `path`; ModelError naming the file and line.
inline ModelDescription read_model_file(const std::string& path) {
  return parse_model_file(read_whole_file<ModelError>(path), path);
}

}  // namespace tinymlp

#endif

#include "tinymlp_tools/model_file.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "tinymlp/host/atomic_file.hpp"
#include "tinymlp_tools/file_bytes.hpp"
#include "tinymlp_tools/float_text.hpp"
#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {
namespace {

const char* const format_line = "tinymlp-model 1";

// File names of activations: lower case, as in the format's description.
const Activation named_activations[] = {Activation::none, Activation::relu,    Activation::relu6,
                                        Activation::tanh, Activation::sigmoid, Activation::softmax};
const char* const activation_words[] = {"none", "relu", "relu6", "tanh", "sigmoid", "softmax"};

const char* activation_word(Activation activation) {
  for (std::size_t k = 0; k < 6; ++k)
    if (named_activations[k] == activation) return activation_words[k];
  return "none";
}

void append_numbers(std::string& text, const char* keyword, const float* values, std::size_t count) {
  text += keyword;
  for (std::size_t k = 0; k < count; ++k) text += " " + float_text(values[k]);
  text += "\n";
}

// Reads the file line by line; every error names the file and the line.
class ModelFileParser {
 public:
  ModelFileParser(const std::string& text, std::string origin) : lines_(text), origin_(std::move(origin)) {}

  ModelDescription run() {
    if (!next_line() || line_ != format_line) fail("expected \"" + std::string(format_line) + "\" as the first line");
    if (!next_line() || word() != "input") fail("expected \"input N\"");
    model_.input_size = count("the input width");
    expect_end_of_line();
    std::size_t width = model_.input_size;
    while (next_line()) {
      const std::string keyword = word();
      if (keyword == "end") {
        expect_end_of_line();
        if (next_line()) fail("text after \"end\"");
        return std::move(model_);
      }
      Layer layer;
      layer.inputs = width;
      if (keyword == "dense") {
        layer.outputs = count("the number of outputs");
        layer.activation = activation(false);
        expect_end_of_line();
        for (std::size_t o = 0; o < layer.outputs; ++o) numbers_line("row", layer.inputs, layer.kernel);
        numbers_line("bias", layer.outputs, layer.bias);
      } else if (keyword == "activation") {
        layer.kind = LayerKind::activation;
        layer.outputs = width;
        layer.activation = activation(true);
        expect_end_of_line();
      } else {
        fail("expected \"dense\", \"activation\" or \"end\", found \"" + keyword + "\"");
      }
      width = layer.outputs;
      model_.layers.push_back(std::move(layer));
    }
    fail("the file ends without \"end\"");
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ModelError(origin_ + ":" + std::to_string(line_number_) + ": " + message);
  }

  bool next_line() {
    while (std::getline(lines_, line_)) {
      ++line_number_;
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      if (line_.empty() || line_[0] == '#') continue;
      words_.clear();
      words_.str(line_);
      return true;
    }
    return false;
  }

  std::string word() {
    std::string w;
    words_ >> w;
    return w;
  }

  void expect_end_of_line() {
    const std::string extra = word();
    if (!extra.empty()) fail("unexpected \"" + extra + "\" at the end of the line");
  }

  std::size_t count(const std::string& what) {
    const std::string w = word();
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(w.c_str(), &end, 10);
    if (w.empty() || *end != '\0' || w[0] == '-' || errno != 0 || value == 0 || value > (1u << 24))
      fail(what + " must be a whole number from 1 to 16777216, found \"" + w + "\"");
    return static_cast<std::size_t>(value);
  }

  Activation activation(bool standalone) {
    const std::string w = word();
    for (std::size_t k = 0; k < 6; ++k)
      if (w == activation_words[k]) {
        const Activation found = named_activations[k];
        if (standalone ? found == Activation::none : !(found == Activation::none || can_fuse(found))) break;
        return found;
      }
    fail(std::string("\"") + w + "\" is not " +
         (standalone ? "relu, relu6, tanh, sigmoid or softmax" : "none, relu, relu6 or tanh"));
  }

  void numbers_line(const char* keyword, std::size_t count, std::vector<float>& values) {
    if (!next_line() || word() != keyword) fail(std::string("expected a \"") + keyword + "\" line");
    for (std::size_t k = 0; k < count; ++k) {
      const std::string w = word();
      char* end = nullptr;
      const float value = std::strtof(w.c_str(), &end);
      if (w.empty())
        fail(std::string("\"") + keyword + "\" needs " + std::to_string(count) + " numbers, found " +
             std::to_string(k));
      if (*end != '\0' || !std::isfinite(value)) fail("\"" + w + "\" is not a finite number");
      values.push_back(value);
    }
    expect_end_of_line();
  }

  std::istringstream lines_;
  std::istringstream words_;
  std::string origin_;
  std::string line_;
  std::size_t line_number_ = 0;
  ModelDescription model_;
};

}  // namespace

std::string model_file_text(const ModelDescription& model_to_write) {
  check_consistent(model_to_write);
  const ModelDescription model = float_version(model_to_write);
  std::string text = std::string(format_line) + "\n";
  if (model_to_write.is_quantized()) text += "# dequantized from an int8 model\n";
  text += "input " + std::to_string(model.input_size) + "\n";
  for (const Layer& layer : model.layers) {
    if (layer.kind == LayerKind::activation) {
      text += std::string("activation ") + activation_word(layer.activation) + "\n";
      continue;
    }
    text += "dense " + std::to_string(layer.outputs) + " " + activation_word(layer.activation) + "\n";
    for (std::size_t o = 0; o < layer.outputs; ++o)
      append_numbers(text, "row", layer.kernel.data() + o * layer.inputs, layer.inputs);
    append_numbers(text, "bias", layer.bias.data(), layer.outputs);
  }
  return text + "end\n";
}

ModelDescription parse_model_file(const std::string& text, const std::string& origin) {
  return ModelFileParser(text, origin).run();
}

void write_model_file(const std::string& path, const ModelDescription& model) {
  write_file_atomically(path, model_file_text(model));
}

ModelDescription read_model_file(const std::string& path) { return parse_model_file(read_file_bytes(path), path); }

}  // namespace tools
}  // namespace tinymlp

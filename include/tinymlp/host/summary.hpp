/// \file
/// summary(): a model's layers as Keras's model.summary() prints them (each layer, its output width
/// and parameters, then the totals), with the memory figures of the type and, when given, each
/// board's flash and RAM.
#ifndef TINYMLP_HOST_SUMMARY_HPP
#define TINYMLP_HOST_SUMMARY_HPP

#include <cstddef>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>

#include "../layers/dense.hpp"
#include "../layers/elementwise.hpp"
#include "../layers/identity.hpp"
#include "../layers/relu.hpp"
#include "../layers/sigmoid.hpp"
#include "../layers/softmax.hpp"
#include "../layers/tanh.hpp"
#include "describe.hpp"
#include "memory_figures.hpp"

namespace tinymlp {

namespace detail {

template <std::size_t In, std::size_t Out>
const char* layer_type_name(const Dense<In, Out>*) {
  return "Dense";
}
template <std::size_t Width>
const char* layer_type_name(const Elementwise<ReLU, Width>*) {
  return "ReLU";
}
template <std::size_t Width>
const char* layer_type_name(const Elementwise<Sigmoid, Width>*) {
  return "Sigmoid";
}
template <std::size_t Width>
const char* layer_type_name(const Elementwise<Tanh, Width>*) {
  return "Tanh";
}
template <std::size_t Width>
const char* layer_type_name(const Elementwise<Identity, Width>*) {
  return "Identity";
}
template <std::size_t Width>
const char* layer_type_name(const BoundSoftmax<Width>*) {
  return "Softmax";
}
inline const char* layer_type_name(const void*) { return "Layer"; }

struct SummaryRow {
  std::string type;
  std::size_t output_width, parameters;
};

template <class Chain, class = void>
struct has_layer : std::false_type {};
template <class Chain>
struct has_layer<Chain, std::void_t<typename Chain::Bound>> : std::true_type {};

template <class Chain>
void summary_rows(std::vector<SummaryRow>& rows) {
  if constexpr (has_layer<Chain>::value) {
    typedef typename Chain::Bound Layer;
    rows.push_back(
        SummaryRow{layer_type_name(static_cast<const Layer*>(nullptr)), Layer::output_size, Layer::parameter_count});
    summary_rows<typename Chain::Next>(rows);
  }
}

// 12345 as "12,345".
inline std::string with_thousands(std::size_t value) {
  std::string digits = std::to_string(value);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

}  // namespace detail

/// The summary of the model type: one line per layer (its type, output width and parameter count),
/// the totals, the bytes of the weights and of an inference's buffers, and a table of `boards`.
template <class Model>
std::string summary(const std::vector<BoardMemory>& boards) {
  std::vector<detail::SummaryRow> rows;
  detail::summary_rows<typename SequentialKernels<Model>::layer_chain>(rows);
  std::string text;
  char line[160];
  const std::string rule(56, '-');
  std::snprintf(line, sizeof line, "Model: %zu inputs, %zu outputs\n", Model::input_size, Model::output_size);
  text += line + rule + "\n";
  std::snprintf(line, sizeof line, "%-4s %-16s %-16s %16s\n", "#", "Layer (type)", "Output width", "Param #");
  text += line + std::string(56, '=') + "\n";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    std::snprintf(line, sizeof line, "%-4zu %-16s %-16zu %16s\n", k + 1, rows[k].type.c_str(), rows[k].output_width,
                  detail::with_thousands(rows[k].parameters).c_str());
    text += line;
  }
  text += rule + "\n";
  std::snprintf(line, sizeof line, "Total params: %s (%s bytes of weights)\n",
                detail::with_thousands(Model::parameter_count).c_str(),
                detail::with_thousands(Model::parameter_bytes).c_str());
  text += line;
  std::snprintf(line, sizeof line, "Inference buffers: %s bytes of stack\n",
                detail::with_thousands(Model::activation_bytes).c_str());
  text += line;
  if (!boards.empty()) {
    std::snprintf(line, sizeof line, "%-24s %14s %14s\n", "Board", "Flash (bytes)", "RAM (bytes)");
    text += rule + "\n" + line;
    for (const BoardMemory& board : boards) {
      std::snprintf(line, sizeof line, "%-24s %14s %14s\n", board.board.c_str(),
                    detail::with_thousands(board.flash_bytes).c_str(), detail::with_thousands(board.ram_bytes).c_str());
      text += line;
    }
  }
  return text;
}

/// The flash and RAM the model type needs on each board, as `tinymlp-convert --info` reports them
/// (board_memory).
template <class Model>
std::vector<BoardMemory> board_memory() {
  const std::vector<float> parameters(Model::parameter_count);  // the figures need the layers, not the weights
  return board_memory(describe_sequence(layers_of<Model>(), parameters.data(), parameters.size()));
}

/// The summary of the model type with the table of its memory on each board (board_memory<Model>()).
template <class Model>
std::string summary() {
  return summary<Model>(board_memory<Model>());
}

/// summary<Model>(boards) for the model's type.
template <class Model>
std::string summary(const Model&, const std::vector<BoardMemory>& boards) {
  return summary<Model>(boards);
}

/// summary<Model>() for the model's type: with its memory on each board.
template <class Model>
std::string summary(const Model&) {
  return summary<Model>();
}

}  // namespace tinymlp

#endif

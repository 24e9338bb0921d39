/// \file
/// What a model costs on a microcontroller as a tinymlp FlashModel, computed from a description the
/// way the compile-time model type computes it (the tests hold one against the other). float is 4
/// bytes on AVR and on Cortex-M alike, so the figures hold for both.
#ifndef TINYMLP_HOST_MEMORY_FIGURES_HPP
#define TINYMLP_HOST_MEMORY_FIGURES_HPP

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "model_description.hpp"

namespace tinymlp {

/// A model's memory as a FlashModel, in bytes.
struct MemoryFigures {
  std::size_t parameters = 0;          ///< Weights and biases (a count, not bytes).
  std::size_t weight_flash_bytes = 0;  ///< 4 per parameter; the code comes on top.
  std::size_t activation_bytes = 0;    ///< Sequential::activation_bytes: stack during one predict.
  std::size_t input_output_bytes = 0;  ///< The caller's input and output arrays.
};

/// The figures for `model`.
inline MemoryFigures memory_figures(const ModelDescription& model) {
  MemoryFigures figures;
  figures.parameters = model.parameter_count();
  figures.weight_flash_bytes = figures.parameters * sizeof(float);
  figures.input_output_bytes = (model.input_size + model.output_size()) * sizeof(float);
  // The plan of model/layer_chain.hpp: a layer that cannot work in place (a Dense) writes to the
  // model's output when only in-place layers follow it, else to the one of two buffers its
  // predecessor did not write; activations work in place.
  // (A Normalization layer writes a new buffer too.)
  const std::vector<Layer> layers = layer_sequence(model);
  const auto new_buffer = [](const Layer& layer) { return layer.kind != LayerKind::activation; };
  std::size_t buffer_width[2] = {0, 0};
  unsigned next_buffer = 0;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    if (!new_buffer(layers[k])) continue;
    const bool only_in_place_after =
        std::none_of(layers.begin() + static_cast<std::ptrdiff_t>(k) + 1, layers.end(), new_buffer);
    if (!only_in_place_after) buffer_width[next_buffer] = std::max(buffer_width[next_buffer], layers[k].outputs);
    next_buffer = 1 - next_buffer;
  }
  figures.activation_bytes = (buffer_width[0] + buffer_width[1]) * sizeof(float);
  return figures;
}

/// The stack a HybridModel's predict takes beyond its buffers and quantized row (frames and saved
/// registers), at most, on an AVR and on the 32-bit boards: board/boards.cmake's hybrid_inference_frames,
/// which the board tests hold the measured stack to.
constexpr std::size_t hybrid_frame_bytes_avr = 72;
constexpr std::size_t hybrid_frame_bytes_32_bit = 132;  ///< The largest of the 32-bit boards'.

/// A hybrid model's memory as a HybridModel (quant/hybrid_model.hpp), in bytes.
struct HybridMemoryFigures {
  std::size_t parameters = 0;          ///< Weights and biases (a count, not bytes).
  std::size_t avr_flash_bytes = 0;     ///< sizeof(Parameters) on AVR, whose structs have no padding.
  std::size_t flash_bytes_32_bit = 0;  ///< The same on 32-bit boards, each int8 kernel padded to 4 bytes.
  std::size_t activation_bytes = 0;    ///< HybridModel::activation_bytes: two float buffers on the stack.
  std::size_t scratch_bytes = 0;       ///< HybridModel::scratch_bytes: the widest quantized input row.
  std::size_t input_output_bytes = 0;  ///< The caller's input and output arrays.
};

/// The figures for a hybrid `model` (check_hybrid passes), as HybridModel computes them.
inline HybridMemoryFigures hybrid_memory_figures(const ModelDescription& model) {
  HybridMemoryFigures figures;
  figures.parameters = model.parameter_count();
  figures.input_output_bytes = (model.input_size + model.output_size()) * sizeof(float);
  std::size_t widest_hidden = 0, last_dense = 0;
  for (std::size_t k = 0; k < model.layers.size(); ++k)
    if (model.layers[k].kind == LayerKind::dense) last_dense = k;
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    if (layer.kind != LayerKind::dense) continue;
    const std::size_t kernel = layer.inputs * layer.outputs;
    if (layer.hybrid()) {
      figures.avr_flash_bytes += kernel + 4 + 4 * layer.outputs;
      figures.flash_bytes_32_bit += (kernel + 3) / 4 * 4 + 4 + 4 * layer.outputs;
      figures.scratch_bytes = std::max(figures.scratch_bytes, layer.inputs);
    } else {
      figures.avr_flash_bytes += 4 * (kernel + layer.outputs);
      figures.flash_bytes_32_bit += 4 * (kernel + layer.outputs);
    }
    if (k != last_dense) widest_hidden = std::max(widest_hidden, layer.outputs);
  }
  figures.activation_bytes = 2 * sizeof(float) * std::max<std::size_t>(widest_hidden, 1);
  return figures;
}

/// One board's memory for a model, a row of summary()'s board table.
struct BoardMemory {
  std::string board;            ///< The board's name.
  std::size_t flash_bytes = 0;  ///< Flash for the weights (the code comes on top).
  std::size_t ram_bytes = 0;    ///< RAM for one predict: the activation buffers and the input and output arrays.
};

/// The memory the model needs as a FlashModel on each board that `tinymlp-convert --info` reports
/// (AVR and Cortex-M: float is 4 bytes on both, so the figures agree), from memory_figures.
inline std::vector<BoardMemory> board_memory(const ModelDescription& model) {
  const MemoryFigures figures = memory_figures(model);
  const std::size_t ram = figures.activation_bytes + figures.input_output_bytes;
  return {BoardMemory{"AVR (Arduino Uno)", figures.weight_flash_bytes, ram},
          BoardMemory{"Cortex-M", figures.weight_flash_bytes, ram}};
}

}  // namespace tinymlp

#endif

/// \file
/// What a model costs on a microcontroller as a tinymlp FlashModel, computed from a description the
/// way the compile-time model type computes it (the tests hold one against the other). float is 4
/// bytes on AVR and on Cortex-M alike, so the figures hold for both.
#ifndef TINYMLP_HOST_MEMORY_FIGURES_HPP
#define TINYMLP_HOST_MEMORY_FIGURES_HPP

#include <algorithm>
#include <cstddef>
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

}  // namespace tinymlp

#endif

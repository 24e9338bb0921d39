/// \file
/// What a model costs on a microcontroller as a tinymlp FlashModel, computed from a description the
/// way the compile-time model type computes it (the tests hold one against the other). float is 4
/// bytes on AVR and on Cortex-M alike, so the figures hold for both.
#ifndef TINYMLP_TOOLS_MEMORY_FIGURES_HPP
#define TINYMLP_TOOLS_MEMORY_FIGURES_HPP

#include <cstddef>

#include "model_description.hpp"

namespace tinymlp {
namespace tools {

/// A model's memory as a FlashModel, in bytes.
struct MemoryFigures {
  std::size_t parameters = 0;          ///< Weights and biases (a count, not bytes).
  std::size_t weight_flash_bytes = 0;  ///< 4 per parameter; the code comes on top.
  std::size_t activation_bytes = 0;    ///< Sequential::activation_bytes: stack during one predict.
  std::size_t input_output_bytes = 0;  ///< The caller's input and output arrays.
};

/// The figures for `model`.
MemoryFigures memory_figures(const ModelDescription& model);

}  // namespace tools
}  // namespace tinymlp

#endif

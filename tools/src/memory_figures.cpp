#include "tinymlp_tools/memory_figures.hpp"

#include <algorithm>
#include <vector>

namespace tinymlp {
namespace tools {

MemoryFigures memory_figures(const ModelDescription& model) {
  MemoryFigures figures;
  figures.parameters = model.parameter_count();
  figures.weight_flash_bytes = figures.parameters * sizeof(float);
  figures.input_output_bytes = (model.input_size + model.output_size()) * sizeof(float);
  // The plan of model/layer_chain.hpp: a layer that cannot work in place (a Dense) writes to the
  // model's output when only in-place layers follow it, else to the one of two buffers its
  // predecessor did not write; activations work in place.
  const std::vector<SequenceLayer> layers = layer_sequence(model);
  std::size_t buffer_width[2] = {0, 0};
  unsigned next_buffer = 0;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    if (layers[k].kind != LayerKind::dense) continue;
    const bool only_in_place_after =
        std::none_of(layers.begin() + static_cast<std::ptrdiff_t>(k) + 1, layers.end(),
                     [](const SequenceLayer& layer) { return layer.kind == LayerKind::dense; });
    if (!only_in_place_after) buffer_width[next_buffer] = std::max(buffer_width[next_buffer], layers[k].outputs);
    next_buffer = 1 - next_buffer;
  }
  figures.activation_bytes = (buffer_width[0] + buffer_width[1]) * sizeof(float);
  return figures;
}

}  // namespace tools
}  // namespace tinymlp

/// \file
/// The check that runs where two layers are joined. Its template arguments carry both sizes, so the
/// compiler's "in instantiation of" line shows the two numbers that disagree.
#ifndef TINYMLP_LAYERS_LAYER_SIZES_HPP
#define TINYMLP_LAYERS_LAYER_SIZES_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Fails to compile, naming both sizes, unless PreviousLayerOutputs == DenseLayerInputs.
template <size_t PreviousLayerOutputs, size_t DenseLayerInputs>
struct LayerSizesMustAgree {
  static_assert(PreviousLayerOutputs == DenseLayerInputs,
                "layer sizes disagree: Dense<In, Out> must have In equal to the previous layer's output size "
                "(the two numbers are the arguments of LayerSizesMustAgree<previous outputs, Dense inputs>)");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

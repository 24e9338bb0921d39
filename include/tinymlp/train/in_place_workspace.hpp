/// \file
/// The memory of a training step in place (train_in_place.hpp): one sample's layer outputs and two
/// delta buffers, and no gradient array. With the model and the optimizer it is all a sketch needs.
#ifndef TINYMLP_TRAIN_IN_PLACE_WORKSPACE_HPP
#define TINYMLP_TRAIN_IN_PLACE_WORKSPACE_HPP

#include "../detail/integers.hpp"

namespace tinymlp {

/// The scratch memory of train_step_in_place for a Model: every layer's output for the one sample
/// (backpropagation reads them), and the gradients flowing back, which need two buffers of the
/// widest layer: a Dense reads one while it writes the other. Make it a global or static on a board,
/// so that its bytes count as static RAM.
template <class Model>
struct InPlaceWorkspace {
  static constexpr size_t activation_floats = Model::Chain::training_activation_count;     ///< Layer outputs.
  static constexpr size_t delta_floats = Model::Chain::widest_output;                      ///< One delta buffer.
  static constexpr size_t bytes = (activation_floats + 2 * delta_floats) * sizeof(float);  ///< The whole object.

  float activations[activation_floats];     ///< Each layer's output, in order.
  float gradients_of_output[delta_floats];  ///< One delta buffer.
  float spare_deltas[delta_floats];         ///< The other.
};

/// Everything training in place keeps besides the stack, in bytes: the model's parameters, the
/// optimizer (its settings and per-parameter state: none for Sgd, a velocity per parameter for
/// SgdWithMomentum, two moments for Adam) and the workspace. The stack adds only call frames.
/// Check it against the board with fits_in_ram (model/fits_in_ram.hpp).
template <class Model, class Optimizer>
struct InPlaceTrainingMemory {
  static constexpr size_t parameter_bytes = Model::parameter_bytes;                     ///< The model.
  static constexpr size_t optimizer_bytes = sizeof(Optimizer);                          ///< The optimizer object.
  static constexpr size_t workspace_bytes = InPlaceWorkspace<Model>::bytes;             ///< The InPlaceWorkspace.
  static constexpr size_t bytes = parameter_bytes + optimizer_bytes + workspace_bytes;  ///< All three.
};

#if __cplusplus < 201703L
template <class Model>
constexpr size_t InPlaceWorkspace<Model>::activation_floats;
template <class Model>
constexpr size_t InPlaceWorkspace<Model>::delta_floats;
template <class Model>
constexpr size_t InPlaceWorkspace<Model>::bytes;
template <class Model, class Optimizer>
constexpr size_t InPlaceTrainingMemory<Model, Optimizer>::parameter_bytes;
template <class Model, class Optimizer>
constexpr size_t InPlaceTrainingMemory<Model, Optimizer>::optimizer_bytes;
template <class Model, class Optimizer>
constexpr size_t InPlaceTrainingMemory<Model, Optimizer>::workspace_bytes;
template <class Model, class Optimizer>
constexpr size_t InPlaceTrainingMemory<Model, Optimizer>::bytes;
#endif

}  // namespace tinymlp

#endif

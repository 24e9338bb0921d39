/// \file
/// One training step on one sample that updates the weights in place, for boards with little RAM:
/// forward keeping each layer's output, then backward layer by layer from the loss, where each Dense
/// first computes the gradient for the layer before it from its weights as they were and then moves
/// its weights and biases through the optimizer's per-parameter update. No gradient array and no
/// second copy of the parameters: training the 1-16-16-1 model with Sgd fits an Arduino Uno.
/// The result is that of compute_gradients and optimizer.step on a batch of one, within rounding.
/// Here too: the memory the step works in (InPlaceWorkspace) and all the memory it needs
/// (InPlaceTrainingMemory).
#ifndef TINYMLP_TRAIN_IN_PLACE_STEP_HPP
#define TINYMLP_TRAIN_IN_PLACE_STEP_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "../model/sequential_kernels.hpp"
#include "forward_and_loss_gradient.hpp"
#include "same_model.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// The scratch memory of train_step_in_place for a Model: every layer's output for the one sample
/// (backpropagation reads them), and the gradients flowing back, which need two buffers of the
/// widest layer: a Dense reads one while it writes the other. Make it a global or static on a board,
/// so that its bytes count as static RAM.
template <class Model>
struct InPlaceWorkspace {
  typedef Model model_type;  ///< The model whose step this memory serves.
  /// Layer outputs.
  static constexpr figure_t activation_floats = SequentialKernels<Model>::training_activation_count;
  static constexpr size_t delta_floats = SequentialKernels<Model>::widest_output;            ///< One delta buffer.
  static constexpr figure_t bytes = (activation_floats + 2 * delta_floats) * sizeof(float);  ///< The whole object.

  float activations[activation_floats];     ///< Each layer's output, in order.
  float gradients_of_output[delta_floats];  ///< One delta buffer.
  float spare_deltas[delta_floats];         ///< The other.
};

/// Everything training in place keeps besides the stack, in bytes: the model's parameters, the
/// optimizer (its settings and per-parameter state: none for Sgd, a velocity per parameter for
/// SgdWithMomentum, two moments for Adam; Optimizer::bytes, as TrainingMemory counts it) and the
/// workspace. The stack adds only call frames. Check it against the board with fits_in_ram
/// (model/fits_in_ram.hpp).
template <class Model, class Optimizer>
struct InPlaceTrainingMemory {
  static constexpr figure_t parameter_bytes = Model::parameter_bytes;                     ///< The model.
  static constexpr figure_t optimizer_bytes = Optimizer::bytes;                           ///< The optimizer object.
  static constexpr figure_t workspace_bytes = InPlaceWorkspace<Model>::bytes;             ///< The InPlaceWorkspace.
  static constexpr figure_t bytes = parameter_bytes + optimizer_bytes + workspace_bytes;  ///< All three.
};

#if __cplusplus < 201703L
template <class Model>
constexpr figure_t InPlaceWorkspace<Model>::activation_floats;
template <class Model>
constexpr size_t InPlaceWorkspace<Model>::delta_floats;
template <class Model>
constexpr figure_t InPlaceWorkspace<Model>::bytes;
template <class Model, class Optimizer>
constexpr figure_t InPlaceTrainingMemory<Model, Optimizer>::parameter_bytes;
template <class Model, class Optimizer>
constexpr figure_t InPlaceTrainingMemory<Model, Optimizer>::optimizer_bytes;
template <class Model, class Optimizer>
constexpr figure_t InPlaceTrainingMemory<Model, Optimizer>::workspace_bytes;
template <class Model, class Optimizer>
constexpr figure_t InPlaceTrainingMemory<Model, Optimizer>::bytes;
#endif

}  // namespace TINYMLP_CONFIGURATION

namespace detail {
inline namespace TINYMLP_CONFIGURATION {

// The in-place step of the backward walk (model/layer_chain.hpp): layers with parameters update
// them as they go; the others only pass the gradient back.
template <class Optimizer>
struct UpdateInPlace {
  float* parameters;
  Optimizer& optimizer;

  // Every layer passes the gradient back through its own derivative (the ReLU's too).
  template <class Layer>
  struct ReLUGradientWithLayer {
    static const bool value = false;
  };

  template <class Layer, size_t ParameterOffset, bool InputIsReLUOutput>
  typename enable_if<(Layer::parameter_count > 0)>::type layer(const float* x, const float*, const float* dy,
                                                               float* dx) {
    Layer::backward_and_update(parameters + ParameterOffset, x, dy, dx, optimizer, ParameterOffset, InputIsReLUOutput);
  }
  template <class Layer, size_t ParameterOffset, bool /*InputIsReLUOutput*/>
  typename enable_if<Layer::parameter_count == 0>::type layer(const float* x, const float* y, const float* dy,
                                                              float* dx) {
    Layer::backward(parameters + ParameterOffset, x, y, dy, dx, nullptr, 1, 1);
  }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

/// Trains `model` on the sample (x, t), each an array of the model's input or output size, and
/// returns the loss before the step. The optimizer may be any with begin_step() and
/// update(parameter, gradient, index), made for the Model: Sgd, SgdWithMomentum, Rmsprop, Adam. Uses
/// only `workspace` and call frames: no heap, no gradient array. An optimizer or workspace made for
/// another model fails to compile.
template <class Loss, class Model, class Optimizer, class WorkspaceModel>
float train_step_in_place(Model& model, Optimizer& optimizer, const float* x, const float* t,
                          InPlaceWorkspace<WorkspaceModel>& workspace) {
  static_assert(detail::optimizer_is_for<Model, Optimizer>(), "");
  static_assert(detail::workspace_is_for<Model, WorkspaceModel>(), "");
  const float loss = forward_and_loss_gradient<Loss, Model>(model.parameters, x, t, 1, workspace.activations,
                                                            workspace.gradients_of_output, 1);
  optimizer.begin_step();
  detail::UpdateInPlace<Optimizer> step = {model.parameters, optimizer};
  SequentialKernels<Model>::backward(step, x, workspace.activations, workspace.gradients_of_output,
                                     workspace.spare_deltas, 1);
  return loss;
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

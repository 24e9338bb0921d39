/// \file
/// One training step on one sample that updates the weights in place, for boards with little RAM:
/// forward keeping each layer's output, then backward layer by layer from the loss, where each Dense
/// first computes the gradient for the layer before it from its weights as they were and then moves
/// its weights and biases through the optimizer's per-parameter update. No gradient array and no
/// second copy of the parameters: training the 1-16-16-1 model with Sgd fits an Arduino Uno.
/// The result is that of compute_gradients and optimizer.step on a batch of one, within rounding.
#ifndef TINYMLP_TRAIN_TRAIN_IN_PLACE_HPP
#define TINYMLP_TRAIN_TRAIN_IN_PLACE_HPP

#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "forward_and_loss_gradient.hpp"
#include "in_place_workspace.hpp"

namespace tinymlp {
namespace detail {

// The in-place step of the backward walk (model/layer_chain.hpp): layers with parameters update
// them as they go; the others only pass the gradient back.
template <class Optimizer>
struct UpdateInPlace {
  float* parameters;
  Optimizer& optimizer;

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

}  // namespace detail

/// Trains `model` on the sample (x, t), each an array of the model's input or output size, and
/// returns the loss before the step. The optimizer may be any with begin_step() and
/// update(parameter, gradient, index): Sgd, SgdWithMomentum, Rmsprop, Adam. Uses only `workspace`
/// and call frames: no heap, no gradient array.
template <class Loss, class Model, class Optimizer>
float train_step_in_place(Model& model, Optimizer& optimizer, const float* x, const float* t,
                          InPlaceWorkspace<Model>& workspace) {
  const float loss = forward_and_loss_gradient<Loss, Model>(model.parameters, x, t, 1, workspace.activations,
                                                            workspace.gradients_of_output, 1);
  optimizer.begin_step();
  detail::UpdateInPlace<Optimizer> step = {model.parameters, optimizer};
  Model::Chain::backward(step, x, workspace.activations, workspace.gradients_of_output, workspace.spare_deltas, false,
                         1);
  return loss;
}

}  // namespace tinymlp

#endif

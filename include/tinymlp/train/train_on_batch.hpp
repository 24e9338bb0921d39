/// \file
/// One optimization step on one batch: forward, loss, backward, optimizer update.
#ifndef TINYMLP_TRAIN_TRAIN_ON_BATCH_HPP
#define TINYMLP_TRAIN_TRAIN_ON_BATCH_HPP

#include "../detail/integers.hpp"
#include "forward_and_loss_gradient.hpp"
#include "training_buffers.hpp"

namespace tinymlp {

/// Computes the gradient of the batch-mean loss into buffers.gradients (summing over samples).
/// x and t hold `samples` samples (at most buffers.stride), feature-major with buffers.stride between
/// features. Returns the batch-mean loss; the model's outputs stay readable at
/// Model::output_of(buffers.activations, stride).
template <class Loss, class Model>
float compute_gradients(const Model& model, const float* x, const float* t, size_t samples,
                        const TrainingBuffers& buffers) {
  for (size_t k = 0; k < Model::parameter_count; ++k) buffers.gradients[k] = 0.0f;
  const float loss = forward_and_loss_gradient<Loss, Model>(model.parameters, x, t, samples, buffers.activations,
                                                            buffers.gradients_of_output, buffers.stride);
  Model::backward_batch(model.parameters, x, buffers.activations, buffers.gradients_of_output, buffers.spare_deltas,
                        buffers.gradients, samples, buffers.stride);
  return loss;
}

/// One optimization step on a batch: compute_gradients, then optimizer.step. Returns the batch-mean
/// loss before the step.
template <class Loss, class Model, class Optimizer>
float train_on_batch(Model& model, Optimizer& optimizer, const float* x, const float* t, size_t samples,
                     const TrainingBuffers& buffers) {
  const float loss = compute_gradients<Loss>(model, x, t, samples, buffers);
  optimizer.step(model.parameters, buffers.gradients);
  return loss;
}

}  // namespace tinymlp

#endif

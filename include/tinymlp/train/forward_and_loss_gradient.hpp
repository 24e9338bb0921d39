/// \file
/// The first half of every training step, batch or in place: forward through the model keeping each
/// layer's output, then the loss and its gradient with respect to the model's output.
#ifndef TINYMLP_TRAIN_FORWARD_AND_LOSS_GRADIENT_HPP
#define TINYMLP_TRAIN_FORWARD_AND_LOSS_GRADIENT_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../model/sequential_kernels.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Forward and loss for `samples` samples: x and t are feature-major with `stride` between features;
/// `activations` receives every layer's output (SequentialKernels<Model>::training_activation_count * stride
/// floats) and `gradients_of_output` dLoss/dOutput. Returns the batch-mean loss.
template <class Loss, class Model>
float forward_and_loss_gradient(const float* parameters, const float* x, const float* t, size_t samples,
                                float* activations, float* gradients_of_output, size_t stride) {
  SequentialKernels<Model>::forward_batch(parameters, x, activations, samples, stride);
  const float* y = SequentialKernels<Model>::output_of(activations, stride);
  const float loss = Loss::template total<Model::output_size>(y, t, samples, stride) / static_cast<float>(samples);
  Loss::template gradient<Model::output_size>(y, t, gradients_of_output, samples, stride);
  return loss;
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

/// \file
/// One optimization step on one batch (forward, loss, backward, optimizer update) as
/// compute_gradients then the optimizer's step, the memory the step works in (TrainingBuffers, owned by
/// a TrainingWorkspace on a device or by the host's vectors), and all the memory it needs
/// (TrainingMemory). Batches are feature-major: feature f of sample s at [f * stride + s].
#ifndef TINYMLP_TRAIN_BATCH_STEP_HPP
#define TINYMLP_TRAIN_BATCH_STEP_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/sizes_at_run_time.hpp"
#include "../model/sequential_kernels.hpp"
#include "forward_and_loss_gradient.hpp"
#include "same_model.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Views of a step's scratch memory for a Model, for batches of up to `stride` samples. The memory is
/// the caller's (a TrainingWorkspace, or the host's vectors).
template <class Model>
struct TrainingBuffers {
  typedef Model model_type;    ///< The model whose step this memory serves.
  float* activations;          ///< SequentialKernels<Model>::training_activation_count * stride floats.
  float* gradients_of_output;  ///< SequentialKernels<Model>::widest_output * stride floats.
  float* spare_deltas;         ///< SequentialKernels<Model>::widest_output * stride floats.
  float* gradients;            ///< Model::parameter_count floats.
  size_t stride;               ///< The most samples a batch may have; distance between features.
};

/// Fixed-size training memory for batches of up to Batch samples, with its size as a constant.
template <class Model, size_t Batch = 1>
struct TrainingWorkspace {
  static_assert(Batch > 0, "a training batch holds at least one sample");
  typedef Model model_type;  ///< The model whose step this memory serves.
  /// Every layer's outputs for Batch samples.
  static constexpr figure_t activation_floats = SequentialKernels<Model>::training_activation_count * Batch;
  /// One delta buffer.
  static constexpr figure_t delta_floats = static_cast<figure_t>(SequentialKernels<Model>::widest_output) * Batch;
  /// The whole object: both of the above, the second delta buffer and the gradients.
  static constexpr figure_t bytes = (activation_floats + 2 * delta_floats + Model::parameter_count) * sizeof(float);

  float activations[activation_floats];     ///< See TrainingBuffers.
  float gradients_of_output[delta_floats];  ///< See TrainingBuffers.
  float spare_deltas[delta_floats];         ///< See TrainingBuffers.
  float gradients[Model::parameter_count];  ///< See TrainingBuffers.

  /// Views of this memory for compute_gradients and train_on_batch.
  TrainingBuffers<Model> buffers() {
    TrainingBuffers<Model> views = {activations, gradients_of_output, spare_deltas, gradients, Batch};
    return views;
  }
};

/// Everything batch training keeps besides the stack: the model's parameters, the optimizer
/// (Optimizer::bytes, as InPlaceTrainingMemory counts it) and the workspace. A sketch can static_assert
/// that this fits its board's RAM.
template <class Model, class Optimizer, size_t Batch = 1>
struct TrainingMemory {
  /// The sum, in bytes.
  static constexpr figure_t bytes = Model::parameter_bytes + Optimizer::bytes + TrainingWorkspace<Model, Batch>::bytes;
};

#if __cplusplus < 201703L
template <class Model, size_t Batch>
constexpr figure_t TrainingWorkspace<Model, Batch>::activation_floats;
template <class Model, size_t Batch>
constexpr figure_t TrainingWorkspace<Model, Batch>::delta_floats;
template <class Model, size_t Batch>
constexpr figure_t TrainingWorkspace<Model, Batch>::bytes;
template <class Model, class Optimizer, size_t Batch>
constexpr figure_t TrainingMemory<Model, Optimizer, Batch>::bytes;
#endif

/// Computes the gradient of the batch-mean loss into buffers.gradients (summing over samples).
/// x and t hold `samples` samples (at most buffers.stride), feature-major with buffers.stride between
/// features. Returns the batch-mean loss; the model's outputs stay readable at
/// SequentialKernels<Model>::output_of(buffers.activations, stride). Buffers made for another model
/// fail to compile.
template <class Loss, class Model, class BuffersModel>
TINYMLP_DETAIL_SIZES_AT_RUN_TIME float compute_gradients(const Model& model, const float* x, const float* t,
                                                         size_t samples, const TrainingBuffers<BuffersModel>& buffers) {
  static_assert(detail::workspace_is_for<Model, BuffersModel>(), "");
  for (size_t k = 0; k < Model::parameter_count; ++k) buffers.gradients[k] = 0.0f;
  const float loss = forward_and_loss_gradient<Loss, Model>(model.parameters, x, t, samples, buffers.activations,
                                                            buffers.gradients_of_output, buffers.stride);
  SequentialKernels<Model>::backward_batch(model.parameters, x, buffers.activations, buffers.gradients_of_output,
                                           buffers.spare_deltas, buffers.gradients, samples, buffers.stride);
  return loss;
}

/// One optimization step on a batch: compute_gradients, then optimizer.step. Returns the batch-mean
/// loss before the step. An optimizer or buffers made for another model fail to compile.
template <class Loss, class Model, class Optimizer, class BuffersModel>
float train_on_batch(Model& model, Optimizer& optimizer, const float* x, const float* t, size_t samples,
                     const TrainingBuffers<BuffersModel>& buffers) {
  static_assert(detail::optimizer_is_for<Model, Optimizer>(), "");
  const float loss = compute_gradients<Loss>(model, x, t, samples, buffers);
  optimizer.step(model.parameters, buffers.gradients);
  return loss;
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

/// \file
/// The memory one training step works in, and a fixed-size owner of it for devices.
#ifndef TINYMLP_TRAIN_TRAINING_BUFFERS_HPP
#define TINYMLP_TRAIN_TRAINING_BUFFERS_HPP

#include "../detail/integers.hpp"

namespace tinymlp {

/// Views of a step's scratch memory, for batches of up to `stride` samples, feature-major. The
/// memory is the caller's (a TrainingWorkspace, or the host's vectors).
struct TrainingBuffers {
  float* activations;          ///< Model::Chain::training_activation_count * stride floats.
  float* gradients_of_output;  ///< Model::Chain::widest_output * stride floats.
  float* spare_deltas;         ///< Model::Chain::widest_output * stride floats.
  float* gradients;            ///< Model::parameter_count floats.
  size_t stride;               ///< The most samples a batch may have; distance between features.
};

/// Fixed-size training memory for batches of up to Batch samples, with its size as a constant.
template <class Model, size_t Batch = 1>
struct TrainingWorkspace {
  static_assert(Batch > 0, "a training batch holds at least one sample");
  /// Every layer's outputs for Batch samples.
  static constexpr size_t activation_floats = Model::Chain::training_activation_count * Batch;
  static constexpr size_t delta_floats = Model::Chain::widest_output * Batch;  ///< One delta buffer.
  /// The whole object: both of the above, the second delta buffer and the gradients.
  static constexpr size_t bytes = (activation_floats + 2 * delta_floats + Model::parameter_count) * sizeof(float);

  float activations[activation_floats];     ///< See TrainingBuffers.
  float gradients_of_output[delta_floats];  ///< See TrainingBuffers.
  float spare_deltas[delta_floats];         ///< See TrainingBuffers.
  float gradients[Model::parameter_count];  ///< See TrainingBuffers.

  /// Views of this memory for compute_gradients and train_on_batch.
  TrainingBuffers buffers() {
    TrainingBuffers views = {activations, gradients_of_output, spare_deltas, gradients, Batch};
    return views;
  }
};

/// Everything batch training keeps besides the stack: the model's parameters, the optimizer's state
/// and the workspace. A sketch can static_assert that this fits its board's RAM.
template <class Model, class Optimizer, size_t Batch = 1>
struct TrainingMemory {
  /// The sum, in bytes.
  static constexpr size_t bytes =
      Model::parameter_bytes + Optimizer::state_bytes + TrainingWorkspace<Model, Batch>::bytes;
};

#if __cplusplus < 201703L
template <class Model, size_t Batch>
constexpr size_t TrainingWorkspace<Model, Batch>::activation_floats;
template <class Model, size_t Batch>
constexpr size_t TrainingWorkspace<Model, Batch>::delta_floats;
template <class Model, size_t Batch>
constexpr size_t TrainingWorkspace<Model, Batch>::bytes;
template <class Model, class Optimizer, size_t Batch>
constexpr size_t TrainingMemory<Model, Optimizer, Batch>::bytes;
#endif

}  // namespace tinymlp

#endif

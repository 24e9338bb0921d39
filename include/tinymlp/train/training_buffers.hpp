// The memory one training step works in, and a fixed-size owner of it for devices.
#ifndef TINYMLP_TRAIN_TRAINING_BUFFERS_HPP
#define TINYMLP_TRAIN_TRAINING_BUFFERS_HPP

#include "../detail/integers.hpp"

namespace tinymlp {

// Views of a step's scratch memory, for batches of up to `stride` samples, feature-major:
//   activations          Model::Chain::training_activation_count * stride
//   gradients_of_output  Model::Chain::widest_output * stride
//   spare_deltas         Model::Chain::widest_output * stride
//   gradients            Model::parameter_count
struct TrainingBuffers {
  float* activations;
  float* gradients_of_output;
  float* spare_deltas;
  float* gradients;
  size_t stride;
};

// Fixed-size training memory for batches of up to Batch samples, with its size as a constant.
template <class Model, size_t Batch = 1>
struct TrainingWorkspace {
  static_assert(Batch > 0, "a training batch holds at least one sample");
  static constexpr size_t activation_floats = Model::Chain::training_activation_count * Batch;
  static constexpr size_t delta_floats = Model::Chain::widest_output * Batch;
  static constexpr size_t bytes = (activation_floats + 2 * delta_floats + Model::parameter_count) * sizeof(float);

  float activations[activation_floats];
  float gradients_of_output[delta_floats];
  float spare_deltas[delta_floats];
  float gradients[Model::parameter_count];

  TrainingBuffers buffers() {
    TrainingBuffers views = {activations, gradients_of_output, spare_deltas, gradients, Batch};
    return views;
  }
};

// Everything training keeps besides the stack: the model's parameters, the optimizer's state and
// the workspace. A sketch can static_assert that this fits its board's RAM.
template <class Model, class Optimizer, size_t Batch = 1>
struct TrainingMemory {
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

/// \file
/// Batch inference over a dataset: evaluate() for the loss and mean absolute error, predict() for
/// the outputs. Samples go through the batch kernels in chunks, which vectorize across samples.
#ifndef TINYMLP_HOST_EVALUATE_HPP
#define TINYMLP_HOST_EVALUATE_HPP

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../train/mean_absolute_error.hpp"
#include "batches.hpp"
#include "dataset.hpp"

namespace tinymlp {

/// What evaluate measures: means over the samples.
struct Evaluation {
  float loss = 0;  ///< The loss.
  float mae = 0;   ///< The mean absolute error.
};

namespace detail {

// Runs the model over `count` sample-major inputs in chunks; calls on_chunk(first, chunk_count,
// outputs) with the chunk's feature-major outputs (stride = chunk_capacity).
template <class Model, class OnChunk>
void run_in_chunks(const Model& model, const float* inputs, std::size_t count, OnChunk on_chunk) {
  const std::size_t chunk_capacity = 256;
  std::vector<float> x(Model::input_size * chunk_capacity);
  std::vector<float> activations(Model::Chain::training_activation_count * chunk_capacity);
  for (std::size_t first = 0; first < count; first += chunk_capacity) {
    const std::size_t chunk = std::min(chunk_capacity, count - first);
    gather_feature_major(
        inputs, Model::input_size, [first](std::size_t b) { return first + b; }, chunk, x.data(), chunk_capacity);
    Model::forward_batch(model.parameters, x.data(), activations.data(), chunk, chunk_capacity);
    on_chunk(first, chunk, Model::output_of(activations.data(), chunk_capacity), chunk_capacity);
  }
}

}  // namespace detail

/// The mean Loss and mean absolute error of `model` over `data` (DataError unless its widths fit).
template <class Loss, class Model>
Evaluation evaluate(const Model& model, const Dataset& data) {
  check_fits_model<Model>(data, "evaluation");
  std::vector<float> t(Model::output_size * 256);
  double loss = 0, mae = 0;
  detail::run_in_chunks(model, data.inputs.data(), data.size(),
                        [&](std::size_t first, std::size_t chunk, const float* y, std::size_t stride) {
                          detail::gather_feature_major(
                              data.outputs.data(), Model::output_size, [first](std::size_t b) { return first + b; },
                              chunk, t.data(), stride);
                          loss += Loss::template total<Model::output_size>(y, t.data(), chunk, stride);
                          mae += MeanAbsoluteError::template total<Model::output_size>(y, t.data(), chunk, stride);
                        });
  const double count = static_cast<double>(std::max<std::size_t>(data.size(), 1));
  return Evaluation{static_cast<float>(loss / count), static_cast<float>(mae / count)};
}

/// Outputs for `count` samples given sample-major, returned sample-major.
template <class Model>
std::vector<float> predict(const Model& model, const float* inputs, std::size_t count) {
  std::vector<float> outputs(count * Model::output_size);
  detail::run_in_chunks(
      model, inputs, count, [&](std::size_t first, std::size_t chunk, const float* y, std::size_t stride) {
        detail::scatter_sample_major(y, stride, Model::output_size, chunk, outputs.data() + first * Model::output_size);
      });
  return outputs;
}

/// Outputs for the whole samples in `inputs` (sample-major); DataError if its size is not a
/// multiple of the input width.
template <class Model>
std::vector<float> predict(const Model& model, const std::vector<float>& inputs) {
  if (inputs.size() % Model::input_size != 0)
    throw DataError("predict: " + std::to_string(inputs.size()) + " values are not a whole number of samples of " +
                    std::to_string(Model::input_size) + " inputs");
  return predict(model, inputs.data(), inputs.size() / Model::input_size);
}

}  // namespace tinymlp

#endif

// Gradient checks of whole models: the parameter gradients from compute_gradients (forward_batch,
// the loss's gradient, backward_batch) against central differences of the loss it returns.
#ifndef TINYMLP_TESTS_SUPPORT_MODEL_GRADIENT_CHECK_HPP
#define TINYMLP_TESTS_SUPPORT_MODEL_GRADIENT_CHECK_HPP

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "batch.hpp"
#include "gradient_check.hpp"
#include "tinymlp/train/batch_step.hpp"

namespace tinymlp_tests {

// A loss linear in the outputs, sum_f t_f y_f per sample, whose gradient is t / samples: a
// gradient check through it tests the layers alone.
struct LinearProbe {
  template <std::size_t Width>
  static float total(const float* y, const float* t, std::size_t samples, std::size_t stride) {
    float sum = 0.0f;
    for (std::size_t f = 0; f < Width; ++f)
      for (std::size_t s = 0; s < samples; ++s) sum += t[f * stride + s] * y[f * stride + s];
    return sum;
  }
  template <std::size_t Width>
  static void gradient(const float* /*y*/, const float* t, float* dy, std::size_t samples, std::size_t stride) {
    for (std::size_t f = 0; f < Width; ++f)
      for (std::size_t s = 0; s < samples; ++s) dy[f * stride + s] = t[f * stride + s] / static_cast<float>(samples);
  }
};

// A training step's scratch memory for batches of up to `stride` samples, filled with NaN so that a
// kernel reading what it did not write shows up in the gradients.
template <class Model>
class TrainingScratch {
 public:
  explicit TrainingScratch(std::size_t stride)
      : stride_(stride),
        activations_(nan_filled(tinymlp::SequentialKernels<Model>::training_activation_count * stride)),
        deltas_(nan_filled(2 * tinymlp::SequentialKernels<Model>::widest_output * stride)),
        gradients_(nan_filled(Model::parameter_count)) {}

  tinymlp::TrainingBuffers<Model> buffers() {
    const tinymlp::TrainingBuffers<Model> views = {
        activations_.data(), deltas_.data(),
        deltas_.data() + tinymlp::SequentialKernels<Model>::widest_output * stride_, gradients_.data(), stride_};
    return views;
  }
  const std::vector<float>& gradients() const { return gradients_; }

  // Which stored layer outputs of the first `samples` samples are positive: where the ReLUs are on.
  std::vector<bool> positive_activations(std::size_t samples) const {
    std::vector<bool> positive;
    for (std::size_t row = 0; row < tinymlp::SequentialKernels<Model>::training_activation_count; ++row)
      for (std::size_t s = 0; s < samples; ++s) positive.push_back(activations_[row * stride_ + s] > 0.0f);
    return positive;
  }

 private:
  std::size_t stride_;
  std::vector<float> activations_, deltas_, gradients_;
};

// Checks every parameter gradient of `model` for the batch (x, t) under Loss. Perturbations that
// switch a ReLU are skipped, but at most a tenth of the parameters may be.
template <class Loss, class Model>
DerivativeCheck check_parameter_gradients(Model& model, const Batch& x, const Batch& t,
                                          const DerivativeTolerance& tolerance = DerivativeTolerance()) {
  REQUIRE(x.width() == Model::input_size);
  REQUIRE(t.width() == Model::output_size);
  REQUIRE(x.stride() == t.stride());
  const std::size_t samples = x.samples();
  TrainingScratch<Model> scratch(x.stride());
  tinymlp::compute_gradients<Loss>(model, x.data(), t.data(), samples, scratch.buffers());
  const std::vector<float> analytic = scratch.gradients();
  for (std::size_t k = 0; k < analytic.size(); ++k) {
    INFO("parameter ", k);
    REQUIRE(std::isfinite(analytic[k]));
  }

  const auto evaluate = [&] {
    const float loss = tinymlp::compute_gradients<Loss>(model, x.data(), t.data(), samples, scratch.buffers());
    return Evaluation{loss, scratch.positive_activations(samples)};
  };
  const DerivativeCheck result =
      check_derivatives(model.parameters, analytic.data(), Model::parameter_count, evaluate, tolerance);
  CHECK(result.skipped * 10 <= Model::parameter_count);
  CHECK(result.largest_analytic > 1e-3);  // a check of gradients that are all zero proves nothing
  return result;
}

// A model initialized from `random` (Glorot), then every parameter nudged so that biases are not all zero.
template <class Model>
Model nudged_model(tinymlp::Random& random) {
  Model model;
  model.initialize(random);
  for (float& parameter : model.parameters) parameter += random.uniform(-0.1f, 0.1f);
  return model;
}

// Runs check_parameter_gradients on every batch shape, each time with a model nudged_model makes from
// `seed` and a batch that fill_batch(x, t, random) writes.
template <class Loss, class Model, class FillBatch>
void check_parameter_gradients_on_every_batch_shape(std::uint32_t seed, FillBatch fill_batch) {
  for (const BatchShape& shape : batch_shapes) {
    CAPTURE(shape.samples);
    CAPTURE(shape.stride);
    tinymlp::Random random(seed);
    Model model = nudged_model<Model>(random);
    Batch x(Model::input_size, shape.samples, shape.stride);
    Batch t(Model::output_size, shape.samples, shape.stride);
    fill_batch(x, t, random);
    check_parameter_gradients<Loss>(model, x, t);
  }
}

}  // namespace tinymlp_tests

#endif

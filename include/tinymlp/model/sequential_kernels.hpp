/// \file
/// SequentialKernels<Model>: what the training steps, FlashModel and the host's batch loops call on a
/// Sequential, apart from what its users call (model/sequential.hpp). Batches are feature-major:
/// feature f of sample s at [f * stride + s].
#ifndef TINYMLP_MODEL_SEQUENTIAL_KERNELS_HPP
#define TINYMLP_MODEL_SEQUENTIAL_KERNELS_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../flash.hpp"
#include "layer_chain.hpp"
#include "sequential.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {
// The batch step of the backward walk: each layer adds its parameters' gradients to `gradients`. On a
// host, a Dense after a ReLU writes its input gradient through the ReLU in the same pass, and the
// walk skips the ReLU.
struct AccumulateGradients {
  const float* parameters;
  float* gradients;
  size_t samples, stride;

  // Whether Layer, after a ReLU, passes the gradient back through it too.
  template <class Layer>
  struct ReLUGradientWithLayer {
    static const bool value = false;
  };
  template <size_t In, size_t Out>
  struct ReLUGradientWithLayer<Dense<In, Out>> {
    static const bool value = batch_block > 1;
  };

  // Whether Layer's turn also takes the gradient back through the ReLU before it.
  template <class Layer, bool InputIsReLUOutput>
  struct ThroughReLU {
    static const bool value = InputIsReLUOutput && ReLUGradientWithLayer<Layer>::value;
  };

  template <class Layer, size_t ParameterOffset, bool InputIsReLUOutput>
  typename enable_if<!ThroughReLU<Layer, InputIsReLUOutput>::value>::type layer(const float* x, const float* y,
                                                                                const float* dy, float* dx) {
    Layer::backward(parameters + ParameterOffset, x, y, dy, dx, gradients + ParameterOffset, samples, stride);
  }
  template <class Layer, size_t ParameterOffset, bool InputIsReLUOutput>
  typename enable_if<ThroughReLU<Layer, InputIsReLUOutput>::value>::type layer(const float* x, const float*,
                                                                               const float* dy, float* dx) {
    Layer::backward_through_relu(parameters + ParameterOffset, x, dy, dx, gradients + ParameterOffset, samples, stride);
  }
};
}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

/// The kernels of a model type (a Sequential).
template <class Model>
struct SequentialKernels;

/// The kernels of Sequential<FirstLayer, Layers...>.
template <class FirstLayer, class... Layers>
struct SequentialKernels<Sequential<FirstLayer, Layers...>> {
 private:
  typedef typename detail::SequentialChain<FirstLayer, Layers...>::type Chain;

 public:
  typedef Sequential<FirstLayer, Layers...> model_type;  ///< The model whose kernels these are.
  typedef FirstLayer first_layer;                        ///< The Dense that fixes the input size.
  /// The compile-time walk over the bound layers, for host code that lists them (summary): each link's
  /// Bound is its layer and Next the links after it.
  typedef Chain layer_chain;
  /// Floats of every layer's output for one sample, which training keeps for backpropagation.
  static constexpr figure_t training_activation_count = Chain::training_activation_count;
  /// Floats of the widest layer output: one buffer of gradients flowing back, per sample.
  static constexpr size_t widest_output = Chain::widest_output;

  /// Inference with the parameters wherever Reader reads them from (RAM, or flash on AVR).
  template <class Reader>
  static void predict_from(const float* parameters, const float* x, float* y) {
    detail::infer_through<Chain, Reader>(parameters, x, y);
  }

  /// Fills `activations` (training_activation_count * stride floats) with every layer's output for
  /// `samples` samples; the model's output is the last output_size rows, see output_of.
  static void forward_batch(const float* parameters, const float* x, float* activations, size_t samples,
                            size_t stride) {
    Chain::template forward_batch<RamReader>(parameters, x, activations, samples, stride);
  }
  /// forward_batch's outputs of the model (at output_of) for inference: the layers' outputs that only
  /// backpropagation reads may be left unwritten.
  static void infer_batch(const float* parameters, const float* x, float* activations, size_t samples, size_t stride) {
    Chain::template infer_batch<RamReader>(parameters, x, activations, samples, stride);
  }
  /// Where the model's output starts in forward_batch's `activations`.
  static const float* output_of(const float* activations, size_t stride) {
    return activations + (training_activation_count - model_type::output_size) * stride;
  }
  /// Where the model's output starts in forward_batch's `activations`.
  static float* output_of(float* activations, size_t stride) {
    return activations + (training_activation_count - model_type::output_size) * stride;
  }

  /// Adds the batch's parameter gradients to `gradients`. `gradients_of_output` (widest_output * stride
  /// floats) holds dLoss/dOutput on entry; it and `spare_deltas` (the same size) are overwritten as the
  /// gradient flows back.
  static void backward_batch(const float* parameters, const float* x, const float* activations,
                             float* gradients_of_output, float* spare_deltas,
                             float* gradients,  // NOLINT(readability-non-const-parameter): step writes them
                             size_t samples, size_t stride) {
    detail::AccumulateGradients step = {parameters, gradients, samples, stride};
    Chain::backward(step, x, activations, gradients_of_output, spare_deltas, false, stride);
  }

  /// The backward walk with any step: from the last layer to the first, each layer's turn is
  /// step.template layer<Layer, ParameterOffset, InputIsReLUOutput>(input, output, dy, dx) (see
  /// model/layer_chain.hpp).
  template <class Step>
  static void backward(Step& step, const float* x, const float* activations, float* gradients_of_output,
                       float* spare_deltas, size_t stride) {
    Chain::backward(step, x, activations, gradients_of_output, spare_deltas, false, stride);
  }
};

#if __cplusplus < 201703L
template <class F, class... L>
constexpr figure_t SequentialKernels<Sequential<F, L...>>::training_activation_count;
template <class F, class... L>
constexpr size_t SequentialKernels<Sequential<F, L...>>::widest_output;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

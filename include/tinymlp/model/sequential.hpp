/// \file
/// Sequential<Layers...>: layers applied one after another, for example
/// \code
///   Sequential<Dense<1, 16>, ReLU, Dense<16, 16>, ReLU, Dense<16, 1>>
/// \endcode
/// Every size and memory figure is a compile-time constant of the type. An object holds the
/// parameters (in RAM) and nothing else; inference needs no heap, only `activation_bytes` of stack.
#ifndef TINYMLP_MODEL_SEQUENTIAL_HPP
#define TINYMLP_MODEL_SEQUENTIAL_HPP

#include "../detail/flash.hpp"
#include "../detail/integers.hpp"
#include "../detail/random.hpp"
#include "../detail/traits.hpp"
#include "../layers/dense.hpp"
#include "layer_chain.hpp"

namespace tinymlp {

namespace detail {
// The batch step of the backward walk: each layer adds its parameters' gradients to `gradients`.
struct AccumulateGradients {
  const float* parameters;
  float* gradients;
  size_t samples, stride;

  template <class Layer, size_t ParameterOffset, bool /*InputIsReLUOutput*/>
  void layer(const float* x, const float* y, const float* dy, float* dx) {
    Layer::backward(parameters + ParameterOffset, x, y, dy, dx, gradients + ParameterOffset, samples, stride);
  }
};

template <class Layer>
struct fixes_input_size {
  static constexpr bool value = false;
};
template <size_t In, size_t Out>
struct fixes_input_size<Dense<In, Out>> {
  static constexpr bool value = true;
};
}  // namespace detail

/// A model: its layers applied one after another, FirstLayer a Dense that fixes the input size. An
/// object is the parameter array (parameter_bytes of RAM) and nothing else; inference needs no heap,
/// only activation_bytes of stack.
template <class FirstLayer, class... Layers>
struct Sequential {
  static_assert(detail::fixes_input_size<FirstLayer>::value,
                "the first layer of a Sequential must be a Dense<In, Out>: it fixes the model's input size");

  /// The compile-time walk over the layers: where each layer's parameters and outputs go, the
  /// widest output (the training code sizes its buffers from it).
  typedef detail::LayerChain<FirstLayer::input_size, 0, 0, 0, FirstLayer, Layers...> Chain;

  static constexpr size_t input_size = FirstLayer::input_size;                ///< Values per sample in.
  static constexpr size_t output_size = Chain::output_size;                   ///< Values per sample out.
  static constexpr size_t parameter_count = Chain::parameter_count;           ///< Weights and biases (floats).
  static constexpr size_t parameter_bytes = parameter_count * sizeof(float);  ///< Flash or RAM they take.
  /// Floats in the two inference buffers; the input and output arrays are the caller's.
  static constexpr size_t activation_floats = Chain::buffer0_width + Chain::buffer1_width;
  /// Stack for the buffers of one inference (call frames come on top).
  static constexpr size_t activation_bytes = activation_floats * sizeof(float);
  /// Training keeps every layer's output for one sample, plus two buffers of gradients flowing back.
  static constexpr size_t training_floats_per_sample = Chain::training_activation_count + 2 * Chain::widest_output;

  /// Each layer's parameters in order; a Dense's are its kernel (Out rows of In weights) then its biases.
  float parameters[parameter_count];

  /// Glorot-uniform kernels and zero biases, from a seeded generator: the same seed gives the same model.
  void initialize(Random& random) { Chain::initialize(parameters, random); }
  /// The same from a new generator seeded with `seed`.
  void initialize(uint32_t seed) {
    Random random(seed);
    initialize(random);
  }

  /// Writes output_size outputs to `y` from input_size inputs at `x`.
  void predict(const float* x, float* y) const { predict_from<RamReader>(parameters, x, y); }

  /// The one output for the one input `x` (compiles only for such models).
  float predict(float x) const {
    static_assert(input_size == 1 && output_size == 1,
                  "predict(float) is for models with one input and one output; call predict(x, y) with arrays");
    float y;
    predict(&x, &y);
    return y;
  }

  /// Inference with the parameters wherever Reader reads them from (RAM, or flash on AVR).
  template <class Reader>
  static void predict_from(const float* parameters, const float* x, float* y) {
    float buffer0[detail::larger_of(Chain::buffer0_width, 1)];
    float buffer1[detail::larger_of(Chain::buffer1_width, 1)];
    float* const buffers[2] = {buffer0, buffer1};
    Chain::template infer<Reader>(parameters, x, nullptr, y, buffers);
  }

  /// Batch kernel, feature-major (feature f of sample s at [f * stride + s]): fills `activations`
  /// (Chain::training_activation_count * stride floats) with every layer's output; the model's output
  /// is the last output_size rows, see output_of.
  static void forward_batch(const float* parameters, const float* x, float* activations, size_t samples,
                            size_t stride) {
    Chain::template forward_batch<RamReader>(parameters, x, activations, samples, stride);
  }
  /// Where the model's output starts in forward_batch's `activations`.
  static const float* output_of(const float* activations, size_t stride) {
    return activations + (Chain::training_activation_count - output_size) * stride;
  }
  /// Where the model's output starts in forward_batch's `activations`.
  static float* output_of(float* activations, size_t stride) {
    return activations + (Chain::training_activation_count - output_size) * stride;
  }

  /// Adds the batch's parameter gradients to `gradients`. `gradients_of_output` (Chain::widest_output *
  /// stride floats) holds dLoss/dOutput on entry; it and `spare_deltas` (the same size) are
  /// overwritten as the gradient flows back.
  static void backward_batch(const float* parameters, const float* x, const float* activations,
                             float* gradients_of_output, float* spare_deltas,
                             float* gradients,  // NOLINT(readability-non-const-parameter): step writes them
                             size_t samples, size_t stride) {
    detail::AccumulateGradients step = {parameters, gradients, samples, stride};
    Chain::backward(step, x, activations, gradients_of_output, spare_deltas, false, stride);
  }
};

#if __cplusplus < 201703L
template <class F, class... L>
constexpr size_t Sequential<F, L...>::input_size;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::output_size;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::parameter_count;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::parameter_bytes;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::activation_floats;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::activation_bytes;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::training_floats_per_sample;
#endif

}  // namespace tinymlp

#endif

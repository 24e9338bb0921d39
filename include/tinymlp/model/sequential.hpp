/// \file
/// Sequential<Layers...>: layers applied one after another, for example
/// \code
///   Sequential<Dense<1, 16>, ReLU, Dense<16, 16>, ReLU, Dense<16, 1>>
/// \endcode
/// Every size and memory figure is a compile-time constant of the type. An object holds the
/// parameters (in RAM) and nothing else; inference needs no heap, only `activation_bytes` of stack.
/// This is what a user calls; what the training steps and the host's batch loops call on a model is
/// SequentialKernels (sequential_kernels.hpp).
#ifndef TINYMLP_MODEL_SEQUENTIAL_HPP
#define TINYMLP_MODEL_SEQUENTIAL_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "../flash.hpp"
#include "../layers/dense.hpp"
#include "../layers/normalization.hpp"
#include "../random.hpp"
#include "layer_chain.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {
template <class Layer>
struct fixes_input_size {
  static constexpr bool value = false;
};
template <size_t In, size_t Out>
struct fixes_input_size<Dense<In, Out>> {
  static constexpr bool value = true;
};
template <size_t In, size_t Out>
struct fixes_input_size<Normalization<In, Out>> {
  static constexpr bool value = true;
};

// The compile-time walk over a Sequential's layers (model/layer_chain.hpp).
template <class FirstLayer, class... Layers>
struct SequentialChain {
  typedef LayerChain<FirstLayer::input_size, 0, 0, 0, FirstLayer, Layers...> type;
};
}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

/// Fails to compile, naming the model's parameter bytes and the most one array can hold on this target
/// (32,767 on AVR, whose size_t has 16 bits), unless the one fits the other.
template <figure_t ParameterBytes, figure_t LargestArrayBytes>
struct ParametersMustFitOneArray {
  static_assert(ParameterBytes <= LargestArrayBytes,
                "the model's parameters do not fit one array on this target (the two numbers are the arguments "
                "of ParametersMustFitOneArray<parameter bytes, largest array bytes>): use fewer or narrower "
                "layers on this board");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

/// A model: its layers applied one after another, FirstLayer a Dense (or Normalization) that fixes the input size. An
/// object is the parameter array (parameter_bytes of RAM) and nothing else; inference needs no heap,
/// only activation_bytes of stack.
template <class FirstLayer, class... Layers>
struct Sequential {
  static_assert(detail::fixes_input_size<FirstLayer>::value,
                "the first layer of a Sequential must be a Dense<In, Out> or a Normalization<In, Out>: it fixes the "
                "model's input size");

 private:
  typedef typename detail::SequentialChain<FirstLayer, Layers...>::type Chain;

 public:
  static constexpr size_t input_size = FirstLayer::input_size;                  ///< Values per sample in.
  static constexpr size_t output_size = Chain::output_size;                     ///< Values per sample out.
  static constexpr figure_t parameter_count = Chain::parameter_count;           ///< Weights and biases (floats).
  static constexpr figure_t parameter_bytes = parameter_count * sizeof(float);  ///< Flash or RAM they take.
  static_assert(ParametersMustFitOneArray<parameter_bytes, detail::largest_object_bytes>::value, "");
  /// Floats in the two inference buffers; the input and output arrays are the caller's.
  static constexpr figure_t activation_floats = Chain::buffer0_width + Chain::buffer1_width;
  /// Stack for the buffers of one inference (call frames come on top).
  static constexpr figure_t activation_bytes = activation_floats * sizeof(float);
  /// Training keeps every layer's output for one sample, plus two buffers of gradients flowing back.
  static constexpr figure_t training_floats_per_sample =
      Chain::training_activation_count + 2 * static_cast<figure_t>(Chain::widest_output);

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
  void predict(const float* x, float* y) const { detail::infer_through<Chain, RamReader>(parameters, x, y); }

  /// The one output for the one input `x` (compiles only for such models).
  float predict(float x) const {
    static_assert(input_size == 1 && output_size == 1,
                  "predict(float) is for models with one input and one output; call predict(x, y) with arrays");
    float y;
    predict(&x, &y);
    return y;
  }
};

#if __cplusplus < 201703L
template <figure_t P, figure_t L>
constexpr bool ParametersMustFitOneArray<P, L>::value;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::input_size;
template <class F, class... L>
constexpr size_t Sequential<F, L...>::output_size;
template <class F, class... L>
constexpr figure_t Sequential<F, L...>::parameter_count;
template <class F, class... L>
constexpr figure_t Sequential<F, L...>::parameter_bytes;
template <class F, class... L>
constexpr figure_t Sequential<F, L...>::activation_floats;
template <class F, class... L>
constexpr figure_t Sequential<F, L...>::activation_bytes;
template <class F, class... L>
constexpr figure_t Sequential<F, L...>::training_floats_per_sample;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

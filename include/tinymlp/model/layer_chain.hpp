// The compile-time walk over a Sequential's layers. Each link binds its layer to the width of the
// link before it (which checks that sizes agree), knows where its parameters start in the flat
// parameter array, and plans where its output goes:
//   - inference keeps at most two buffers alive, since a layer reads only its predecessor's output.
//     A layer that works in place (activations) overwrites its input; any other layer writes to the
//     caller's output when nothing after it needs a new buffer, else to the buffer its predecessor
//     did not use;
//   - training keeps every layer's output for backpropagation, one after the other, and walks back
//     through the layers handing each one's input, output and deltas to a step that decides what to
//     do with its parameters: add up their gradients (a batch), or update them at once (in place).
#ifndef TINYMLP_MODEL_LAYER_CHAIN_HPP
#define TINYMLP_MODEL_LAYER_CHAIN_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "../layers/dense.hpp"
#include "../random.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

// Width: the size of the data entering this link. ParameterOffset and ActivationOffset: where this
// link's parameters and (in training) outputs start. NextBuffer: the inference buffer (0 or 1) the
// next layer that cannot work in place will write to.
template <size_t Width, size_t ParameterOffset, size_t ActivationOffset, unsigned NextBuffer, class... Layers>
struct LayerChain {
  static constexpr size_t output_size = Width;
  static constexpr figure_t parameter_count = 0;
  static constexpr figure_t training_activation_count = 0;
  static constexpr size_t widest_output = 0;
  static constexpr bool all_in_place = true;
  static constexpr size_t buffer0_width = 0;
  static constexpr size_t buffer1_width = 0;
  typedef void first_layer;  // none

  template <class Reader>
  static void infer(const float*, const float*, float*, float*, float* const*) {}
  static void initialize(float*, Random&) {}
  template <class Reader>
  static void forward_batch(const float*, const float*, float*, size_t, size_t) {}
  template <class Reader>
  static void infer_batch(const float*, const float*, float*, size_t, size_t) {}
  template <class Step, bool InputIsReLUOutput = false>
  static float* backward(Step&, const float*, const float*, float* gradients_of_output, float*, bool, size_t) {
    return gradients_of_output;
  }
};

template <size_t Width, size_t ParameterOffset, size_t ActivationOffset, unsigned NextBuffer, class Layer,
          class... Rest>
struct LayerChain<Width, ParameterOffset, ActivationOffset, NextBuffer, Layer, Rest...> {
  typedef typename Layer::template bind<Width>::type Bound;
  static constexpr bool writes_new_buffer = !Bound::works_in_place;
  typedef LayerChain<Bound::output_size, ParameterOffset + Bound::parameter_count,
                     ActivationOffset + Bound::output_size, writes_new_buffer ? 1u - NextBuffer : NextBuffer, Rest...>
      Next;

  static constexpr bool all_in_place = Bound::works_in_place && Next::all_in_place;
  // Nothing after this layer writes a new buffer, so it may write straight to the model's output.
  static constexpr bool writes_model_output = writes_new_buffer && Next::all_in_place;
  static constexpr size_t output_size = Next::output_size;
  static constexpr figure_t parameter_count = Bound::parameter_count + Next::parameter_count;
  static constexpr figure_t training_activation_count = Bound::output_size + Next::training_activation_count;
  static constexpr size_t widest_output = larger_of(Bound::output_size, Next::widest_output);
  static constexpr size_t own_buffer_width = writes_new_buffer && !writes_model_output ? Bound::output_size : 0;
  static constexpr size_t buffer0_width = larger_of(NextBuffer == 0 ? own_buffer_width : 0, Next::buffer0_width);
  static constexpr size_t buffer1_width = larger_of(NextBuffer == 1 ? own_buffer_width : 0, Next::buffer1_width);

  // `input` is the data entering this layer; `writable_input` is the same memory when it is an
  // inference buffer (every layer after the first), which in-place layers overwrite.
  // A layer that can apply the next one in its own pass (a Dense and its ReLU) does, and the walk
  // goes on after both.
  typedef Bound first_layer;
  static constexpr bool applies_next = AppliesNextLayer<Bound, typename Next::first_layer>::value;
  template <bool AppliesNext, class Unused = void>
  struct Infer {
    template <class Reader>
    static void run(const float* parameters, const float* input, float* target, float* output, float* const* buffers) {
      Bound::template forward<Reader>(parameters + ParameterOffset, input, target, 1, 1);
      Next::template infer<Reader>(parameters, target, target, output, buffers);
    }
  };
  template <class Unused>
  struct Infer<true, Unused> {
    template <class Reader>
    static void run(const float* parameters, const float* input, float* target, float* output, float* const* buffers) {
      Bound::template forward_then_relu<Reader>(parameters + ParameterOffset, input, target);
      Next::Next::template infer<Reader>(parameters, target, target, output, buffers);
    }
  };
  template <class Reader>
  static void infer(const float* parameters, const float* input, float* writable_input, float* output,
                    float* const* buffers) {
    float* target = Bound::works_in_place ? writable_input : writes_model_output ? output : buffers[NextBuffer];
    Infer<applies_next>::template run<Reader>(parameters, input, target, output, buffers);
  }

  static void initialize(float* parameters, Random& random) {
    Bound::initialize(parameters + ParameterOffset, random);
    Next::initialize(parameters, random);
  }

  // Keeps each layer's outputs for backpropagation: layer k's output starts at
  // activations[ActivationOffset_k * stride]. On a host, a batch through a Dense and its ReLU is one
  // pass that stores both outputs (one sample, stride 1, goes through Dense::forward's own path).
  template <bool AppliesNext, class Unused = void>
  struct ForwardBatch {
    template <class Reader>
    static void run(const float* parameters, const float* input, float* activations, size_t samples, size_t stride) {
      float* output = activations + ActivationOffset * stride;
      Bound::template forward<Reader>(parameters + ParameterOffset, input, output, samples, stride);
      Next::template forward_batch<Reader>(parameters, output, activations, samples, stride);
    }
  };
  template <class Unused>
  struct ForwardBatch<true, Unused> {
    template <class Reader>
    static void run(const float* parameters, const float* input, float* activations, size_t samples, size_t stride) {
      if (stride == 1)
        return ForwardBatch<false>::template run<Reader>(parameters, input, activations, samples, stride);
      float* output = activations + ActivationOffset * stride;
      Bound::template forward_batch_keeping_relu<Reader>(parameters + ParameterOffset, input, output, samples, stride);
      Next::Next::template forward_batch<Reader>(parameters, output + Bound::output_size * stride, activations, samples,
                                                 stride);
    }
  };
  template <class Reader>
  static void forward_batch(const float* parameters, const float* input, float* activations, size_t samples,
                            size_t stride) {
    ForwardBatch<applies_next && (batch_block > 1)>::template run<Reader>(parameters, input, activations, samples,
                                                                          stride);
  }

  // forward_batch for inference: the same floats where the model's output lies, without the outputs
  // only backpropagation reads (a Dense's before its ReLU, which the Dense applies as it stores).
  template <bool AppliesNext, class Unused = void>
  struct InferBatch {
    template <class Reader>
    static void run(const float* parameters, const float* input, float* activations, size_t samples, size_t stride) {
      float* output = activations + ActivationOffset * stride;
      Bound::template forward<Reader>(parameters + ParameterOffset, input, output, samples, stride);
      Next::template infer_batch<Reader>(parameters, output, activations, samples, stride);
    }
  };
  template <class Unused>
  struct InferBatch<true, Unused> {
    template <class Reader>
    static void run(const float* parameters, const float* input, float* activations, size_t samples, size_t stride) {
      float* relu_output = activations + (ActivationOffset + Bound::output_size) * stride;
      Bound::template forward_batch_then_relu<Reader>(parameters + ParameterOffset, input, relu_output, samples,
                                                      stride);
      Next::Next::template infer_batch<Reader>(parameters, relu_output, activations, samples, stride);
    }
  };
  template <class Reader>
  static void infer_batch(const float* parameters, const float* input, float* activations, size_t samples,
                          size_t stride) {
    InferBatch<applies_next>::template run<Reader>(parameters, input, activations, samples, stride);
  }

  // Walks back from the loss: the layers after this one first return the gradient with respect to
  // this layer's output, which must lie in one of the two delta buffers; this layer's turn,
  //   step.template layer<Bound, ParameterOffset, InputIsReLUOutput>(input, output, dy, dx),
  // then writes the gradient with respect to its input into the other buffer (or over the same one,
  // in place). Returns that input gradient, or null for the first layer, which has no use for it.
  // InputIsReLUOutput: the layer before is a ReLU, so the input gradient matters only where the
  // input is not zero (elsewhere the ReLU's derivative is 0).
  template <class Step, bool InputIsReLUOutput = false>
  static float* backward(Step& step, const float* input, const float* activations, float* gradients_of_output,
                         float* spare_deltas, bool wants_input_delta, size_t stride) {
    const float* output = activations + ActivationOffset * stride;
    float* dy = Next::template backward<Step, is_same<Bound, Elementwise<ReLU, Bound::output_size>>::value>(
        step, output, activations, gradients_of_output, spare_deltas, true, stride);
    float* other = dy == gradients_of_output ? spare_deltas : gradients_of_output;
    float* dx = !wants_input_delta ? nullptr : Bound::works_in_place ? dy : other;
    // A step that passes the gradient back through a ReLU together with the layer after it (see
    // Step::ReLUGradientWithLayer) has already left the ReLU's input gradient in dy, which is dx.
    if (!Step::template ReLUGradientWithLayer<typename Next::first_layer>::value ||
        !is_same<Bound, Elementwise<ReLU, Bound::output_size>>::value)
      step.template layer<Bound, ParameterOffset, InputIsReLUOutput>(input, output, dy, dx);
    return dx;
  }
};

#if __cplusplus < 201703L
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr size_t LayerChain<W, P, A, B, L...>::output_size;
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr figure_t LayerChain<W, P, A, B, L...>::parameter_count;
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr figure_t LayerChain<W, P, A, B, L...>::training_activation_count;
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr size_t LayerChain<W, P, A, B, L...>::widest_output;
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr bool LayerChain<W, P, A, B, L...>::all_in_place;
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr size_t LayerChain<W, P, A, B, L...>::buffer0_width;
template <size_t W, size_t P, size_t A, unsigned B, class... L>
constexpr size_t LayerChain<W, P, A, B, L...>::buffer1_width;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr size_t LayerChain<W, P, A, B, L, R...>::output_size;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr bool LayerChain<W, P, A, B, L, R...>::applies_next;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr figure_t LayerChain<W, P, A, B, L, R...>::parameter_count;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr figure_t LayerChain<W, P, A, B, L, R...>::training_activation_count;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr size_t LayerChain<W, P, A, B, L, R...>::widest_output;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr bool LayerChain<W, P, A, B, L, R...>::all_in_place;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr bool LayerChain<W, P, A, B, L, R...>::writes_new_buffer;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr bool LayerChain<W, P, A, B, L, R...>::writes_model_output;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr size_t LayerChain<W, P, A, B, L, R...>::own_buffer_width;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr size_t LayerChain<W, P, A, B, L, R...>::buffer0_width;
template <size_t W, size_t P, size_t A, unsigned B, class L, class... R>
constexpr size_t LayerChain<W, P, A, B, L, R...>::buffer1_width;
#endif

// One inference through Chain with the parameters wherever Reader reads them from: the two buffers on
// the stack, the input and output the caller's.
// Always inlined into its callers (Sequential::predict, SequentialKernels::predict_from), so that it
// adds no call frame to an inference's stack, which the board tests bound.
template <class Chain, class Reader>
__attribute__((always_inline)) inline void infer_through(const float* parameters, const float* x, float* y) {
  float buffer0[larger_of(Chain::buffer0_width, 1)];
  float buffer1[larger_of(Chain::buffer1_width, 1)];
  float* const buffers[2] = {buffer0, buffer1};
  Chain::template infer<Reader>(parameters, x, nullptr, y, buffers);
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

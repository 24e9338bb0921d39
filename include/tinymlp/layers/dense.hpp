/// \file
/// Dense<In, Out>: y = W x + b. Parameters are stored as the kernel W, Out rows of In weights (the
/// [out, in] order TFLite uses), followed by the Out biases.
///
/// Batches are stored feature-major: feature f of sample s sits at data[f * stride + s], so the
/// innermost loops run over the samples of a batch and vectorize.
#ifndef TINYMLP_LAYERS_DENSE_HPP
#define TINYMLP_LAYERS_DENSE_HPP

#include "../config.hpp"
#include "../flash.hpp"
#include "../detail/float_tests.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "../detail/traits.hpp"
#include "../random.hpp"
#include "../detail/batch_loops.hpp"
#include "../detail/dense_rows_cortex_m4.hpp"
#include "../detail/unrolled_dot.hpp"
#include "layer_sizes.hpp"
#include "relu.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// A fully connected layer, y = W x + b, with In inputs and Out outputs: Out * In + Out parameters,
/// which the model holds (the layer type itself has no data). Also the model's first layer, fixing
/// its input size. Its functions are the kernels a Sequential calls; users name only the type.
template <size_t In, size_t Out>
struct Dense {
  static_assert(In > 0 && Out > 0, "Dense<In, Out> needs at least one input and one output");

  static constexpr size_t input_size = In;          ///< Values per sample in.
  static constexpr size_t output_size = Out;        ///< Values per sample out.
  static constexpr size_t kernel_count = In * Out;  ///< Weights, before the biases.
  /// Weights and biases (floats), counted wide enough to be exact on AVR (Sequential refuses a model
  /// whose parameters do not fit one array of the target).
  static constexpr figure_t parameter_count = static_cast<figure_t>(In) * Out + Out;
  static constexpr bool works_in_place = false;  ///< False: every output reads every input.

  /// The layer after one of PreviousOutputs outputs: itself, once the sizes are checked to agree.
  template <size_t PreviousOutputs>
  struct bind {
    static_assert(LayerSizesMustAgree<PreviousOutputs, In>::value, "");
    typedef Dense type;  ///< This layer.
  };

  /// Computes y from x for `samples` samples stored feature-major with `stride` (1: one sample,
  /// contiguous, the inference case), reading the parameters through Reader (RamReader or FlashReader).
  template <class Reader>
  static void forward(const float* parameters, const float* x, float* y, size_t samples, size_t stride) {
    if (stride == 1)
      forward_one_sample<Reader>(parameters, x, y);
    else
      forward_batch<Reader>(parameters, x, y, samples, stride);
  }

  /// One sample: a dot product per output. Where parameters sit in plain memory and products are not
  /// skipped, the dot product runs in vector blocks along the row, or unrolled where there are no
  /// vectors (a Cortex-M4F).
  template <class Reader>
  static void forward_one_sample(const float* parameters, const float* x, float* y) {
    if (TINYMLP_SKIP_ZERO_INPUTS) return forward_nonzero_inputs<Reader, false>(parameters, x, y);
#if TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4
    if (Reader::plain_memory && detail::cortex_m4::HasDenseRows<In, Out>::value)
      return detail::cortex_m4::DenseRows<In, Out, false>::run(parameters, parameters + kernel_count, x, y);
#endif
#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
    if (Reader::plain_memory && Out >= 8) return forward_eight_outputs_at_a_time<false>(parameters, x, y);
#endif
    const float* bias = parameters + kernel_count;
    for (size_t o = 0; o < Out; ++o) {
      const float* row = parameters + o * In;
      if (Reader::plain_memory) {
        y[o] = detail::batch_block > 1 ? bias[o] + detail::inlined_sum_of_products(row, x, In)
                                       : detail::add_dot_product<In>(bias[o], row, x);
        continue;
      }
      float sum = Reader::load(bias + o);
      for (size_t i = 0; i < In; ++i) sum += Reader::load(row + i) * x[i];
      y[o] = sum;
    }
  }

  /// One sample, then a ReLU on the outputs (a Sequential calls this for a Dense followed by a ReLU):
  /// the same floats as forward_one_sample and ReLU's forward, without a second pass over the outputs.
  template <class Reader>
  static void forward_then_relu(const float* parameters, const float* x, float* y) {
    if (TINYMLP_SKIP_ZERO_INPUTS) return forward_nonzero_inputs<Reader, true>(parameters, x, y);
#if TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4
    if (Reader::plain_memory && detail::cortex_m4::HasDenseRows<In, Out>::value)
      return detail::cortex_m4::DenseRows<In, Out, true>::run(parameters, parameters + kernel_count, x, y);
#endif
#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
    if (Reader::plain_memory && Out >= 8) return forward_eight_outputs_at_a_time<true>(parameters, x, y);
#endif
    forward_one_sample<Reader>(parameters, x, y);
    for (size_t o = 0; o < Out; ++o) y[o] = ReLU::value(y[o]);
  }

#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
  /// One sample on a host with AVX, the parameters in memory: the floats of forward_one_sample (and,
  /// ThenReLU, of ReLU's forward after it), eight outputs at a time.
  template <bool ThenReLU>
  static void forward_eight_outputs_at_a_time(const float* parameters, const float* x, float* y) {
    const float* bias = parameters + kernel_count;
    const size_t grouped = Out - Out % 8;
    for (size_t o = 0; o < grouped; o += 8) {
      detail::block_vector sums =
          detail::load_block(bias + o) + detail::eight_sums_of_products(parameters + o * In, In, x, In);
      if (ThenReLU) sums = relu_of(sums);
      detail::store_block(y + o, sums);
    }
    for (size_t o = grouped; o < Out; ++o) {
      const float sum = bias[o] + detail::inlined_sum_of_products(parameters + o * In, x, In);
      y[o] = ThenReLU ? ReLU::value(sum) : sum;
    }
  }
#endif

  /// One sample, leaving out the products of inputs that are exactly zero (most of them after a ReLU):
  /// without an FPU the product costs far more than the test. The nonzero inputs are listed once for
  /// all the rows; the sums run in index order, as the full dot product's would.
  template <class Reader, bool ThenReLU = false>
  __attribute__((noinline)) static void forward_nonzero_inputs(const float* parameters, const float* x, float* y) {
    if (In == 1) {  // one input: tested once
      const float input = x[0];
      const bool skip = detail::is_zero(input);
      for (size_t o = 0; o < Out; ++o) {
        const float bias = Reader::load(parameters + kernel_count + o);
        const float sum = skip ? bias : bias + Reader::load(parameters + o) * input;
        y[o] = ThenReLU ? ReLU::value(sum) : sum;
      }
      return;
    }
    if (Out == 1) {  // one row: a list would be read once
      for (size_t o = 0; o < Out; ++o) {
        const float* row = parameters + o * In;
        float sum = Reader::load(parameters + kernel_count + o);
        for (size_t i = 0; i < In; ++i)
          if (!detail::is_zero(x[i])) sum += Reader::load(row + i) * x[i];
        y[o] = ThenReLU ? ReLU::value(sum) : sum;
      }
      return;
    }
    // Byte offsets where they fit a byte (the AVR then adds them to the row's address directly).
    typedef typename detail::conditional<(In * sizeof(float) <= 256), uint8_t, size_t>::type Offset;
    Offset nonzero[In == 1 || Out == 1 ? 1 : In];
    Offset* end = nonzero;
    for (size_t i = 0; i < In; ++i)
      if (!detail::is_zero(x[i])) *end++ = static_cast<Offset>(i * sizeof(float));
    const char* x_bytes = reinterpret_cast<const char*>(x);
    const char* row_bytes = reinterpret_cast<const char*>(parameters);
    for (size_t o = 0; o < Out; ++o, row_bytes += In * sizeof(float)) {
      float sum = Reader::load(parameters + kernel_count + o);
      for (const Offset* k = nonzero; k != end; ++k)
        sum += Reader::load(reinterpret_cast<const float*>(row_bytes + *k)) *
               *reinterpret_cast<const float*>(x_bytes + *k);
      y[o] = ThenReLU ? ReLU::value(sum) : sum;
    }
  }

  /// A batch of `samples`, feature-major with `stride`: each output row is its bias plus the input
  /// rows weighted by the output's weights, stored through `store` (as they are by default).
  template <class Reader, class Store = detail::StoreAsIs>
  static void forward_batch(const float* parameters, const float* x, float* y, size_t samples, size_t stride,
                            Store store = Store()) {
    const float* bias = parameters + kernel_count;
    detail::weighted_row_sums<false>(
        Out, samples, In, [=](size_t o) { return Reader::load(bias + o); },
        [=](size_t o, size_t i) { return Reader::load(parameters + o * In + i); },
        [=](size_t i) { return x + i * stride; }, [=](size_t o) { return y + o * stride; }, store);
  }
  /// A batch, then a ReLU on the outputs as they are stored (a Sequential's batch inference calls this
  /// for a Dense followed by a ReLU): the floats of forward_batch and ReLU's forward, in one pass.
  template <class Reader>
  static void forward_batch_then_relu(const float* parameters, const float* x, float* y, size_t samples,
                                      size_t stride) {
    forward_batch<Reader>(parameters, x, y, samples, stride, ReLUOnStore());
  }
  /// A batch for training, whose backward pass reads the outputs before and after the ReLU that
  /// follows: y as forward_batch writes it, and the ReLU's output in the Out rows after y's, in one pass.
  template <class Reader>
  static void forward_batch_keeping_relu(const float* parameters, const float* x, float* y, size_t samples,
                                         size_t stride) {
    forward_batch<Reader>(parameters, x, y, samples, stride, KeepingReLU{Out * stride});
  }

  /// ReLU::value of one value.
  static float relu_of(float value) { return ReLU::value(value); }
#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
  /// ReLU::value of each value of a block.
  static detail::block_vector relu_of(detail::block_vector values) {
    return _mm256_max_ps(values, _mm256_setzero_ps());  // values > 0 ? values : +0, as ReLU::value
  }
#else
  /// ReLU::value of each value of a block.
  template <class Vector>
  static Vector relu_of(Vector values) {
    const Vector zero = {};
    return values > zero ? values : zero;  // ReLU::value in each lane
  }
#endif
  /// A batch kernel's store of ReLU::value of each sum.
  struct ReLUOnStore {
    /// Stores the ReLU of a sum, or of a block of them, at `at`.
    template <class Value>
    void operator()(float* at, Value sums) const {
      detail::store_value(at, relu_of(sums));
    }
  };
  /// A batch kernel's store of each sum, and of its ReLU `relu_offset` floats further on.
  struct KeepingReLU {
    size_t relu_offset;  ///< From an output to the ReLU's output of it.
    /// Stores a sum, or a block of them, at `at`, and the ReLU of it at at + relu_offset.
    template <class Value>
    void operator()(float* at, Value sums) const {
      detail::store_value(at, sums);
      detail::store_value(at + relu_offset, relu_of(sums));
    }
  };

  /// Adds this batch's gradient to `gradients` (dL/dW, dL/db) and, unless `dx` is null, writes the
  /// gradient with respect to the input. dy already carries the loss's 1/batch factor.
  static void backward(const float* parameters, const float* x, const float* /*y*/, const float* dy, float* dx,
                       float* gradients, size_t samples, size_t stride) {
    accumulate_parameter_gradients(x, dy, gradients, samples, stride);
    if (dx) write_input_gradient(parameters, dy, dx, samples, stride, detail::StoreAsIs());
  }
  /// backward where the input x is the output of a ReLU: dx is the gradient with respect to the
  /// ReLU's input (ReLU::gradient of the input gradient, in the pass that computes it), so the ReLU
  /// itself has nothing left to do. ReLU::gradient reads the ReLU's output, positive exactly where its
  /// input was.
  static void backward_through_relu(const float* parameters, const float* x, const float* dy, float* dx,
                                    float* gradients, size_t samples, size_t stride) {
    accumulate_parameter_gradients(x, dy, gradients, samples, stride);
    write_input_gradient(parameters, dy, dx, samples, stride, ReLUGradientOnStore{x, dx});
  }
  /// dx[i] = sum over o of W[o][i] dy[o], from zero, stored through `store`.
  template <class Store>
  static void write_input_gradient(const float* parameters, const float* dy, float* dx, size_t samples, size_t stride,
                                   Store store) {
    detail::weighted_row_sums<false>(
        In, samples, Out, [](size_t) { return 0.0f; }, [=](size_t i, size_t o) { return parameters[o * In + i]; },
        [=](size_t o) { return dy + o * stride; }, [=](size_t i) { return dx + i * stride; }, store);
  }
  /// A batch kernel's store of the input gradient through the ReLU before the layer: ReLU::gradient
  /// of each sum, with the ReLU's output (the layer's input) at the same place in its rows.
  struct ReLUGradientOnStore {
    const float* relu_output;  ///< The layer's input.
    const float* dx;           ///< Where the input gradient's rows start.
    /// Stores ReLU::gradient of a sum at `at`.
    void operator()(float* at, float sum) const {
      const float output = relu_output[at - dx];
      *at = ReLU::gradient(output, output, sum);
    }
#if TINYMLP_BATCH_BLOCK > 1
    /// Stores ReLU::gradient of each sum of a block at `at` (a host's: ReLU::gradient is a select).
    void operator()(float* at, detail::block_vector sums) const {
      const detail::block_vector output = detail::load_block(relu_output + (at - dx));
      const detail::block_vector zero = {};
      detail::store_block(at, output > zero ? sums : zero);  // ReLU::gradient in each lane, as a mask
    }
#endif
  };

  /// dL/db[o] += sum_s dy[o][s] and dL/dW[o][i] += sum_s dy[o][s] x[i][s].
  static void accumulate_parameter_gradients(const float* x, const float* dy, float* gradients, size_t samples,
                                             size_t stride) {
#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
    if (In < 8 && Out >= 8 && fills_blocks(samples))
      return add_gradients_eight_outputs_at_a_time(x, dy, gradients, samples, stride);
#endif
    add_bias_gradients(dy, gradients + kernel_count, samples, stride);
    if (In < detail::batch_block || Out < detail::batch_block) {
      // Rows too short to fill a vector, or too few to repay copying the inputs: one dot product
      // over the samples per weight.
#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
      if (fills_blocks(samples) && In >= 8)
        return add_products_eight_inputs_at_a_time(x, dy, gradients, samples, stride);
#endif
      for (size_t o = 0; o < Out; ++o)
        for (size_t i = 0; i < In; ++i)
          gradients[o * In + i] += detail::sum_of_products(dy + o * stride, x + i * stride, samples);
      return;
    }
    // Otherwise update the kernel's rows along i, vectorized, with the inputs of a group of samples
    // first copied sample by sample: dot products along s would cost a horizontal add per weight. Two
    // blocks of samples a group on the host (a batch of 16 in one pass: each gradient is loaded and
    // stored once); each weight's sum runs over the samples in order whatever the grouping.
    const size_t group = detail::batch_block > 1 ? 2 * detail::batch_block : 1;
    for (size_t first = 0; first < samples; first += group) {
      const size_t count = samples - first < group ? samples - first : group;
      float inputs[group][In];
      detail::transpose_rows(x + first, stride, In, count, inputs[0], In);
      const float* dyo = dy + first;
      detail::weighted_row_sums<true>(
          Out, In, count, [](size_t) { return 0.0f; }, [=](size_t o, size_t k) { return dyo[o * stride + k]; },
          [&](size_t k) { return inputs[k]; }, [=](size_t o) { return gradients + o * In; });
    }
  }

  /// dL/db[o] += sum_s dy[o][s]: eight outputs at a time where the samples fill whole blocks.
  static void add_bias_gradients(const float* dy, float* bias_gradient, size_t samples, size_t stride) {
    size_t grouped = 0;
#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
    if (fills_blocks(samples)) {
      grouped = Out - Out % 8;
      for (size_t o = 0; o < grouped; o += 8)
        detail::store_block(bias_gradient + o, detail::load_block(bias_gradient + o) +
                                                   detail::eight_sums_of(dy + o * stride, stride, samples));
    }
#endif
    for (size_t o = grouped; o < Out; ++o) bias_gradient[o] += detail::sum_of(dy + o * stride, samples);
  }

#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
  /// Whether sums over `samples` samples can go eight rows at a time: whole blocks of samples.
  static bool fills_blocks(size_t samples) {
    return samples >= detail::batch_block && samples % detail::batch_block == 0;
  }
  /// The short-row weight gradients, each output's as eight inputs' sums at a time with their lanes
  /// added up together (detail::eight_sums_of_products): the floats of one sum_of_products a weight.
  static void add_products_eight_inputs_at_a_time(const float* x, const float* dy, float* gradients, size_t samples,
                                                  size_t stride) {
    for (size_t o = 0; o < Out; ++o) {
      float* row = gradients + o * In;
      const size_t grouped = In - In % 8;
      for (size_t i = 0; i < grouped; i += 8)
        detail::store_block(row + i,
                            detail::load_block(row + i) +
                                detail::eight_sums_of_products(x + i * stride, stride, dy + o * stride, samples));
      for (size_t i = grouped; i < In; ++i) row[i] += detail::sum_of_products(dy + o * stride, x + i * stride, samples);
    }
  }
  /// The gradients of a layer of few inputs, eight outputs at a time: their bias gradients together
  /// with the first input's weight gradients (each row of dy loaded once for both), then the other
  /// inputs' weight gradients, each as eight sums with their lanes added up together. The floats of
  /// add_bias_gradients and of one sum_of_products a weight.
  static void add_gradients_eight_outputs_at_a_time(const float* x, const float* dy, float* gradients, size_t samples,
                                                    size_t stride) {
    float* bias_gradient = gradients + kernel_count;
    const size_t grouped = Out - Out % 8;
    for (size_t o = 0; o < grouped; o += 8) {
      const float* rows = dy + o * stride;
      detail::block_vector sums, first_input_sums;
      detail::eight_sums_and_sums_of_products(rows, stride, x, samples, sums, first_input_sums);
      detail::store_block(bias_gradient + o, detail::load_block(bias_gradient + o) + sums);
      add_to_eight_outputs(gradients + o * In, first_input_sums);
      for (size_t i = 1; i < In; ++i)
        add_to_eight_outputs(gradients + o * In + i,
                             detail::eight_sums_of_products(rows, stride, x + i * stride, samples));
    }
    for (size_t o = grouped; o < Out; ++o) {
      bias_gradient[o] += detail::sum_of(dy + o * stride, samples);
      for (size_t i = 0; i < In; ++i)
        gradients[o * In + i] += detail::sum_of_products(dy + o * stride, x + i * stride, samples);
    }
  }
  /// Adds lane j of `sums` to the weight gradient at gradients[j * In] (one input's, of eight outputs).
  static void add_to_eight_outputs(float* gradients, detail::block_vector sums) {
    if (In == 1) return detail::store_block(gradients, detail::load_block(gradients) + sums);
    for (size_t j = 0; j < 8; ++j) gradients[j * In] += sums[j];
  }
#endif

  /// One sample, training in place (no gradient array): writes dx = W^T dy from the weights as they
  /// were (unless dx is null), and moves each weight and bias by optimizer.update(parameter,
  /// gradient, first_index + its index) as soon as its gradient dy[o] x[i] or dy[o] is known.
  /// `input_is_relu_output`: x is a ReLU's output, whose derivative is 0 where x is 0.
  template <class Optimizer>
  static void backward_and_update(float* parameters, const float* x, const float* dy, float* dx, Optimizer& optimizer,
                                  size_t first_index, bool input_is_relu_output = false) {
    // Where a zero gradient moves nothing (plain SGD), a zero delta (a ReLU that was off) or a zero
    // input leaves its products out, as the forward pass does, without an FPU; and so does the input
    // gradient of a ReLU that was off, which the ReLU turns into a zero delta the layer before skips.
    // The weights are the same.
    const bool skip_zeros = TINYMLP_SKIP_ZERO_INPUTS && Optimizer::zero_gradient_changes_nothing;
    const bool skip_off_inputs = skip_zeros && input_is_relu_output;
    if (dx)
      for (size_t i = 0; i < In; ++i) dx[i] = 0.0f;
    for (size_t o = 0; o < Out; ++o) {
      const float delta = dy[o];
      if (skip_zeros && detail::is_zero(delta)) continue;
      float* row = parameters + o * In;
      for (size_t i = 0; i < In; ++i) {
        const bool zero_input = skip_zeros && detail::is_zero(x[i]);
        if (dx && !(skip_off_inputs && zero_input)) dx[i] += row[i] * delta;  // before the weight moves
        if (zero_input) continue;
        optimizer.update(row[i], delta * x[i], first_index + o * In + i);
      }
      optimizer.update(parameters[kernel_count + o], delta, first_index + kernel_count + o);
    }
  }

  /// Glorot (Xavier) uniform kernel, Keras's default: U(-limit, limit), limit = sqrt(6 / (In + Out));
  /// zero biases.
  static void initialize(float* parameters, Random& random) {
    const float limit = detail::sqrt_of(6.0f / static_cast<float>(In + Out));
    for (size_t k = 0; k < kernel_count; ++k) parameters[k] = random.uniform(-limit, limit);
    for (size_t o = 0; o < Out; ++o) parameters[kernel_count + o] = 0.0f;
  }
};

/// Whether Layer's forward pass for one sample can apply NextLayer too (a Sequential's inference then
/// skips NextLayer): a Dense and the ReLU after it, through Dense::forward_then_relu.
template <class Layer, class NextLayer>
struct AppliesNextLayer {
  static const bool value = false;  ///< By default, no.
};
/// A Dense and the ReLU after it: Dense::forward_then_relu.
template <size_t In, size_t Out>
struct AppliesNextLayer<Dense<In, Out>, Elementwise<ReLU, Out>> {
  static const bool value = true;  ///< Yes.
};

#if __cplusplus < 201703L
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::input_size;
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::output_size;
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::kernel_count;
template <size_t In, size_t Out>
constexpr figure_t Dense<In, Out>::parameter_count;
template <size_t In, size_t Out>
constexpr bool Dense<In, Out>::works_in_place;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

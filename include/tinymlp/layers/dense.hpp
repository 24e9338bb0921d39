// Dense<In, Out>: y = W x + b. Parameters are stored as the kernel W, Out rows of In weights (the
// [out, in] order TFLite uses), followed by the Out biases.
//
// Batches are stored feature-major: feature f of sample s sits at data[f * stride + s], so the
// innermost loops run over the samples of a batch and vectorize.
#ifndef TINYMLP_LAYERS_DENSE_HPP
#define TINYMLP_LAYERS_DENSE_HPP

#include "../config.hpp"
#include "../detail/flash.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "../detail/random.hpp"
#include "../detail/reductions.hpp"
#include "layer_sizes.hpp"

namespace tinymlp {

template <size_t In, size_t Out>
struct Dense {
  static_assert(In > 0 && Out > 0, "Dense<In, Out> needs at least one input and one output");

  static constexpr size_t input_size = In;
  static constexpr size_t output_size = Out;
  static constexpr size_t kernel_count = In * Out;
  static constexpr size_t parameter_count = In * Out + Out;
  static constexpr bool works_in_place = false;  // every output reads every input

  template <size_t PreviousOutputs>
  struct bind {
    static_assert(LayerSizesMustAgree<PreviousOutputs, In>::value, "");
    typedef Dense type;
  };

  template <class Reader>
  static void forward(const float* parameters, const float* x, float* y, size_t samples, size_t stride) {
    if (samples == 1)
      forward_one_sample<Reader>(parameters, x, y);
    else
      forward_batch<Reader>(parameters, x, y, samples, stride);
  }

  // One sample: a dot product per output, summed in input order like the batch path.
  template <class Reader>
  static void forward_one_sample(const float* parameters, const float* x, float* y) {
    const float* bias = parameters + kernel_count;
    for (size_t o = 0; o < Out; ++o) {
      const float* row = parameters + o * In;
      float sum = Reader::load(bias + o);
      for (size_t i = 0; i < In; ++i) {
        // A ReLU leaves many inputs at exactly zero; without an FPU the test is far cheaper than the product.
        if (TINYMLP_SKIP_ZERO_INPUTS && x[i] == 0.0f) continue;
        sum += Reader::load(row + i) * x[i];
      }
      y[o] = sum;
    }
  }

  template <class Reader>
  static void forward_batch(const float* parameters, const float* x, float* y, size_t samples, size_t stride) {
    const float* bias = parameters + kernel_count;
    for (size_t o = 0; o < Out; ++o) {
      const float b = Reader::load(bias + o);
      float* yo = y + o * stride;
      for (size_t s = 0; s < samples; ++s) yo[s] = b;
    }
    for (size_t i = 0; i < In; ++i) {
      const float* xi = x + i * stride;
      for (size_t o = 0; o < Out; ++o) {
        const float w = Reader::load(parameters + o * In + i);
        float* yo = y + o * stride;
        for (size_t s = 0; s < samples; ++s) yo[s] += w * xi[s];
      }
    }
  }

  // Adds this batch's gradient to `gradients` (dL/dW, dL/db) and, unless `dx` is null, writes the
  // gradient with respect to the input. dy already carries the loss's 1/batch factor.
  static void backward(const float* parameters, const float* x, const float* /*y*/, const float* dy, float* dx,
                       float* gradients, size_t samples, size_t stride) {
    float* kernel_gradient = gradients;
    float* bias_gradient = gradients + kernel_count;
    for (size_t o = 0; o < Out; ++o) {
      const float* dyo = dy + o * stride;
      bias_gradient[o] += detail::sum_of(dyo, samples);
      for (size_t i = 0; i < In; ++i) kernel_gradient[o * In + i] += detail::sum_of_products(dyo, x + i * stride, samples);
    }
    if (!dx) return;
    for (size_t i = 0; i < In; ++i) {
      float* dxi = dx + i * stride;
      for (size_t s = 0; s < samples; ++s) dxi[s] = 0.0f;
      for (size_t o = 0; o < Out; ++o) {
        const float w = parameters[o * In + i];
        const float* dyo = dy + o * stride;
        for (size_t s = 0; s < samples; ++s) dxi[s] += w * dyo[s];
      }
    }
  }

  // Glorot (Xavier) uniform kernel, Keras's default: U(-limit, limit), limit = sqrt(6 / (In + Out));
  // zero biases.
  static void initialize(float* parameters, Random& random) {
    const float limit = detail::sqrt_of(6.0f / static_cast<float>(In + Out));
    for (size_t k = 0; k < kernel_count; ++k) parameters[k] = random.uniform(-limit, limit);
    for (size_t o = 0; o < Out; ++o) parameters[kernel_count + o] = 0.0f;
  }
};

#if __cplusplus < 201703L
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::input_size;
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::output_size;
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::kernel_count;
template <size_t In, size_t Out>
constexpr size_t Dense<In, Out>::parameter_count;
template <size_t In, size_t Out>
constexpr bool Dense<In, Out>::works_in_place;
#endif

}  // namespace tinymlp

#endif

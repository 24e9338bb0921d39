/// \file
/// Float inference straight from a ModelDescription, for a model known only at run time (a file that
/// tinymlp-convert reads, calibrating one to quantize it): every layer's output for a batch, or one
/// sample's outputs.
///
/// The batch pass runs the loops a compile-time Sequential's batch forward pass runs (training,
/// evaluate): Dense through the same multiply-accumulate kernel, the activations through the layers'
/// own functions, so a described model gives its Sequential's outputs, in the same float operations in
/// the same order (to the last bit where the compiler fuses the same multiply-adds in both). quantize()
/// calibrates through it, a Sequential and a model read from a file alike. A quantized layer runs
/// with its dequantized float weights.
#ifndef TINYMLP_HOST_FLOAT_INFERENCE_HPP
#define TINYMLP_HOST_FLOAT_INFERENCE_HPP

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "../layers/relu.hpp"
#include "../layers/relu6.hpp"
#include "../layers/sigmoid.hpp"
#include "../layers/tanh.hpp"
#include "../detail/batch_loops.hpp"
#include "../detail/math.hpp"
#include "errors.hpp"
#include "model_description.hpp"

namespace tinymlp {

namespace detail {

// y = Function::value(x) for every value of `samples` samples, feature-major with `stride`, in place.
template <class Function>
void apply_activation(float* values, std::size_t width, std::size_t samples, std::size_t stride) {
  for (std::size_t f = 0; f < width; ++f)
    for (std::size_t s = 0; s < samples; ++s) values[f * stride + s] = Function::value(values[f * stride + s]);
}

// Softmax of each sample as BoundSoftmax computes it: the largest value subtracted, the sum of the
// exponentials inverted once.
inline void apply_softmax(float* values, std::size_t width, std::size_t samples, std::size_t stride) {
  for (std::size_t s = 0; s < samples; ++s) {
    float largest = values[s];
    for (std::size_t f = 1; f < width; ++f)
      if (values[f * stride + s] > largest) largest = values[f * stride + s];
    float total = 0.0f;
    for (std::size_t f = 0; f < width; ++f) total += values[f * stride + s] = exp_of(values[f * stride + s] - largest);
    const float scale = 1.0f / total;
    for (std::size_t f = 0; f < width; ++f) values[f * stride + s] *= scale;
  }
}

inline void apply(const Layer& layer, float* values, std::size_t width, std::size_t samples, std::size_t stride) {
  switch (layer.activation) {
    case Activation::none: break;
    case Activation::relu: apply_activation<ReLU>(values, width, samples, stride); break;
    case Activation::relu6: apply_activation<ReLU6>(values, width, samples, stride); break;
    case Activation::tanh: apply_activation<Tanh>(values, width, samples, stride); break;
    case Activation::sigmoid: apply_activation<Sigmoid>(values, width, samples, stride); break;
    case Activation::softmax: apply_softmax(values, width, samples, stride); break;
    case Activation::leaky_relu:  // as LeakyReLU<Numerator, Denominator>::value, alpha being the layer's
      for (std::size_t f = 0; f < width; ++f)
        for (std::size_t s = 0; s < samples; ++s) {
          float& value = values[f * stride + s];
          value = value > 0.0f ? value : value * layer.alpha;
        }
      break;
  }
}

}  // namespace detail

/// Floats of every layer's output for one sample: what forward_batch_float's `activations` holds per
/// unit of stride.
inline std::size_t float_activation_count(const ModelDescription& model) {
  std::size_t count = 0;
  for (const Layer& layer : model.layers) count += layer.outputs;
  return count;
}

/// Every layer's output (a Dense layer's after its fused activation) for `samples` samples, feature-major
/// with `stride` (input feature f of sample s at x[f * stride + s]): layer k's output starts at
/// activations[(sum of the earlier layers' outputs) * stride], float_activation_count(model) * stride
/// floats in all. Throws ModelError for a model whose layers or weights do not chain.
inline void forward_batch_float(const ModelDescription& model, const float* x, float* activations, std::size_t samples,
                                std::size_t stride) {
  check_consistent(model);
  const float* input = x;
  float* output = activations;
  for (const Layer& layer : model.layers) {
    if (layer.kind == LayerKind::dense) {
      const float* kernel = layer.kernel.data();
      const float* bias = layer.bias.data();
      const std::size_t inputs = layer.inputs;
      detail::weighted_row_sums<false>(
          layer.outputs, samples, inputs, [=](std::size_t o) { return bias[o]; },
          [=](std::size_t o, std::size_t i) { return kernel[o * inputs + i]; },
          [=](std::size_t i) { return input + i * stride; }, [=](std::size_t o) { return output + o * stride; });
    } else if (layer.kind == LayerKind::normalization) {  // y[o] = (x[o], or x[0], + offset[o]) * scale[o]
      for (std::size_t o = 0; o < layer.outputs; ++o) {
        const float* x_row = input + (layer.inputs == 1 ? 0 : o) * stride;
        for (std::size_t s = 0; s < samples; ++s) output[o * stride + s] = (x_row[s] + layer.bias[o]) * layer.kernel[o];
      }
    } else {
      for (std::size_t f = 0; f < layer.outputs; ++f)
        std::copy(input + f * stride, input + f * stride + samples, output + f * stride);
    }
    detail::apply(layer, output, layer.outputs, samples, stride);
    input = output;
    output += layer.outputs * stride;
  }
}

/// The model's outputs for `input` (model.input_size values), a batch of one. Throws ModelError for
/// another number of inputs or a model whose layers do not chain.
inline std::vector<float> predict_float(const ModelDescription& model, const std::vector<float>& input) {
  if (input.size() != model.input_size)
    throw ModelError("the model takes " + std::to_string(model.input_size) + " inputs, not " +
                     std::to_string(input.size()));
  if (model.layers.empty()) return input;
  std::vector<float> activations(float_activation_count(model));
  forward_batch_float(model, input.data(), activations.data(), 1, 1);
  activations.erase(activations.begin(), activations.end() - static_cast<std::ptrdiff_t>(model.output_size()));
  return activations;
}

}  // namespace tinymlp

#endif

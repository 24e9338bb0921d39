#include "tinymlp_tools/description_inference.hpp"

#include <algorithm>
#include <cmath>

#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {
namespace {

float activate(Activation activation, float x) {
  switch (activation) {
    case Activation::relu: return x > 0.0f ? x : 0.0f;
    case Activation::relu6: return std::min(std::max(x, 0.0f), 6.0f);
    case Activation::tanh: return std::tanh(x);
    case Activation::sigmoid: return 1.0f / (1.0f + std::exp(-x));
    case Activation::none:
    case Activation::softmax: return x;
  }
  return x;
}

void softmax_in_place(std::vector<float>& values) {
  const float largest = *std::max_element(values.begin(), values.end());
  float total = 0.0f;
  for (float& value : values) total += value = std::exp(value - largest);
  for (float& value : values) value /= total;
}

std::vector<float> dense_float(const Layer& layer, const std::vector<float>& x) {
  std::vector<float> y(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    float sum = layer.bias[o];
    for (std::size_t i = 0; i < layer.inputs; ++i) sum += layer.kernel[o * layer.inputs + i] * x[i];
    y[o] = activate(layer.activation, sum);
  }
  return y;
}

// TFLite's CalculateActivationRangeQuantized for int8.
void activation_range(const Layer& layer, std::int32_t& low, std::int32_t& high) {
  const Quantization& output = layer.quantized->output;
  low = -128;
  high = 127;
  // In double and clamped first: a tiny scale must not overflow the conversion.
  auto quantize = [&](float value) {
    const double q = output.zero_point + std::round(static_cast<double>(value) / output.scale);
    return static_cast<std::int32_t>(std::min(std::max(q, -129.0), 128.0));
  };
  if (layer.activation == Activation::relu || layer.activation == Activation::relu6)
    low = std::max(low, quantize(0.0f));
  if (layer.activation == Activation::relu6) high = std::min(high, quantize(6.0f));
}

std::vector<std::int8_t> dense_int8(const Layer& layer, const std::vector<std::int8_t>& x, Rounding rounding) {
  const QuantizedDense& q = *layer.quantized;
  std::int32_t low, high;
  activation_range(layer, low, high);
  std::vector<std::int8_t> y(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    // As TFLite: one weight scale, the product in float32; per-channel scales, all in double.
    const double real_multiplier = q.weight_scales.size() == 1
                                       ? tinymlp::real_multiplier(q.input.scale, q.weight_scales[0], q.output.scale)
                                       : per_channel_real_multiplier(q.input.scale, q.weight_scales[o], q.output.scale);
    std::int64_t accumulator = q.bias[o];
    for (std::size_t i = 0; i < layer.inputs; ++i)
      accumulator += static_cast<std::int64_t>(q.kernel[o * layer.inputs + i]) * (x[i] - q.input.zero_point);
    // TFLite accumulates in int32 (wrapping); only a file built to overflow gets here.
    const auto wrapped = static_cast<std::int32_t>(static_cast<std::uint32_t>(accumulator));
    std::int32_t value = multiply_by_quantized_multiplier(wrapped, quantize_multiplier(real_multiplier), rounding);
    value = static_cast<std::int32_t>(
        std::min<std::int64_t>(std::max<std::int64_t>(std::int64_t{value} + q.output.zero_point, low), high));
    y[o] = static_cast<std::int8_t>(value);
  }
  return y;
}

}  // namespace

std::vector<float> predict_float(const ModelDescription& model, const std::vector<float>& input) {
  if (input.size() != model.input_size)
    throw ModelError("the model takes " + std::to_string(model.input_size) + " inputs, not " +
                     std::to_string(input.size()));
  std::vector<float> values = input;
  for (const Layer& layer : model.layers) {
    if (layer.kind == LayerKind::dense) {
      values = dense_float(layer, values);
    } else if (layer.activation == Activation::softmax) {
      softmax_in_place(values);
    } else {
      for (float& value : values) value = activate(layer.activation, value);
    }
  }
  return values;
}

std::vector<std::int8_t> predict_int8(const ModelDescription& model, const std::vector<std::int8_t>& input,
                                      Rounding rounding) {
  if (input.size() != model.input_size)
    throw ModelError("the model takes " + std::to_string(model.input_size) + " inputs, not " +
                     std::to_string(input.size()));
  std::vector<std::int8_t> values = input;
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    if (layer.kind != LayerKind::dense || !layer.quantized)
      throw ModelError("layer " + std::to_string(k) +
                       " is not an int8 Dense layer: int8 inference runs full-integer "
                       "chains of Dense layers only");
    values = dense_int8(layer, values, rounding);
  }
  return values;
}

}  // namespace tools
}  // namespace tinymlp

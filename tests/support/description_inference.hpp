// Inference straight from a tinymlp::ModelDescription, the references the tests hold files and
// generated headers against:
//   predict_float  the host layer's float inference (host/float_inference.hpp; for a quantized model,
//                  its dequantized weights);
//   predict_int8   TFLite's integer kernels for a full-integer model, with TFLite's own 64-bit
//                  requantization (reference_requantization.hpp) in either rounding mode, int8 in and out;
//                  int8 LOGISTIC and TANH by the runtime's arithmetic on each value (the tables of
//                  host/int8_activation_tables.hpp), RELU, RELU6 and LEAKY_RELU from their kernels'
//                  formulas value by value, SOFTMAX as TensorFlow Lite Micro's kernel computes it
//                  (reference_int8_softmax.hpp) or as the CPU runtime's float table does, the runtime
//                  following the rounding (double: TensorFlow Lite Micro; single: TFLite's CPU runtime);
//   predict_hybrid TFLite's hybrid FULLY_CONNECTED (each input row quantized at run time, int32 dot
//                  products, float biases) for hybrid layers, float32 arithmetic for the rest.
#ifndef TINYMLP_TESTS_SUPPORT_DESCRIPTION_INFERENCE_HPP
#define TINYMLP_TESTS_SUPPORT_DESCRIPTION_INFERENCE_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "reference_int8_softmax.hpp"
#include "reference_requantization.hpp"
#include "tinymlp/host/float_inference.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/host/model_description.hpp"
#include "tinymlp/host/quantize.hpp"

namespace tinymlp_tests {

inline void check_input_size(const tinymlp::ModelDescription& model, std::size_t size) {
  if (size != model.input_size)
    throw tinymlp::ModelError("the model takes " + std::to_string(model.input_size) + " inputs, not " +
                              std::to_string(size));
}

// The outputs for `input` (model.input_size values): the host layer's float forward pass.
using tinymlp::predict_float;

// TFLite's CalculateActivationRangeQuantized for int8.
inline void int8_activation_range(const tinymlp::Layer& layer, std::int32_t& low, std::int32_t& high) {
  const tinymlp::Quantization& output = layer.int8()->output;
  low = -128;
  high = 127;
  // In double and clamped first: a tiny scale must not overflow the conversion.
  auto quantize = [&](float value) {
    const double q = output.zero_point + std::round(static_cast<double>(value) / output.scale);
    return static_cast<std::int32_t>(std::min(std::max(q, -129.0), 128.0));
  };
  if (layer.activation == tinymlp::Activation::relu || layer.activation == tinymlp::Activation::relu6)
    low = std::max(low, quantize(0.0f));
  if (layer.activation == tinymlp::Activation::relu6) high = std::min(high, quantize(6.0f));
}

inline std::vector<std::int8_t> dense_int8(const tinymlp::Layer& layer, const std::vector<std::int8_t>& x,
                                           tinymlp::RoundingMode rounding) {
  const tinymlp::Int8Quantization& q = *layer.int8();
  std::int32_t low, high;
  int8_activation_range(layer, low, high);
  std::vector<std::int8_t> y(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    const tinymlp::QuantizedMultiplier multiplier = tinymlp::quantize_multiplier(tinymlp::unit_real_multiplier(q, o));
    std::int64_t accumulator = q.bias[o];
    for (std::size_t i = 0; i < layer.inputs; ++i)
      accumulator += static_cast<std::int64_t>(q.kernel[o * layer.inputs + i]) * (x[i] - q.input.zero_point);
    // TFLite accumulates in int32 (wrapping); only a file built to overflow gets here.
    const auto wrapped = static_cast<std::int32_t>(static_cast<std::uint32_t>(accumulator));
    std::int32_t value = rounding == tinymlp::RoundingMode::single_rounding
                             ? reference::multiply_single_rounding(wrapped, multiplier.multiplier, multiplier.shift)
                             : reference::multiply_double_rounding(wrapped, multiplier.multiplier, multiplier.shift);
    value = static_cast<std::int32_t>(
        std::min<std::int64_t>(std::max<std::int64_t>(std::int64_t{value} + q.output.zero_point, low), high));
    y[o] = static_cast<std::int8_t>(value);
  }
  return y;
}

// TFLite's CPU runtime's int8 SOFTMAX (optimized_ops::Softmax): expf of the differences from a float
// table, their float sum, each rounded half away from zero at 1 / (sum * output scale).
inline std::vector<std::int8_t> cpu_runtime_softmax(const std::vector<std::int8_t>& x,
                                                    const tinymlp::Int8ActivationQuantization& q) {
  const std::array<float, 256> table =
      tinymlp::softmax_float_table("SOFTMAX", q.input.scale, 1.0f, q.output.scale, q.output.zero_point);
  const std::int8_t largest = *std::max_element(x.begin(), x.end());
  float sum = 0.0f;
  for (std::int8_t v : x) sum += table[static_cast<std::size_t>(largest - v)];
  const float inverse = 1.0f / (sum * q.output.scale);
  std::vector<std::int8_t> y;
  for (std::int8_t v : x) {
    const float rounded = std::round(table[static_cast<std::size_t>(largest - v)] * inverse);
    y.push_back(static_cast<std::int8_t>(std::min(127.0f, std::max(-128.0f, rounded + q.output.zero_point))));
  }
  return y;
}

// TFLite's int8 RELU, RELU6 and LEAKY_RELU computed value by value from their kernels' formulas, with
// TFLite's own 64-bit requantization in its default double rounding (which both runtimes use for RELU
// and RELU6): RELU and the CPU runtime's RELU6 (QuantizedReluX), TFLite Micro's RELU6 (Relu6Quantized: a
// clamp in the input's quantization), LEAKY_RELU (QuantizeLeakyRelu; in the CPU runtime XNNPACK's where
// it takes it).
inline std::vector<std::int8_t> relu_kind_int8(const tinymlp::Layer& layer, const std::vector<std::int8_t>& x,
                                               tinymlp::Int8Activations runtime) {
  const tinymlp::Int8ActivationQuantization& q = *layer.int8_activation();
  std::vector<std::int8_t> y;
  const auto clamp = [](std::int64_t v, std::int64_t low, std::int64_t high) {
    return static_cast<std::int8_t>(std::min(high, std::max(low, v)));
  };
  if (layer.activation == tinymlp::Activation::relu6 && runtime == tinymlp::Int8Activations::tflite_micro) {
    const std::int64_t six = q.input.zero_point + static_cast<std::int64_t>(std::round(6.0f / q.input.scale));
    for (std::int8_t v : x) y.push_back(clamp(v, q.input.zero_point, std::min<std::int64_t>(six, 127)));
    return y;
  }
  if (layer.activation == tinymlp::Activation::leaky_relu) {
    // The CPU runtime's XNNPACK (qs8-vlrelu), where it takes the ratios: 8-bit multipliers.
    const float positive_ratio = q.input.scale / q.output.scale, negative_ratio = positive_ratio * layer.alpha;
    const auto xnnpack_takes = [](float ratio) { return ratio >= 1.0f / 256.0f && ratio <= 128.0f; };
    if (runtime == tinymlp::Int8Activations::tflite_cpu && xnnpack_takes(positive_ratio) &&
        xnnpack_takes(negative_ratio)) {
      const long positive = std::lrint(256.0f * positive_ratio), negative = std::lrint(256.0f * negative_ratio);
      for (std::int8_t v : x) {
        const long input = v - q.input.zero_point;
        const long sum = q.output.zero_point * 256L + 128 + input * (input >= 0 ? positive : negative);
        y.push_back(clamp(static_cast<std::int64_t>(std::floor(static_cast<double>(sum) / 256.0)), -128, 127));
      }
      return y;
    }
    const tinymlp::QuantizedMultiplier identity =
        tinymlp::quantize_multiplier(static_cast<double>(q.input.scale / q.output.scale));
    const tinymlp::QuantizedMultiplier alpha =
        tinymlp::quantize_multiplier(static_cast<double>(q.input.scale * layer.alpha / q.output.scale));
    for (std::int8_t v : x) {
      const std::int32_t input = v - q.input.zero_point;
      const tinymlp::QuantizedMultiplier& m = input >= 0 ? identity : alpha;
      y.push_back(
          clamp(std::int64_t{q.output.zero_point} + reference::multiply_double_rounding(input, m.multiplier, m.shift),
                -128, 127));
    }
    return y;
  }
  const double ratio = runtime == tinymlp::Int8Activations::tflite_micro
                           ? static_cast<double>(q.input.scale) / static_cast<double>(q.output.scale)
                           : static_cast<double>(q.input.scale / q.output.scale);
  const tinymlp::QuantizedMultiplier m = tinymlp::quantize_multiplier(ratio);
  const std::int64_t low = std::max(-128, q.output.zero_point);
  const std::int64_t high =
      layer.activation == tinymlp::Activation::relu6
          ? std::min<std::int64_t>(127,
                                   q.output.zero_point + static_cast<std::int64_t>(std::round(6.0f / q.output.scale)))
          : 127;
  for (std::int8_t v : x)
    y.push_back(clamp(std::int64_t{q.output.zero_point} +
                          reference::multiply_double_rounding(v - q.input.zero_point, m.multiplier, m.shift),
                      low, high));
  return y;
}

inline std::vector<std::int8_t> activation_int8(const tinymlp::Layer& layer, const std::vector<std::int8_t>& x,
                                                tinymlp::RoundingMode rounding) {
  const tinymlp::Int8ActivationQuantization& q = *layer.int8_activation();
  const tinymlp::Int8Activations runtime = tinymlp::int8_activations_of(rounding);
  if (layer.activation == tinymlp::Activation::relu || layer.activation == tinymlp::Activation::relu6 ||
      layer.activation == tinymlp::Activation::leaky_relu)
    return relu_kind_int8(layer, x, runtime);
  if (layer.activation == tinymlp::Activation::softmax)
    return runtime == tinymlp::Int8Activations::tflite_cpu ? cpu_runtime_softmax(x, q)
                                                           : reference::tflite_micro_softmax(x, q.input.scale, 1.0f);
  const tinymlp::Int8Table table = tinymlp::int8_activation_table("activation", layer.activation, q, runtime);
  std::vector<std::int8_t> y;
  for (std::int8_t v : x) y.push_back(table[static_cast<std::size_t>(v + 128)]);
  return y;
}

// `input` is quantized with the first layer's input quantization; the result with the last layer's
// output quantization. Throws ModelError for a model that is not full-integer.
inline std::vector<std::int8_t> predict_int8(const tinymlp::ModelDescription& model,
                                             const std::vector<std::int8_t>& input,
                                             tinymlp::RoundingMode rounding = tinymlp::RoundingMode::double_rounding) {
  check_input_size(model, input.size());
  std::vector<std::int8_t> values = input;
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const tinymlp::Layer& layer = model.layers[k];
    if (layer.kind == tinymlp::LayerKind::activation && layer.int8_activation()) {
      values = activation_int8(layer, values, rounding);
      continue;
    }
    if (layer.kind != tinymlp::LayerKind::dense || !layer.int8())
      throw tinymlp::ModelError("layer " + std::to_string(k) +
                                " is not an int8 Dense layer: int8 inference runs full-integer "
                                "chains of Dense layers only");
    values = dense_int8(layer, values, rounding);
  }
  return values;
}

// TFLite's SymmetricQuantizeFloats / AsymmetricQuantizeFloats of one row: q, scale and zero point.
inline void quantize_row(const std::vector<float>& x, tinymlp::HybridInputs inputs, std::vector<std::int32_t>& q,
                         float& scale, std::int32_t& zero_point) {
  const auto [low_it, high_it] = std::minmax_element(x.begin(), x.end());
  const float low = *low_it, high = *high_it;
  q.assign(x.size(), 0);
  zero_point = 0;
  scale = 1.0f;
  if (inputs == tinymlp::HybridInputs::symmetric) {
    const float range = std::max(std::fabs(low), std::fabs(high));
    if (range == 0.0f) return;
    scale = range / 127.0f;
    const float inverse = 127.0f / range;
    for (std::size_t i = 0; i < x.size(); ++i)
      q[i] = std::clamp(static_cast<std::int32_t>(std::round(x[i] * inverse)), -127, 127);
    return;
  }
  const double rmin = std::min(0.0f, low), rmax = std::max(0.0f, high);
  if (rmin == rmax) return;
  const double step = (rmax - rmin) / 255.0;
  const double from_min = -128.0 - rmin / step, from_max = 127.0 - rmax / step;
  const double zero =
      std::fabs(-128.0) + std::fabs(rmin / step) < std::fabs(127.0) + std::fabs(rmax / step) ? from_min : from_max;
  zero_point = zero <= -128.0 ? -128 : zero >= 127.0 ? 127 : static_cast<std::int32_t>(std::round(zero));
  scale = static_cast<float>(step);
  const float inverse = 1.0f / scale;
  for (std::size_t i = 0; i < x.size(); ++i)
    q[i] =
        std::clamp(static_cast<std::int32_t>(std::round(static_cast<float>(zero_point) + x[i] * inverse)), -128, 127);
}

inline std::vector<float> dense_hybrid(const tinymlp::Layer& layer, const std::vector<float>& x) {
  const tinymlp::HybridQuantization& h = *layer.hybrid();
  std::vector<std::int32_t> q;
  float input_scale = 1.0f;
  std::int32_t zero_point = 0;
  quantize_row(x, h.inputs, q, input_scale, zero_point);
  const float scale = input_scale * h.weight_scale;
  std::vector<float> y(layer.outputs);
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    std::int32_t dot = 0;
    for (std::size_t i = 0; i < layer.inputs; ++i) dot += h.kernel[o * layer.inputs + i] * (q[i] - zero_point);
    y[o] = layer.bias[o] + static_cast<float>(dot) * scale;
  }
  return y;
}

// float32 in, float32 out: hybrid layers as TFLite computes them, the rest in float32.
inline std::vector<float> predict_hybrid(const tinymlp::ModelDescription& model, const std::vector<float>& input) {
  check_input_size(model, input.size());
  std::vector<float> values = input;
  for (const tinymlp::Layer& layer : model.layers) {
    if (layer.kind == tinymlp::LayerKind::normalization) {
      std::vector<float> y(layer.outputs);
      for (std::size_t o = 0; o < layer.outputs; ++o)
        y[o] = (values[layer.inputs == 1 ? 0 : o] + layer.bias[o]) * layer.kernel[o];
      values = y;
      continue;
    }
    if (layer.kind == tinymlp::LayerKind::dense) {
      if (layer.hybrid()) {
        values = dense_hybrid(layer, values);
      } else {
        std::vector<float> y(layer.outputs);
        for (std::size_t o = 0; o < layer.outputs; ++o) {
          float sum = layer.bias[o];
          for (std::size_t i = 0; i < layer.inputs; ++i) sum += layer.kernel[o * layer.inputs + i] * values[i];
          y[o] = sum;
        }
        values = y;
      }
    }
    switch (layer.activation) {
      case tinymlp::Activation::none: break;
      case tinymlp::Activation::relu:
        for (float& v : values) v = std::max(v, 0.0f);
        break;
      case tinymlp::Activation::relu6:
        for (float& v : values) v = std::min(std::max(v, 0.0f), 6.0f);
        break;
      case tinymlp::Activation::tanh:
        for (float& v : values) v = std::tanh(v);
        break;
      case tinymlp::Activation::sigmoid:
        for (float& v : values) v = 1.0f / (1.0f + std::exp(-v));
        break;
      case tinymlp::Activation::leaky_relu:
        for (float& v : values) v = v < 0.0f ? layer.alpha * v : v;
        break;
      case tinymlp::Activation::softmax: {
        const float largest = *std::max_element(values.begin(), values.end());
        float total = 0.0f;
        for (float& v : values) total += (v = std::exp(v - largest));
        for (float& v : values) v /= total;
        break;
      }
    }
  }
  return values;
}

}  // namespace tinymlp_tests

#endif

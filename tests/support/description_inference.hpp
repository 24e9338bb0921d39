// Inference straight from a tinymlp::ModelDescription, the references the tests hold files and
// generated headers against:
//   predict_float  the double-precision reference of reference_model.hpp, layer by layer (for a
//                  quantized model: its dequantized weights);
//   predict_int8   TFLite's integer kernels for a full-integer model, with TFLite's own 64-bit
//                  requantization (reference_requantization.hpp) in either rounding mode, int8 in and out;
//                  int8 LOGISTIC and TANH by the runtime's arithmetic on each value (the tables of
//                  host/int8_activation_tables.hpp), SOFTMAX as TensorFlow Lite Micro's kernel computes it
//                  (reference_int8_softmax.hpp) or as the CPU runtime's float table does, the runtime
//                  following the rounding (double: TensorFlow Lite Micro; single: TFLite's CPU runtime).
#ifndef TINYMLP_TESTS_SUPPORT_DESCRIPTION_INFERENCE_HPP
#define TINYMLP_TESTS_SUPPORT_DESCRIPTION_INFERENCE_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "reference_int8_softmax.hpp"
#include "reference_model.hpp"
#include "reference_requantization.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/host/model_description.hpp"
#include "tinymlp/host/quantize.hpp"

namespace tinymlp_tests {

inline void check_input_size(const tinymlp::ModelDescription& model, std::size_t size) {
  if (size != model.input_size)
    throw tinymlp::ModelError("the model takes " + std::to_string(model.input_size) + " inputs, not " +
                              std::to_string(size));
}

// The outputs for `input` (model.input_size values).
inline std::vector<float> predict_float(const tinymlp::ModelDescription& model, const std::vector<float>& input) {
  check_input_size(model, input.size());
  const std::vector<float> parameters = tinymlp::flat_parameters(model);
  Reference reference(parameters.data(), input);
  for (const tinymlp::Layer& layer : tinymlp::layer_sequence(model)) {
    if (layer.kind == tinymlp::LayerKind::dense) {
      reference.dense(layer.inputs, layer.outputs);
      continue;
    }
    if (layer.kind == tinymlp::LayerKind::normalization) {
      reference.normalization(layer.inputs, layer.outputs);
      continue;
    }
    switch (layer.activation) {
      case tinymlp::Activation::none: break;
      case tinymlp::Activation::relu: reference.map(relu); break;
      case tinymlp::Activation::relu6: reference.map(relu6); break;
      case tinymlp::Activation::tanh: reference.map(hyperbolic_tangent); break;
      case tinymlp::Activation::sigmoid: reference.map(sigmoid); break;
      case tinymlp::Activation::softmax: reference.softmax(); break;
      case tinymlp::Activation::leaky_relu: reference.leaky_relu(layer.alpha); break;
    }
  }
  return std::vector<float>(reference.values().begin(), reference.values().end());
}

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

inline std::vector<std::int8_t> activation_int8(const tinymlp::Layer& layer, const std::vector<std::int8_t>& x,
                                                tinymlp::RoundingMode rounding) {
  const tinymlp::Int8ActivationQuantization& q = *layer.int8_activation();
  const tinymlp::Int8Activations runtime = tinymlp::int8_activations_of(rounding);
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

}  // namespace tinymlp_tests

#endif

/// \file
/// The tables behind the device's int8 activations (quant/int8_lookup.hpp, quant/int8_softmax.hpp),
/// computed with either runtime's own arithmetic on every int8 input:
///   - Int8Activations::tflite_micro: TensorFlow Lite Micro's reference integer kernels (gemmlowp
///     fixed point for LOGISTIC, TANH and SOFTMAX; MultiplyByQuantizedMultiplier with double rounding
///     for RELU and RELU6, which the CPU runtime computes the same way);
///   - Int8Activations::tflite_cpu: TFLite's CPU runtime as the tfjs-tflite WebAssembly build runs it
///     (XNNPACK's float-built LOGISTIC table, TFLite's float-built TANH table, SOFTMAX's float expf
///     table), each checked against that runtime (tests/oracle).
/// Scales and zero points are refused by name where TFLite fixes them (LOGISTIC and SOFTMAX output
/// 1/256 and -128, TANH 1/128 and 0) or where the arithmetic cannot hold them.
#ifndef TINYMLP_HOST_INT8_ACTIVATION_TABLES_HPP
#define TINYMLP_HOST_INT8_ACTIVATION_TABLES_HPP

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "../quant/fixed_point.hpp"
#include "../quant/int8_lookup.hpp"
#include "../quant/int8_softmax.hpp"
#include "../quant/requantization.hpp"
#include "float_text.hpp"
#include "quantize.hpp"

namespace tinymlp {

/// Which runtime's int8 activation arithmetic a table reproduces.
enum class Int8Activations {
  tflite_micro,  ///< TensorFlow Lite Micro's reference kernels (with quant::DoubleRounding).
  tflite_cpu     ///< TFLite's CPU runtime, the tfjs-tflite WebAssembly build (with quant::SingleRounding).
};

/// The activation arithmetic that goes with a requantization rounding, as one runtime computes both:
/// TensorFlow Lite Micro's with double rounding (TFLite's default), the CPU runtime's with single
/// rounding (XNNPACK's), as Int8Model's SoftmaxArithmetic follows its Rounding.
inline Int8Activations int8_activations_of(RoundingMode rounding) {
  return rounding == RoundingMode::single_rounding ? Int8Activations::tflite_cpu : Int8Activations::tflite_micro;
}

/// "TensorFlow Lite Micro's reference kernels" or "TFLite's CPU runtime", for comments and messages.
inline const char* int8_activations_name(Int8Activations runtime) {
  return runtime == Int8Activations::tflite_cpu ? "TFLite's CPU runtime" : "TensorFlow Lite Micro's reference kernels";
}

/// An int8 table by input (entry k is the output for k - 128), as Int8LookupParameters holds it.
using Int8Table = std::array<std::int8_t, 256>;

namespace detail {

inline void check_int8_input(const std::string& name, float scale, std::int32_t zero_point) {
  if (!(scale > 0.0f) || !std::isfinite(scale))
    throw QuantizationError(name + ": the input scale " + std::to_string(scale) + " is not a positive finite number");
  if (zero_point < -128 || zero_point > 127)
    throw QuantizationError(name + ": the input zero point " + std::to_string(zero_point) + " is not an int8");
}

inline void check_fixed_output(const std::string& name, float scale, std::int32_t zero_point, float wanted_scale,
                               std::int32_t wanted_zero_point) {
  if (scale != wanted_scale || zero_point != wanted_zero_point)
    throw QuantizationError(name + ": the output scale and zero point are " + std::to_string(scale) + " and " +
                            std::to_string(zero_point) + "; TFLite fixes them at " + std::to_string(wanted_scale) +
                            " and " + std::to_string(wanted_zero_point));
}

// A requantization ratio of an activation (`what` says which: "input scale / output scale") as TFLite's
// multiplier, refused by name where QuantizeMultiplier cannot represent it (below 2^-32 it flushes to 0,
// from 2^31 it saturates).
inline QuantizedMultiplier checked_ratio(double real, const std::string& name, const std::string& what) {
  const QuantizedMultiplier q = quantize_multiplier(real);
  if (!(real > 0.0) || !std::isfinite(real) || q.multiplier == 0 ||
      (q.shift == 30 && q.multiplier == std::numeric_limits<std::int32_t>::max()))
    throw QuantizationError(name + ": the ratio " + what + " = " + float_message_text(static_cast<float>(real)) +
                            " is outside what int8 requantization can represent (2^-32 to 2^31)");
  return q;
}

// Where a table keeps the entry of int8 input x.
inline std::size_t table_index(int x) {
  const int entry = x + 128;
  return static_cast<std::size_t>(entry);
}

inline std::int8_t clamp_to_int8(std::int64_t value) {
  return static_cast<std::int8_t>(value < -128 ? -128 : value > 127 ? 127 : value);
}

// TensorFlow Lite Micro's LOGISTIC and TANH input rescaling to 4 integer bits: frexp of
// input_scale * 2^27 (no fix-up when q rounds to 2^31), and the radius beyond which the output saturates.
struct Q4Rescaling {
  std::int32_t multiplier = 0;
  int left_shift = 0;
  std::int32_t radius = 0;
};

inline Q4Rescaling q4_rescaling(const std::string& name, float input_scale) {
  Q4Rescaling r;
  const double real = static_cast<double>(input_scale) * static_cast<double>(1 << 27);
  const double q = std::frexp(real, &r.left_shift);
  const double fixed = std::round(q * static_cast<double>(std::int64_t{1} << 31));
  if (fixed >= static_cast<double>(std::int64_t{1} << 31) || r.left_shift > 30 || r.left_shift < -31)
    throw QuantizationError(name + ": the input scale " + std::to_string(input_scale) +
                            " is outside what TensorFlow Lite Micro's fixed-point rescaling holds");
  r.multiplier = static_cast<std::int32_t>(fixed);
  // CalculateInputRadius(4, left_shift, 31): floor(15 * 2^27 / 2^left_shift).
  const double radius = std::floor(15.0 * static_cast<double>(std::int64_t{1} << 27) / std::ldexp(1.0, r.left_shift));
  r.radius = radius > 2147483647.0 ? 2147483647 : static_cast<std::int32_t>(radius);
  return r;
}

// TFLite's LUTPopulate for int8: dequantize, transform in float, round half away, add the zero point, clamp.
template <class Transform>
Int8Table float_built_table(float input_scale, std::int32_t input_zero_point, float output_scale,
                            std::int32_t output_zero_point, Transform transform) {
  Int8Table table{};
  const float inverse_scale = 1.0f / output_scale;
  for (int x = -128; x <= 127; ++x) {
    const float dequantized = input_scale * static_cast<float>(x - input_zero_point);
    const float rescaled = std::round(transform(dequantized) * inverse_scale);
    table[detail::table_index(x)] = clamp_to_int8(
        static_cast<std::int64_t>(static_cast<std::int32_t>(rescaled + static_cast<float>(output_zero_point))));
  }
  return table;
}

}  // namespace detail

/// TFLite's int8 LOGISTIC on every int8 input. `name` (the operator or tensor) starts every error.
inline Int8Table logistic_table(const std::string& name, float input_scale, std::int32_t input_zero_point,
                                float output_scale, std::int32_t output_zero_point, Int8Activations runtime) {
  detail::check_int8_input(name, input_scale, input_zero_point);
  detail::check_fixed_output(name, output_scale, output_zero_point, 1.0f / 256.0f, -128);
  Int8Table table{};
  if (runtime == Int8Activations::tflite_cpu) {
    // The CPU runtime hands int8 LOGISTIC to XNNPACK, whose table is built in float from the side of 0
    // that keeps 1 + exp(.) accurate, and rounded to nearest even (lrintf); checked against the runtime.
    const float inverse_scale = 1.0f / output_scale;
    for (int x = -128; x <= 127; ++x) {
      const float real = input_scale * static_cast<float>(x - input_zero_point);
      const float scaled = std::signbit(real) ? inverse_scale / (1.0f + std::exp(-real))
                                              : inverse_scale - inverse_scale / (1.0f + std::exp(real));
      table[detail::table_index(x)] = detail::clamp_to_int8(std::lrint(scaled) + output_zero_point);
    }
    return table;
  }
  const detail::Q4Rescaling r = detail::q4_rescaling(name, input_scale);
  for (int x = -128; x <= 127; ++x) {
    const std::int32_t input = x - input_zero_point;
    std::int8_t y;
    if (input <= -r.radius) {
      y = -128;
    } else if (input >= r.radius) {
      y = 127;
    } else {
      const std::int32_t input_in_q4 = quant::DoubleRounding::multiply(input, r.multiplier, r.left_shift);
      const std::int32_t output_in_q0 = quant::fixed_point::logistic(input_in_q4, 4);
      y = detail::clamp_to_int8(static_cast<std::int64_t>(quant::rounding_divide_by_power_of_two(output_in_q0, 23)) -
                                128);
    }
    table[detail::table_index(x)] = y;
  }
  return table;
}

/// TFLite's int8 TANH on every int8 input.
inline Int8Table tanh_table(const std::string& name, float input_scale, std::int32_t input_zero_point,
                            float output_scale, std::int32_t output_zero_point, Int8Activations runtime) {
  detail::check_int8_input(name, input_scale, input_zero_point);
  detail::check_fixed_output(name, output_scale, output_zero_point, 1.0f / 128.0f, 0);
  if (runtime == Int8Activations::tflite_cpu)
    return detail::float_built_table(input_scale, input_zero_point, output_scale, output_zero_point,
                                     [](float v) { return std::tanh(v); });
  const detail::Q4Rescaling r = detail::q4_rescaling(name, input_scale);
  Int8Table table{};
  for (int x = -128; x <= 127; ++x) {
    const std::int32_t input = x - input_zero_point;
    std::int8_t y;
    if (input <= -r.radius) {
      y = -128;
    } else if (input >= r.radius) {
      y = 127;
    } else {
      const std::int32_t input_in_q4 = quant::DoubleRounding::multiply(input, r.multiplier, r.left_shift);
      const std::int32_t output_in_q0 = quant::fixed_point::tanh(input_in_q4, 4);
      y = detail::clamp_to_int8(quant::rounding_divide_by_power_of_two(output_in_q0, 24));
    }
    table[detail::table_index(x)] = y;
  }
  return table;
}

/// TFLite's int8 RELU (`upper` infinite) or RELU6 (`upper` 6) as the CPU runtime's QuantizedReluX and
/// TensorFlow Lite Micro's RELU compute it: the input requantized to the output's
/// scale (MultiplyByQuantizedMultiplier of input_scale / output_scale, double rounding), plus
/// the output zero point, clamped to [zero point, zero point + round(upper / output_scale)] in int8.
inline Int8Table relu_table(const std::string& name, float input_scale, std::int32_t input_zero_point,
                            float output_scale, std::int32_t output_zero_point, float upper, Int8Activations runtime) {
  detail::check_int8_input(name, input_scale, input_zero_point);
  if (!(output_scale > 0.0f) || !std::isfinite(output_scale) || output_zero_point < -128 || output_zero_point > 127)
    throw QuantizationError(name + ": the output scale " + std::to_string(output_scale) + " and zero point " +
                            std::to_string(output_zero_point) + " are not an int8 quantization");
  // TFLite Micro divides in double, the CPU runtime in float.
  const double real = runtime == Int8Activations::tflite_micro
                          ? static_cast<double>(input_scale) / static_cast<double>(output_scale)
                          : static_cast<double>(input_scale / output_scale);
  const QuantizedMultiplier m = detail::checked_ratio(real, name, "input scale / output scale");
  const std::int32_t low = std::max<std::int32_t>(-128, output_zero_point);
  const std::int32_t high =
      std::isinf(upper) ? 127
                        : std::min<std::int32_t>(
                              127, output_zero_point + static_cast<std::int32_t>(std::round(upper / output_scale)));
  Int8Table table{};
  for (int x = -128; x <= 127; ++x) {
    // Both runtimes run TFLite's own ReluX here (XNNPACK takes no int8 RELU that rescales), in the
    // default double rounding.
    const std::int32_t scaled = quant::DoubleRounding::multiply(x - input_zero_point, m.multiplier, m.shift);
    const std::int32_t y = std::min(high, std::max(low, scaled + output_zero_point));
    table[detail::table_index(x)] = static_cast<std::int8_t>(y);
  }
  return table;
}

/// TensorFlow Lite Micro's int8 RELU6 (Relu6Quantized): the input clamped to [input zero point, input zero
/// point + round(6 / input scale)] and kept as it is; it reads no output quantization (for one equal to
/// the input's, as the converter makes, it is relu_table's RELU6).
inline Int8Table tflite_micro_relu6_table(const std::string& name, float input_scale, std::int32_t input_zero_point) {
  detail::check_int8_input(name, input_scale, input_zero_point);
  const double six = static_cast<double>(input_zero_point) + std::round(static_cast<double>(6.0f / input_scale));
  const auto high = static_cast<std::int32_t>(std::min(127.0, std::max(-128.0, six)));
  Int8Table table{};
  for (int x = -128; x <= 127; ++x)
    table[detail::table_index(x)] = static_cast<std::int8_t>(std::min(high, std::max(input_zero_point, x)));
  return table;
}

/// TFLite's int8 LEAKY_RELU in `runtime`'s arithmetic:
///   - TensorFlow Lite Micro's (QuantizeLeakyRelu): the input less its zero point requantized by
///     input_scale / output_scale where it is at least 0 and by input_scale * alpha / output_scale below
///     (both ratios taken in float, as TFLite does), with double rounding, plus the output zero point;
///   - the CPU runtime hands it to XNNPACK where XNNPACK takes it (both ratios, the second as the first
///     times alpha, from 2^-8 to 2^7): each ratio as an 8-bit fixed-point multiplier (lrintf(256 ratio)),
///     the product plus the output zero point and a half, shifted right by 8; elsewhere (an alpha of 0
///     among them) it runs TFLite's own kernel, TensorFlow Lite Micro's arithmetic.
/// Clamped to int8.
inline Int8Table leaky_relu_table(const std::string& name, float input_scale, std::int32_t input_zero_point,
                                  float output_scale, std::int32_t output_zero_point, float alpha,
                                  Int8Activations runtime) {
  detail::check_int8_input(name, input_scale, input_zero_point);
  if (!(output_scale > 0.0f) || !std::isfinite(output_scale) || output_zero_point < -128 || output_zero_point > 127)
    throw QuantizationError(name + ": the output scale " + std::to_string(output_scale) + " and zero point " +
                            std::to_string(output_zero_point) + " are not an int8 quantization");
  if (!(alpha >= 0.0f) || !std::isfinite(alpha))
    throw QuantizationError(name + ": alpha " + std::to_string(alpha) + " is not a finite number of at least 0");
  const float positive_ratio = input_scale / output_scale, negative_ratio = positive_ratio * alpha;
  const QuantizedMultiplier identity =
      detail::checked_ratio(static_cast<double>(positive_ratio), name, "input scale / output scale");
  const float alpha_ratio = input_scale * alpha / output_scale;
  const QuantizedMultiplier below = alpha_ratio == 0.0f ? QuantizedMultiplier{}
                                                        : detail::checked_ratio(static_cast<double>(alpha_ratio), name,
                                                                                "input scale * alpha / output scale");
  Int8Table table{};
  const auto in_xnnpack_range = [](float ratio) { return ratio >= 1.0f / 256.0f && ratio <= 128.0f; };
  if (runtime == Int8Activations::tflite_cpu && in_xnnpack_range(positive_ratio) && in_xnnpack_range(negative_ratio)) {
    const std::int32_t positive = static_cast<std::int32_t>(std::lrint(256.0f * positive_ratio));
    const std::int32_t negative = static_cast<std::int32_t>(std::lrint(256.0f * negative_ratio));
    const std::int32_t bias = output_zero_point * 256 + 128;
    for (int x = -128; x <= 127; ++x) {
      const std::int32_t input = x - input_zero_point;
      const std::int32_t sum = bias + input * (input >= 0 ? positive : negative);
      // An arithmetic shift right: floor division by 256.
      const std::int32_t shifted = sum >= 0 ? sum / 256 : -((-sum + 255) / 256);
      table[detail::table_index(x)] = detail::clamp_to_int8(shifted);
    }
    return table;
  }
  for (int x = -128; x <= 127; ++x) {
    const std::int32_t input = x - input_zero_point;
    const QuantizedMultiplier& m = input >= 0 ? identity : below;
    const std::int32_t scaled = m.multiplier == 0 ? 0 : quant::DoubleRounding::multiply(input, m.multiplier, m.shift);
    table[detail::table_index(x)] = detail::clamp_to_int8(static_cast<std::int64_t>(scaled) + output_zero_point);
  }
  return table;
}

/// TensorFlow Lite Micro's SOFTMAX table (quant::FixedPointSoftmax::Parameters): for d = 0 .. 255,
/// exp_on_negative_values of -d rescaled by beta * input_scale to 5 integer bits (PreprocessSoftmaxScaling
/// and MultiplyByQuantizedMultiplierGreaterThanOne, double rounding), 0 where -d < diff_min.
inline std::array<std::int32_t, 256> softmax_fixed_point_table(const std::string& name, float input_scale, float beta,
                                                               float output_scale, std::int32_t output_zero_point) {
  detail::check_int8_input(name, input_scale, 0);
  detail::check_fixed_output(name, output_scale, output_zero_point, 1.0f / 256.0f, -128);
  if (!(beta > 0.0f) || !std::isfinite(beta))
    throw QuantizationError(name + ": beta " + std::to_string(beta) + " is not a positive finite number");
  const int scaled_diff_integer_bits = 5;
  const double real = std::min(static_cast<double>(beta) * static_cast<double>(input_scale) *
                                   static_cast<double>(std::int64_t{1} << (31 - scaled_diff_integer_bits)),
                               static_cast<double>((std::int64_t{1} << 31) - 1));
  const QuantizedMultiplier m = quantize_multiplier(real);  // QuantizeMultiplierGreaterThanOne
  if (m.shift < 0 || m.multiplier == 0)
    throw QuantizationError(name + ": beta * input scale = " + std::to_string(static_cast<double>(beta) * input_scale) +
                            " is too small for TensorFlow Lite Micro's SOFTMAX (it needs at least 2^-26)");
  // CalculateInputRadius(5, left_shift): floor(31 * 2^26 / 2^left_shift).
  const double diff_min = -std::floor(31.0 * static_cast<double>(std::int64_t{1} << 26) / std::ldexp(1.0, m.shift));
  std::array<std::int32_t, 256> table{};
  for (int d = 0; d <= 255; ++d) {
    if (-static_cast<double>(d) < diff_min) continue;
    const std::int32_t rescaled = quant::fixed_point::doubling_high_multiply(
        static_cast<std::int32_t>(static_cast<std::uint32_t>(-d) << m.shift), m.multiplier);
    table[static_cast<std::size_t>(d)] = quant::fixed_point::exp_on_negative_values(rescaled, scaled_diff_integer_bits);
  }
  return table;
}

/// TFLite's CPU runtime's SOFTMAX table (quant::FloatTableSoftmax::Parameters' exp_of_difference):
/// expf(-input_scale * beta * d) for d = 0 .. 255, as PopulateSoftmaxLookupTable computes it. The output
/// scale must be within TFLite's tolerance of 1/256 (0.1 %) and the zero point -128.
inline std::array<float, 256> softmax_float_table(const std::string& name, float input_scale, float beta,
                                                  float output_scale, std::int32_t output_zero_point) {
  detail::check_int8_input(name, input_scale, 0);
  if (!(std::fabs(output_scale - 1.0f / 256.0f) <= 0.001f / 256.0f) || output_zero_point != -128)
    throw QuantizationError(name + ": the output scale and zero point are " + std::to_string(output_scale) + " and " +
                            std::to_string(output_zero_point) + "; TFLite fixes them at 1/256 and -128");
  if (!(beta > 0.0f) || !std::isfinite(beta))
    throw QuantizationError(name + ": beta " + std::to_string(beta) + " is not a positive finite number");
  const float scale = -input_scale * beta;
  std::array<float, 256> table{};
  for (int d = 0; d <= 255; ++d) table[static_cast<std::size_t>(d)] = std::exp(scale * static_cast<float>(d));
  return table;
}

/// The table of an int8 LOGISTIC, TANH, RELU or RELU6 (Int8Lookup's), in `runtime`'s arithmetic; `name`
/// starts every error. RELU6 differs between the runtimes where its output is requantized: TFLite Micro
/// keeps the input's quantization (tflite_micro_relu6_table), the CPU runtime requantizes (relu_table).
inline Int8Table int8_activation_table(const std::string& name, Activation activation,
                                       const Int8ActivationQuantization& q, Int8Activations runtime) {
  if (activation == Activation::sigmoid)
    return logistic_table(name, q.input.scale, q.input.zero_point, q.output.scale, q.output.zero_point, runtime);
  if (activation == Activation::tanh)
    return tanh_table(name, q.input.scale, q.input.zero_point, q.output.scale, q.output.zero_point, runtime);
  if (activation == Activation::relu)
    return relu_table(name, q.input.scale, q.input.zero_point, q.output.scale, q.output.zero_point, INFINITY, runtime);
  if (activation == Activation::relu6)
    return runtime == Int8Activations::tflite_micro ? tflite_micro_relu6_table(name, q.input.scale, q.input.zero_point)
                                                    : relu_table(name, q.input.scale, q.input.zero_point,
                                                                 q.output.scale, q.output.zero_point, 6.0f, runtime);
  throw QuantizationError(name + ": " + activation_name(activation) + " has no int8 lookup table");
}

/// The table of any int8 lookup layer of a description (LOGISTIC, TANH, RELU, RELU6, LEAKY_RELU with
/// the layer's alpha), in `runtime`'s arithmetic.
inline Int8Table int8_activation_table(const std::string& name, const Layer& layer, Int8Activations runtime) {
  const Int8ActivationQuantization* q = layer.int8_activation();
  if (!q) throw QuantizationError(name + " is not an int8 activation");
  if (layer.activation == Activation::leaky_relu)
    return leaky_relu_table(name, q->input.scale, q->input.zero_point, q->output.scale, q->output.zero_point,
                            layer.alpha, runtime);
  return int8_activation_table(name, layer.activation, *q, runtime);
}

/// An Int8Lookup's parameters (LOGISTIC, TANH, RELU, RELU6, LEAKY_RELU) from description layer `index`, in the arithmetic of
/// the fill's rounding (int8_activations_of).
inline void fill_int8_layer(Int8LookupParameters& target, const Layer& source, std::size_t index, Int8FillMode mode) {
  const std::string name = "layer " + std::to_string(index);
  if (!source.int8_activation()) throw QuantizationError(name + " is not an int8 activation, unlike the model type's");
  const Int8Table table = int8_activation_table(name, source, int8_activations_of(mode.rounding));
  std::copy(table.begin(), table.end(), target.output);
  target.output_zero_point = static_cast<std::int8_t>(source.int8_activation()->output.zero_point);
}

namespace detail {
inline const Int8ActivationQuantization& softmax_source(const Layer& source, const std::string& name) {
  if (!source.int8_activation() || source.activation != Activation::softmax)
    throw QuantizationError(name + " is not an int8 Softmax, unlike the model type's");
  return *source.int8_activation();
}
}  // namespace detail

/// TensorFlow Lite Micro's SOFTMAX parameters from description layer `index`.
inline void fill_int8_layer(quant::FixedPointSoftmax::Parameters& target, const Layer& source, std::size_t index,
                            Int8FillMode) {
  const std::string name = "layer " + std::to_string(index);
  const Int8ActivationQuantization& q = detail::softmax_source(source, name);
  const auto table = softmax_fixed_point_table(name, q.input.scale, 1.0f, q.output.scale, q.output.zero_point);
  std::copy(table.begin(), table.end(), target.exp_of_difference);
}

/// TFLite's CPU runtime's SOFTMAX parameters from description layer `index`.
inline void fill_int8_layer(quant::FloatTableSoftmax::Parameters& target, const Layer& source, std::size_t index,
                            Int8FillMode) {
  const std::string name = "layer " + std::to_string(index);
  const Int8ActivationQuantization& q = detail::softmax_source(source, name);
  const auto table = softmax_float_table(name, q.input.scale, 1.0f, q.output.scale, q.output.zero_point);
  std::copy(table.begin(), table.end(), target.exp_of_difference);
  target.output_scale = q.output.scale;
}

}  // namespace tinymlp

#endif

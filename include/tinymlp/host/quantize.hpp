/// \file
/// Post-training full-integer quantization, TFLite's int8 scheme, and what the device's Int8Model
/// needs from it:
///   - weights: symmetric int8 in [-127, 127], zero point 0, one scale per output unit (default) or
///     one for the whole kernel: scale = max |w| / 127;
///   - biases: int32 at scale = input scale * weight scale, the product taken in float32 as TFLite does;
///   - activations (the model's input and every layer's output): asymmetric int8 from the range that a
///     representative dataset gives, widened to include 0, scale and zero point chosen as TFLite's
///     ChooseQuantizationParams does;
///   - per output unit a fixed-point multiplier and shift (TFLite's QuantizeMultiplier) for
///     input scale * weight scale / output scale (the first product in float32 for one weight scale,
///     all in double for per-channel scales, as TFLite).
///
/// Bad input fails with a QuantizationError naming the sample, feature, layer or unit: calibration
/// data with NaN or infinity, multipliers outside what the int32 arithmetic can hold, biases or folded
/// biases outside int32. Two documented fallbacks instead of errors, as TFLite's converter behaves:
///   - a zero range (a tensor that is 0 on every calibration sample, e.g. a ReLU layer whose units are
///     all dead) is quantized with scale 1 and zero point 0 (TFLite's MLIR quantizer does the same);
///   - a kernel row (or kernel) of zeros gets weight scale 1, so its multiplier stays defined.
///
/// A constant feature is no special case: its range is widened to include 0.
#ifndef TINYMLP_HOST_QUANTIZE_HPP
#define TINYMLP_HOST_QUANTIZE_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "../quant/int8_model.hpp"
#include "batches.hpp"
#include "dataset.hpp"
#include "describe.hpp"
#include "float_inference.hpp"
#include "model_description.hpp"
#include "normalization_folding.hpp"

namespace tinymlp {

/// A model or calibration data that cannot be quantized; the message names the sample, feature,
/// layer or unit.
class QuantizationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// --- TFLite's fixed-point multipliers ----------------------------------------------------------------

/// A real multiplier as TFLite stores it: multiplier * 2^(shift - 31).
struct QuantizedMultiplier {
  std::int32_t multiplier = 0;  ///< In [2^30, 2^31), or 0.
  int shift = 0;                ///< multiplier * 2^(shift - 31) is the real multiplier.
};

/// Which of TFLite's integer roundings an int8 model uses, chosen at run time (a header's model, a
/// reference); the device's policies are the types quant::DoubleRounding and quant::SingleRounding.
enum class RoundingMode {
  double_rounding,  ///< quant::DoubleRounding: TFLite's default build, TensorFlow Lite Micro, CMSIS-NN.
  single_rounding   ///< quant::SingleRounding: TFLITE_SINGLE_ROUNDING=1, Arm NN, XNNPACK.
};

/// The device's policy type for `mode`, as C++ spells it: "tinymlp::quant::DoubleRounding", ...
inline const char* rounding_type_name(RoundingMode mode) {
  return mode == RoundingMode::double_rounding ? "tinymlp::quant::DoubleRounding" : "tinymlp::quant::SingleRounding";
}

/// TFLite's QuantizeMultiplier, bit for bit: frexp, round half away from zero of q * 2^31, and if that
/// is 2^31, halve it and add one to the shift. A shift below -31 is flushed to a zero multiplier and a
/// shift above 30 saturated to (2^31 - 1, 30), as TFLite does.
inline QuantizedMultiplier quantize_multiplier(double real_multiplier) {
  QuantizedMultiplier result;
  if (real_multiplier == 0.0) return result;
  const double fraction = std::frexp(real_multiplier, &result.shift);
  auto fixed = static_cast<std::int64_t>(std::round(fraction * static_cast<double>(std::int64_t{1} << 31)));
  if (fixed == (std::int64_t{1} << 31)) {
    fixed /= 2;
    ++result.shift;
  }
  if (result.shift < -31) return QuantizedMultiplier{};
  if (result.shift > 30) {
    result.shift = 30;
    fixed = (std::int64_t{1} << 31) - 1;
  }
  result.multiplier = static_cast<std::int32_t>(fixed);
  return result;
}

/// The multiplier of one output unit, as TFLite derives it for a kernel with one weight scale:
/// input scale * weight scale in float32, then divided by the output scale in double
/// (GetQuantizedConvolutionMultipler).
inline double real_multiplier(float input_scale, float weight_scale, float output_scale) {
  return static_cast<double>(input_scale * weight_scale) / static_cast<double>(output_scale);
}

/// The multiplier of one output unit for a kernel with one weight scale per output (per channel), as
/// TFLite and TFLite Micro derive it: all three scales in double (PopulateConvolutionQuantizationParams).
/// It can differ from real_multiplier in the last bits, and so move an output by one step.
inline double per_channel_real_multiplier(float input_scale, float weight_scale, float output_scale) {
  return static_cast<double>(input_scale) * static_cast<double>(weight_scale) / static_cast<double>(output_scale);
}

/// The real multiplier of one output unit of an int8 layer: per tensor or per channel, as TFLite derives each.
inline double unit_real_multiplier(const Int8Quantization& q, std::size_t unit) {
  return q.weight_scales.size() == 1
             ? real_multiplier(q.input.scale, q.weight_scales[0], q.output.scale)
             : per_channel_real_multiplier(q.input.scale, q.weight_scales[unit], q.output.scale);
}

namespace detail {

inline std::string unit_name(std::size_t layer, std::size_t unit) {
  return "layer " + std::to_string(layer) + ", unit " + std::to_string(unit);
}

// A real multiplier that QuantizeMultiplier represents faithfully: positive, finite, from 2^-32 (below,
// TFLite would flush it to zero and the unit would output its zero point whatever its input) to
// below 2^31 (above, it would saturate).
inline QuantizedMultiplier checked_multiplier(double real, const std::string& where) {
  if (!(real > 0.0) || !std::isfinite(real))
    throw QuantizationError(where + ": the scale ratio " + std::to_string(real) + " is not a positive finite number");
  const QuantizedMultiplier q = quantize_multiplier(real);
  if (q.multiplier == 0 || (q.shift == 30 && q.multiplier == std::numeric_limits<std::int32_t>::max()))
    throw QuantizationError(where +
                            ": the multiplier input scale * weight scale / output scale = " + std::to_string(real) +
                            " is outside what int8 requantization can represent "
                            "(2^-32 to 2^31); check the calibration ranges");
  return q;
}

// |bias| + the largest sum of products must stay inside int32, so that no accumulator ever wraps.
inline void check_accumulator_bound(std::int64_t bias, std::int64_t largest_products, const std::string& what) {
  if (std::abs(bias) + largest_products > std::numeric_limits<std::int32_t>::max())
    throw QuantizationError(what + " can leave int32: bias " + std::to_string(bias) + " and products up to " +
                            std::to_string(largest_products));
}

}  // namespace detail

// --- What the device stores ------------------------------------------------------------------------

/// One layer's Int8DenseParameters as plain arrays (for the header writer and int8_parameters):
/// the bias with the input zero point folded in, the multiplier and shift of every unit.
struct Int8LayerArrays {
  std::vector<std::int8_t> kernel;       ///< [out][in].
  std::vector<std::int32_t> bias;        ///< Per output, the input zero point folded in.
  std::vector<std::int32_t> multiplier;  ///< Per output.
  std::vector<std::int8_t> shift;        ///< Per output.
  std::int8_t output_zero_point = 0;     ///< Of the layer's output.
};

/// The arrays of layer number `index` (named in errors), an int8 Dense layer. QuantizationError when
/// a multiplier is out of range or a folded bias, or an accumulator for some int8 input, would leave
/// int32.
inline Int8LayerArrays int8_layer_arrays(const Layer& layer, std::size_t index) {
  const std::string name = "layer " + std::to_string(index);
  const Int8Quantization* quantization = layer.int8();
  if (!quantization) throw QuantizationError(name + " is not an int8 Dense layer");
  const Int8Quantization& q = *quantization;
  if (q.kernel.size() != layer.inputs * layer.outputs || q.bias.size() != layer.outputs ||
      (q.weight_scales.size() != 1 && q.weight_scales.size() != layer.outputs))
    throw QuantizationError(name + ": kernel, bias or weight scales do not match Dense<" +
                            std::to_string(layer.inputs) + ", " + std::to_string(layer.outputs) + ">");
  for (const Quantization* activation : {&q.input, &q.output})
    if (activation->zero_point < -128 || activation->zero_point > 127)
      throw QuantizationError(name + ": an int8 zero point of " + std::to_string(activation->zero_point));
  Int8LayerArrays arrays;
  arrays.kernel = q.kernel;
  arrays.output_zero_point = static_cast<std::int8_t>(q.output.zero_point);
  // TFLite's accumulator, bias + sum w (x - input zero point), and the device's, folded bias +
  // sum w (x + 128) (quant/int8_dense.hpp), are the same integers as long as neither leaves int32 for
  // any int8 input: checked here.
  const std::int64_t largest_products = static_cast<std::int64_t>(layer.inputs) * 128 * 255;
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    const std::string unit = detail::unit_name(index, o);
    std::int64_t row_sum = 0;
    for (std::size_t i = 0; i < layer.inputs; ++i) row_sum += q.kernel[o * layer.inputs + i];
    const std::int64_t folded = q.bias[o] - (static_cast<std::int64_t>(q.input.zero_point) + 128) * row_sum;
    detail::check_accumulator_bound(q.bias[o], largest_products, unit + ": TFLite's accumulator");
    detail::check_accumulator_bound(folded, largest_products, unit + ": the accumulator with the zero point folded in");
    arrays.bias.push_back(static_cast<std::int32_t>(folded));
    const QuantizedMultiplier m = detail::checked_multiplier(unit_real_multiplier(q, o), unit);
    arrays.multiplier.push_back(m.multiplier);
    arrays.shift.push_back(static_cast<std::int8_t>(m.shift));
  }
  return arrays;
}

/// The RoundingMode of a device rounding policy type.
inline RoundingMode rounding_mode_of(quant::DoubleRounding) { return RoundingMode::double_rounding; }
/// The same for single rounding.
inline RoundingMode rounding_mode_of(quant::SingleRounding) { return RoundingMode::single_rounding; }

/// How an Int8Model's parameters are filled: the rounding, whose runtime's arithmetic an int8
/// activation's table follows. An argument of every fill_int8_layer overload, so that those of the
/// int8 activations (int8_activation_tables.hpp, included at the end of this file) are found.
struct Int8FillMode {
  RoundingMode rounding;  ///< Of the Int8Model being filled.
};

/// An Int8Dense's parameters from description layer `index` (an int8 Dense).
template <std::size_t In, std::size_t Out>
void fill_int8_layer(Int8DenseParameters<In, Out>& target, const Layer& source, std::size_t index, Int8FillMode) {
  const Int8LayerArrays arrays = int8_layer_arrays(source, index);
  std::copy(arrays.kernel.begin(), arrays.kernel.end(), target.kernel);
  std::copy(arrays.bias.begin(), arrays.bias.end(), target.bias);
  std::copy(arrays.multiplier.begin(), arrays.multiplier.end(), target.multiplier);
  std::copy(arrays.shift.begin(), arrays.shift.end(), target.shift);
  target.output_zero_point = arrays.output_zero_point;
}

namespace detail {

template <class Chain>
struct FillInt8Parameters;
template <class Int8Layer, class... Rest>
struct FillInt8Parameters<Int8LayerChain<Int8Layer, Rest...>> {
  template <class Parameters>
  static void fill(Parameters& parameters, const ModelDescription& model, std::size_t index, Int8FillMode mode) {
    const Layer& source = model.layers[index];
    if (source.inputs != Int8Layer::input_size || source.outputs != Int8Layer::output_size)
      throw QuantizationError("layer " + std::to_string(index) + " takes " + std::to_string(source.inputs) +
                              " values and gives " + std::to_string(source.outputs) + ", the model type's " +
                              std::to_string(Int8Layer::input_size) + " and " + std::to_string(Int8Layer::output_size));
    fill_int8_layer(parameters.layer, source, index, mode);
    fill_rest(parameters, model, index, mode, std::integral_constant<bool, (sizeof...(Rest) > 0)>());
  }
  template <class Parameters>
  static void fill_rest(Parameters& parameters, const ModelDescription& model, std::size_t index, Int8FillMode mode,
                        std::true_type) {
    FillInt8Parameters<Int8LayerChain<Rest...>>::fill(parameters.next, model, index + 1, mode);
  }
  template <class Parameters>
  static void fill_rest(Parameters&, const ModelDescription&, std::size_t, Int8FillMode, std::false_type) {}
};

}  // namespace detail

/// The parameter block an Int8Model<FloatModel> runs from, for a full-integer description of the same
/// shape (whose fused ReLUs it must also have; an int8 LOGISTIC or TANH gets its table, a SOFTMAX its
/// exp table, in the arithmetic of the model's rounding): ModelError unless the description is
/// full-integer (check_full_integer), QuantizationError for another shape. On the host it may live anywhere; a device keeps it in flash
/// (the header writer writes it as a constant).
template <class Int8ModelType>
typename Int8ModelType::Parameters int8_parameters(const ModelDescription& model) {
  typedef typename detail::Int8ChainOf<typename Int8ModelType::float_model_type,
                                       typename Int8ModelType::softmax_arithmetic>::type Chain;
  check_full_integer(model);
  if (model.layers.size() != Chain::layer_count)
    throw QuantizationError("the quantized model has " + std::to_string(model.layers.size()) +
                            " Dense layers, the model type " + std::to_string(Chain::layer_count));
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const bool fused_relu = model.layers[k].kind == LayerKind::dense && model.layers[k].activation == Activation::relu;
    if (fused_relu != Chain::fused_relu_at(k))
      throw QuantizationError("layer " + std::to_string(k) + (fused_relu ? " has" : " has no") +
                              " fused ReLU, unlike the model type's");
  }
  typename Int8ModelType::Parameters parameters{};
  const Int8FillMode mode{rounding_mode_of(typename Int8ModelType::rounding())};
  detail::FillInt8Parameters<Chain>::fill(parameters.layers, model, 0, mode);
  const Quantization input = model.layers.front().int8()->input;
  parameters.input_output.input_scale = input.scale;
  parameters.input_output.input_zero_point = static_cast<std::int8_t>(input.zero_point);
  parameters.input_output.output_scale = int8_output_quantization(model).scale;
  return parameters;
}

// --- Calibration -------------------------------------------------------------------------------------

/// TFLite's ChooseQuantizationParams<int8_t> for a range that includes 0: the scale spreads the range
/// over 255 steps; the zero point comes from whichever end gives the smaller error, rounded, in
/// [-128, 127]. A zero range: scale 1, zero point 0 (see the top of this file).
inline Quantization activation_quantization(double low, double high, const std::string& where) {
  if (!std::isfinite(low) || !std::isfinite(high))
    throw QuantizationError(where + ": the calibration range is not finite");
  low = std::min(low, 0.0);
  high = std::max(high, 0.0);
  Quantization q;
  if (low == high) {
    q.scale = 1.0f;
    return q;
  }
  const double qmin = -128.0, qmax = 127.0;
  const double scale = (high - low) / (qmax - qmin);
  const double zero_point_from_min = qmin - low / scale;
  const double zero_point_from_max = qmax - high / scale;
  const double error_from_min = std::fabs(qmin) + std::fabs(low / scale);
  const double error_from_max = std::fabs(qmax) + std::fabs(high / scale);
  const double zero_point = error_from_min < error_from_max ? zero_point_from_min : zero_point_from_max;
  q.zero_point = zero_point < qmin ? -128 : zero_point > qmax ? 127 : static_cast<std::int32_t>(std::round(zero_point));
  q.scale = static_cast<float>(scale);
  if (!(q.scale > 0.0f) || !std::isfinite(q.scale))
    throw QuantizationError(where + ": the range [" + std::to_string(low) + ", " + std::to_string(high) +
                            "] gives a scale that float32 cannot hold");
  return q;
}

/// x quantized to int8 as TFLite's QUANTIZE does: x / scale in float32, rounded half away from zero,
/// plus the zero point, clamped.
inline std::int8_t quantize_value(float x, const Quantization& q) {
  const double rounded = std::round(static_cast<double>(x / q.scale)) + q.zero_point;
  return static_cast<std::int8_t>(std::min(127.0, std::max(-128.0, rounded)));
}
/// The real value of int8 `x`: scale * (x - zero_point), TFLite's DEQUANTIZE.
inline float dequantize_value(std::int8_t x, const Quantization& q) {
  return q.scale * static_cast<float>(x - q.zero_point);
}

/// How many weight scales a kernel gets.
enum class WeightGranularity {
  per_channel,  ///< One per output unit (TFLite's default).
  per_tensor    ///< One for the whole kernel.
};

/// How quantize quantizes.
struct QuantizeOptions {
  WeightGranularity weights = WeightGranularity::per_channel;  ///< Weight scales per unit or per kernel.
};

namespace detail {

// Symmetric int8 weights of one Dense layer (kernel [out][in]): max |w| / 127 per scale group.
inline void quantize_kernel(const float* kernel, std::size_t inputs, std::size_t outputs, WeightGranularity granularity,
                            Int8Quantization& q) {
  const std::size_t groups = granularity == WeightGranularity::per_channel ? outputs : 1;
  const std::size_t group_size = inputs * outputs / groups;
  q.weight_scales.assign(groups, 1.0f);
  q.kernel.resize(inputs * outputs);
  for (std::size_t g = 0; g < groups; ++g) {
    float largest = 0.0f;
    for (std::size_t k = 0; k < group_size; ++k) largest = std::max(largest, std::fabs(kernel[g * group_size + k]));
    if (largest > 0.0f) q.weight_scales[g] = largest / 127.0f;
    for (std::size_t k = 0; k < group_size; ++k) {
      const float scaled = std::round(kernel[g * group_size + k] / q.weight_scales[g]);
      q.kernel[g * group_size + k] = static_cast<std::int8_t>(std::min(127.0f, std::max(-127.0f, scaled)));
    }
  }
}

// int32 biases at input scale * weight scale (the product in float32, as TFLite takes it).
inline void quantize_biases(const float* bias, std::size_t outputs, std::size_t layer, Int8Quantization& q) {
  q.bias.resize(outputs);
  for (std::size_t o = 0; o < outputs; ++o) {
    const float bias_scale = q.input.scale * q.weight_scale(o);
    const double value = std::round(static_cast<double>(bias[o]) / static_cast<double>(bias_scale));
    if (!(std::fabs(value) <= 2147483647.0))
      throw QuantizationError(unit_name(layer, o) + ": the bias " + std::to_string(bias[o]) + " at scale " +
                              std::to_string(bias_scale) + " does not fit int32");
    q.bias[o] = static_cast<std::int32_t>(value);
  }
}

// Running minimum and maximum of values seen.
struct Range {
  double low = std::numeric_limits<double>::infinity(), high = -std::numeric_limits<double>::infinity();
  void add(float value) {
    low = std::min(low, static_cast<double>(value));
    high = std::max(high, static_cast<double>(value));
  }
};

// The description as int8 layers: a Tanh or ReLU6 fused into a Dense (as a float model fuses it) becomes
// an activation of its own, as TFLite's int8 FULLY_CONNECTED fuses no TANH, and tinymlp's int8 Dense
// fuses no RELU6 (a RELU6 table after it computes what the fused one does).
inline ModelDescription with_int8_activations_alone(const ModelDescription& model) {
  ModelDescription result = model;
  result.layers.clear();
  for (const Layer& layer : model.layers) {
    result.layers.push_back(layer);
    if (layer.kind == LayerKind::dense && layer.activation != Activation::none &&
        layer.activation != Activation::relu) {
      result.layers.back().activation = Activation::none;
      result.layers.push_back(sequence_layer(LayerKind::activation, layer.activation, layer.outputs, layer.outputs));
    }
  }
  return result;
}

// How far from the mean, in standard deviations, a normalization may put a raw 0 and still be folded.
constexpr double largest_folded_zero = 4.0;

// The description with each normalization folded into the float Dense after it (exact in real
// arithmetic), as int8 has no normalization step of its own: the int8 input then quantizes the raw
// inputs, as TFLite's QUANTIZE does before a Keras Normalization's SUB and MUL, whose own int8
// requantizations the fold avoids. Exact enough where the raw values are not far from 0 against their
// spread: a normalization that maps a raw 0 more than largest_folded_zero from the mean is refused by
// name, as its raw inputs would lose their digits to int8 steps (the folded weights' rounding times the
// raw values, and TFLite's QUANTIZE alike).
inline ModelDescription with_normalizations_folded(const ModelDescription& model) {
  ModelDescription result = model;
  for (std::size_t k = result.layers.size(); k-- > 0;) {
    const Layer& normalization = result.layers[k];
    if (normalization.kind != LayerKind::normalization) continue;
    const std::string name = "layer " + std::to_string(k) + " (" + sequence_layer_name(normalization) + ")";
    const Layer* next = k + 1 < result.layers.size() ? &result.layers[k + 1] : nullptr;
    if (!next || next->kind != LayerKind::dense || next->is_quantized())
      throw QuantizationError(name + " is " +
                              (next ? "followed by " + sequence_layer_name(*next) : std::string("the last layer")) +
                              ": tinymlp quantizes a normalization folded into the float Dense right after it");
    for (std::size_t o = 0; o < normalization.outputs; ++o) {
      const double zero = static_cast<double>(normalization.bias[o]) * normalization.kernel[o];
      if (!(std::fabs(zero) <= largest_folded_zero))
        throw QuantizationError(
            name + " maps a raw 0 of feature " + std::to_string(o) + " to " +
            float_message_text(static_cast<float>(zero)) +
            ": its raw inputs lie too far from 0 for int8 (folded, the rounded weights times the raw values, and the "
            "int8 input, lose their digits); normalize the inputs before the model for an int8 version, or keep it "
            "float or hybrid");
    }
    result.layers[k] = folded_normalization(result.layers[k], *next);
    result.layers.erase(result.layers.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
  return result;
}

}  // namespace detail

namespace detail {

// Calibration data the model can take: its width, at least one sample, finite values.
inline void check_representative(const Dataset& representative, std::size_t input_size) {
  if (representative.features != input_size)
    throw QuantizationError("the representative dataset has " + std::to_string(representative.features) +
                            " features, the model takes " + std::to_string(input_size));
  if (representative.empty()) throw QuantizationError("the representative dataset is empty");
  for (std::size_t s = 0; s < representative.size(); ++s)
    for (std::size_t f = 0; f < representative.features; ++f)
      if (!std::isfinite(representative.input(s)[f]))
        throw QuantizationError("representative dataset: sample " + std::to_string(s) + ", feature " +
                                std::to_string(f) + " is " + std::to_string(representative.input(s)[f]) +
                                ", not a finite number");
}

// The ranges of the model's input (ranges[0]) and of every layer's output (ranges[k + 1]) over the
// representative dataset, from float_inference.hpp's batch forward pass: the one calibration for a
// Sequential and for a model read from a file alike. (The Sequential's own batch pass computes the same
// in the same order, but where the compiler fuses multiply-adds it may fuse them differently in each
// instantiation of its kernel, and a range's last bit can move a scale; one pass gives one answer.)
inline std::vector<Range> calibration_ranges(const ModelDescription& model, const Dataset& representative) {
  std::vector<Range> ranges(model.layers.size() + 1);
  for (float value : representative.inputs) ranges[0].add(value);
  using detail::chunk_capacity;
  using detail::chunk_stride;
  std::vector<float> x(model.input_size * chunk_stride);
  std::vector<float> activations(float_activation_count(model) * chunk_stride);
  for (std::size_t first = 0; first < representative.size(); first += chunk_capacity) {
    const std::size_t chunk = std::min(chunk_capacity, representative.size() - first);
    detail::gather_feature_major(
        representative.inputs.data(), model.input_size, [first](std::size_t b) { return first + b; }, chunk, x.data(),
        chunk_stride);
    forward_batch_float(model, x.data(), activations.data(), chunk, chunk_stride);
    for (std::size_t s = 0; s < chunk; ++s) {
      std::size_t row = 0;
      for (std::size_t k = 0; k < model.layers.size(); ++k)
        for (std::size_t o = 0; o < model.layers[k].outputs; ++o, ++row) {
          const float value = activations[row * chunk_stride + s];
          if (!std::isfinite(value))
            throw QuantizationError("representative dataset: sample " + std::to_string(first + s) + " makes layer " +
                                    std::to_string(k) + ", unit " + std::to_string(o) + " infinite");
          ranges[k + 1].add(value);
        }
    }
  }
  return ranges;
}

// What int8 quantization takes: a float description of Dense layers, each with a fused ReLU, ReLU6, Tanh
// or none, Sigmoid, Tanh, Softmax, ReLU, ReLU6 and LeakyReLU layers, and normalizations before a Dense
// (with_normalizations_folded checks that; the compile-time path refuses other models as it compiles).
inline void check_quantizable(const ModelDescription& model) {
  check_consistent(model);
  if (model.layers.empty()) throw QuantizationError("the model has no layers");
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    const std::string name = "layer " + std::to_string(k);
    if (layer.is_quantized())
      throw QuantizationError(name + " is quantized already: quantize a float model (float32 weights)");
    if (layer.kind == LayerKind::normalization) continue;  // folded into the Dense after it
    const bool dense = layer.kind == LayerKind::dense;
    const Activation activation = layer.activation;
    if (dense ? activation != Activation::none && !can_fuse(activation) : !is_int8_activation(activation))
      throw QuantizationError(name + " (" + (dense ? "Dense with " : "") + activation_name(activation) +
                              ") has no int8 form in tinymlp: Dense layers with a ReLU, ReLU6, Tanh or none, "
                              "Sigmoid, Tanh, Softmax, ReLU, ReLU6 and LeakyReLU");
  }
}

// The one quantization of a float description with its activations alone (with_int8_activations_alone)
// from the calibration ranges of its input and of every layer's output.
inline ModelDescription quantize_with_ranges(ModelDescription quantized, const std::vector<Range>& ranges,
                                             const QuantizeOptions& options) {
  Quantization input = activation_quantization(ranges[0].low, ranges[0].high, "the model's input");
  quantized.input_quantization = input;
  for (std::size_t k = 0; k < quantized.layers.size(); ++k) {
    Layer& layer = quantized.layers[k];
    const std::string output_name = "layer " + std::to_string(k) + "'s output";
    if (layer.kind == LayerKind::activation) {
      // Sigmoid, Tanh, Softmax: the output TFLite fixes. A ReLU6 right after a Dense keeps the Dense's
      // output quantization (TFLite's converter fuses it there; the Dense took the range after it).
      // ReLU, LeakyReLU and other ReLU6s: the range of their own output.
      const bool fused_relu6 = layer.activation == Activation::relu6 && k > 0 &&
                               quantized.layers[k - 1].kind == LayerKind::dense &&
                               quantized.layers[k - 1].activation == Activation::none;
      const Quantization output = has_fixed_int8_output(layer.activation) ? int8_activation_output(layer.activation)
                                  : fused_relu6
                                      ? input
                                      : activation_quantization(ranges[k + 1].low, ranges[k + 1].high, output_name);
      const Int8ActivationQuantization q{input, output};
      input = q.output;
      layer.quantization = q;
      continue;
    }
    // A Dense followed by a ReLU6 takes the range after the ReLU6, as the fused FULLY_CONNECTED does.
    const bool relu6_next = k + 1 < quantized.layers.size() && quantized.layers[k + 1].kind == LayerKind::activation &&
                            quantized.layers[k + 1].activation == Activation::relu6 &&
                            layer.activation == Activation::none;
    const Range& range = ranges[relu6_next ? k + 2 : k + 1];
    Int8Quantization q;
    q.input = input;
    q.output = activation_quantization(range.low, range.high, output_name);
    detail::quantize_kernel(layer.kernel.data(), layer.inputs, layer.outputs, options.weights, q);
    detail::quantize_biases(layer.bias.data(), layer.outputs, k, q);
    input = q.output;
    layer.quantization = std::move(q);
    set_dequantized_weights(layer);
  }
  quantized.output_quantization = input;
  quantized.int8_input = quantized.int8_output = true;
  for (std::size_t k = 0; k < quantized.layers.size(); ++k)  // the checks
    if (quantized.layers[k].kind == LayerKind::dense) int8_layer_arrays(quantized.layers[k], k);
  return quantized;
}

}  // namespace detail

/// Post-training quantization of a float Sequential (Dense layers and the activations ReLU, ReLU6,
/// LeakyReLU, Sigmoid, Tanh, Softmax, Identity) with a representative dataset of its inputs: the samples
/// go through the model's batch forward pass (float_inference.hpp's, on its description) and the range
/// of each Dense layer's output (after its ReLU or ReLU6, before another activation) and of each ReLU and
/// LeakyReLU layer's is recorded, as TFLite's converter calibrates. The description has int8 layers
/// (their float weights the dequantized ones), int8 LOGISTIC, TANH and SOFTMAX layers with the output
/// quantization TFLite fixes, int8 RELU6 (after a Dense: its quantization kept), RELU and LEAKY_RELU
/// layers, and int8 input and output. A Normalization is folded into the Dense after it first (its int8
/// input then quantizes the raw inputs, as TFLite's does).
template <class FloatModel>
ModelDescription quantize(const FloatModel& model, const Dataset& representative, const QuantizeOptions& options = {}) {
  // Int8Model's layer chain refuses, at compile time, layers that int8 cannot run.
  static_assert(detail::Int8ChainOf<FloatModel>::type::layer_count > 0, "an int8 model needs a Dense layer");
  detail::check_representative(representative, FloatModel::input_size);
  // The Dense layers, each with its ReLU fused, and the Sigmoid, Tanh and Softmax layers.
  const ModelDescription float_description = describe(model);
  detail::check_quantizable(float_description);
  const ModelDescription description =
      detail::with_int8_activations_alone(detail::with_normalizations_folded(float_description));
  return detail::quantize_with_ranges(description, detail::calibration_ranges(description, representative), options);
}

/// The same quantization of a float model known at run time (read from a file: what
/// `tinymlp-convert --int8 --calibrate` does); for the description of a Sequential, the same bytes as
/// quantize(model, ...). QuantizationError for a model that is quantized already or has a layer
/// without an int8 form.
inline ModelDescription quantize(const ModelDescription& model, const Dataset& representative,
                                 const QuantizeOptions& options = {}) {
  detail::check_quantizable(model);
  detail::check_representative(representative, model.input_size);
  const ModelDescription description = detail::with_int8_activations_alone(detail::with_normalizations_folded(model));
  return detail::quantize_with_ranges(description, detail::calibration_ranges(description, representative), options);
}

/// The float model quantized and ready to run on the host: parameters owned alongside the model.
template <class FloatModel, class Rounding = quant::DoubleRounding>
struct HostInt8Model {
  typedef Int8Model<FloatModel, Rounding> Model;      ///< The device's int8 model type.
  typename Model::Parameters parameters;              ///< Its parameter block, in this object.
  Model model() const { return Model(&parameters); }  ///< A model running from `parameters`.
};

/// `quantized` (a full-integer description) ready to run on the host as an Int8Model of FloatModel's
/// shape; QuantizationError when the shapes or fused ReLUs differ.
template <class FloatModel, class Rounding = quant::DoubleRounding>
HostInt8Model<FloatModel, Rounding> host_int8_model(const ModelDescription& quantized) {
  return HostInt8Model<FloatModel, Rounding>{int8_parameters<Int8Model<FloatModel, Rounding>>(quantized)};
}

}  // namespace tinymlp

// The int8 activations' fill_int8_layer overloads, which need the tables (and the tables this file's
// multipliers): instantiating int8_parameters finds them.
#include "int8_activation_tables.hpp"

#endif

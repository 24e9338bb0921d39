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
///     input scale * weight scale / output scale.
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
#include "dataset.hpp"

namespace tinymlp {

/// A model or calibration data that cannot be quantized; the message names the sample, feature,
/// layer or unit.
class QuantizationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Affine quantization of a tensor: real value = scale * (quantized value - zero_point).
struct Quantization {
  float scale = 0.0f;           ///< The real value of one step.
  std::int32_t zero_point = 0;  ///< The quantized value of real 0.
};

/// A Dense layer as int8 arithmetic, TFLite's full-integer scheme: int8 activations, int8 weights with
/// zero point 0 (one scale for the tensor, or one per output unit), int32 biases.
struct QuantizedDense {
  Quantization input;                ///< Of the layer's input.
  Quantization output;               ///< Of the layer's output (after a fused ReLU).
  std::vector<float> weight_scales;  ///< 1 (per tensor) or one per output (per channel).
  std::vector<std::int8_t> kernel;   ///< [out][in].
  std::vector<std::int32_t> bias;    ///< One per output; scale = input scale * weight scale.
};

/// One int8 layer of a QuantizedModel: its sizes, whether a ReLU is fused, its arithmetic.
struct QuantizedLayer {
  std::size_t inputs = 0;   ///< Input width.
  std::size_t outputs = 0;  ///< Output width.
  bool fused_relu = false;  ///< Whether outputs are clamped at real 0.
  QuantizedDense dense;     ///< Quantizations, kernel and biases.
};

/// A chain of int8 Dense layers: the model's input quantization is the first layer's input, its
/// output quantization the last layer's output.
struct QuantizedModel {
  std::vector<QuantizedLayer> layers;  ///< In order, input to output.
};

// --- TFLite's fixed-point multipliers ----------------------------------------------------------------

/// A real multiplier as TFLite stores it: multiplier * 2^(shift - 31).
struct QuantizedMultiplier {
  std::int32_t multiplier = 0;  ///< In [2^30, 2^31), or 0.
  int shift = 0;                ///< multiplier * 2^(shift - 31) is the real multiplier.
};

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

/// The multiplier of one output unit, as TFLite derives it: input scale * weight scale in float32,
/// then divided by the output scale in double.
inline double real_multiplier(float input_scale, float weight_scale, float output_scale) {
  return static_cast<double>(input_scale * weight_scale) / static_cast<double>(output_scale);
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

/// The arrays of layer number `index` (named in errors). QuantizationError when a multiplier is out
/// of range or a folded bias, or an accumulator for some int8 input, would leave int32.
inline Int8LayerArrays int8_layer_arrays(const QuantizedLayer& layer, std::size_t index) {
  const QuantizedDense& q = layer.dense;
  const std::string name = "layer " + std::to_string(index);
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
  // TFLite's accumulator, bias + sum w (x - input zero point), and the device's, folded bias + sum w x,
  // are the same integers as long as neither leaves int32 for any int8 input: checked here.
  const std::int64_t largest_products = static_cast<std::int64_t>(layer.inputs) * 128 * 255;
  for (std::size_t o = 0; o < layer.outputs; ++o) {
    const std::string unit = detail::unit_name(index, o);
    std::int64_t row_sum = 0;
    for (std::size_t i = 0; i < layer.inputs; ++i) row_sum += q.kernel[o * layer.inputs + i];
    const std::int64_t folded = q.bias[o] - static_cast<std::int64_t>(q.input.zero_point) * row_sum;
    detail::check_accumulator_bound(q.bias[o], largest_products, unit + ": TFLite's accumulator");
    detail::check_accumulator_bound(folded, largest_products, unit + ": the accumulator with the zero point folded in");
    arrays.bias.push_back(static_cast<std::int32_t>(folded));
    const float weight_scale = q.weight_scales.size() == 1 ? q.weight_scales[0] : q.weight_scales[o];
    const QuantizedMultiplier m =
        detail::checked_multiplier(real_multiplier(q.input.scale, weight_scale, q.output.scale), unit);
    arrays.multiplier.push_back(m.multiplier);
    arrays.shift.push_back(static_cast<std::int8_t>(m.shift));
  }
  return arrays;
}

namespace detail {

template <class Chain>
struct FillInt8Parameters;
template <class Layer, class... Rest>
struct FillInt8Parameters<Int8LayerChain<Layer, Rest...>> {
  template <class Parameters>
  static void fill(Parameters& parameters, const QuantizedModel& model, std::size_t index) {
    const QuantizedLayer& source = model.layers[index];
    if (source.inputs != Layer::input_size || source.outputs != Layer::output_size)
      throw QuantizationError("layer " + std::to_string(index) + " is Dense<" + std::to_string(source.inputs) + ", " +
                              std::to_string(source.outputs) + ">, the model type wants Dense<" +
                              std::to_string(Layer::input_size) + ", " + std::to_string(Layer::output_size) + ">");
    const Int8LayerArrays arrays = int8_layer_arrays(source, index);
    auto& target = parameters.layer;
    std::copy(arrays.kernel.begin(), arrays.kernel.end(), target.kernel);
    std::copy(arrays.bias.begin(), arrays.bias.end(), target.bias);
    std::copy(arrays.multiplier.begin(), arrays.multiplier.end(), target.multiplier);
    std::copy(arrays.shift.begin(), arrays.shift.end(), target.shift);
    target.output_zero_point = arrays.output_zero_point;
    fill_rest(parameters, model, index, std::integral_constant<bool, (sizeof...(Rest) > 0)>());
  }
  template <class Parameters>
  static void fill_rest(Parameters& parameters, const QuantizedModel& model, std::size_t index, std::true_type) {
    FillInt8Parameters<Int8LayerChain<Rest...>>::fill(parameters.next, model, index + 1);
  }
  template <class Parameters>
  static void fill_rest(Parameters&, const QuantizedModel&, std::size_t, std::false_type) {}
};

}  // namespace detail

/// The parameter block an Int8Model<FloatModel> runs from, for a quantized model of the same shape
/// (whose fused ReLUs it must also have). On the host it may live anywhere; a device keeps it in flash
/// (the header writer of tools/ writes it as a constant).
template <class Int8ModelType>
typename Int8ModelType::Parameters int8_parameters(const QuantizedModel& model) {
  typedef typename detail::Int8ChainOf<typename Int8ModelType::float_model_type>::type Chain;
  if (model.layers.size() != Chain::layer_count)
    throw QuantizationError("the quantized model has " + std::to_string(model.layers.size()) +
                            " Dense layers, the model type " + std::to_string(Chain::layer_count));
  for (std::size_t k = 0; k < model.layers.size(); ++k)
    if (model.layers[k].fused_relu != Chain::fused_relu_at(k))
      throw QuantizationError("layer " + std::to_string(k) + (model.layers[k].fused_relu ? " has" : " has no") +
                              " fused ReLU, unlike the model type's");
  typename Int8ModelType::Parameters parameters{};
  detail::FillInt8Parameters<Chain>::fill(parameters.layers, model, 0);
  parameters.input_output.input_scale = model.layers.front().dense.input.scale;
  parameters.input_output.input_zero_point = static_cast<std::int8_t>(model.layers.front().dense.input.zero_point);
  parameters.input_output.output_scale = model.layers.back().dense.output.scale;
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
                            QuantizedDense& q) {
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
inline void quantize_biases(const float* bias, std::size_t outputs, std::size_t layer, QuantizedDense& q) {
  q.bias.resize(outputs);
  for (std::size_t o = 0; o < outputs; ++o) {
    const float weight_scale = q.weight_scales.size() == 1 ? q.weight_scales[0] : q.weight_scales[o];
    const float bias_scale = q.input.scale * weight_scale;
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

// The float layers a Sequential's layer types describe, for calibration: for each Dense, its sizes,
// where its parameters start and whether a ReLU follows.
struct FloatDenseLayout {
  std::size_t inputs, outputs, parameter_offset;
  bool fused_relu;
};

template <class Chain>
struct DenseLayouts;
template <class... Layers>
struct DenseLayouts<Int8LayerChain<Layers...>> {
  static std::vector<FloatDenseLayout> get() {
    std::vector<FloatDenseLayout> layouts;
    std::size_t offset = 0;
    for (const FloatDenseLayout& layer :
         {FloatDenseLayout{Layers::input_size, Layers::output_size, 0, Layers::fused_relu}...}) {
      layouts.push_back(layer);
      layouts.back().parameter_offset = offset;
      offset += layer.inputs * layer.outputs + layer.outputs;
    }
    return layouts;
  }
};

}  // namespace detail

/// Post-training quantization of a float Sequential (Dense layers, each followed by ReLU, Identity or
/// nothing) with a representative dataset of its inputs: every sample is run through the float model
/// and the range of each layer's output (after its ReLU) recorded, as TFLite's converter calibrates.
template <class FloatModel>
QuantizedModel quantize(const FloatModel& model, const Dataset& representative, const QuantizeOptions& options = {}) {
  typedef typename detail::Int8ChainOf<FloatModel>::type Chain;
  if (representative.features != FloatModel::input_size)
    throw QuantizationError("the representative dataset has " + std::to_string(representative.features) +
                            " features, the model takes " + std::to_string(FloatModel::input_size));
  if (representative.empty()) throw QuantizationError("the representative dataset is empty");
  const std::vector<detail::FloatDenseLayout> layouts = detail::DenseLayouts<Chain>::get();
  std::vector<detail::Range> ranges(layouts.size() + 1);  // the input, then each layer's output
  for (std::size_t s = 0; s < representative.size(); ++s) {
    std::vector<float> values(representative.input(s), representative.input(s) + representative.features);
    for (std::size_t f = 0; f < values.size(); ++f) {
      if (!std::isfinite(values[f]))
        throw QuantizationError("representative dataset: sample " + std::to_string(s) + ", feature " +
                                std::to_string(f) + " is " + std::to_string(values[f]) + ", not a finite number");
      ranges[0].add(values[f]);
    }
    for (std::size_t k = 0; k < layouts.size(); ++k) {
      const detail::FloatDenseLayout& layer = layouts[k];
      const float* kernel = model.parameters + layer.parameter_offset;
      std::vector<float> next(layer.outputs);
      for (std::size_t o = 0; o < layer.outputs; ++o) {
        float sum = kernel[layer.inputs * layer.outputs + o];
        for (std::size_t i = 0; i < layer.inputs; ++i) sum += kernel[o * layer.inputs + i] * values[i];
        next[o] = layer.fused_relu && !(sum > 0.0f) ? 0.0f : sum;
        if (!std::isfinite(next[o]))
          throw QuantizationError("representative dataset: sample " + std::to_string(s) + " makes layer " +
                                  std::to_string(k) + ", unit " + std::to_string(o) + " infinite");
        ranges[k + 1].add(next[o]);
      }
      values.swap(next);
    }
  }
  QuantizedModel quantized;
  Quantization input = activation_quantization(ranges[0].low, ranges[0].high, "the model's input");
  for (std::size_t k = 0; k < layouts.size(); ++k) {
    const detail::FloatDenseLayout& layer = layouts[k];
    QuantizedLayer q;
    q.inputs = layer.inputs;
    q.outputs = layer.outputs;
    q.fused_relu = layer.fused_relu;
    q.dense.input = input;
    q.dense.output =
        activation_quantization(ranges[k + 1].low, ranges[k + 1].high, "layer " + std::to_string(k) + "'s output");
    const float* kernel = model.parameters + layer.parameter_offset;
    detail::quantize_kernel(kernel, layer.inputs, layer.outputs, options.weights, q.dense);
    detail::quantize_biases(kernel + layer.inputs * layer.outputs, layer.outputs, k, q.dense);
    quantized.layers.push_back(q);
    input = q.dense.output;
  }
  for (std::size_t k = 0; k < quantized.layers.size(); ++k) int8_layer_arrays(quantized.layers[k], k);  // the checks
  return quantized;
}

/// The float model quantized and ready to run on the host: parameters owned alongside the model.
template <class FloatModel, class Rounding = quant::DoubleRounding>
struct HostInt8Model {
  typedef Int8Model<FloatModel, Rounding> Model;      ///< The device's int8 model type.
  typename Model::Parameters parameters;              ///< Its parameter block, in this object.
  Model model() const { return Model(&parameters); }  ///< A model running from `parameters`.
};

/// `quantized` ready to run on the host as an Int8Model of FloatModel's shape; QuantizationError when
/// the shapes or fused ReLUs differ.
template <class FloatModel, class Rounding = quant::DoubleRounding>
HostInt8Model<FloatModel, Rounding> host_int8_model(const QuantizedModel& quantized) {
  return HostInt8Model<FloatModel, Rounding>{int8_parameters<Int8Model<FloatModel, Rounding>>(quantized)};
}

}  // namespace tinymlp

#endif

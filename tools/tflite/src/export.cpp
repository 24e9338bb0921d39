#include "tinymlp/tflite/export.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "tflite_mlp_generated.h"
#include "tinymlp/host/atomic_file.hpp"
#include "tinymlp/host/model_limits.hpp"

namespace tinymlp {
namespace tflite {
namespace {

using ::tflite::BuiltinOperator;

::tflite::ActivationFunctionType fused_function(Activation activation) {
  switch (activation) {
    case Activation::relu: return ::tflite::ActivationFunctionType::RELU;
    case Activation::relu6: return ::tflite::ActivationFunctionType::RELU6;
    case Activation::tanh: return ::tflite::ActivationFunctionType::TANH;
    default: return ::tflite::ActivationFunctionType::NONE;
  }
}

BuiltinOperator standalone_operator(Activation activation) {
  switch (activation) {
    case Activation::relu: return BuiltinOperator::RELU;
    case Activation::relu6: return BuiltinOperator::RELU6;
    case Activation::tanh: return BuiltinOperator::TANH;
    case Activation::sigmoid: return BuiltinOperator::LOGISTIC;
    case Activation::softmax: return BuiltinOperator::SOFTMAX;
    case Activation::leaky_relu: return BuiltinOperator::LEAKY_RELU;
    case Activation::none: break;
  }
  throw ModelError("an activation layer without a function cannot be exported");
}

// Builds the FlatBuffer in one fixed order, so that equal descriptions give equal bytes.
class Exporter {
 public:
  explicit Exporter(const ModelDescription& model) : model_(model) {
    buffers_.push_back(::tflite::CreateBuffer(builder_));  // buffer 0: the empty sentinel
  }

  std::string run() {
    const bool int8 = model_.has_int8_layers();
    int current = int8 && model_.int8_input ? int8_tensor("input", model_.input_size, model_.input_quantization)
                                            : activation_tensor("input", model_.input_size);
    std::vector<flatbuffers::Offset<::tflite::Operator>> operators;
    if (int8 && !model_.int8_input) {  // QUANTIZE the float input
      const int quantized = int8_tensor("input/quantized", model_.input_size, model_.input_quantization);
      operators.push_back(conversion(BuiltinOperator::QUANTIZE, current, quantized));
      current = quantized;
    }
    for (std::size_t k = 0; k < model_.layers.size(); ++k) {
      const Layer& layer = model_.layers[k];
      const bool last = k + 1 == model_.layers.size();
      const std::string prefix = (layer.kind == LayerKind::dense           ? "dense_"
                                  : layer.kind == LayerKind::normalization ? "normalization_"
                                                                           : "activation_") +
                                 std::to_string(k);
      if (int8) {
        const std::string name = last && model_.int8_output ? "output" : prefix + "/output";
        if (const Int8ActivationQuantization* activation = layer.int8_activation()) {
          const int output = int8_tensor(name, layer.outputs, activation->output);
          operators.push_back(standalone_activation(layer.activation, current, output, 2, layer.alpha));
          current = output;
          continue;
        }
        const int output = int8_tensor(name, layer.outputs, layer.int8()->output);
        operators.push_back(int8_fully_connected(layer, prefix, current, output));
        current = output;
        continue;
      }
      const int output = activation_tensor(last ? "output" : prefix + "/output", layer.outputs);
      if (layer.hybrid()) {
        operators.push_back(hybrid_fully_connected(layer, prefix, current, output));
      } else if (layer.kind == LayerKind::dense) {
        const int kernel = constant_tensor(
            prefix + "/kernel", {static_cast<int>(layer.outputs), static_cast<int>(layer.inputs)}, layer.kernel);
        const int bias = constant_tensor(prefix + "/bias", {static_cast<int>(layer.outputs)}, layer.bias);
        const auto options = ::tflite::CreateFullyConnectedOptions(builder_, fused_function(layer.activation));
        operators.push_back(::tflite::CreateOperator(
            builder_, opcode_index(BuiltinOperator::FULLY_CONNECTED, fully_connected_version()),
            builder_.CreateVector(std::vector<int>{current, kernel, bias}),
            builder_.CreateVector(std::vector<int>{output}), ::tflite::BuiltinOptions::FullyConnectedOptions,
            options.Union()));
      } else if (layer.kind == LayerKind::normalization) {
        append_normalization(layer, prefix, current, output, operators);
      } else {
        operators.push_back(standalone_activation(layer.activation, current, output, 1, layer.alpha));
      }
      current = output;
    }
    if (int8 && !model_.int8_output) {  // DEQUANTIZE the int8 output
      const int output = activation_tensor("output", model_.output_size());
      operators.push_back(conversion(BuiltinOperator::DEQUANTIZE, current, output));
      current = output;
    }
    const auto graph =
        ::tflite::CreateSubGraph(builder_, builder_.CreateVector(tensors_), builder_.CreateVector(std::vector<int>{0}),
                                 builder_.CreateVector(std::vector<int>{current}), builder_.CreateVector(operators),
                                 builder_.CreateString("main"));
    const auto signature = ::tflite::CreateSignatureDef(
        builder_,
        builder_.CreateVector(std::vector<flatbuffers::Offset<::tflite::TensorMap>>{
            ::tflite::CreateTensorMap(builder_, builder_.CreateString("input"), 0)}),
        builder_.CreateVector(std::vector<flatbuffers::Offset<::tflite::TensorMap>>{
            ::tflite::CreateTensorMap(builder_, builder_.CreateString("output"), static_cast<std::uint32_t>(current))}),
        builder_.CreateString("serving_default"), 0);
    const auto root = ::tflite::CreateModel(
        builder_, 3, builder_.CreateVector(operator_codes_),
        builder_.CreateVector(std::vector<flatbuffers::Offset<::tflite::SubGraph>>{graph}),
        builder_.CreateString("tinymlp"), builder_.CreateVector(buffers_), 0, 0,
        builder_.CreateVector(std::vector<flatbuffers::Offset<::tflite::SignatureDef>>{signature}));
    ::tflite::FinishModelBuffer(builder_, root);
    return {reinterpret_cast<const char*>(builder_.GetBufferPointer()), builder_.GetSize()};
  }

 private:
  // A tensor computed at run time: batch dimension 1, or any (-1) in the signature.
  int activation_tensor(const std::string& name, std::size_t width) {
    const int n = static_cast<int>(width);
    tensors_.push_back(::tflite::CreateTensor(builder_, builder_.CreateVector(std::vector<int>{1, n}),
                                              ::tflite::TensorType::FLOAT32, 0, builder_.CreateString(name), 0, false,
                                              0, builder_.CreateVector(std::vector<int>{-1, n})));
    return static_cast<int>(tensors_.size() - 1);
  }

  // A normalization as TFLite computes Keras's: ADD of the offsets (a single input broadcast over
  // them), then MUL by the scales, each a [1, outputs] constant.
  void append_normalization(const Layer& layer, const std::string& prefix, int input, int output,
                            std::vector<flatbuffers::Offset<::tflite::Operator>>& operators) {
    const std::vector<int> shape = {1, static_cast<int>(layer.outputs)};
    const int offset = constant_tensor(prefix + "/offset", shape, layer.bias);
    const int scale = constant_tensor(prefix + "/scale", shape, layer.kernel);
    const int shifted = activation_tensor(prefix + "/shifted", layer.outputs);
    operators.push_back(::tflite::CreateOperator(
        builder_, opcode_index(BuiltinOperator::ADD), builder_.CreateVector(std::vector<int>{input, offset}),
        builder_.CreateVector(std::vector<int>{shifted}), ::tflite::BuiltinOptions::AddOptions,
        ::tflite::CreateAddOptions(builder_).Union()));
    operators.push_back(::tflite::CreateOperator(
        builder_, opcode_index(BuiltinOperator::MUL), builder_.CreateVector(std::vector<int>{shifted, scale}),
        builder_.CreateVector(std::vector<int>{output}), ::tflite::BuiltinOptions::MulOptions,
        ::tflite::CreateMulOptions(builder_).Union()));
  }

  int constant_tensor(const std::string& name, const std::vector<int>& shape, const std::vector<float>& values) {
    std::vector<std::uint8_t> bytes(values.size() * sizeof(float));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());  // little-endian, as TFLite
    builder_.ForceVectorAlignment(bytes.size(), sizeof(std::uint8_t), 16);
    buffers_.push_back(::tflite::CreateBuffer(builder_, builder_.CreateVector(bytes)));
    tensors_.push_back(::tflite::CreateTensor(builder_, builder_.CreateVector(shape), ::tflite::TensorType::FLOAT32,
                                              static_cast<std::uint32_t>(buffers_.size() - 1),
                                              builder_.CreateString(name)));
    return static_cast<int>(tensors_.size() - 1);
  }

  // Full-integer models: int8 activations, int8 kernels (zero point 0, a scale per output unit or one
  // for the tensor, quantized_dimension 0) and int32 biases (scale input scale * weight scale).
  flatbuffers::Offset<::tflite::QuantizationParameters> quantization(const std::vector<float>& scales,
                                                                     const std::vector<std::int64_t>& zero_points) {
    return ::tflite::CreateQuantizationParameters(builder_, 0, 0, builder_.CreateVector(scales),
                                                  builder_.CreateVector(zero_points));
  }

  int int8_tensor(const std::string& name, std::size_t width, const Quantization& q) {
    const int n = static_cast<int>(width);
    tensors_.push_back(::tflite::CreateTensor(builder_, builder_.CreateVector(std::vector<int>{1, n}),
                                              ::tflite::TensorType::INT8, 0, builder_.CreateString(name),
                                              quantization({q.scale}, {q.zero_point}), false, 0,
                                              builder_.CreateVector(std::vector<int>{-1, n})));
    return static_cast<int>(tensors_.size() - 1);
  }

  template <class Value>
  int quantized_constant(const std::string& name, const std::vector<int>& shape, const std::vector<Value>& values,
                         ::tflite::TensorType type, const std::vector<float>& scales) {
    std::vector<std::uint8_t> bytes(values.size() * sizeof(Value));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());  // little-endian, as TFLite
    builder_.ForceVectorAlignment(bytes.size(), sizeof(std::uint8_t), 16);
    buffers_.push_back(::tflite::CreateBuffer(builder_, builder_.CreateVector(bytes)));
    tensors_.push_back(::tflite::CreateTensor(
        builder_, builder_.CreateVector(shape), type, static_cast<std::uint32_t>(buffers_.size() - 1),
        builder_.CreateString(name), quantization(scales, std::vector<std::int64_t>(scales.size(), 0))));
    return static_cast<int>(tensors_.size() - 1);
  }

  flatbuffers::Offset<::tflite::Operator> int8_fully_connected(const Layer& layer, const std::string& prefix, int input,
                                                               int output) {
    const Int8Quantization& q = *layer.int8();
    std::vector<float> bias_scales;
    for (float weight_scale : q.weight_scales) bias_scales.push_back(q.input.scale * weight_scale);
    const int kernel =
        quantized_constant(prefix + "/kernel", {static_cast<int>(layer.outputs), static_cast<int>(layer.inputs)},
                           q.kernel, ::tflite::TensorType::INT8, q.weight_scales);
    const int bias = quantized_constant(prefix + "/bias", {static_cast<int>(layer.outputs)}, q.bias,
                                        ::tflite::TensorType::INT32, bias_scales);
    const auto options = ::tflite::CreateFullyConnectedOptions(builder_, fused_function(layer.activation));
    return ::tflite::CreateOperator(builder_, opcode_index(BuiltinOperator::FULLY_CONNECTED, 4),
                                    builder_.CreateVector(std::vector<int>{input, kernel, bias}),
                                    builder_.CreateVector(std::vector<int>{output}),
                                    ::tflite::BuiltinOptions::FullyConnectedOptions, options.Union());
  }

  // LOGISTIC, TANH, SOFTMAX (beta 1), RELU, RELU6 or LEAKY_RELU (with `alpha`) alone; `version` 2 for
  // int8 values.
  flatbuffers::Offset<::tflite::Operator> standalone_activation(Activation activation, int input, int output,
                                                                std::int32_t version, float alpha = 0.0f) {
    const BuiltinOperator code = standalone_operator(activation);
    flatbuffers::Offset<void> options;
    ::tflite::BuiltinOptions options_type = ::tflite::BuiltinOptions::NONE;
    if (code == BuiltinOperator::SOFTMAX) {
      options = ::tflite::CreateSoftmaxOptions(builder_, 1.0f).Union();
      options_type = ::tflite::BuiltinOptions::SoftmaxOptions;
    }
    if (code == BuiltinOperator::LEAKY_RELU) {
      options = ::tflite::CreateLeakyReluOptions(builder_, alpha).Union();
      options_type = ::tflite::BuiltinOptions::LeakyReluOptions;
    }
    return ::tflite::CreateOperator(builder_, opcode_index(code, version),
                                    builder_.CreateVector(std::vector<int>{input}),
                                    builder_.CreateVector(std::vector<int>{output}), options_type, options);
  }

  // Dynamic-range ("hybrid"): an int8 kernel (one scale, zero point 0), float biases, float input and output.
  flatbuffers::Offset<::tflite::Operator> hybrid_fully_connected(const Layer& layer, const std::string& prefix,
                                                                 int input, int output) {
    const HybridQuantization& q = *layer.hybrid();
    const int kernel =
        quantized_constant(prefix + "/kernel", {static_cast<int>(layer.outputs), static_cast<int>(layer.inputs)},
                           q.kernel, ::tflite::TensorType::INT8, {q.weight_scale});
    const int bias = constant_tensor(prefix + "/bias", {static_cast<int>(layer.outputs)}, layer.bias);
    const auto options = ::tflite::CreateFullyConnectedOptions(builder_, fused_function(layer.activation),
                                                               ::tflite::FullyConnectedOptionsWeightsFormat::DEFAULT,
                                                               false, q.inputs == HybridInputs::asymmetric);
    return ::tflite::CreateOperator(builder_, opcode_index(BuiltinOperator::FULLY_CONNECTED, fully_connected_version()),
                                    builder_.CreateVector(std::vector<int>{input, kernel, bias}),
                                    builder_.CreateVector(std::vector<int>{output}),
                                    ::tflite::BuiltinOptions::FullyConnectedOptions, options.Union());
  }

  // The float FULLY_CONNECTED's version, as TFLite's converter sets it: 3 where a layer is hybrid, 9
  // where one quantizes its inputs asymmetrically (one operator code serves all the model's layers).
  std::int32_t fully_connected_version() const {
    std::int32_t version = 1;
    for (const Layer& layer : model_.layers)
      if (const HybridQuantization* q = layer.hybrid())
        version = std::max(version, q->inputs == HybridInputs::asymmetric ? 9 : 3);
    return version;
  }

  flatbuffers::Offset<::tflite::Operator> conversion(BuiltinOperator code, int input, int output) {
    return ::tflite::CreateOperator(builder_, opcode_index(code, 2), builder_.CreateVector(std::vector<int>{input}),
                                    builder_.CreateVector(std::vector<int>{output}));
  }

  // Operator codes in order of first use; both the old byte field and the new int field.
  std::uint32_t opcode_index(BuiltinOperator code, std::int32_t version = 1) {
    for (std::size_t k = 0; k < codes_used_.size(); ++k)
      if (codes_used_[k] == code) return static_cast<std::uint32_t>(k);
    codes_used_.push_back(code);
    const auto value = static_cast<std::int32_t>(code);
    const auto deprecated = static_cast<std::int8_t>(value < 127 ? value : 127);
    operator_codes_.push_back(::tflite::CreateOperatorCode(builder_, deprecated, 0, version, code));
    return static_cast<std::uint32_t>(codes_used_.size() - 1);
  }

  const ModelDescription& model_;
  flatbuffers::FlatBufferBuilder builder_{4096};
  std::vector<flatbuffers::Offset<::tflite::Buffer>> buffers_;
  std::vector<flatbuffers::Offset<::tflite::Tensor>> tensors_;
  std::vector<flatbuffers::Offset<::tflite::OperatorCode>> operator_codes_;
  std::vector<BuiltinOperator> codes_used_;
};

// At most the bytes the file can take: the weights, their alignment, per-unit scales and zero points,
// and each layer's tensors, operator and names; computed from the layer sizes before anything is built.
std::uint64_t largest_tflite_size(const ModelDescription& model) {
  std::uint64_t bytes = 4096 + 4 * static_cast<std::uint64_t>(model.input_size);
  for (const Layer& layer : model.layers) {
    const auto inputs = static_cast<std::uint64_t>(layer.inputs), outputs = static_cast<std::uint64_t>(layer.outputs);
    const std::uint64_t kernel_bytes = layer.is_quantized() ? 1 : 4;
    bytes += 1024 + 2 * 16 + inputs * outputs * kernel_bytes + outputs * (4 + 2 * (4 + 8));
  }
  return bytes;
}

}  // namespace

std::string export_tflite(const ModelDescription& model) {
  // What import refuses is refused here, before a byte is built: no layers, a file over FlatBuffers' limit.
  if (model.layers.empty())
    throw ModelError("the model has no layers; a .tflite needs at least one, and tinymlp reads none without");
  const std::uint64_t size = largest_tflite_size(model);
  if (size > largest_tflite_bytes)
    throw ModelError("the .tflite would take up to " + std::to_string(size) + " bytes, over FlatBuffers' limit of " +
                     std::to_string(largest_tflite_bytes) +
                     " bytes (2 GB); save the model as a model file (.tinymlp) or a header instead");
  check_consistent(model);
  // Full-integer models are exported as what tinymlp runs them as: int8 Dense layers (fused ReLU or none),
  // int8 LOGISTIC, TANH, SOFTMAX, RELU, RELU6 and LEAKY_RELU after them; hybrid ones as hybrid and float layers (each hybrid layer
  // with its own input quantization, as TFLite allows), with no int8 layer among them.
  if (model.has_hybrid_layers() && model.has_int8_layers())
    throw ModelError("the model mixes full-integer int8 and hybrid layers; a .tflite of either kind has only its own");
  if (model.has_int8_layers()) check_full_integer(model);
  return Exporter(model).run();
}

void write_tflite(const std::string& path, const ModelDescription& model) {
  write_file_atomically(path, export_tflite(model));
}

}  // namespace tflite
}  // namespace tinymlp

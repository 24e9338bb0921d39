#include "tinymlp/tflite/import.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <vector>

#include "tflite_mlp_generated.h"
#include "tinymlp/host/densify.hpp"
#include "tinymlp/host/float_text.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/host/model_limits.hpp"
#include "tinymlp/host/normalization_folding.hpp"
#include "tinymlp/host/read_file.hpp"

namespace tinymlp {
namespace tflite {
namespace {

using ::tflite::BuiltinOperator;
using ::tflite::TensorType;

constexpr auto largest_dimension = static_cast<std::int64_t>(largest_layer_width);
constexpr auto largest_element_count = static_cast<std::int64_t>(largest_tensor_values);

// Names from the file go into messages: printable ASCII only, and not too long.
std::string printable(const flatbuffers::String* text) {
  if (!text) return "";
  std::string result;
  for (std::size_t k = 0; k < text->size() && result.size() < 80; ++k) {
    const char c = text->c_str()[k];
    result += (c >= 32 && c < 127) ? c : '?';
  }
  return result;
}

std::string type_name(TensorType type) {
  const char* name = ::tflite::EnumNameTensorType(type);
  return name && *name ? name : "type " + std::to_string(static_cast<int>(type));
}

std::string operator_name(BuiltinOperator code) {
  const char* name = ::tflite::EnumNameBuiltinOperator(code);
  return name && *name ? name : "builtin operator " + std::to_string(static_cast<int>(code));
}

std::string activation_function_name(::tflite::ActivationFunctionType function) {
  const char* name = ::tflite::EnumNameActivationFunctionType(function);
  return name && *name ? name : "activation " + std::to_string(static_cast<int>(function));
}

template <class T>
std::vector<T> copy_little_endian(const std::uint8_t* bytes, std::size_t count) {
  std::vector<T> values(count);
  if (count) std::memcpy(values.data(), bytes, count * sizeof(T));  // .tflite data is little-endian, as the host
  return values;
}

// IEEE half precision to float (for float16-quantized weights).
float half_to_float(std::uint16_t half) {
  const int exponent = (half >> 10) & 0x1f;
  const int mantissa = half & 0x3ff;
  const float sign = (half & 0x8000) ? -1.0f : 1.0f;
  if (exponent == 0) return sign * std::ldexp(static_cast<float>(mantissa), -24);
  if (exponent == 31) return mantissa ? NAN : sign * INFINITY;
  return sign * std::ldexp(static_cast<float>(mantissa + 1024), exponent - 25);
}

class Importer {
 public:
  Importer(const std::uint8_t* data, std::size_t size, std::string origin)
      : origin_(std::move(origin)), file_bytes_(size) {
    if (size < 8) fail("too short to be a .tflite file (" + std::to_string(size) + " bytes)");
    if (!flatbuffers::BufferHasIdentifier(data, ::tflite::ModelIdentifier())) {
      std::string found;
      for (int k = 4; k < 8; ++k) found += (data[k] >= 32 && data[k] < 127) ? static_cast<char>(data[k]) : '?';
      fail("not a TFLite model: the file identifier is \"" + found + R"(", not "TFL3")");
    }
    flatbuffers::Verifier verifier(data, size);
    if (!::tflite::VerifyModelBuffer(verifier))
      fail("fails FlatBuffers verification: the file is truncated or corrupt");
    model_ = ::tflite::GetModel(data);
    if (model_->version() != 3)
      fail("schema version " + std::to_string(model_->version()) + ", tinymlp reads version 3");
    if (!model_->subgraphs() || model_->subgraphs()->size() == 0) fail("the model has no graph");
    if (reads_variables())
      fail(
          "the model keeps its weights in variables (CALL_ONCE, VAR_HANDLE, READ_VARIABLE, ASSIGN_VARIABLE): it "
          "was saved with the pruning wrapper still on; apply tfmot.sparsity.keras.strip_pruning to the Keras "
          "model before converting it");
    if (model_->subgraphs()->size() != 1)
      fail("the model has " + std::to_string(model_->subgraphs()->size()) +
           " graphs; tinymlp imports models of one graph (no control flow)");
    graph_ = model_->subgraphs()->Get(0);
    if (!graph_->tensors() || !graph_->operators() || !graph_->inputs() || !graph_->outputs())
      fail("the graph lacks its tensors, operators, inputs or outputs");
  }

  ModelDescription run() {
    if (graph_->inputs()->size() != 1 || graph_->outputs()->size() != 1)
      fail("the graph has " + std::to_string(graph_->inputs()->size()) + " inputs and " +
           std::to_string(graph_->outputs()->size()) + " outputs; tinymlp models have one of each");
    current_ = graph_->inputs()->Get(0);
    const ::tflite::Tensor& input = tensor(current_, "the graph's input");
    current_type_ = input.type();
    if (current_type_ != TensorType::FLOAT32 && current_type_ != TensorType::INT8)
      fail(tensor_label(current_) + " (the graph's input) is " + type_name(current_type_) +
           "; tinymlp imports FLOAT32 or INT8 models");
    width_ = element_count(current_);
    description_.input_size = width_;
    if (current_type_ == TensorType::INT8) {
      description_.int8_input = true;
      description_.input_quantization = activation_quantization(current_);
    }
    for (std::uint32_t k = 0; k < graph_->operators()->size(); ++k) import_operator(k);
    const int output = graph_->outputs()->Get(0);
    if (output != current_)
      fail("the graph's output is " + tensor_label(output) + ", but the chain of operators ends at " +
           tensor_label(current_));
    if (description_.layers.empty()) fail("the graph has no FULLY_CONNECTED or activation operator");
    fold_normalizations(description_);
    if (current_type_ == TensorType::INT8) {
      description_.int8_output = true;
      description_.output_quantization = activation_quantization(current_);
    }
    return std::move(description_);
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw ModelError(origin_ + ": " + message); }

  // Whether any graph runs a variable operator: what a model saved with tfmot's pruning wrapper holds.
  bool reads_variables() const {
    for (const ::tflite::SubGraph* graph : *model_->subgraphs()) {
      if (!graph->operators() || !model_->operator_codes()) continue;
      for (const ::tflite::Operator* op : *graph->operators()) {
        if (op->opcode_index() >= model_->operator_codes()->size()) continue;  // reported where it is read
        const ::tflite::OperatorCode* code = model_->operator_codes()->Get(op->opcode_index());
        const auto builtin =
            static_cast<BuiltinOperator>(std::max(static_cast<std::int32_t>(code->deprecated_builtin_code()),
                                                  static_cast<std::int32_t>(code->builtin_code())));
        if (builtin == BuiltinOperator::CALL_ONCE || builtin == BuiltinOperator::VAR_HANDLE ||
            builtin == BuiltinOperator::READ_VARIABLE || builtin == BuiltinOperator::ASSIGN_VARIABLE)
          return true;
      }
    }
    return false;
  }

  const ::tflite::Tensor& tensor(int index, const std::string& role) const {
    if (index < 0 || static_cast<std::uint32_t>(index) >= graph_->tensors()->size())
      fail(role + " is tensor " + std::to_string(index) + ", but the graph has " +
           std::to_string(graph_->tensors()->size()) + " tensors");
    return *graph_->tensors()->Get(static_cast<std::uint32_t>(index));
  }

  std::string tensor_label(int index) const {
    const ::tflite::Tensor& t = tensor(index, "a tensor");
    return "tensor " + std::to_string(index) + " '" + printable(t.name()) + "'";
  }

  std::vector<std::int64_t> shape(int index) const {
    const ::tflite::Tensor& t = tensor(index, "a tensor");
    std::vector<std::int64_t> dimensions;
    if (t.shape())
      for (std::int32_t dimension : *t.shape()) {
        if (dimension < 1 || dimension > largest_dimension)
          fail(tensor_label(index) + " has a dimension of " + std::to_string(dimension));
        dimensions.push_back(dimension);
      }
    return dimensions;
  }

  std::size_t element_count(int index) const {
    std::int64_t count = 1;
    for (std::int64_t dimension : shape(index)) {
      count *= dimension;
      if (count > largest_element_count) fail(tensor_label(index) + " is too large");
    }
    return static_cast<std::size_t>(count);
  }

  void expect_type(int index, TensorType type, const std::string& role) const {
    const TensorType found = tensor(index, role).type();
    if (found != type)
      fail(role + " " + tensor_label(index) + " is " + type_name(found) + ", expected " + type_name(type));
  }

  // The constant data of a tensor, exactly `bytes` long.
  const std::uint8_t* constant_bytes(int index, std::size_t bytes, const std::string& role) const {
    const ::tflite::Tensor& t = tensor(index, role);
    if (!model_->buffers() || t.buffer() >= model_->buffers()->size())
      fail(role + " " + tensor_label(index) + " refers to buffer " + std::to_string(t.buffer()) +
           ", but the model has " + std::to_string(model_->buffers() ? model_->buffers()->size() : 0) + " buffers");
    const ::tflite::Buffer* buffer = model_->buffers()->Get(t.buffer());
    if (buffer->offset() > 1)
      fail(role + " " + tensor_label(index) + " keeps its data outside the FlatBuffer (models over 2 GB)");
    const std::size_t found = buffer->data() ? buffer->data()->size() : 0;
    if (found != bytes)
      fail(role + " " + tensor_label(index) + " has " + std::to_string(found) + " bytes of data, its shape needs " +
           std::to_string(bytes));
    return buffer->data() ? buffer->data()->data() : nullptr;
  }

  bool has_constant_data(int index) const {
    const ::tflite::Tensor& t = tensor(index, "a tensor");
    if (!model_->buffers() || t.buffer() >= model_->buffers()->size()) return false;
    const ::tflite::Buffer* buffer = model_->buffers()->Get(t.buffer());
    return buffer->data() && buffer->data()->size() > 0;
  }

  // Counts `count` weights about to be decoded against the file's allowance, before they are allocated.
  void decode_weights(std::size_t count, const std::string& role) {
    const std::size_t allowed = file_bytes_ * import_weights_per_file_byte + import_weights_allowance;
    decoded_weights_ += count;
    if (decoded_weights_ > allowed)
      fail(role + " would bring the weights decoded to " + std::to_string(decoded_weights_) + ", over the " +
           std::to_string(allowed) + " a file of " + std::to_string(file_bytes_) + " bytes may decode to (" +
           std::to_string(import_weights_per_file_byte) + " per byte, plus " +
           std::to_string(import_weights_allowance) + "): do its operators share one weight buffer?");
  }

  std::vector<float> constant_floats(int index, std::size_t count, const std::string& role) {
    decode_weights(count, role);
    const auto folded = dequantized_constants_.find(index);
    if (folded != dequantized_constants_.end()) {
      if (folded->second.size() != count) fail(role + " " + tensor_label(index) + " has the wrong size");
      return folded->second;
    }
    expect_type(index, TensorType::FLOAT32, role);
    if (tensor(index, role).sparsity()) return sparse_floats(index, count, role);
    return copy_little_endian<float>(constant_bytes(index, count * sizeof(float), role), count);
  }

  // The index vector of a sparse dimension, whichever of TFLite's three types it is stored as.
  static std::vector<std::int64_t> sparse_index_vector(::tflite::SparseIndexVector type, const void* vector) {
    std::vector<std::int64_t> values;
    if (!vector) return values;
    const auto widen = [&values](const auto* numbers) {
      if (numbers) values.assign(numbers->begin(), numbers->end());
    };
    switch (type) {
      case ::tflite::SparseIndexVector::Int32Vector:
        widen(static_cast<const ::tflite::Int32Vector*>(vector)->values());
        break;
      case ::tflite::SparseIndexVector::Uint16Vector:
        widen(static_cast<const ::tflite::Uint16Vector*>(vector)->values());
        break;
      case ::tflite::SparseIndexVector::Uint8Vector:
        widen(static_cast<const ::tflite::Uint8Vector*>(vector)->values());
        break;
      default: break;
    }
    return values;
  }

  // A FLOAT32 constant stored sparse (TFLite's SparsityParameters), decompressed: every field of the
  // metadata is checked by densify().
  std::vector<float> sparse_floats(int index, std::size_t count, const std::string& role) {
    return sparse_values<float>(index, count, role);
  }

  // A constant of Value (FLOAT32, INT8 weights, FLOAT16 as its bits) stored sparse, decompressed.
  template <class Value>
  std::vector<Value> sparse_values(int index, std::size_t count, const std::string& role) {
    const ::tflite::Tensor& t = tensor(index, role);
    const ::tflite::SparsityParameters& parameters = *t.sparsity();
    Sparsity sparsity;
    if (parameters.traversal_order())
      sparsity.traversal_order.assign(parameters.traversal_order()->begin(), parameters.traversal_order()->end());
    if (parameters.block_map())
      sparsity.block_map.assign(parameters.block_map()->begin(), parameters.block_map()->end());
    if (parameters.dim_metadata())
      for (const ::tflite::DimensionMetadata* metadata : *parameters.dim_metadata()) {
        SparseDimension dimension;
        dimension.sparse = metadata->format() == ::tflite::DimensionType::SPARSE_CSR;
        dimension.dense_size = metadata->dense_size();
        dimension.segments = sparse_index_vector(metadata->array_segments_type(), metadata->array_segments());
        dimension.indices = sparse_index_vector(metadata->array_indices_type(), metadata->array_indices());
        sparsity.dimensions.push_back(std::move(dimension));
      }
    const ::tflite::Buffer* buffer =
        model_->buffers() && t.buffer() < model_->buffers()->size() ? model_->buffers()->Get(t.buffer()) : nullptr;
    const std::size_t bytes = buffer && buffer->data() ? buffer->data()->size() : 0;
    if (bytes % sizeof(Value) != 0)
      fail(role + " " + tensor_label(index) + " has " + std::to_string(bytes) +
           " bytes of sparse data, not a whole number of " + type_name(t.type()) + " values");
    const std::size_t stored = bytes / sizeof(Value);
    if (stored > count)
      fail(role + " " + tensor_label(index) + " stores " + std::to_string(stored) + " values, more than its " +
           std::to_string(count) + " positions");
    const std::vector<Value> values = copy_little_endian<Value>(constant_bytes(index, bytes, role), stored);
    std::vector<std::int32_t> dimensions;
    for (std::int64_t dimension : shape(index)) dimensions.push_back(static_cast<std::int32_t>(dimension));
    try {
      return densify(printable(t.name()), dimensions, sparsity, values);
    } catch (const SparsityError& error) {
      fail(role + " " + error.what());
    }
  }

  // Scales (and zero points) of a tensor, one per tensor or one per channel along dimension 0.
  struct Scales {
    std::vector<float> scales;
    std::vector<std::int64_t> zero_points;
  };
  Scales quantization(int index, std::size_t channels, const std::string& role) const {
    const ::tflite::QuantizationParameters* q = tensor(index, role).quantization();
    if (!q || !q->scale() || q->scale()->size() == 0)
      fail(role + " " + tensor_label(index) + " is quantized but has no scale");
    if (q->details_type() != ::tflite::QuantizationDetails::NONE)
      fail(role + " " + tensor_label(index) + " uses custom quantization");
    Scales result;
    result.scales.assign(q->scale()->begin(), q->scale()->end());
    if (q->zero_point()) {
      // The verifier checks a vector's start, not that its 8-byte elements are aligned: copy them.
      result.zero_points = copy_little_endian<std::int64_t>(q->zero_point()->Data(), q->zero_point()->size());
    }
    if (result.zero_points.empty()) result.zero_points.assign(result.scales.size(), 0);
    const bool per_tensor = result.scales.size() == 1;
    const bool per_channel = result.scales.size() == channels && q->quantized_dimension() == 0;
    if ((!per_tensor && !per_channel) || result.zero_points.size() != result.scales.size())
      fail(role + " " + tensor_label(index) + " has " + std::to_string(result.scales.size()) + " scales and " +
           std::to_string(result.zero_points.size()) + " zero points; expected one, or one per output unit");
    for (float scale : result.scales)
      if (!(scale >= 1e-30f && scale <= 1e30f)) fail(role + " " + tensor_label(index) + " has a scale out of range");
    return result;
  }

  Quantization activation_quantization(int index) const {
    const Scales scales = quantization(index, 1, "activation");
    if (scales.zero_points[0] < -128 || scales.zero_points[0] > 127)
      fail(tensor_label(index) + " has an int8 zero point of " + std::to_string(scales.zero_points[0]));
    return Quantization{scales.scales[0], static_cast<std::int32_t>(scales.zero_points[0])};
  }

  struct OperatorView {
    std::uint32_t index;
    const ::tflite::Operator* op;
    BuiltinOperator code;
    std::string label;  // "operator 2 (FULLY_CONNECTED)"
  };

  OperatorView view(std::uint32_t k) const {
    const ::tflite::Operator* op = graph_->operators()->Get(k);
    const std::string where = "operator " + std::to_string(k);
    if (!model_->operator_codes() || op->opcode_index() >= model_->operator_codes()->size())
      fail(where + " refers to operator code " + std::to_string(op->opcode_index()) + ", but the model has " +
           std::to_string(model_->operator_codes() ? model_->operator_codes()->size() : 0) + " operator codes");
    const ::tflite::OperatorCode* code = model_->operator_codes()->Get(op->opcode_index());
    // As TFLite reads it: the larger of the old byte field and the new int field.
    const auto builtin = static_cast<BuiltinOperator>(std::max(
        static_cast<std::int32_t>(code->deprecated_builtin_code()), static_cast<std::int32_t>(code->builtin_code())));
    std::string name = operator_name(builtin);
    if (builtin == BuiltinOperator::CUSTOM) name += " '" + printable(code->custom_code()) + "'";
    if (!op->inputs() || !op->outputs() || op->inputs()->size() == 0 || op->outputs()->size() != 1)
      fail(where + " (" + name + ") must have inputs and exactly one output");
    return OperatorView{k, op, builtin, where + " (" + name + ")"};
  }

  static bool is_arithmetic(BuiltinOperator code) {
    return code == BuiltinOperator::ADD || code == BuiltinOperator::SUB || code == BuiltinOperator::MUL ||
           code == BuiltinOperator::DIV;
  }

  void import_operator(std::uint32_t k) {
    const OperatorView op = view(k);
    // Arithmetic with a constant may take the chain's values as either operand (SUB and DIV too).
    const bool chain_second = is_arithmetic(op.code) && op.op->inputs()->size() == 2 &&
                              op.op->inputs()->Get(1) == current_ && op.op->inputs()->Get(0) != current_;
    const int input = op.op->inputs()->Get(chain_second ? 1 : 0);
    const int output = op.op->outputs()->Get(0);
    tensor(input, op.label + "'s input");
    tensor(output, op.label + "'s output");
    if (op.code == BuiltinOperator::DEQUANTIZE && input != current_ &&
        (has_constant_data(input) || densified_halves_.count(input))) {
      fold_constant_dequantize(op, input, output);
      return;
    }
    if (op.code == BuiltinOperator::DENSIFY && input != current_ && has_constant_data(input)) {
      fold_constant_densify(op, input, output);
      return;
    }
    if (input != current_) {
      for (std::uint32_t later = k; later < graph_->operators()->size(); ++later) {
        const ::tflite::Operator* writer = graph_->operators()->Get(later);
        if (writer->outputs() && writer->outputs()->size() > 0 && writer->outputs()->Get(0) == input)
          fail(op.label + " reads " + tensor_label(input) + ", the output of " + view(later).label +
               ", which comes after it: operators must be in the order they run");
      }
      fail(op.label + " reads " + tensor_label(input) + ", not " +
           (k == 0 ? "the graph's input" : "the output of the operator before it") + " (" + tensor_label(current_) +
           "): tinymlp imports chains of layers only");
    }
    if (output_seen_) fail(op.label + " follows the DEQUANTIZE of the output; nothing may come after it");
    if (op.code != BuiltinOperator::RESHAPE && !is_arithmetic(op.code)) normalization_open_ = false;
    switch (op.code) {
      case BuiltinOperator::FULLY_CONNECTED: import_fully_connected(op, output); break;
      case BuiltinOperator::RESHAPE: expect_same_values(op, output); break;
      case BuiltinOperator::QUANTIZE: import_quantize(op, output); break;
      case BuiltinOperator::DEQUANTIZE: import_dequantize(op, output); break;
      case BuiltinOperator::LOGISTIC: import_activation(op, output, Activation::sigmoid); break;
      case BuiltinOperator::TANH: import_activation(op, output, Activation::tanh); break;
      case BuiltinOperator::RELU: import_activation(op, output, Activation::relu); break;
      case BuiltinOperator::RELU6: import_activation(op, output, Activation::relu6); break;
      case BuiltinOperator::SOFTMAX: import_softmax(op, output); break;
      case BuiltinOperator::LEAKY_RELU: import_leaky_relu(op, output); break;
      case BuiltinOperator::ADD:
      case BuiltinOperator::SUB:
      case BuiltinOperator::MUL:
      case BuiltinOperator::DIV: import_arithmetic(op, chain_second, output); break;
      default:
        fail(op.label +
             " is not supported: tinymlp imports FULLY_CONNECTED, LOGISTIC, TANH, SOFTMAX, RELU, "
             "RELU6, LEAKY_RELU, ADD, SUB, MUL and DIV by a constant, RESHAPE, QUANTIZE, DEQUANTIZE and DENSIFY");
    }
    current_ = output;
  }

  // An operator whose output holds the same values as its input (RESHAPE; the shape operand is ignored).
  void expect_same_values(const OperatorView& op, int output) {
    expect_type(output, current_type_, op.label + "'s output");
    expect_same_width(op, output);
  }

  void import_quantize(const OperatorView& op, int output) {
    if (current_type_ != TensorType::FLOAT32 || !description_.layers.empty())
      fail(op.label + ": tinymlp imports QUANTIZE only where it turns the float input into int8");
    expect_type(output, TensorType::INT8, op.label + "'s output");
    expect_same_width(op, output);
    description_.input_quantization = activation_quantization(output);
    current_type_ = TensorType::INT8;
  }

  void import_dequantize(const OperatorView& op, int output) {
    if (current_type_ != TensorType::INT8)
      fail(op.label + ": tinymlp imports DEQUANTIZE only of the int8 output or of constant weights");
    expect_type(output, TensorType::FLOAT32, op.label + "'s output");
    expect_same_width(op, output);
    description_.output_quantization = activation_quantization(current_);
    current_type_ = TensorType::FLOAT32;
    output_seen_ = true;
  }

  void expect_same_width(const OperatorView& op, int output) const {
    if (element_count(output) != width_)
      fail(op.label + " turns " + std::to_string(width_) + " values into " + std::to_string(element_count(output)));
  }

  // DEQUANTIZE of a constant: converters store float16 (or int8) weights and dequantize them at load time.
  void fold_constant_dequantize(const OperatorView& op, int input, int output) {
    expect_type(output, TensorType::FLOAT32, op.label + "'s output");
    const auto densified = densified_halves_.find(input);
    if (densified != densified_halves_.end()) {  // the FLOAT16 output of a DENSIFY
      if (element_count(output) != densified->second.size()) fail(op.label + " changes the number of values");
      dequantized_constants_[output] = densified->second;
      return;
    }
    const std::size_t count = element_count(input);
    const TensorType type = tensor(input, op.label + "'s input").type();
    decode_weights(count, op.label);
    std::vector<float> values(count);
    if (type == TensorType::FLOAT16) {
      const auto halves =
          copy_little_endian<std::uint16_t>(constant_bytes(input, count * 2, op.label + "'s input"), count);
      std::transform(halves.begin(), halves.end(), values.begin(), half_to_float);
    } else if (type == TensorType::INT8) {
      const std::uint8_t* bytes = constant_bytes(input, count, op.label + "'s input");
      const Scales scales = quantization(input, 1, op.label + "'s input");
      for (std::size_t k = 0; k < count; ++k)
        values[k] = scales.scales[0] * static_cast<float>(static_cast<std::int8_t>(bytes[k]) - scales.zero_points[0]);
    } else {
      fail(op.label + " dequantizes " + type_name(type) + " constants; tinymlp folds FLOAT16 and INT8 ones");
    }
    if (element_count(output) != count) fail(op.label + " changes the number of values");
    dequantized_constants_[output] = std::move(values);
  }

  // DENSIFY of a constant: a pruned model's sparse weights, decompressed at import.
  // A FLOAT16 one (a pruned model quantized to float16) is decompressed to its floats here, and the
  // DEQUANTIZE after it passes them on (fold_constant_dequantize).
  void fold_constant_densify(const OperatorView& op, int input, int output) {
    const std::string role = op.label + "'s input";
    if (!tensor(input, role).sparsity())
      fail(role + " " + tensor_label(input) + " has no sparsity parameters: DENSIFY decompresses a sparse tensor");
    const TensorType type = tensor(input, role).type();
    if (type != TensorType::FLOAT32 && type != TensorType::FLOAT16)
      fail(role + " " + tensor_label(input) + " is sparse " + type_name(type) +
           ": tinymlp decompresses sparse FLOAT32 and FLOAT16 weights with DENSIFY (sparse INT8 weights read by "
           "FULLY_CONNECTED itself); convert the pruned model with float32, float16 or int8 weights");
    expect_type(output, type, op.label + "'s output");
    if (shape(output) != shape(input))
      fail(op.label + " turns the shape of " + tensor_label(input) + " into another: " + tensor_label(output));
    if (type == TensorType::FLOAT32) {
      dequantized_constants_[output] = constant_floats(input, element_count(input), role);
      return;
    }
    const std::size_t count = element_count(input);
    decode_weights(count, role);
    const std::vector<std::uint16_t> halves = sparse_values<std::uint16_t>(input, count, role);
    std::vector<float> values(count);
    std::transform(halves.begin(), halves.end(), values.begin(), half_to_float);
    densified_halves_[output] = std::move(values);
  }

  // LEAKY_RELU with its alpha, which must be one tinymlp's LeakyReLU<N, D> spells.
  void import_leaky_relu(const OperatorView& op, int output) {
    if (current_type_ != TensorType::FLOAT32 && current_type_ != TensorType::INT8)
      fail(op.label + " on " + type_name(current_type_) +
           " values is not supported: tinymlp imports a FLOAT32 or INT8 LEAKY_RELU");
    const ::tflite::LeakyReluOptions* options = op.op->builtin_options_as_LeakyReluOptions();
    const float alpha = options ? options->alpha() : 0.0f;
    long long numerator = 0, denominator = 1;
    if (!leaky_relu_fraction(alpha, numerator, denominator))
      fail(op.label + " has alpha " + float_message_text(alpha) +
           "; tinymlp's LeakyReLU takes 0 <= alpha < 1 (and not below 2^-38 unless 0)");
    if (current_type_ == TensorType::INT8) {
      import_int8_activation(op, output, Activation::leaky_relu, alpha);
      return;
    }
    import_activation(op, output, Activation::leaky_relu);
    description_.layers.back().alpha = alpha;
  }

  // ADD, SUB, MUL or DIV of the chain's values and a constant (a Keras Normalization's SUB and MUL, or
  // such a step between layers): a normalization layer, (x + offset) * scale per feature. Steps that
  // follow one another merge into one layer while that computes what TFLite computes (offsets first,
  // then scales); later, normalizations are folded into the Dense after them where that is exact enough.
  void import_arithmetic(const OperatorView& op, bool chain_second, int output) {
    if (current_type_ != TensorType::FLOAT32)
      fail(op.label + " on " + type_name(current_type_) +
           " values is not supported: tinymlp imports ADD, SUB, MUL and DIV by a constant on float values");
    if (op.op->inputs()->size() != 2) fail(op.label + " needs two inputs");
    const int constant = op.op->inputs()->Get(chain_second ? 0 : 1);
    const std::string role = op.label + "'s constant";
    tensor(constant, role);
    if (!has_constant_data(constant) && !dequantized_constants_.count(constant))
      fail(op.label + "'s other operand " + tensor_label(constant) +
           " is not a constant: tinymlp imports ADD, SUB, MUL and DIV by a constant only (a Keras Normalization)");
    const ::tflite::ActivationFunctionType fused =
        op.code == BuiltinOperator::ADD   ? (op.op->builtin_options_as_AddOptions()
                                                 ? op.op->builtin_options_as_AddOptions()->fused_activation_function()
                                                 : ::tflite::ActivationFunctionType::NONE)
        : op.code == BuiltinOperator::SUB ? (op.op->builtin_options_as_SubOptions()
                                                 ? op.op->builtin_options_as_SubOptions()->fused_activation_function()
                                                 : ::tflite::ActivationFunctionType::NONE)
        : op.code == BuiltinOperator::MUL ? (op.op->builtin_options_as_MulOptions()
                                                 ? op.op->builtin_options_as_MulOptions()->fused_activation_function()
                                                 : ::tflite::ActivationFunctionType::NONE)
                                          : (op.op->builtin_options_as_DivOptions()
                                                 ? op.op->builtin_options_as_DivOptions()->fused_activation_function()
                                                 : ::tflite::ActivationFunctionType::NONE);
    if (fused != ::tflite::ActivationFunctionType::NONE)
      fail(op.label + " fuses " + activation_function_name(fused) +
           "; tinymlp imports ADD, SUB, MUL and DIV by a constant without a fused activation");
    if (chain_second && op.code == BuiltinOperator::DIV)
      fail(op.label + " divides a constant by the values; tinymlp imports DIV of the values by a constant only");

    // Broadcasting as TFLite does: shapes aligned at their last dimension, each pair equal or one of
    // them 1. The chain's values either keep their shape or are one value spread over the constant's.
    // Bounding each shape's product first keeps the strides and the broadcast's product below in range.
    static_cast<void>(element_count(current_));
    static_cast<void>(element_count(constant));
    const std::vector<std::int64_t> values_shape = shape(current_), constant_shape = shape(constant);
    const std::size_t rank = std::max(values_shape.size(), constant_shape.size());
    std::vector<std::int64_t> result_shape(rank), values_stride(rank, 0), constant_stride(rank, 0);
    std::int64_t values_step = 1, constant_step = 1;
    for (std::size_t d = rank; d-- > 0;) {
      const std::size_t from_end = rank - 1 - d;
      const std::int64_t a = from_end < values_shape.size() ? values_shape[values_shape.size() - 1 - from_end] : 1;
      const std::int64_t c =
          from_end < constant_shape.size() ? constant_shape[constant_shape.size() - 1 - from_end] : 1;
      if (a != c && a != 1 && c != 1)
        fail(op.label + " cannot broadcast " + shape_text(values_shape) + " (" + tensor_label(current_) + ") and " +
             shape_text(constant_shape) + " (" + tensor_label(constant) + ")");
      result_shape[d] = std::max(a, c);
      if (a != 1) values_stride[d] = values_step;
      if (c != 1) constant_stride[d] = constant_step;
      values_step *= a;
      constant_step *= c;
    }
    std::int64_t result_count = 1;
    for (std::int64_t dimension : result_shape) result_count *= dimension;
    const auto outputs = static_cast<std::size_t>(result_count);
    if (outputs != width_ && width_ != 1)
      fail(op.label + " broadcasts " + shape_text(values_shape) + " and " + shape_text(constant_shape) + " to " +
           shape_text(result_shape) +
           ": tinymlp imports a constant spread over the values, or one value over a "
           "constant, not values repeated");
    if (outputs > largest_layer_width)
      fail(op.label + " gives " + std::to_string(outputs) + " values; tinymlp reads layers of up to " +
           std::to_string(largest_layer_width));
    expect_type(output, TensorType::FLOAT32, op.label + "'s output");
    if (element_count(output) != outputs)
      fail(op.label + "'s output " + tensor_label(output) + " holds " + std::to_string(element_count(output)) +
           " values, the broadcast gives " + std::to_string(outputs));
    const std::vector<float> constants = constant_floats(constant, element_count(constant), role);
    // The constant for each output feature, through the broadcast.
    std::vector<float> per_feature(outputs);
    for (std::size_t o = 0; o < outputs; ++o) {
      std::int64_t rest = static_cast<std::int64_t>(o), at = 0;
      for (std::size_t d = rank; d-- > 0;) {
        at += (rest % result_shape[d]) * constant_stride[d];
        rest /= result_shape[d];
      }
      per_feature[o] = constants[static_cast<std::size_t>(at)];
      if (!std::isfinite(per_feature[o]))
        fail(role + " " + tensor_label(constant) + " holds a value that is not a finite number");
      if (op.code == BuiltinOperator::DIV && per_feature[o] == 0.0f)
        fail(role + " " + tensor_label(constant) + " holds a 0 to divide by");
    }
    add_normalization_step(op.code, chain_second, per_feature);
    width_ = outputs;
  }

  // Adds one step to the open normalization layer, or opens a new one where the step cannot join it
  // and compute what TFLite computes: a layer is one offset step (ADD or SUB) and then one scale step
  // (MUL, or DIV as a MUL by the reciprocal, which may differ from TFLite's quotient in the last bit).
  void add_normalization_step(BuiltinOperator code, bool chain_second, const std::vector<float>& constants) {
    const bool offset_step = code == BuiltinOperator::ADD || code == BuiltinOperator::SUB;
    Layer* layer = normalization_open_ ? &description_.layers.back() : nullptr;
    const auto all = [](const std::vector<float>& values, float value) {
      return std::all_of(values.begin(), values.end(), [value](float v) { return v == value; });
    };
    if (layer && (!all(layer->kernel, 1.0f) || (offset_step && !all(layer->bias, 0.0f)))) layer = nullptr;
    if (!layer) {
      Layer opened;
      opened.kind = LayerKind::normalization;
      opened.inputs = opened.outputs = width_;
      opened.kernel.assign(width_, 1.0f);
      opened.bias.assign(width_, 0.0f);
      description_.layers.push_back(std::move(opened));
      layer = &description_.layers.back();
      normalization_open_ = true;
    }
    if (layer->outputs != constants.size()) {  // one value spread over the constant's features
      layer->kernel.assign(constants.size(), layer->kernel[0]);
      layer->bias.assign(constants.size(), layer->bias[0]);
      layer->outputs = constants.size();
    }
    for (std::size_t o = 0; o < constants.size(); ++o) {
      const float c = constants[o];
      switch (code) {
        case BuiltinOperator::ADD: layer->bias[o] += c; break;
        case BuiltinOperator::SUB:
          layer->bias[o] -= c;
          if (chain_second) layer->kernel[o] = -1.0f;  // c - x = (x - c) * -1, exactly
          break;
        case BuiltinOperator::MUL: layer->kernel[o] *= c; break;
        default: layer->kernel[o] /= c; break;  // DIV
      }
    }
  }

  static std::string shape_text(const std::vector<std::int64_t>& dimensions) {
    std::string text = "[";
    for (std::size_t d = 0; d < dimensions.size(); ++d) text += (d ? ", " : "") + std::to_string(dimensions[d]);
    return text + "]";
  }

  void import_activation(const OperatorView& op, int output, Activation activation) {
    if (current_type_ == TensorType::INT8) {
      import_int8_activation(op, output, activation);
      return;
    }
    if (current_type_ != TensorType::FLOAT32)
      fail(op.label + " on " + type_name(current_type_) + " values is not supported: tinymlp imports FLOAT32 and INT8");
    expect_type(output, TensorType::FLOAT32, op.label + "'s output");
    expect_same_width(op, output);
    Layer layer;
    layer.kind = LayerKind::activation;
    layer.activation = activation;
    layer.inputs = layer.outputs = width_;
    description_.layers.push_back(std::move(layer));
  }

  // An int8 activation: LOGISTIC, TANH, SOFTMAX, RELU6, LEAKY_RELU and a RELU that requantizes become
  // layers with their quantization (TFLite fixes LOGISTIC's, TANH's and SOFTMAX's output: checked); an
  // int8 RELU that keeps its input's quantization right after a FULLY_CONNECTED without a fused
  // activation clamps exactly as one fused into it, and is fused there.
  void import_int8_activation(const OperatorView& op, int output, Activation activation, float alpha = 0.0f) {
    expect_type(output, TensorType::INT8, op.label + "'s output");
    expect_same_width(op, output);
    Int8ActivationQuantization q;
    q.input = activation_quantization(current_);
    q.output = activation_quantization(output);
    Layer* before = description_.layers.empty() ? nullptr : &description_.layers.back();
    if (activation == Activation::relu && q.input.scale == q.output.scale &&
        q.input.zero_point == q.output.zero_point && before && before->kind == LayerKind::dense && before->int8() &&
        before->activation == Activation::none) {
      before->activation = activation;
      before->int8()->output = q.output;
      return;
    }
    try {
      check_int8_activation(activation, q, op.label);
      if (activation == Activation::leaky_relu)
        leaky_relu_table(op.label, q.input.scale, q.input.zero_point, q.output.scale, q.output.zero_point, alpha,
                         Int8Activations::tflite_micro);
      else if (activation != Activation::softmax)
        int8_activation_table(op.label, activation, q, Int8Activations::tflite_cpu);
    } catch (const std::runtime_error& error) {
      fail(std::string(error.what()) + " (tensor " + std::to_string(output) + " '" +
           printable(tensor(output, "a tensor").name()) + "')");
    }
    Layer layer;
    layer.kind = LayerKind::activation;
    layer.activation = activation;
    layer.alpha = alpha;
    layer.inputs = layer.outputs = width_;
    layer.quantization = q;
    description_.layers.push_back(std::move(layer));
  }

  void import_softmax(const OperatorView& op, int output) {
    const ::tflite::SoftmaxOptions* options = op.op->builtin_options_as_SoftmaxOptions();
    const float beta = options ? options->beta() : 0.0f;
    if (beta != 1.0f) fail(op.label + " has beta " + std::to_string(beta) + "; tinymlp's Softmax has beta 1");
    import_activation(op, output, Activation::softmax);
  }

  static Activation fused_activation(::tflite::ActivationFunctionType function, bool& known) {
    known = true;
    switch (function) {
      case ::tflite::ActivationFunctionType::NONE: return Activation::none;
      case ::tflite::ActivationFunctionType::RELU: return Activation::relu;
      case ::tflite::ActivationFunctionType::RELU6: return Activation::relu6;
      case ::tflite::ActivationFunctionType::TANH: return Activation::tanh;
      default: known = false; return Activation::none;
    }
  }

  void import_fully_connected(const OperatorView& op, int output) {
    const auto* inputs = op.op->inputs();
    if (inputs->size() < 2 || inputs->size() > 3) fail(op.label + " needs an input, weights and optionally a bias");
    const int weights = inputs->Get(1);
    const int bias = inputs->size() == 3 ? inputs->Get(2) : -1;  // -1: no bias
    const std::string weights_role = op.label + "'s weights";
    tensor(weights, weights_role);
    if (bias != -1) tensor(bias, op.label + "'s bias");
    const std::vector<std::int64_t> weight_shape = shape(weights);
    if (weight_shape.size() != 2)
      fail(weights_role + " " + tensor_label(weights) + " has " + std::to_string(weight_shape.size()) +
           " dimensions; expected [outputs, inputs]");
    const auto outputs = static_cast<std::size_t>(weight_shape[0]);
    if (static_cast<std::size_t>(weight_shape[1]) != width_)
      fail(weights_role + " " + tensor_label(weights) + " take " + std::to_string(weight_shape[1]) +
           " inputs, but the layer before gives " + std::to_string(width_));
    if (element_count(output) != outputs)
      fail(op.label + "'s output " + tensor_label(output) + " holds " + std::to_string(element_count(output)) +
           " values, the weights give " + std::to_string(outputs));
    if (bias >= 0 && element_count(bias) != outputs)
      fail(op.label + "'s bias " + tensor_label(bias) + " holds " + std::to_string(element_count(bias)) +
           " values, expected " + std::to_string(outputs));

    Layer layer;
    layer.inputs = width_;
    layer.outputs = outputs;
    if (const ::tflite::FullyConnectedOptions* options = op.op->builtin_options_as_FullyConnectedOptions()) {
      if (options->weights_format() != ::tflite::FullyConnectedOptionsWeightsFormat::DEFAULT)
        fail(op.label + " uses shuffled weights; tinymlp reads weights_format DEFAULT");
      bool known = false;
      layer.activation = fused_activation(options->fused_activation_function(), known);
      if (!known)
        fail(op.label + " has the fused activation " + activation_function_name(options->fused_activation_function()) +
             ", which tinymlp does not support");
      const TensorType bias_type = options->quantized_bias_type();
      if (bias_type != TensorType::FLOAT32 && bias_type != TensorType::INT32)
        fail(op.label + " accumulates in " + type_name(bias_type) + "; tinymlp supports INT32");
    }
    if (current_type_ == TensorType::FLOAT32) {
      expect_type(output, TensorType::FLOAT32, op.label + "'s output");
      if (tensor(weights, weights_role).type() == TensorType::INT8 && !dequantized_constants_.count(weights))
        import_hybrid_weights(op, layer, weights);
      else
        layer.kernel = constant_floats(weights, outputs * width_, weights_role);
      layer.bias = bias >= 0 ? constant_floats(bias, outputs, op.label + "'s bias") : std::vector<float>(outputs, 0.0f);
    } else {
      import_int8_weights(op, layer, weights, bias, output);
    }
    for (const std::vector<float>* values : {&layer.kernel, &layer.bias})
      for (float value : *values)
        if (!std::isfinite(value)) fail(op.label + " has a weight that is not a finite number");
    // tinymlp's int8 Dense fuses a ReLU or nothing: a fused RELU6 becomes an int8 RELU6 after it that
    // keeps its quantization, which clamps to the same integers (TFLite's activation range).
    const bool int8_relu6 = layer.int8() && layer.activation == Activation::relu6;
    if (int8_relu6) layer.activation = Activation::none;
    const Quantization dense_output = layer.int8() ? layer.int8()->output : Quantization{};
    description_.layers.push_back(std::move(layer));
    width_ = outputs;
    if (int8_relu6) {
      Layer relu6;
      relu6.kind = LayerKind::activation;
      relu6.activation = Activation::relu6;
      relu6.inputs = relu6.outputs = outputs;
      relu6.quantization = Int8ActivationQuantization{dense_output, dense_output};
      description_.layers.push_back(std::move(relu6));
    }
  }

  // Dynamic-range ("hybrid") FULLY_CONNECTED: int8 weights, float input, bias and output.
  void import_hybrid_weights(const OperatorView& op, Layer& layer, int weights) {
    const std::string weights_role = op.label + "'s weights";
    HybridQuantization q;
    const Scales weight_scales = quantization(weights, layer.outputs, weights_role);
    if (weight_scales.scales.size() != 1)
      fail(weights_role + " " + tensor_label(weights) + " have " + std::to_string(weight_scales.scales.size()) +
           " scales, one per output unit: TFLite's hybrid FULLY_CONNECTED reads one scale for the kernel, "
           "and so does tinymlp");
    if (weight_scales.zero_points[0] != 0)
      fail(weights_role + " " + tensor_label(weights) + " have a zero point of " +
           std::to_string(weight_scales.zero_points[0]) + "; hybrid weights are symmetric (zero point 0)");
    q.weight_scale = weight_scales.scales[0];
    const ::tflite::FullyConnectedOptions* options = op.op->builtin_options_as_FullyConnectedOptions();
    q.inputs = options && options->asymmetric_quantize_inputs() ? HybridInputs::asymmetric : HybridInputs::symmetric;
    const std::size_t count = layer.outputs * layer.inputs;
    decode_weights(count, weights_role);
    q.kernel = int8_weights(weights, count, weights_role);
    layer.quantization = std::move(q);
    set_dequantized_weights(layer);  // the float view: what the integers stand for
  }

  // An int8 kernel, dense or sparse (a pruned model quantized: FULLY_CONNECTED reads the sparse tensor).
  std::vector<std::int8_t> int8_weights(int weights, std::size_t count, const std::string& role) {
    if (tensor(weights, role).sparsity()) return sparse_values<std::int8_t>(weights, count, role);
    return copy_little_endian<std::int8_t>(constant_bytes(weights, count, role), count);
  }

  void import_int8_weights(const OperatorView& op, Layer& layer, int weights, int bias, int output) {
    if (layer.activation == Activation::tanh)
      fail(op.label + " fuses TANH into int8 arithmetic, which TFLite's integer kernels do not do");
    const std::string weights_role = op.label + "'s weights";
    expect_type(weights, TensorType::INT8, weights_role);
    expect_type(output, TensorType::INT8, op.label + "'s output");
    Int8Quantization q;
    q.input = activation_quantization(current_);
    q.output = activation_quantization(output);
    const Scales weight_scales = quantization(weights, layer.outputs, weights_role);
    for (std::int64_t zero_point : weight_scales.zero_points)
      if (zero_point != 0) fail(weights_role + " " + tensor_label(weights) + " have a zero point other than 0");
    q.weight_scales = weight_scales.scales;
    const std::size_t count = layer.outputs * layer.inputs;
    decode_weights(count + layer.outputs, weights_role);
    q.kernel = int8_weights(weights, count, weights_role);
    if (bias >= 0) {
      expect_type(bias, TensorType::INT32, op.label + "'s bias");
      q.bias = copy_little_endian<std::int32_t>(constant_bytes(bias, layer.outputs * 4, op.label + "'s bias"),
                                                layer.outputs);
    } else {
      q.bias.assign(layer.outputs, 0);
    }
    layer.quantization = std::move(q);
    set_dequantized_weights(layer);  // the float view: what the integers stand for
  }

  std::string origin_;
  std::size_t file_bytes_ = 0;
  std::size_t decoded_weights_ = 0;
  const ::tflite::Model* model_ = nullptr;
  const ::tflite::SubGraph* graph_ = nullptr;
  ModelDescription description_;
  int current_ = -1;  // the tensor the chain has reached
  TensorType current_type_ = TensorType::FLOAT32;
  std::size_t width_ = 0;  // values in it
  bool output_seen_ = false;
  bool normalization_open_ = false;  // the last layer is a normalization that the next step may join
  std::map<int, std::vector<float>> dequantized_constants_;
  std::map<int, std::vector<float>> densified_halves_;  // FLOAT16 DENSIFY outputs, for the DEQUANTIZE after them
};

}  // namespace

ModelDescription import_tflite(const std::uint8_t* data, std::size_t size, const std::string& origin) {
  return Importer(data, size, origin).run();
}

ModelDescription read_tflite(const std::string& path) {
  const std::string bytes = read_whole_file<ModelError>(path);
  return import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), path);
}

bool looks_like_tflite(const std::string& bytes) { return bytes.size() >= 8 && bytes.compare(4, 4, "TFL3") == 0; }

}  // namespace tflite
}  // namespace tinymlp

// Broken or rearranged .tflite files made from good ones with the FlatBuffers object API: unpack,
// change, pack again.
#ifndef TINYMLP_TESTS_TFLITE_MUTATED_MODEL_HPP
#define TINYMLP_TESTS_TFLITE_MUTATED_MODEL_HPP

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tflite_mlp_generated.h"

namespace mutation {

inline std::string mutated(const std::string& bytes, const std::function<void(tflite::ModelT&)>& change) {
  const std::unique_ptr<tflite::ModelT> model = tflite::UnPackModel(bytes.data());
  change(*model);
  flatbuffers::FlatBufferBuilder builder;
  tflite::FinishModelBuffer(builder, tflite::Model::Pack(builder, model.get()));
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

inline tflite::SubGraphT& graph(tflite::ModelT& model) { return *model.subgraphs[0]; }
inline tflite::OperatorT& op(tflite::ModelT& model, int k) {
  return *graph(model).operators[static_cast<std::size_t>(k)];
}
inline tflite::TensorT& tensor(tflite::ModelT& model, int k) {
  return *graph(model).tensors[static_cast<std::size_t>(k)];
}

inline std::uint32_t add_operator_code(tflite::ModelT& model, tflite::BuiltinOperator code,
                                       const std::string& custom = "") {
  auto operator_code = std::make_unique<tflite::OperatorCodeT>();
  operator_code->builtin_code = code;
  operator_code->deprecated_builtin_code = static_cast<std::int8_t>(std::min(static_cast<int>(code), 127));
  operator_code->custom_code = custom;
  model.operator_codes.push_back(std::move(operator_code));
  return static_cast<std::uint32_t>(model.operator_codes.size() - 1);
}

// `model` with `copies` DEQUANTIZE operators in front that all read one FLOAT16 constant of
// [width, width] zeros, each into a float tensor of its own: a file that grows by a few bytes per
// operator while what it decodes to grows by width * width values.
inline std::string with_shared_weights_fan_out(const std::string& bytes, int width, int copies) {
  return mutated(bytes, [&](tflite::ModelT& model) {
    auto buffer = std::make_unique<tflite::BufferT>();
    buffer->data.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(width) * 2, 0);
    model.buffers.push_back(std::move(buffer));
    tflite::SubGraphT& g = graph(model);
    auto shared = std::make_unique<tflite::TensorT>();
    shared->shape = {width, width};
    shared->type = tflite::TensorType::FLOAT16;
    shared->buffer = static_cast<std::uint32_t>(model.buffers.size() - 1);
    shared->name = "shared";
    g.tensors.push_back(std::move(shared));
    const int shared_index = static_cast<int>(g.tensors.size() - 1);
    const std::uint32_t dequantize = add_operator_code(model, tflite::BuiltinOperator::DEQUANTIZE);
    std::vector<std::unique_ptr<tflite::OperatorT>> fan_out;
    for (int k = 0; k < copies; ++k) {
      auto output = std::make_unique<tflite::TensorT>();
      output->shape = {width, width};
      output->name = "d" + std::to_string(k);
      g.tensors.push_back(std::move(output));
      auto op = std::make_unique<tflite::OperatorT>();
      op->opcode_index = dequantize;
      op->inputs = {shared_index};
      op->outputs = {static_cast<int>(g.tensors.size() - 1)};
      fan_out.push_back(std::move(op));
    }
    for (auto& op : g.operators) fan_out.push_back(std::move(op));
    g.operators = std::move(fan_out);
  });
}

// Row-major [rows, columns] values as TFLite's sparsity format stores them: dimension 0 dense,
// dimension 1 SPARSE_CSR (segments per row, the column of each stored value); returns the stored values.
template <class Value>
inline std::vector<Value> make_sparse(tflite::TensorT& tensor, const std::vector<Value>& dense, int rows, int columns) {
  auto sparsity = std::make_unique<tflite::SparsityParametersT>();
  sparsity->traversal_order = {0, 1};
  auto row_dimension = std::make_unique<tflite::DimensionMetadataT>();
  row_dimension->format = tflite::DimensionType::DENSE;
  row_dimension->dense_size = rows;
  auto column_dimension = std::make_unique<tflite::DimensionMetadataT>();
  column_dimension->format = tflite::DimensionType::SPARSE_CSR;
  tflite::Int32VectorT segments, indices;
  std::vector<Value> stored;
  segments.values.push_back(0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      const Value v = dense[static_cast<std::size_t>(r * columns + c)];
      if (v == Value{}) continue;
      indices.values.push_back(c);
      stored.push_back(v);
    }
    segments.values.push_back(static_cast<int>(stored.size()));
  }
  column_dimension->array_segments.Set(segments);
  column_dimension->array_indices.Set(indices);
  sparsity->dim_metadata.push_back(std::move(row_dimension));
  sparsity->dim_metadata.push_back(std::move(column_dimension));
  tensor.sparsity = std::move(sparsity);
  return stored;
}

}  // namespace mutation

#endif

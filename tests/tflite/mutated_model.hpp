// Broken or rearranged .tflite files made from good ones with the FlatBuffers object API: unpack,
// change, pack again.
#ifndef TINYMLP_TESTS_TFLITE_MUTATED_MODEL_HPP
#define TINYMLP_TESTS_TFLITE_MUTATED_MODEL_HPP

#include <algorithm>
#include <functional>
#include <memory>
#include <string>

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

}  // namespace mutation

#endif

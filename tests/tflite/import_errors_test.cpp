// Untrusted files: truncated, corrupted or unsupported ones fail with a ModelError that names the
// operator or tensor, never with a crash. The broken files are made from good ones with the
// FlatBuffers object API.
#include <doctest/doctest.h>

#include <functional>
#include <memory>

#include "fixtures.hpp"
#include "tflite_mlp_generated.h"
#include "tinymlp_tools/file_bytes.hpp"
#include "tinymlp_tools/model_error.hpp"
#include "tinymlp_tools/tflite_import.hpp"

namespace tools = tinymlp::tools;

namespace {

std::string fixture_bytes(const std::string& name) { return tools::read_file_bytes(fixtures::path(name)); }

tools::ModelDescription import_bytes(const std::string& bytes, std::size_t size) {
  return tools::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), size, "m.tflite");
}

// The message of the ModelError importing these bytes throws ("no error" if none).
std::string import_error(const std::string& bytes) {
  try {
    import_bytes(bytes, bytes.size());
  } catch (const tools::ModelError& error) {
    return error.what();
  }
  return "no error";
}

std::string mutated(const std::string& bytes, const std::function<void(tflite::ModelT&)>& change) {
  const std::unique_ptr<tflite::ModelT> model = tflite::UnPackModel(bytes.data());
  change(*model);
  flatbuffers::FlatBufferBuilder builder;
  tflite::FinishModelBuffer(builder, tflite::Model::Pack(builder, model.get()));
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

tflite::SubGraphT& graph(tflite::ModelT& model) { return *model.subgraphs[0]; }
tflite::OperatorT& op(tflite::ModelT& model, int k) { return *graph(model).operators[static_cast<std::size_t>(k)]; }
tflite::TensorT& tensor(tflite::ModelT& model, int k) { return *graph(model).tensors[static_cast<std::size_t>(k)]; }

std::uint32_t add_operator_code(tflite::ModelT& model, tflite::BuiltinOperator code, const std::string& custom = "") {
  auto operator_code = std::make_unique<tflite::OperatorCodeT>();
  operator_code->builtin_code = code;
  operator_code->deprecated_builtin_code = static_cast<std::int8_t>(std::min(static_cast<int>(code), 127));
  operator_code->custom_code = custom;
  model.operator_codes.push_back(std::move(operator_code));
  return static_cast<std::uint32_t>(model.operator_codes.size() - 1);
}

}  // namespace

TEST_CASE("a file cut short at any length fails verification, never crashes") {
  for (const char* name : {"hello_world_float.tflite", "hello_world_int8.tflite"}) {
    const std::string bytes = fixture_bytes(name);
    for (std::size_t size = 0; size < bytes.size(); ++size) {
      CAPTURE(size);
      CHECK_THROWS_AS(import_bytes(bytes, size), tools::ModelError);
    }
  }
}

TEST_CASE("every single flipped byte is either imported or rejected with a ModelError") {
  const std::string bytes = fixture_bytes("hello_world_float.tflite");
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string broken = bytes;
    broken[at] = static_cast<char>(broken[at] ^ 0x5a);
    try {
      import_bytes(broken, broken.size());
    } catch (const tools::ModelError&) {
    }
  }
}

TEST_CASE("the file's identity: identifier, verification, schema version") {
  std::string bytes = fixture_bytes("hello_world_float.tflite");
  CHECK(import_error("short") == "m.tflite: too short to be a .tflite file (5 bytes)");
  std::string renamed = bytes;
  renamed.replace(4, 4, "TFL4");
  CHECK(import_error(renamed) == "m.tflite: not a TFLite model: the file identifier is \"TFL4\", not \"TFL3\"");
  std::string corrupt = bytes;
  corrupt[0] = '\x7f';  // the root offset points past the end
  CHECK(import_error(corrupt) == "m.tflite: fails FlatBuffers verification: the file is truncated or corrupt");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { m.version = 2; })) ==
        "m.tflite: schema version 2, tinymlp reads version 3");
}

TEST_CASE("indices out of range are named") {
  const std::string bytes = fixture_bytes("hello_world_float.tflite");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { op(m, 1).inputs[1] = 99; })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s weights is tensor 99, but the graph has 10 tensors");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { op(m, 2).opcode_index = 7; })) ==
        "m.tflite: operator 2 refers to operator code 7, which is missing");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { tensor(m, 4).buffer = 99; })) ==
        "m.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 4 'sequential/dense/MatMul' refers to buffer 99, "
        "which is missing");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { graph(m).inputs[0] = -1; })) ==
        "m.tflite: the graph's input is tensor -1, but the graph has 10 tensors");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { op(m, 2).outputs[0] = 10; })) ==
        "m.tflite: operator 2 (FULLY_CONNECTED)'s output is tensor 10, but the graph has 10 tensors");
}

TEST_CASE("shapes and buffer lengths must agree with what the model declares") {
  const std::string bytes = fixture_bytes("hello_world_float.tflite");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { m.buffers[tensor(m, 5).buffer]->data.resize(60); })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s weights tensor 5 'sequential/dense_1/MatMul' has 60 bytes of data, "
        "its shape needs 1024");
  CHECK(import_error(mutated(bytes,
                             [](tflite::ModelT& m) {
                               tensor(m, 5).shape = {16, 2};
                             })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s weights tensor 5 'sequential/dense_1/MatMul' take 2 inputs, but the "
        "layer before gives 16");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { tensor(m, 5).shape = {16}; })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s weights tensor 5 'sequential/dense_1/MatMul' has 1 dimensions; "
        "expected [outputs, inputs]");
  CHECK(import_error(mutated(bytes,
                             [](tflite::ModelT& m) {
                               tensor(m, 8).shape = {1, 8};
                             })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s output tensor 8 'sequential/dense_1/MatMul;sequential/dense_1/Relu;"
        "sequential/dense_1/BiasAdd' holds 8 values, the weights give 16");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { tensor(m, 1).shape = {15}; })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s bias tensor 1 'sequential/dense_1/BiasAdd/ReadVariableOp' holds 15 "
        "values, expected 16");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) {
          tensor(m, 0).shape = {1, -1};
        })) == "m.tflite: tensor 0 'serving_default_dense_input:0' has a dimension of -1");
}

TEST_CASE("graphs that are not one chain are rejected") {
  const std::string bytes = fixture_bytes("hello_world_float.tflite");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { op(m, 2).inputs[0] = 7; })) ==
        "m.tflite: operator 2 (FULLY_CONNECTED) reads tensor 7 'sequential/dense/MatMul;sequential/dense/Relu;"
        "sequential/dense/BiasAdd', not the output of the operator before it (tensor 8 'sequential/dense_1/MatMul;"
        "sequential/dense_1/Relu;sequential/dense_1/BiasAdd'): tinymlp imports chains of layers only");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { graph(m).outputs[0] = 8; })) ==
        "m.tflite: the graph's output is tensor 8 'sequential/dense_1/MatMul;sequential/dense_1/Relu;"
        "sequential/dense_1/BiasAdd', but the chain of operators ends at tensor 9 'StatefulPartitionedCall:0'");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { graph(m).inputs.push_back(1); })) ==
        "m.tflite: the graph has 2 inputs and 1 outputs; tinymlp models have one of each");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) {
          m.subgraphs.push_back(std::make_unique<tflite::SubGraphT>());
        })) == "m.tflite: the model has 2 graphs; tinymlp imports models of one graph (no control flow)");
}

TEST_CASE("unsupported operators, activations and types are named") {
  const std::string bytes = fixture_bytes("hello_world_float.tflite");
  CHECK(import_error(mutated(bytes,
                             [](tflite::ModelT& m) {
                               op(m, 1).opcode_index = add_operator_code(m, tflite::BuiltinOperator::CONV_2D);
                             })) ==
        "m.tflite: operator 1 (CONV_2D) is not supported: tinymlp imports FULLY_CONNECTED, LOGISTIC, TANH, "
        "SOFTMAX, RELU, RELU6, RESHAPE, QUANTIZE and DEQUANTIZE");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) {
          op(m, 0).opcode_index = add_operator_code(m, tflite::BuiltinOperator::CUSTOM, "MyDense");
        })).find("operator 0 (CUSTOM 'MyDense') is not supported") != std::string::npos);
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) {
          op(m, 2).opcode_index = add_operator_code(m, static_cast<tflite::BuiltinOperator>(200));
        })).find("operator 2 (builtin operator 200) is not supported") != std::string::npos);
  CHECK(import_error(mutated(bytes,
                             [](tflite::ModelT& m) {
                               op(m, 0).builtin_options.AsFullyConnectedOptions()->fused_activation_function =
                                   tflite::ActivationFunctionType::SIGN_BIT;
                             })) ==
        "m.tflite: operator 0 (FULLY_CONNECTED) has the fused activation SIGN_BIT, which tinymlp does not support");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { tensor(m, 0).type = tflite::TensorType::INT16; })) ==
        "m.tflite: tensor 0 'serving_default_dense_input:0' (the graph's input) is INT16; tinymlp imports FLOAT32 or "
        "INT8 models");
  CHECK(import_error(mutated(bytes, [](tflite::ModelT& m) { tensor(m, 1).type = tflite::TensorType::INT32; })) ==
        "m.tflite: operator 1 (FULLY_CONNECTED)'s bias tensor 1 'sequential/dense_1/BiasAdd/ReadVariableOp' is INT32, "
        "expected FLOAT32");
  const std::string int8 = fixture_bytes("hello_world_int8.tflite");
  CHECK(import_error(mutated(int8,
                             [](tflite::ModelT& m) {
                               op(m, 2).opcode_index = add_operator_code(m, tflite::BuiltinOperator::LOGISTIC);
                             })) ==
        "m.tflite: operator 2 (LOGISTIC) on INT8 values is not supported yet: tinymlp imports int8 models made "
        "of FULLY_CONNECTED operators (with fused RELU or RELU6)");
  CHECK(import_error(mutated(int8, [](tflite::ModelT& m) { tensor(m, 0).type = tflite::TensorType::FLOAT32; })) ==
        "m.tflite: operator 0 (FULLY_CONNECTED) has float input and INT8 weights (a hybrid, weight-only quantized "
        "model), which tinymlp does not import");
}

TEST_CASE("converters' extra operators: RESHAPE, and QUANTIZE/DEQUANTIZE around an int8 model") {
  const std::string int8 = fixture_bytes("hello_world_int8.tflite");
  // A float input quantized by a QUANTIZE operator, and a float output made by a DEQUANTIZE one.
  const std::string wrapped = mutated(int8, [](tflite::ModelT& m) {
    auto float_tensor = [&](const std::string& name) {
      auto t = std::make_unique<tflite::TensorT>();
      t->shape = {1, 1};
      t->type = tflite::TensorType::FLOAT32;
      t->name = name;
      graph(m).tensors.push_back(std::move(t));
      return static_cast<int>(graph(m).tensors.size() - 1);
    };
    const int float_input = float_tensor("float_input"), float_output = float_tensor("float_output");
    auto quantize = std::make_unique<tflite::OperatorT>();
    quantize->opcode_index = add_operator_code(m, tflite::BuiltinOperator::QUANTIZE);
    quantize->inputs = {float_input};
    quantize->outputs = {0};
    auto dequantize = std::make_unique<tflite::OperatorT>();
    dequantize->opcode_index = add_operator_code(m, tflite::BuiltinOperator::DEQUANTIZE);
    dequantize->inputs = {9};
    dequantize->outputs = {float_output};
    graph(m).operators.insert(graph(m).operators.begin(), std::move(quantize));
    graph(m).operators.push_back(std::move(dequantize));
    graph(m).inputs = {float_input};
    graph(m).outputs = {float_output};
  });
  const tools::ModelDescription model = import_bytes(wrapped, wrapped.size());
  CHECK(model.is_quantized());
  CHECK_FALSE(model.int8_input);
  CHECK_FALSE(model.int8_output);
  CHECK(model.input_quantization.zero_point == -128);
  CHECK(model.output_quantization.zero_point == 5);
}

TEST_CASE("a RESHAPE in the chain is kept only if it keeps the number of values") {
  auto with_reshape = [](std::vector<int> new_shape) {
    return mutated(fixture_bytes("hello_world_float.tflite"), [&](tflite::ModelT& m) {
      auto reshaped = std::make_unique<tflite::TensorT>();
      reshaped->shape = new_shape;
      reshaped->name = "reshaped";
      graph(m).tensors.push_back(std::move(reshaped));
      auto reshape = std::make_unique<tflite::OperatorT>();
      reshape->opcode_index = add_operator_code(m, tflite::BuiltinOperator::RESHAPE);
      reshape->inputs = {7};
      reshape->outputs = {static_cast<int>(graph(m).tensors.size() - 1)};
      op(m, 1).inputs[0] = reshape->outputs[0];
      graph(m).operators.insert(graph(m).operators.begin() + 1, std::move(reshape));
    });
  };
  const std::string kept = with_reshape({16});
  CHECK(import_bytes(kept, kept.size()).parameter_count() == 321);
  CHECK(import_error(with_reshape({2, 4})) == "m.tflite: operator 1 (RESHAPE) turns 16 values into 8");
}

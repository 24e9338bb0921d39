// Pruned models that are also quantized (issue 13), as TFLite's converter makes them with
// Optimize.EXPERIMENTAL_SPARSITY: full-integer int8 and dynamic-range (hybrid), whose FULLY_CONNECTED
// reads a sparse INT8 kernel itself, and float16, a DENSIFY of a sparse FLOAT16 constant and a DEQUANTIZE after it. Both are made
// here from dense models by rewriting a kernel in TFLite's sparsity format, and must import as the
// dense model does (FLOAT16 within its rounding).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "../support/description_inference.hpp"
#include "../support/requantizing_int8_model.hpp"
#include "mutated_model.hpp"
#include "tinymlp.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/hybrid_quantize.hpp"
#include "tinymlp/host/read_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

tinymlp::ModelDescription imported(const std::string& bytes, const std::string& name) {
  return tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), name);
}

template <class Value>
std::vector<std::uint8_t> bytes_of(const std::vector<Value>& values) {
  std::vector<std::uint8_t> bytes(values.size() * sizeof(Value));
  if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

// IEEE half precision, rounded to nearest even (normal values only: weights).
std::uint16_t float_to_half(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, 4);
  const std::uint32_t sign = (bits >> 16) & 0x8000u;
  const int exponent = static_cast<int>((bits >> 23) & 0xff) - 127 + 15;
  if (value == 0.0f || exponent <= 0) return static_cast<std::uint16_t>(sign);
  std::uint32_t mantissa = bits & 0x7fffffu;
  std::uint32_t half = (static_cast<std::uint32_t>(exponent) << 10) | (mantissa >> 13);
  const std::uint32_t rest = mantissa & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half;
  return static_cast<std::uint16_t>(sign | half);
}

}  // namespace

TEST_CASE("a pruned full-integer model: FULLY_CONNECTED reads a sparse INT8 kernel, which imports as the dense one") {
  tinymlp::ModelDescription model = tinymlp_tests::requantizing_int8_model();
  tinymlp::Int8Quantization& q = *model.layers[0].int8();
  for (std::size_t k = 0; k < q.kernel.size(); k += 3) q.kernel[k] = 0;  // pruned
  tinymlp::set_dequantized_weights(model.layers[0]);
  const std::string dense = tinymlp::tflite::export_tflite(model);
  const std::string sparse = mutation::mutated(dense, [&](tflite::ModelT& m) {
    tflite::TensorT& kernel = mutation::tensor(m, mutation::op(m, 0).inputs[1]);
    std::vector<std::int8_t> values(q.kernel.begin(), q.kernel.end());
    m.buffers[kernel.buffer]->data = bytes_of(mutation::make_sparse(kernel, values, 4, 3));
  });
  CHECK(sparse.size() != dense.size());
  const tinymlp::ModelDescription read = imported(sparse, "sparse.tflite");
  REQUIRE(read.layers.size() == model.layers.size());
  CHECK(read.layers[0].int8()->kernel == q.kernel);
  CHECK(tinymlp::tflite::export_tflite(read) == dense);
  for (int a = -128; a <= 127; a += 11) {
    const std::vector<std::int8_t> x = {static_cast<std::int8_t>(a), 7, static_cast<std::int8_t>(-a)};
    CHECK(tinymlp_tests::predict_int8(read, x) == tinymlp_tests::predict_int8(model, x));
  }
}

TEST_CASE("a pruned dynamic-range model: a hybrid FULLY_CONNECTED's sparse INT8 kernel imports as the dense one") {
  tinymlp::Mlp<tinymlp::ReLU, 3, 8, 2> float_model;
  tinymlp::Random random(5);
  float_model.initialize(random);
  for (tinymlp::HybridInputs inputs : {tinymlp::HybridInputs::symmetric, tinymlp::HybridInputs::asymmetric}) {
    CAPTURE(static_cast<int>(inputs));
    tinymlp::ModelDescription model = tinymlp::quantize_hybrid(tinymlp::describe(float_model), inputs);
    tinymlp::HybridQuantization& h = *model.layers[0].hybrid();
    for (std::size_t k = 1; k < h.kernel.size(); k += 2) h.kernel[k] = 0;  // pruned
    const std::string dense = tinymlp::tflite::export_tflite(model);
    const std::string sparse = mutation::mutated(dense, [&](tflite::ModelT& m) {
      tflite::TensorT& kernel = mutation::tensor(m, mutation::op(m, 0).inputs[1]);
      std::vector<std::int8_t> values(h.kernel.begin(), h.kernel.end());
      m.buffers[kernel.buffer]->data = bytes_of(mutation::make_sparse(kernel, values, 8, 3));
    });
    CHECK(sparse.size() != dense.size());  // the kernel was rewritten
    const tinymlp::ModelDescription read = imported(sparse, "sparse_hybrid.tflite");
    REQUIRE(read.layers.size() == model.layers.size());
    REQUIRE(read.layers[0].hybrid());
    CHECK(read.layers[0].hybrid()->kernel == h.kernel);
    CHECK(read.layers[0].hybrid()->inputs == inputs);
    CHECK(tinymlp::tflite::export_tflite(read) == dense);
    for (int k = -20; k <= 20; k += 3) {
      const float a = 0.1f * static_cast<float>(k);
      const std::vector<float> x = {a, -0.5f * a, 0.25f};
      CHECK(tinymlp_tests::predict_hybrid(read, x) == tinymlp_tests::predict_hybrid(model, x));
    }
  }
}

TEST_CASE("a pruned float16 model: DENSIFY of a sparse FLOAT16 constant, then DEQUANTIZE, imports its weights") {
  // The public pruned fixture's float32 DENSIFY (operator 0), its stored values made FLOAT16.
  const std::string float32 = tinymlp::read_whole_file<tinymlp::ModelError>(std::string(TINYMLP_TFLITE_FIXTURES) +
                                                                            "/public/har_pruned_sparse.tflite");
  const tinymlp::ModelDescription want = imported(float32, "har_pruned_sparse.tflite");
  const std::string float16 = mutation::mutated(float32, [](tflite::ModelT& m) {
    tflite::OperatorT& densify = mutation::op(m, 0);
    tflite::TensorT& stored = mutation::tensor(m, densify.inputs[0]);
    std::vector<std::uint8_t>& data = m.buffers[stored.buffer]->data;
    std::vector<std::uint16_t> halves(data.size() / 4);
    for (std::size_t k = 0; k < halves.size(); ++k) {
      float value;
      std::memcpy(&value, data.data() + 4 * k, 4);
      halves[k] = float_to_half(value);
    }
    data = bytes_of(halves);
    stored.type = tflite::TensorType::FLOAT16;
    const int dense = densify.outputs[0];
    mutation::tensor(m, dense).type = tflite::TensorType::FLOAT16;
    auto dequantized = std::make_unique<tflite::TensorT>();
    dequantized->shape = mutation::tensor(m, dense).shape;
    dequantized->type = tflite::TensorType::FLOAT32;
    dequantized->name = "dequantized";
    mutation::graph(m).tensors.push_back(std::move(dequantized));
    const int dequantized_index = static_cast<int>(mutation::graph(m).tensors.size() - 1);
    for (auto& later : mutation::graph(m).operators)
      for (int& input : later->inputs)
        if (input == dense) input = dequantized_index;
    auto dequantize = std::make_unique<tflite::OperatorT>();
    dequantize->opcode_index = mutation::add_operator_code(m, tflite::BuiltinOperator::DEQUANTIZE);
    dequantize->inputs = {dense};
    dequantize->outputs = {dequantized_index};
    auto& operators = mutation::graph(m).operators;
    operators.insert(operators.begin() + 1, std::move(dequantize));
  });
  const tinymlp::ModelDescription read = imported(float16, "float16.tflite");
  REQUIRE(read.layers.size() == want.layers.size());
  const std::vector<float>& kernel = read.layers[0].kernel;
  REQUIRE(kernel.size() == want.layers[0].kernel.size());
  std::size_t zeros = 0;
  for (std::size_t k = 0; k < kernel.size(); ++k) {
    const float w = want.layers[0].kernel[k];
    CHECK(std::fabs(kernel[k] - w) <= std::fabs(w) / 2048.0f + 6e-8f);
    zeros += kernel[k] == 0.0f ? 1 : 0;
  }
  CHECK(zeros > kernel.size() / 2);  // pruned
  for (std::size_t l = 1; l < read.layers.size(); ++l) CHECK(read.layers[l].kernel == want.layers[l].kernel);
}

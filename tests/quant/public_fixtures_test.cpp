// The public Keras-made fixtures (../shared/fixtures/tflite/public) run by tinymlp's kernels and held
// against TFLite's own outputs, before the importer takes them: this test reads the files with the
// FlatBuffers schema directly. int8 LOGISTIC and SOFTMAX classifiers through Int8Model (integers
// equal to TFLite's CPU runtime in its mode; TensorFlow Lite Micro's mode counted beside), and the
// dynamic-range model through HybridDense (within 1e-5 * max(1, |y|)).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tflite_mlp_generated.h"
#include "tinymlp/host/densify.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/quant/hybrid_dense.hpp"
#include "tinymlp/quant/int8_model.hpp"

namespace {

const std::string public_fixtures = std::string(TINYMLP_TFLITE_FIXTURES) + "/public/";

std::unique_ptr<tflite::ModelT> read_model(const std::string& name) {
  std::ifstream file(public_fixtures + name, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  REQUIRE(!bytes.empty());
  return tflite::UnPackModel(bytes.data());
}

template <class Value>
std::vector<std::vector<Value>> read_rows(const std::string& name) {
  std::ifstream file(public_fixtures + name);
  std::vector<std::vector<Value>> rows;
  std::string line;
  while (std::getline(file, line)) {
    std::istringstream values(line);
    std::vector<Value> row;
    double v;
    while (values >> v) row.push_back(static_cast<Value>(v));
    if (!row.empty()) rows.push_back(row);
  }
  return rows;
}

template <class T>
std::vector<T> buffer_of(const tflite::ModelT& model, const tflite::TensorT& tensor) {
  const std::vector<std::uint8_t>& data = model.buffers.at(tensor.buffer)->data;
  std::vector<T> values(data.size() / sizeof(T));
  std::memcpy(values.data(), data.data(), values.size() * sizeof(T));
  return values;
}

// One operator of a fixture, as tinymlp's layers need it.
struct FixtureLayer {
  tflite::BuiltinOperator op = tflite::BuiltinOperator::ADD;
  const tflite::TensorT* input = nullptr;
  const tflite::TensorT* weights = nullptr;
  const tflite::TensorT* bias = nullptr;
  const tflite::TensorT* output = nullptr;
  bool fused_relu = false, asymmetric_inputs = false;
  float beta = 1.0f;
};

std::vector<FixtureLayer> layers_of(const tflite::ModelT& model) {
  const tflite::SubGraphT& graph = *model.subgraphs.at(0);
  std::vector<FixtureLayer> layers;
  for (const auto& op : graph.operators) {
    FixtureLayer layer;
    layer.op = model.operator_codes.at(op->opcode_index)->builtin_code;
    layer.input = graph.tensors.at(static_cast<std::size_t>(op->inputs.at(0))).get();
    layer.output = graph.tensors.at(static_cast<std::size_t>(op->outputs.at(0))).get();
    if (layer.op == tflite::BuiltinOperator::FULLY_CONNECTED) {
      layer.weights = graph.tensors.at(static_cast<std::size_t>(op->inputs.at(1))).get();
      layer.bias = graph.tensors.at(static_cast<std::size_t>(op->inputs.at(2))).get();
      const auto* options = op->builtin_options.AsFullyConnectedOptions();
      layer.fused_relu = options->fused_activation_function == tflite::ActivationFunctionType::RELU;
      layer.asymmetric_inputs = options->asymmetric_quantize_inputs;
    }
    if (layer.op == tflite::BuiltinOperator::SOFTMAX) layer.beta = op->builtin_options.AsSoftmaxOptions()->beta;
    layers.push_back(layer);
  }
  return layers;
}

tinymlp::Quantization quantization_of(const tflite::TensorT& tensor) {
  return {tensor.quantization->scale.at(0), static_cast<std::int32_t>(tensor.quantization->zero_point.at(0))};
}

// Fills an Int8Model's parameter block from the fixture's operators, in the given runtime's mode.
struct Filler {
  const tflite::ModelT& model;
  const std::vector<FixtureLayer>& layers;
  tinymlp::Int8Activations runtime;

  template <std::size_t In, std::size_t Out>
  void set(tinymlp::Int8DenseParameters<In, Out>& target, const FixtureLayer& layer, std::size_t index) const {
    tinymlp::Layer q;
    q.inputs = In;
    q.outputs = Out;
    q.activation = layer.fused_relu ? tinymlp::Activation::relu : tinymlp::Activation::none;
    tinymlp::Int8Quantization dense;
    dense.input = quantization_of(*layer.input);
    dense.output = quantization_of(*layer.output);
    dense.weight_scales = layer.weights->quantization->scale;
    dense.kernel = buffer_of<std::int8_t>(model, *layer.weights);
    dense.bias = buffer_of<std::int32_t>(model, *layer.bias);
    q.quantization = dense;
    const tinymlp::Int8LayerArrays arrays = tinymlp::int8_layer_arrays(q, index);
    std::copy(arrays.kernel.begin(), arrays.kernel.end(), target.kernel);
    std::copy(arrays.bias.begin(), arrays.bias.end(), target.bias);
    std::copy(arrays.multiplier.begin(), arrays.multiplier.end(), target.multiplier);
    std::copy(arrays.shift.begin(), arrays.shift.end(), target.shift);
    target.output_zero_point = arrays.output_zero_point;
  }
  void set(tinymlp::Int8LookupParameters& target, const FixtureLayer& layer, std::size_t) const {
    const auto in = quantization_of(*layer.input), out = quantization_of(*layer.output);
    const auto table = tinymlp::logistic_table("LOGISTIC", in.scale, in.zero_point, out.scale, out.zero_point, runtime);
    std::copy(table.begin(), table.end(), target.output);
    target.output_zero_point = static_cast<std::int8_t>(out.zero_point);
  }
  void set(tinymlp::quant::FloatTableSoftmax::Parameters& target, const FixtureLayer& layer, std::size_t) const {
    const auto in = quantization_of(*layer.input), out = quantization_of(*layer.output);
    const auto table = tinymlp::softmax_float_table("SOFTMAX", in.scale, layer.beta, out.scale, out.zero_point);
    std::copy(table.begin(), table.end(), target.exp_of_difference);
    target.output_scale = out.scale;
  }
  void set(tinymlp::quant::FixedPointSoftmax::Parameters& target, const FixtureLayer& layer, std::size_t) const {
    const auto in = quantization_of(*layer.input), out = quantization_of(*layer.output);
    const auto table = tinymlp::softmax_fixed_point_table("SOFTMAX", in.scale, layer.beta, out.scale, out.zero_point);
    std::copy(table.begin(), table.end(), target.exp_of_difference);
  }

  template <class Layer>
  void fill(typename tinymlp::detail::Int8LayerChain<Layer>::Parameters& parameters, std::size_t index) const {
    set(parameters.layer, layers.at(index), index);
    CHECK(index + 1 == layers.size());
  }
  template <class Layer, class Next, class... Rest>
  void fill(typename tinymlp::detail::Int8LayerChain<Layer, Next, Rest...>::Parameters& parameters,
            std::size_t index) const {
    set(parameters.layer, layers.at(index), index);
    fill<Next, Rest...>(parameters.next, index + 1);
  }
  template <class... Layers>
  void fill_chain(tinymlp::detail::Int8LayerChain<Layers...>*, void* parameters) const {
    fill<Layers...>(*static_cast<typename tinymlp::detail::Int8LayerChain<Layers...>::Parameters*>(parameters), 0);
  }
};

// The fixture's integers from an Int8Model of type Model, filled in `runtime`'s mode; returns how many
// outputs differ from TFLite's CPU runtime's table.
template <class Model>
std::size_t int8_differences(const std::string& fixture, const std::string& inputs, tinymlp::Int8Activations runtime) {
  const auto model = read_model(fixture + ".tflite");
  const std::vector<FixtureLayer> layers = layers_of(*model);
  auto parameters = std::make_unique<typename Model::Parameters>();
  const Filler filler{*model, layers, runtime};
  typedef
      typename tinymlp::detail::Int8ChainOf<typename Model::float_model_type, typename Model::softmax_arithmetic>::type
          Chain;
  filler.fill_chain(static_cast<Chain*>(nullptr), &parameters->layers);
  const Model int8_model(parameters.get());
  const auto x = read_rows<int>(inputs);
  const auto wanted = read_rows<int>(fixture + ".tflite_wasm.txt");
  REQUIRE(x.size() == wanted.size());
  std::size_t differences = 0;
  for (std::size_t s = 0; s < x.size(); ++s) {
    std::vector<std::int8_t> in(x[s].begin(), x[s].end()), out(Model::output_size);
    REQUIRE(in.size() == Model::input_size);
    int8_model.predict(in.data(), out.data());
    for (std::size_t o = 0; o < out.size(); ++o) differences += out[o] != wanted[s].at(o) ? 1 : 0;
  }
  return differences;
}

}  // namespace

TEST_CASE("maintenance_int8_logistic: int8 FULLY_CONNECTED then LOGISTIC, TFLite's integers on all 256 inputs") {
  using namespace tinymlp;
  typedef Sequential<Dense<8, 128>, ReLU, Dense<128, 64>, ReLU, Dense<64, 32>, ReLU, Dense<32, 16>, ReLU, Dense<16, 1>,
                     Sigmoid>
      Float;
  CHECK(int8_differences<Int8Model<Float, quant::SingleRounding>>(
            "maintenance_int8_logistic", "maintenance_int8_logistic.inputs.txt", Int8Activations::tflite_cpu) == 0);
  MESSAGE("TensorFlow Lite Micro's mode differs from the CPU runtime on ",
          int8_differences<Int8Model<Float>>("maintenance_int8_logistic", "maintenance_int8_logistic.inputs.txt",
                                             Int8Activations::tflite_micro),
          " of 256 outputs");
}

TEST_CASE("har_int8_softmax: int8 FULLY_CONNECTED then SOFTMAX over 6 classes, TFLite's integers on 64 rows") {
  using namespace tinymlp;
  typedef Sequential<Dense<561, 256>, ReLU, Dense<256, 128>, ReLU, Dense<128, 64>, ReLU, Dense<64, 6>, Softmax> Float;
  CHECK(int8_differences<Int8Model<Float, quant::SingleRounding>>("har_int8_softmax", "har_int8.inputs.txt",
                                                                  Int8Activations::tflite_cpu) == 0);
  MESSAGE("TensorFlow Lite Micro's mode differs from the CPU runtime on ",
          int8_differences<Int8Model<Float>>("har_int8_softmax", "har_int8.inputs.txt", Int8Activations::tflite_micro),
          " of 384 outputs");
}

namespace {

template <std::size_t In, std::size_t Out>
std::unique_ptr<tinymlp::HybridDenseParameters<In, Out>> hybrid_parameters(const tflite::ModelT& model,
                                                                           const FixtureLayer& layer) {
  auto parameters = std::make_unique<tinymlp::HybridDenseParameters<In, Out>>();
  const auto kernel = buffer_of<std::int8_t>(model, *layer.weights);
  const auto bias = buffer_of<float>(model, *layer.bias);
  REQUIRE(kernel.size() == In * Out);
  REQUIRE(bias.size() == Out);
  REQUIRE(layer.weights->quantization->scale.size() == 1);
  std::copy(kernel.begin(), kernel.end(), parameters->kernel);
  std::copy(bias.begin(), bias.end(), parameters->bias);
  parameters->weight_scale = layer.weights->quantization->scale[0];
  return parameters;
}

}  // namespace

TEST_CASE("har_dynamic_range: hybrid FULLY_CONNECTED (asymmetric inputs) as TFLite computes it, on 64 rows") {
  using namespace tinymlp;
  const auto model = read_model("har_dynamic_range.tflite");
  const std::vector<FixtureLayer> layers = layers_of(*model);
  REQUIRE(layers.size() == 5);
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(layers[k].asymmetric_inputs);
    CHECK(layers[k].fused_relu);
  }
  const auto first = hybrid_parameters<561, 256>(*model, layers[0]);
  const auto second = hybrid_parameters<256, 128>(*model, layers[1]);
  const auto third = hybrid_parameters<128, 64>(*model, layers[2]);
  const auto last_kernel = buffer_of<float>(*model, *layers[3].weights);
  const auto last_bias = buffer_of<float>(*model, *layers[3].bias);
  const auto x = read_rows<float>("har_float.inputs.txt");
  const auto wanted = read_rows<float>("har_dynamic_range.tflite_wasm.txt");
  REQUIRE(x.size() == wanted.size());
  double worst = 0.0;
  for (std::size_t s = 0; s < x.size(); ++s) {
    float h1[256], h2[128], h3[64], logits[6];
    HybridDense<561, 256, quant::AsymmetricInputs, true>::forward<RamReader>(*first, x[s].data(), h1);
    HybridDense<256, 128, quant::AsymmetricInputs, true>::forward<RamReader>(*second, h1, h2);
    HybridDense<128, 64, quant::AsymmetricInputs, true>::forward<RamReader>(*third, h2, h3);
    float largest = -INFINITY;
    for (std::size_t o = 0; o < 6; ++o) {
      float sum = last_bias[o];
      for (std::size_t i = 0; i < 64; ++i) sum += last_kernel[o * 64 + i] * h3[i];
      logits[o] = sum;
      largest = std::max(largest, sum);
    }
    float total = 0.0f;
    for (float& v : logits) total += (v = std::exp(v - largest));
    for (std::size_t o = 0; o < 6; ++o) {
      const double y = logits[o] / total, expected = wanted[s].at(o);
      worst = std::max(worst, std::fabs(y - expected) / std::max(1.0, std::fabs(expected)));
      CHECK(std::fabs(y - expected) <= 1e-5 * std::max(1.0, std::fabs(expected)));
    }
  }
  MESSAGE("largest difference from TFLite, relative to max(1, |y|): ", worst);
}

namespace {

std::vector<std::int64_t> index_vector(const tflite::SparseIndexVectorUnion& vector) {
  if (const auto* v = vector.AsInt32Vector()) return {v->values.begin(), v->values.end()};
  if (const auto* v = vector.AsUint16Vector()) return {v->values.begin(), v->values.end()};
  if (const auto* v = vector.AsUint8Vector()) return {v->values.begin(), v->values.end()};
  return {};
}

tinymlp::Sparsity sparsity_of(const tflite::SparsityParametersT& parameters) {
  tinymlp::Sparsity sparsity;
  sparsity.traversal_order = parameters.traversal_order;
  sparsity.block_map = parameters.block_map;
  for (const auto& metadata : parameters.dim_metadata) {
    tinymlp::SparseDimension dimension;
    dimension.sparse = metadata->format == tflite::DimensionType::SPARSE_CSR;
    dimension.dense_size = metadata->dense_size;
    dimension.segments = index_vector(metadata->array_segments);
    dimension.indices = index_vector(metadata->array_indices);
    sparsity.dimensions.push_back(dimension);
  }
  return sparsity;
}

}  // namespace

TEST_CASE("har_pruned_sparse: DENSIFY's sparse weights decompressed, the float model equals TFLite on 64 rows") {
  const auto model = read_model("har_pruned_sparse.tflite");
  const tflite::SubGraphT& graph = *model->subgraphs.at(0);
  // Each DENSIFY's output tensor gets the dense values of its sparse input.
  std::vector<std::vector<float>> dense_of(graph.tensors.size());
  std::size_t densified = 0, stored = 0, dense_values = 0;
  for (const auto& op : graph.operators) {
    if (model->operator_codes.at(op->opcode_index)->builtin_code != tflite::BuiltinOperator::DENSIFY) continue;
    const tflite::TensorT& sparse = *graph.tensors.at(static_cast<std::size_t>(op->inputs.at(0)));
    const tflite::TensorT& dense = *graph.tensors.at(static_cast<std::size_t>(op->outputs.at(0)));
    REQUIRE(sparse.sparsity != nullptr);
    const std::vector<float> values = buffer_of<float>(*model, sparse);
    dense_of[static_cast<std::size_t>(op->outputs.at(0))] =
        tinymlp::densify(sparse.name, dense.shape, sparsity_of(*sparse.sparsity), values);
    ++densified;
    stored += values.size();
    dense_values += dense_of[static_cast<std::size_t>(op->outputs.at(0))].size();
  }
  CHECK(densified == 4);
  MESSAGE(stored, " stored weights decompressed to ", dense_values);
  const auto x = read_rows<float>("har_float.inputs.txt");
  const auto wanted = read_rows<float>("har_pruned_sparse.tflite_wasm.txt");
  double worst = 0.0;
  for (std::size_t s = 0; s < x.size(); ++s) {
    std::vector<float> values = x[s];
    for (const auto& op : graph.operators) {
      const auto code = model->operator_codes.at(op->opcode_index)->builtin_code;
      if (code == tflite::BuiltinOperator::FULLY_CONNECTED) {
        const std::vector<float>& kernel = dense_of.at(static_cast<std::size_t>(op->inputs.at(1)));
        const std::vector<float> bias =
            buffer_of<float>(*model, *graph.tensors.at(static_cast<std::size_t>(op->inputs.at(2))));
        const bool relu = op->builtin_options.AsFullyConnectedOptions()->fused_activation_function ==
                          tflite::ActivationFunctionType::RELU;
        REQUIRE(kernel.size() == bias.size() * values.size());
        std::vector<float> next(bias.size());
        for (std::size_t o = 0; o < next.size(); ++o) {
          float sum = bias[o];
          for (std::size_t i = 0; i < values.size(); ++i) sum += kernel[o * values.size() + i] * values[i];
          next[o] = relu && !(sum > 0.0f) ? 0.0f : sum;
        }
        values.swap(next);
      } else if (code == tflite::BuiltinOperator::SOFTMAX) {
        const float largest = *std::max_element(values.begin(), values.end());
        float total = 0.0f;
        for (float& v : values) total += (v = std::exp(v - largest));
        for (float& v : values) v /= total;
      }
    }
    for (std::size_t o = 0; o < values.size(); ++o) {
      const double expected = wanted[s].at(o);
      worst = std::max(worst, std::fabs(values[o] - expected) / std::max(1.0, std::fabs(expected)));
      CHECK(std::fabs(values[o] - expected) <= 1e-5 * std::max(1.0, std::fabs(expected)));
    }
  }
  MESSAGE("largest difference from TFLite, relative to max(1, |y|): ", worst);
}

// The public float fixtures of issue 13 (models other people made with Keras and the TFLite converter)
// and the kinds they bring: a Keras Normalization (SUB and MUL by constants, folded into the first
// Dense or kept as tinymlp's Normalization layer), sparse weights (DENSIFY), and the ReLU6 and
// LeakyReLU layers. Each fixture's outputs, through the description's reference and through the header
// tinymlp-convert writes, must be TFLite's (the fixture's *.tflite_wasm.txt) within 1e-5 * max(1, |y|).
// (The boards run the same headers: tests/tflite/CMakeLists.txt; bad files: tests/bad_input.)
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "../support/description_inference.hpp"
#include "fixtures.hpp"
#include "har_pruned_sparse_model.hpp"
#include "heat_normalization_model.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/header_reader.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/host/normalization_folding.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

std::vector<std::vector<double>> public_rows(const std::string& name) {
  return fixtures::expected_rows("public/" + name);
}

// The largest |y - expected| / (1e-5 max(1, |expected|)) over every output of every input: at most 1
// is TFLite's float tolerance.
template <class Predict>
double largest_error_in_tolerances(const std::string& inputs, const std::string& expected, Predict predict) {
  const auto x = public_rows(inputs), y = public_rows(expected);
  REQUIRE(x.size() == y.size());
  double largest = 0;
  for (std::size_t n = 0; n < x.size(); ++n) {
    const std::vector<float> input(x[n].begin(), x[n].end());
    const std::vector<float> output = predict(input);
    REQUIRE(output.size() == y[n].size());
    for (std::size_t k = 0; k < output.size(); ++k)
      largest = std::max(largest, std::fabs(output[k] - y[n][k]) / (1e-5 * std::max(1.0, std::fabs(y[n][k]))));
  }
  return largest;
}

tinymlp::ModelDescription round_trip(const tinymlp::ModelDescription& model) {
  const std::string bytes = tinymlp::tflite::export_tflite(model);
  return tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "m.tflite");
}

tinymlp::Layer normalization(std::size_t inputs, std::vector<float> scale, std::vector<float> offset) {
  tinymlp::Layer layer =
      tinymlp::sequence_layer(tinymlp::LayerKind::normalization, tinymlp::Activation::none, inputs, scale.size());
  layer.kernel = std::move(scale);
  layer.bias = std::move(offset);
  return layer;
}

tinymlp::Layer dense(std::size_t inputs, std::size_t outputs, tinymlp::Activation activation, float seed) {
  tinymlp::Layer layer = tinymlp::sequence_layer(tinymlp::LayerKind::dense, activation, inputs, outputs);
  for (std::size_t k = 0; k < inputs * outputs; ++k) layer.kernel.push_back(std::sin(seed + static_cast<float>(k)));
  for (std::size_t k = 0; k < outputs; ++k) layer.bias.push_back(0.1f * std::cos(seed + static_cast<float>(k)));
  return layer;
}

}  // namespace

TEST_CASE(
    "heat_normalization.tflite: SUB and MUL fold into the first Dense, and the reference and the header give TFLite's "
    "outputs") {
  const tinymlp::ModelDescription model =
      tinymlp::tflite::read_tflite(fixtures::path("public/heat_normalization.tflite"));
  // One input broadcast over the 8 features of the Normalization, then Dense<8, 64>: folded, Dense<1, 64>.
  CHECK(tinymlp::model_type_name(tinymlp::layer_sequence(model)) ==
        "tinymlp::Sequential<tinymlp::Dense<1, 64>, tinymlp::ReLU, tinymlp::Dense<64, 1>, tinymlp::Sigmoid>");
  const double reference =
      largest_error_in_tolerances("heat_normalization.inputs.txt", "heat_normalization.tflite_wasm.txt",
                                  [&](const std::vector<float>& x) { return tinymlp_tests::predict_float(model, x); });
  const double header = largest_error_in_tolerances(
      "heat_normalization.inputs.txt", "heat_normalization.tflite_wasm.txt", [](const std::vector<float>& x) {
        std::vector<float> y(1);
        heat_normalization_model.predict(x.data(), y.data());
        return y;
      });
  MESSAGE("heat_normalization: largest error " << reference << " (reference), " << header
                                               << " (header) of the tolerance 1e-5 max(1, |y|)");
  CHECK(reference <= 1.0);
  CHECK(header <= 1.0);
}

TEST_CASE(
    "har_pruned_sparse.tflite: DENSIFY's sparse weights, and the reference and the header give TFLite's outputs") {
  const tinymlp::ModelDescription model =
      tinymlp::tflite::read_tflite(fixtures::path("public/har_pruned_sparse.tflite"));
  REQUIRE(model.layers.size() == 5);
  CHECK(tinymlp::model_type_name(tinymlp::layer_sequence(model)) ==
        "tinymlp::Sequential<tinymlp::Dense<561, 256>, tinymlp::ReLU, tinymlp::Dense<256, 128>, tinymlp::ReLU, "
        "tinymlp::Dense<128, 64>, tinymlp::ReLU, tinymlp::Dense<64, 6>, tinymlp::Softmax>");
  // The file stores 45749, 10438, 2610 and 122 weights of the four kernels; the rest are zeros.
  const std::size_t stored[] = {45749, 10438, 2610, 122};
  for (std::size_t k = 0; k < 4; ++k) {
    const auto& kernel = model.layers[k].kernel;
    const auto nonzero =
        static_cast<std::size_t>(std::count_if(kernel.begin(), kernel.end(), [](float w) { return w != 0.0f; }));
    CAPTURE(k);
    CHECK(nonzero <= stored[k]);
    CHECK(nonzero > stored[k] * 9 / 10);
  }
  const double reference =
      largest_error_in_tolerances("har_float.inputs.txt", "har_pruned_sparse.tflite_wasm.txt",
                                  [&](const std::vector<float>& x) { return tinymlp_tests::predict_float(model, x); });
  const double header = largest_error_in_tolerances("har_float.inputs.txt", "har_pruned_sparse.tflite_wasm.txt",
                                                    [](const std::vector<float>& x) {
                                                      std::vector<float> y(6);
                                                      har_pruned_sparse_model.predict(x.data(), y.data());
                                                      return y;
                                                    });
  MESSAGE("har_pruned_sparse: largest error " << reference << " (reference), " << header
                                              << " (header) of the tolerance 1e-5 max(1, |y|)");
  CHECK(reference <= 1.0);
  CHECK(header <= 1.0);
}

TEST_CASE("a normalization folds into the next Dense where that is exact enough, and stays a layer where not") {
  using tinymlp::Activation;
  using tinymlp::LayerKind;
  tinymlp::ModelDescription benign;  // raw values near their mean: folding is exact enough
  benign.input_size = 4;
  benign.layers = {normalization(4, {0.5f, 2.0f, 0.25f, 1.0f}, {-30.0f, -1.0f, -3.0f, 0.0f}),
                   dense(4, 3, Activation::relu, 1.0f), dense(3, 1, Activation::none, 2.0f)};
  tinymlp::ModelDescription far = benign;  // values 1e5 from zero, spread 1: the folded sums cancel
  far.layers[0] = normalization(4, {1.0f, 1.0f, 1.0f, 1.0f}, {-1e5f, -1e5f, -1e5f, -1e5f});
  tinymlp::ModelDescription between = benign;  // a step between layers, and one after the last
  between.layers.insert(between.layers.begin() + 2, normalization(3, {3.0f, 0.5f, 1.0f}, {0.25f, -1.0f, 2.0f}));
  between.layers.push_back(normalization(1, {2.0f}, {1.0f}));

  const tinymlp::ModelDescription benign_read = round_trip(benign);
  CHECK(benign_read.layers.size() == 2);
  CHECK(benign_read.layers.front().kind == LayerKind::dense);
  const tinymlp::ModelDescription far_read = round_trip(far);
  REQUIRE(far_read.layers.size() == 3);
  CHECK(far_read.layers.front().kind == LayerKind::normalization);
  CHECK(tinymlp::model_file_text(far_read) == tinymlp::model_file_text(far));
  const tinymlp::ModelDescription between_read = round_trip(between);
  REQUIRE(between_read.layers.size() == 3);  // the first two folded; the last has no Dense after it
  CHECK(between_read.layers.back().kind == LayerKind::normalization);

  for (const auto* pair : {&benign, &far, &between}) {
    const tinymlp::ModelDescription read = round_trip(*pair);
    for (float t = -4.0f; t <= 4.0f; t += 0.5f) {
      // inputs that the first normalization maps to t: x = t / scale - offset
      std::vector<float> x(4);
      for (std::size_t i = 0; i < 4; ++i) x[i] = t / pair->layers[0].kernel[i] - pair->layers[0].bias[i];
      const std::vector<float> want = tinymlp_tests::predict_float(*pair, x);
      const std::vector<float> have = tinymlp::forward_description(read, x);
      for (std::size_t k = 0; k < want.size(); ++k) {
        CAPTURE(t);
        CHECK(std::fabs(have[k] - want[k]) <= 1e-5 * std::max(1.0f, std::fabs(want[k])));
      }
    }
  }
}

namespace {

// Normalization<1, 4> (kept: raw values 1e5 from zero), Dense<4, 5>, LeakyReLU (alpha 0.2), ReLU6,
// Dense<5, 2> + ReLU6.
tinymlp::ModelDescription new_layers_model() {
  using tinymlp::Activation;
  tinymlp::ModelDescription model;
  model.input_size = 1;
  model.layers = {normalization(1, {1.0f, 0.5f, 2.0f, 1.0f}, {-1e5f, -1e5f + 2.0f, -1e5f - 1.0f, -1e5f + 0.5f}),
                  dense(4, 5, Activation::none, 3.0f), tinymlp::leaky_relu_layer(0.2f, 5),
                  tinymlp::sequence_layer(tinymlp::LayerKind::activation, Activation::relu6, 5, 5),
                  dense(5, 2, Activation::relu6, 4.0f)};
  for (float& weight : model.layers[1].kernel) weight *= 4.0f;  // outputs past 6 and below 0
  return model;
}

typedef tinymlp::Sequential<tinymlp::Normalization<1, 4>, tinymlp::Dense<4, 5>, tinymlp::LeakyReLU<13421773, 67108864>,
                            tinymlp::ReLU6, tinymlp::Dense<5, 2>, tinymlp::ReLU6>
    NewLayersModel;

}  // namespace

TEST_CASE(
    "ReLU6, LeakyReLU and a kept Normalization: .tflite, model file and header give them back, and to_model runs "
    "them") {
  const tinymlp::ModelDescription model = new_layers_model();
  const std::string file = tinymlp::model_file_text(model);
  CHECK(file.find("activation leaky_relu 0.200000003\n") != std::string::npos);
  CHECK(file.find("normalization 4\nscale 1 0.5 2 1\n") != std::string::npos);
  CHECK(tinymlp::model_file_text(round_trip(model)) == file);
  CHECK(tinymlp::model_file_text(tinymlp::parse_model_file(file, "m.tinymlp")) == file);
  const std::string header = tinymlp::model_header(model, "new_layers", "test");
  CHECK(header.find("typedef tinymlp::Sequential<tinymlp::Normalization<1, 4>, tinymlp::Dense<4, 5>, "
                    "tinymlp::LeakyReLU<13421773, 67108864>, tinymlp::ReLU6, tinymlp::Dense<5, 2>, tinymlp::ReLU6> "
                    "new_layers_type;") != std::string::npos);
  CHECK(tinymlp::model_file_text(tinymlp::parse_model_header(header, "m.hpp")) == file);

  const NewLayersModel compiled = tinymlp::to_model<NewLayersModel>(model);
  bool saw_six = false, saw_negative = false;
  for (float t = -3.0f; t <= 3.0f; t += 0.25f) {
    const float x = 1e5f + t;
    float y[2];
    compiled.predict(&x, y);
    const std::vector<float> want = tinymlp_tests::predict_float(model, {x});
    for (std::size_t k = 0; k < 2; ++k) {
      CAPTURE(t);
      CHECK(std::fabs(y[k] - want[k]) <= 1e-5f * std::max(1.0f, std::fabs(want[k])));
    }
    tinymlp::ModelDescription front = model;
    front.layers.resize(3);  // up to the LeakyReLU
    std::vector<float> hidden = tinymlp::forward_description(front, std::vector<float>{x});
    saw_negative = saw_negative || std::any_of(hidden.begin(), hidden.end(), [](float v) { return v < 0.0f; });
    front = model;
    front.layers.resize(4);  // and the ReLU6
    hidden = tinymlp::forward_description(front, std::vector<float>{x});
    saw_six = saw_six || std::any_of(hidden.begin(), hidden.end(), [](float v) { return v == 6.0f; });
  }
  CHECK(saw_six);       // ReLU6's upper corner is reached
  CHECK(saw_negative);  // and LeakyReLU's slope below 0
}

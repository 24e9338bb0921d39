// Dynamic-range ("hybrid") models through the whole path (issue 13 item 2): the public fixture
// har_dynamic_range.tflite imported, run by the description forward (tests/support) and by the
// HybridModel of the header tinymlp-convert wrote for it, within 1e-5 * max(1, |y|) of TFLite's own
// outputs; tinymlp's own hybrid exports of the sine model (both input variants) through .tflite, model
// files and headers and back.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "description_inference.hpp"
#include "har_dynamic_range.hpp"
#include "sine_hybrid.hpp"
#include "sine_hybrid_asymmetric.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/header_reader.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/hybrid_quantize.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

const std::string public_fixtures = std::string(TINYMLP_TFLITE_FIXTURES) + "/public/";

std::vector<std::vector<float>> read_rows(const std::string& name) {
  std::ifstream file(public_fixtures + name);
  REQUIRE(file);
  std::vector<std::vector<float>> rows;
  for (std::string line; std::getline(file, line);) {
    std::istringstream values(line);
    std::vector<float> row;
    for (float value; values >> value;) row.push_back(value);
    if (!row.empty()) rows.push_back(row);
  }
  return rows;
}

bool near(double y, double expected) { return std::fabs(y - expected) <= 1e-5 * std::max(1.0, std::fabs(expected)); }

}  // namespace

TEST_CASE("har_dynamic_range imports as three hybrid layers (asymmetric inputs) and a float one") {
  const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(public_fixtures + "har_dynamic_range.tflite");
  REQUIRE(model.layers.size() == 5);
  for (std::size_t k = 0; k < 3; ++k) {
    REQUIRE(model.layers[k].hybrid());
    CHECK(model.layers[k].hybrid()->inputs == tinymlp::HybridInputs::asymmetric);
    CHECK(model.layers[k].activation == tinymlp::Activation::relu);
  }
  CHECK_FALSE(model.layers[3].is_quantized());
  CHECK(model.layers[4].activation == tinymlp::Activation::softmax);
  CHECK(tinymlp::runs_as_hybrid(model));
}

TEST_CASE("har_dynamic_range: the description forward and the header's HybridModel give TFLite's outputs") {
  const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(public_fixtures + "har_dynamic_range.tflite");
  const auto x = read_rows("har_float.inputs.txt");
  const auto wanted = read_rows("har_dynamic_range.tflite_wasm.txt");
  REQUIRE(x.size() == 64);
  REQUIRE(wanted.size() == x.size());
  double worst_description = 0.0, worst_header = 0.0;
  for (std::size_t s = 0; s < x.size(); ++s) {
    const std::vector<float> reference = tinymlp_tests::predict_hybrid(model, x[s]);
    float y[6];
    har_dynamic_range.predict(x[s].data(), y);
    for (std::size_t o = 0; o < 6; ++o) {
      const double expected = wanted[s].at(o), scale = std::max(1.0, std::fabs(expected));
      CHECK(near(reference[o], expected));
      CHECK(near(y[o], expected));
      worst_description = std::max(worst_description, std::fabs(reference[o] - expected) / scale);
      worst_header = std::max(worst_header, std::fabs(static_cast<double>(y[o]) - expected) / scale);
    }
  }
  MESSAGE("largest difference from TFLite, relative to max(1, |y|): description ", worst_description, ", header ",
          worst_header);
}

TEST_CASE("describe() reads the headers' HybridModels back as the models they were written from") {
  const tinymlp::ModelDescription har = tinymlp::tflite::read_tflite(public_fixtures + "har_dynamic_range.tflite");
  CHECK(tinymlp::tflite::export_tflite(tinymlp::describe(har_dynamic_range)) == tinymlp::tflite::export_tflite(har));
  for (const char* name : {"sine_hybrid", "sine_hybrid_asymmetric"}) {
    std::ifstream file(std::string(TINYMLP_GENERATED_DIR) + "/" + name + ".hpp");
    REQUIRE(file);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const tinymlp::ModelDescription written = tinymlp::parse_model_header(text, name);
    const tinymlp::ModelDescription described =
        std::string(name) == "sine_hybrid" ? tinymlp::describe(sine_hybrid) : tinymlp::describe(sine_hybrid_asymmetric);
    CHECK(tinymlp::tflite::export_tflite(described) == tinymlp::tflite::export_tflite(written));
  }
}

TEST_CASE("har_dynamic_range's header reads back as the model, and writes the same header again") {
  const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(public_fixtures + "har_dynamic_range.tflite");
  const std::string header = tinymlp::model_header(model, "har_dynamic_range", "har");
  const tinymlp::ModelDescription back = tinymlp::parse_model_header(header, "har_dynamic_range.hpp");
  CHECK(tinymlp::model_header(back, "har_dynamic_range", "har") == header);
  CHECK(tinymlp::tflite::export_tflite(back) == tinymlp::tflite::export_tflite(model));
}

TEST_CASE("tinymlp's hybrid sine models: the header's HybridModel computes what the description forward does") {
  // The generated headers' parameters, read back, run through the description forward.
  for (int variant = 0; variant < 2; ++variant) {
    std::ifstream file(std::string(TINYMLP_GENERATED_DIR) +
                       (variant ? "/sine_hybrid_asymmetric.hpp" : "/sine_hybrid.hpp"));
    REQUIRE(file);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const tinymlp::ModelDescription model = tinymlp::parse_model_header(text, "sine_hybrid.hpp");
    REQUIRE(model.layers.size() == 3);
    CHECK(model.layers[0].hybrid()->inputs ==
          (variant ? tinymlp::HybridInputs::asymmetric : tinymlp::HybridInputs::symmetric));
    for (int k = -40; k <= 40; ++k) {
      const float x = 0.1f * static_cast<float>(k);
      const float y = variant ? sine_hybrid_asymmetric.predict(x) : sine_hybrid.predict(x);
      const float expected = tinymlp_tests::predict_hybrid(model, {x})[0];
      CHECK(std::fabs(y - expected) <= 1e-6f * std::max(1.0f, std::fabs(expected)));
    }
  }
}

TEST_CASE("hybrid models round-trip through .tflite, model files and headers, both input variants") {
  tinymlp::Mlp<tinymlp::ReLU, 3, 8, 5, 2> float_model;
  tinymlp::Random random(7);
  float_model.initialize(random);
  for (tinymlp::HybridInputs inputs : {tinymlp::HybridInputs::symmetric, tinymlp::HybridInputs::asymmetric}) {
    const tinymlp::ModelDescription hybrid = tinymlp::quantize_hybrid(tinymlp::describe(float_model), inputs);
    const std::string bytes = tinymlp::tflite::export_tflite(hybrid);
    const tinymlp::ModelDescription imported = tinymlp::tflite::import_tflite(
        reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "hybrid.tflite");
    CHECK(tinymlp::tflite::export_tflite(imported) == bytes);
    const std::string text = tinymlp::model_file_text(hybrid);
    CHECK(tinymlp::model_file_text(tinymlp::parse_model_file(text, "hybrid.tinymlp")) == text);
    CHECK(tinymlp::tflite::export_tflite(tinymlp::parse_model_file(text, "hybrid.tinymlp")) == bytes);
    const std::string header = tinymlp::model_header(hybrid, "hybrid", "");
    CHECK(tinymlp::tflite::export_tflite(tinymlp::parse_model_header(header, "hybrid.hpp")) == bytes);
    for (const tinymlp::Layer& layer : imported.layers) {
      if (layer.kind != tinymlp::LayerKind::dense) continue;
      REQUIRE(layer.hybrid());
      CHECK(layer.hybrid()->inputs == inputs);
      // Symmetric weights: the largest magnitude is 127 steps.
      int largest = 0;
      for (std::int8_t w : layer.hybrid()->kernel) largest = std::max(largest, std::abs(static_cast<int>(w)));
      CHECK(largest == 127);
    }
  }
}

TEST_CASE("a model whose hybrid layers quantize inputs two ways exports and imports, but has no HybridModel") {
  tinymlp::Mlp<tinymlp::ReLU, 3, 8, 2> float_model;
  tinymlp::Random random(3);
  float_model.initialize(random);
  tinymlp::ModelDescription mixed = tinymlp::quantize_hybrid(tinymlp::describe(float_model));
  mixed.layers.back().hybrid()->inputs = tinymlp::HybridInputs::asymmetric;
  const std::string bytes = tinymlp::tflite::export_tflite(mixed);
  const tinymlp::ModelDescription back =
      tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "mixed");
  CHECK(back.layers.front().hybrid()->inputs == tinymlp::HybridInputs::symmetric);
  CHECK(back.layers.back().hybrid()->inputs == tinymlp::HybridInputs::asymmetric);
  CHECK_FALSE(tinymlp::runs_as_hybrid(back));
  CHECK_THROWS_WITH(tinymlp::model_header(back, "mixed", ""),
                    "layer 1 quantizes its inputs asymmetric, the layers before symmetric: a tinymlp HybridModel "
                    "quantizes all its inputs one way");
}

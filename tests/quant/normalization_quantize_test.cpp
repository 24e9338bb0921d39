// quantize() of float models with a Keras-style Normalization (issue 13): folded into the Dense after
// it, then quantized; the int8 model of the float type (Normalization and all) runs it folded, giving
// the reference forward's integers and outputs near the float model's on the inputs it quantized.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "../support/description_inference.hpp"
#include "tinymlp/host/quantize.hpp"

namespace {

using namespace tinymlp;

typedef Sequential<Normalization<3, 3>, Dense<3, 8>, ReLU, Dense<8, 2>> Normalized;
typedef Sequential<Normalization<1, 4>, Dense<4, 3>, Tanh, Dense<3, 1>> Broadcast;
typedef Sequential<Dense<2, 6>, ReLU, Normalization<6, 6>, Dense<6, 3>, Tanh, Dense<3, 1>> NormalizedHidden;

// Raw values near 0 against their spread: around 3, 0.5 and -2, normalized to about [-2, 2].
Normalized normalized_model(float far = 1.0f) {
  Normalized model;
  model.initialize(5u);
  const float scales[3] = {1.0f, 0.5f, 2.0f}, offsets[3] = {-3.0f * far, -0.5f, 2.0f};
  for (int f = 0; f < 3; ++f) {
    model.parameters[f] = scales[f];
    model.parameters[3 + f] = offsets[f];
  }
  return model;
}

Dataset raw_inputs(std::size_t features, std::size_t samples) {
  Dataset data;
  data.features = features;
  for (std::size_t s = 0; s < samples; ++s)
    for (std::size_t f = 0; f < features; ++f) {
      const float t = static_cast<float>((s * (f + 7)) % samples) / static_cast<float>(samples) * 2.0f - 1.0f;
      data.inputs.push_back(f == 0 ? 3.0f + 2.0f * t : f == 1 ? 0.5f + 4.0f * t : -2.0f + t);
    }
  return data;
}

}  // namespace

TEST_CASE("quantize() folds a Normalization into the Dense after it and quantizes the raw inputs") {
  const Normalized model = normalized_model();
  const Dataset data = raw_inputs(3, 128);
  const ModelDescription quantized = quantize(model, data);
  REQUIRE(quantized.layers.size() == 2);
  CHECK(quantized.layers[0].kind == LayerKind::dense);
  CHECK(quantized.layers[0].inputs == 3);
  CHECK(runs_as_int8(quantized));
  // The input quantization covers the raw values (and 0, as TFLite's does).
  CHECK(quantized.input_quantization.scale * 255.0f >= 8.0f);
  // The run-time path (a description read from a file) quantizes to the same model.
  const ModelDescription again = quantize(describe(model), data);
  REQUIRE(again.layers.size() == 2);
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(again.layers[k].int8()->kernel == quantized.layers[k].int8()->kernel);
    CHECK(again.layers[k].int8()->bias == quantized.layers[k].int8()->bias);
    CHECK(again.layers[k].int8()->weight_scales == quantized.layers[k].int8()->weight_scales);
  }
  // The Int8Model of the float type, Normalization and all, runs the folded model: the reference's
  // integers in both roundings, and about the float model's outputs.
  const auto micro = host_int8_model<Normalized>(quantized);
  const auto cpu = host_int8_model<Normalized, quant::SingleRounding>(quantized);
  double worst = 0.0, spread = 0.0;
  for (std::size_t s = 0; s < data.size(); ++s) {
    std::int8_t qx[3], qy[2];
    for (int f = 0; f < 3; ++f) qx[f] = micro.model().quantize_input(data.input(s)[f]);
    micro.model().predict(qx, qy);
    CHECK(std::vector<std::int8_t>(qy, qy + 2) == tinymlp_tests::predict_int8(quantized, {qx, qx + 3}));
    cpu.model().predict(qx, qy);
    CHECK(std::vector<std::int8_t>(qy, qy + 2) ==
          tinymlp_tests::predict_int8(quantized, {qx, qx + 3}, RoundingMode::single_rounding));
    // Against the float model on the inputs as the int8 input quantization sees them: raw values far
    // from 0 lose digits at QUANTIZE (as in TFLite's int8 models); the fold and the int8 layers may add
    // little to that.
    float seen[3], y[2], z[2];
    for (int f = 0; f < 3; ++f) seen[f] = dequantize_value(qx[f], quantized.input_quantization);
    model.predict(seen, y);
    micro.model().predict(data.input(s), z);
    for (int o = 0; o < 2; ++o) {
      worst = std::max(worst, std::fabs(static_cast<double>(y[o]) - z[o]));
      spread = std::max(spread, std::fabs(static_cast<double>(y[o])));
    }
  }
  MESSAGE("largest error of the int8 model against the float one: " << worst << " (outputs up to " << spread << ")");
  CHECK(worst < 0.05 * spread);
}

TEST_CASE("a Normalization that broadcasts one input folds into a Dense of one input") {
  Broadcast model;
  model.initialize(9u);
  const float scales[4] = {0.5f, -1.0f, 2.0f, 0.25f}, offsets[4] = {-3.0f, 1.0f, 0.0f, -10.0f};
  for (int f = 0; f < 4; ++f) {
    model.parameters[f] = scales[f];
    model.parameters[4 + f] = offsets[f];
  }
  Dataset data;
  data.features = 1;
  for (int s = 0; s < 64; ++s) data.inputs.push_back(static_cast<float>(s) / 8.0f - 2.0f);
  const ModelDescription quantized = quantize(model, data);
  REQUIRE(quantized.layers.front().inputs == 1);
  const auto micro = host_int8_model<Broadcast>(quantized);
  for (int x = -128; x <= 127; ++x)
    CHECK(micro.model().predict(static_cast<std::int8_t>(x)) ==
          tinymlp_tests::predict_int8(quantized, {static_cast<std::int8_t>(x)}).front());
}

TEST_CASE(
    "a Normalization between layers folds into the Dense after it: the int8 model runs the reference's integers") {
  NormalizedHidden model;
  model.initialize(11u);
  // After index 18 (the first Dense's 12 weights and 6 biases): the hidden units' scales and offsets.
  for (int f = 0; f < 6; ++f) {
    model.parameters[18 + f] = 0.5f + 0.25f * static_cast<float>(f);
    model.parameters[24 + f] = -0.3f * static_cast<float>(f % 3);
  }
  Dataset data;
  data.features = 2;
  for (int s = 0; s < 96; ++s) {
    data.inputs.push_back(static_cast<float>(s % 12) / 6.0f - 1.0f);
    data.inputs.push_back(static_cast<float>(s / 12) / 4.0f - 1.0f);
  }
  const ModelDescription quantized = quantize(model, data);
  REQUIRE(quantized.layers.size() == 4);  // Dense (ReLU fused), Dense with the normalization folded, TANH, Dense
  CHECK(quantized.layers[0].kind == LayerKind::dense);
  CHECK(quantized.layers[1].kind == LayerKind::dense);
  CHECK(quantized.layers[1].inputs == 6);
  const auto micro = host_int8_model<NormalizedHidden>(quantized);
  double worst = 0.0, spread = 0.0;
  for (std::size_t s = 0; s < data.size(); ++s) {
    std::int8_t qx[2], qy[1];
    for (int f = 0; f < 2; ++f) qx[f] = micro.model().quantize_input(data.input(s)[f]);
    micro.model().predict(qx, qy);
    CHECK(std::vector<std::int8_t>(qy, qy + 1) == tinymlp_tests::predict_int8(quantized, {qx, qx + 2}));
    float y[1], z[1];
    model.predict(data.input(s), y);
    micro.model().predict(data.input(s), z);
    worst = std::max(worst, std::fabs(static_cast<double>(y[0]) - z[0]));
    spread = std::max(spread, std::fabs(static_cast<double>(y[0])));
  }
  MESSAGE("largest error of the int8 model against the float one: " << worst << " (outputs up to " << spread << ")");
  CHECK(worst < 0.05 * spread);
}

TEST_CASE("a Normalization of raw values far from 0 is refused by name, with what to do") {
  Normalized far = normalized_model(100.0f);  // feature 0: raw values around 300 with a spread of 4
  Dataset data = raw_inputs(3, 8);
  for (std::size_t s = 0; s < data.size(); ++s) data.inputs[s * 3] += 297.0f;
  CHECK_THROWS_WITH_AS(quantize(far, data),
                       "layer 0 (Normalization<3, 3>) maps a raw 0 of feature 0 to -300: its raw inputs lie too far "
                       "from 0 for int8 (folded, the rounded weights times the raw values, and the int8 input, lose "
                       "their digits); normalize the inputs before the model for an int8 version, or keep it float "
                       "or hybrid",
                       QuantizationError);
}

TEST_CASE("a Normalization with no float Dense after it is refused by name") {
  ModelDescription model = describe(normalized_model());
  model.layers.erase(model.layers.begin() + 1, model.layers.end());
  CHECK_THROWS_WITH_AS(quantize(model, raw_inputs(3, 8)),
                       "layer 0 (Normalization<3, 3>) is the last layer: tinymlp quantizes a normalization folded "
                       "into the float Dense right after it",
                       QuantizationError);
}

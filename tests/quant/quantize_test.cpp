// Post-training quantization on the host (tinymlp/host/quantize.hpp): the reference model keeps its
// accuracy, TFLite's rules for scales, zero points and multipliers, and bad input.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "sine_job.hpp"
#include "sine_model.hpp"
#include "tinymlp/host.hpp"

namespace {

sine::Model reference_model() {
  sine::Model model;
  for (std::size_t k = 0; k < sine::Model::parameter_count; ++k) model.parameters[k] = sine_model_parameters[k];
  return model;
}

template <class Predict>
double mean_squared_error(const tinymlp::Dataset& data, Predict predict) {
  double total = 0.0;
  for (std::size_t s = 0; s < data.size(); ++s) {
    const double error = predict(data.input(s)[0]) - data.output(s)[0];
    total += error * error;
  }
  return total / static_cast<double>(data.size());
}

tinymlp::Dataset inputs_only(std::initializer_list<float> values) {
  tinymlp::Dataset data;
  data.features = 1;
  data.targets = 0;
  data.inputs = values;
  return data;
}

}  // namespace

TEST_CASE("the quantized reference model's test MSE is within 3% of the float model's") {
  const sine::Model model = reference_model();
  const tinymlp::SplitDataset data = sine::make_split(1u);
  for (const auto granularity : {tinymlp::WeightGranularity::per_channel, tinymlp::WeightGranularity::per_tensor}) {
    tinymlp::QuantizeOptions options;
    options.weights = granularity;
    const auto int8_model = tinymlp::host_int8_model<sine::Model>(tinymlp::quantize(model, data.train, options));
    const double float_mse = mean_squared_error(data.test, [&](float x) { return model.predict(x); });
    const double int8_mse = mean_squared_error(data.test, [&](float x) { return int8_model.model().predict(x); });
    const std::string weights = granularity == tinymlp::WeightGranularity::per_channel ? "per channel" : "per tensor";
    MESSAGE(weights, " weights: test MSE float ", float_mse, ", int8 ", int8_mse);
    CHECK(int8_mse <= 1.03 * float_mse);
  }
}

TEST_CASE("weights: symmetric int8 in [-127, 127], one scale per output unit or one for the kernel") {
  const sine::Model model = reference_model();
  const tinymlp::Dataset calibration = sine::make_samples(200, 3u);
  const tinymlp::ModelDescription per_channel = tinymlp::quantize(model, calibration);
  tinymlp::QuantizeOptions options;
  options.weights = tinymlp::WeightGranularity::per_tensor;
  const tinymlp::ModelDescription per_tensor = tinymlp::quantize(model, calibration, options);
  REQUIRE(per_channel.layers.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    const tinymlp::Layer& layer = per_channel.layers[k];
    CHECK(layer.int8()->weight_scales.size() == layer.outputs);
    CHECK(per_tensor.layers[k].int8()->weight_scales.size() == 1);
    CHECK((layer.activation == tinymlp::Activation::relu) == (k < 2));
    for (std::size_t o = 0; o < layer.outputs; ++o) {
      int largest = 0;
      for (std::size_t i = 0; i < layer.inputs; ++i) {
        const int w = layer.int8()->kernel[o * layer.inputs + i];
        CHECK(w >= -127);
        largest = std::max(largest, std::abs(w));
      }
      CHECK(largest == 127);  // max |w| / 127 is the scale: the largest weight of each row is +-127
      // The bias at input scale * weight scale (the product in float32), rounded to the nearest step.
      const float bias_scale = layer.int8()->input.scale * layer.int8()->weight_scales[o];
      const std::size_t offset = k == 0 ? 16 : k == 1 ? 32 + 256 : 32 + 256 + 16 + 16;
      const float bias = model.parameters[offset + o];
      CHECK(layer.int8()->bias[o] == static_cast<std::int32_t>(std::round(static_cast<double>(bias) / bias_scale)));
    }
    // Each layer's input quantization is the previous layer's output quantization.
    if (k > 0) CHECK(layer.int8()->input.scale == per_channel.layers[k - 1].int8()->output.scale);
  }
}

TEST_CASE("activations: TFLite's ChooseQuantizationParams, the range widened to include 0") {
  // [0, 6.2424] as in hello_world_int8.tflite's input: scale = range / 255, zero point -128.
  const tinymlp::Quantization input = tinymlp::activation_quantization(0.5, 6.2424, "input");
  CHECK(input.scale == static_cast<float>(6.2424 / 255.0));
  CHECK(input.zero_point == -128);
  // A range below zero: zero point 127.
  CHECK(tinymlp::activation_quantization(-3.0, -1.0, "x").zero_point == 127);
  // Asymmetric around zero: the zero point from the end with the smaller error, rounded.
  const tinymlp::Quantization mixed = tinymlp::activation_quantization(-1.0, 3.0, "x");
  CHECK(mixed.scale == static_cast<float>(4.0 / 255.0));
  CHECK(mixed.zero_point == static_cast<int>(std::round(-128.0 + 1.0 / (4.0 / 255.0))));
}

TEST_CASE("TFLite's QuantizeMultiplier: frexp, rounding half away from zero, 2^31 carried into the shift") {
  const tinymlp::QuantizedMultiplier half = tinymlp::quantize_multiplier(0.5);
  CHECK(half.multiplier == (1 << 30));
  CHECK(half.shift == 0);
  // Just below 1: q * 2^31 rounds to 2^31, which becomes 2^30 with the shift one larger.
  const tinymlp::QuantizedMultiplier almost_one = tinymlp::quantize_multiplier(1.0 - 1e-12);
  CHECK(almost_one.multiplier == (1 << 30));
  CHECK(almost_one.shift == 1);
  const tinymlp::QuantizedMultiplier small = tinymlp::quantize_multiplier(0.0074);
  CHECK(small.shift == -7);
  CHECK(small.multiplier == static_cast<std::int32_t>(std::round(0.0074 * 128.0 * 2147483648.0)));
  CHECK(tinymlp::quantize_multiplier(1e-12).multiplier == 0);  // shift below -31: flushed to zero
}

TEST_CASE("bad calibration data: NaN or infinity is an error naming the sample and feature") {
  const sine::Model model = reference_model();
  for (const float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
    const tinymlp::Dataset data = inputs_only({1.0f, 2.0f, bad, 3.0f});
    CHECK_THROWS_WITH_AS(tinymlp::quantize(model, data), doctest::Contains("sample 2, feature 0"),
                         tinymlp::QuantizationError);
  }
  CHECK_THROWS_WITH_AS(tinymlp::quantize(model, inputs_only({})), doctest::Contains("empty"),
                       tinymlp::QuantizationError);
}

TEST_CASE("a constant feature is widened to include 0; an all-zero range gets scale 1, zero point 0") {
  const sine::Model model = reference_model();
  const tinymlp::ModelDescription constant = tinymlp::quantize(model, inputs_only({2.5f, 2.5f, 2.5f}));
  CHECK(constant.layers[0].int8()->input.scale == static_cast<float>(2.5 / 255.0));
  CHECK(constant.layers[0].int8()->input.zero_point == -128);
  const auto int8_model = tinymlp::host_int8_model<sine::Model>(constant);
  CHECK(std::fabs(int8_model.model().predict(2.5f) - model.predict(2.5f)) < 0.1f);

  const tinymlp::Quantization zero = tinymlp::activation_quantization(0.0, 0.0, "x");
  CHECK(zero.scale == 1.0f);
  CHECK(zero.zero_point == 0);
  const tinymlp::ModelDescription all_zero = tinymlp::quantize(model, inputs_only({0.0f, 0.0f}));
  CHECK(all_zero.layers[0].int8()->input.scale == 1.0f);
  const auto zero_model = tinymlp::host_int8_model<sine::Model>(all_zero);
  CHECK(std::isfinite(zero_model.model().predict(0.0f)));
}

TEST_CASE("scales whose ratio the multiplier cannot hold are an error naming the layer and unit") {
  const sine::Model model = reference_model();
  tinymlp::ModelDescription quantized = tinymlp::quantize(model, sine::make_samples(100, 5u));
  quantized.layers[1].int8()->output.scale = 1e-30f;  // input scale * weight scale / output scale > 2^31
  CHECK_THROWS_WITH_AS(tinymlp::host_int8_model<sine::Model>(quantized), doctest::Contains("layer 1, unit 0"),
                       tinymlp::QuantizationError);
  quantized.layers[1].int8()->output.scale = 1e30f;  // below 2^-32: TFLite would flush it to zero
  CHECK_THROWS_AS(tinymlp::host_int8_model<sine::Model>(quantized), tinymlp::QuantizationError);
}

TEST_CASE("a model of another shape, or without the fused ReLUs, is refused") {
  const sine::Model model = reference_model();
  tinymlp::ModelDescription quantized = tinymlp::quantize(model, sine::make_samples(100, 5u));
  quantized.layers[1].activation = tinymlp::Activation::none;
  CHECK_THROWS_WITH_AS(tinymlp::host_int8_model<sine::Model>(quantized), doctest::Contains("fused ReLU"),
                       tinymlp::QuantizationError);
  quantized.layers.pop_back();
  CHECK_THROWS_AS(tinymlp::host_int8_model<sine::Model>(quantized), tinymlp::QuantizationError);
}

// --- A model known at run time (tinymlp-convert --int8 --calibrate) -----------------------------------

namespace {

typedef tinymlp::Sequential<tinymlp::Dense<5, 12>, tinymlp::ReLU, tinymlp::Dense<12, 7>, tinymlp::ReLU,
                            tinymlp::Dense<7, 3>>
    Classifier;

tinymlp::Dataset random_inputs(std::size_t samples, std::size_t features, std::uint32_t seed) {
  tinymlp::Random random(seed);
  tinymlp::Dataset data;
  data.features = features;
  for (std::size_t k = 0; k < samples * features; ++k) data.inputs.push_back(random.uniform(-3.0f, 5.0f));
  return data;
}

}  // namespace

TEST_CASE("a description quantizes to the same bytes as its Sequential: one quantizer, either forward pass") {
  Classifier classifier;
  classifier.initialize(11u);
  const tinymlp::Dataset calibration = random_inputs(300, 5, 4u);  // more than one 256-sample chunk
  const sine::Model sine_reference = reference_model();
  const tinymlp::Dataset sine_calibration = sine::make_samples(200, 3u);
  for (const auto granularity : {tinymlp::WeightGranularity::per_channel, tinymlp::WeightGranularity::per_tensor}) {
    tinymlp::QuantizeOptions options;
    options.weights = granularity;
    CHECK(tinymlp::model_header(tinymlp::quantize(classifier, calibration, options), "m", "test") ==
          tinymlp::model_header(tinymlp::quantize(tinymlp::describe(classifier), calibration, options), "m", "test"));
    CHECK(tinymlp::model_header(tinymlp::quantize(sine_reference, sine_calibration, options), "m", "test") ==
          tinymlp::model_header(tinymlp::quantize(tinymlp::describe(sine_reference), sine_calibration, options), "m",
                                "test"));
  }
}

TEST_CASE("float inference from a description gives the Sequential's batch outputs") {
  typedef tinymlp::Sequential<tinymlp::Dense<5, 9>, tinymlp::Tanh, tinymlp::Dense<9, 8>, tinymlp::Sigmoid,
                              tinymlp::Dense<8, 6>, tinymlp::ReLU, tinymlp::Dense<6, 4>, tinymlp::Softmax>
      Model;
  typedef tinymlp::SequentialKernels<Model> Kernels;
  Model model;
  model.initialize(3u);
  const tinymlp::ModelDescription description = tinymlp::describe(model);
  const tinymlp::Dataset data = random_inputs(37, 5, 9u);  // vector blocks and a scalar tail
  const std::size_t stride = 40;
  std::vector<float> x(5 * stride), activations(Kernels::training_activation_count * stride);
  std::vector<float> described(tinymlp::float_activation_count(description) * stride);
  tinymlp::detail::gather_feature_major(
      data.inputs.data(), 5, [](std::size_t b) { return b; }, data.size(), x.data(), stride);
  Kernels::forward_batch(model.parameters, x.data(), activations.data(), data.size(), stride);
  tinymlp::forward_batch_float(description, x.data(), described.data(), data.size(), stride);
  const float* batch_output = Kernels::output_of(activations.data(), stride);
  const float* described_output = described.data() + (described.size() / stride - 4) * stride;
  for (std::size_t s = 0; s < data.size(); ++s)
    for (std::size_t o = 0; o < 4; ++o) {
      CAPTURE(s);
      CAPTURE(o);
      // The same operations in the same order; where the compiler fuses multiply-adds, it may fuse them
      // differently in the Sequential's kernel, a last bit apart.
      CHECK(described_output[o * stride + s] == doctest::Approx(batch_output[o * stride + s]).epsilon(1e-6));
    }
  // One sample: the same model's outputs, to float rounding (a batch of one takes the scalar code).
  const std::vector<float> y =
      tinymlp::predict_float(description, std::vector<float>(data.input(0), data.input(0) + 5));
  REQUIRE(y.size() == 4);
  for (std::size_t o = 0; o < 4; ++o) CHECK(y[o] == doctest::Approx(batch_output[o * stride]).epsilon(1e-5));
  CHECK_THROWS_WITH_AS(tinymlp::predict_float(description, {1.0f, 2.0f}), "the model takes 5 inputs, not 2",
                       tinymlp::ModelError);
}

TEST_CASE("quantizing a description refuses an int8 model and layers int8 does not run") {
  Classifier classifier;
  classifier.initialize(11u);
  const tinymlp::Dataset calibration = random_inputs(20, 5, 4u);
  const tinymlp::ModelDescription int8 = tinymlp::quantize(classifier, calibration);
  CHECK_THROWS_WITH_AS(tinymlp::quantize(int8, calibration),
                       "layer 0 is quantized already: quantize a float model (float32 weights)",
                       tinymlp::QuantizationError);
  // A Dense with ReLU6 has one since issue 13 (an int8 RELU6 step after it); an Identity standing alone
  // (which describe() never makes) has none.
  tinymlp::ModelDescription with_relu6 = tinymlp::describe(classifier);
  with_relu6.layers[1].activation = tinymlp::Activation::relu6;
  CHECK(tinymlp::runs_as_int8(tinymlp::quantize(with_relu6, calibration)));
  tinymlp::ModelDescription with_identity = tinymlp::describe(classifier);
  with_identity.layers.insert(
      with_identity.layers.begin() + 1,
      tinymlp::sequence_layer(tinymlp::LayerKind::activation, tinymlp::Activation::none,
                              with_identity.layers[0].outputs, with_identity.layers[0].outputs));
  CHECK_THROWS_WITH_AS(tinymlp::quantize(with_identity, calibration),
                       "layer 1 (none) has no int8 form in tinymlp: Dense layers with a ReLU, ReLU6, Tanh or none, "
                       "Sigmoid, Tanh, Softmax, ReLU, ReLU6 and LeakyReLU",
                       tinymlp::QuantizationError);
  CHECK_THROWS_WITH_AS(tinymlp::quantize(tinymlp::describe(classifier), random_inputs(20, 4, 4u)),
                       "the representative dataset has 4 features, the model takes 5", tinymlp::QuantizationError);
}

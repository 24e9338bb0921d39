// Host training that must not report success on garbage (issue 15, items 4-8; issue 14, item 3):
// datasets of the wrong shape, values that are not finite, empty data, divergence with restore_best,
// tiny deviations in the Standardizer, and models never initialized.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::Dataset;
using tinymlp::MeanSquaredError;

typedef tinymlp::Mlp<tinymlp::ReLU, 2, 8, 3> Model;

Model initialized_model() {
  Model model;
  model.initialize(1);
  return model;
}

tinymlp::FitOptions quiet(std::size_t epochs) {
  tinymlp::FitOptions options;
  options.epochs = epochs;
  options.progress = tinymlp::Progress::silent;
  return options;
}

Dataset samples(std::size_t count) {
  return host_tests::make_dataset(count, 2, 3, -1.0f, 1.0f, 5, [](const float* x, float* t) {
    t[0] = x[0];
    t[1] = x[1];
    t[2] = x[0] * x[1];
  });
}

bool all_finite(const Model& model) {
  for (float value : model.parameters)
    if (!std::isfinite(value)) return false;
  return true;
}

TEST_CASE("a dataset whose targets are shorter than its samples need: an error at the API, not an overflow") {
  Dataset data = samples(10);
  data.outputs.resize(10);  // one target per sample where the model gives 3
  Model model = initialized_model();
  tinymlp::Sgd<Model> optimizer;
  const std::string expected =
      "training data: the dataset holds 20 inputs and 10 targets, which are not whole samples of 2 inputs and 3 "
      "targets";
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::fit<MeanSquaredError>(model, optimizer, data, quiet(1)); }) ==
        expected);
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::evaluate<MeanSquaredError>(model, data); }) ==
        "evaluation data: the dataset holds 20 inputs and 10 targets, which are not whole samples of 2 inputs and 3 "
        "targets");
  CHECK(message_of<tinymlp::DataError>(
            [&] { Dataset::from_arrays(std::vector<float>(20), std::vector<float>(10), 2, 3); }) ==
        "dataset from arrays: 20 inputs and 10 targets are not the same number of samples of 2 inputs and 3 targets");
}

TEST_CASE("NaN in a dataset filled by hand: fit names the sample instead of training to NaN") {
  Dataset data = samples(10);
  data.inputs[7] = std::numeric_limits<float>::quiet_NaN();  // sample 3, input 1
  Model model = initialized_model();
  const Model before = model;
  tinymlp::Sgd<Model> optimizer;
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::fit<MeanSquaredError>(model, optimizer, data, quiet(1)); }) ==
        "fit: training data: sample 3, input 1 is not finite");
  CHECK(host_tests::bit_identical(model, before));
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::evaluate<MeanSquaredError>(model, data); }) ==
        "evaluation data: sample 3, input 1 is not finite");
}

TEST_CASE("evaluate on an empty set and fit with an empty validation set are errors") {
  Dataset empty = samples(1).slice(0, 0);
  Model model = initialized_model();
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::evaluate<MeanSquaredError>(model, empty); }) ==
        "evaluate: the evaluation data is empty");
  tinymlp::Sgd<Model> optimizer;
  tinymlp::FitOptions options = quiet(3);
  options.validation = &empty;
  options.early_stopping.enabled = true;
  CHECK(message_of<tinymlp::DataError>([&] {
          tinymlp::fit<MeanSquaredError>(model, optimizer, samples(20), options);
        }) == "fit: the validation data is empty (pass no validation data instead)");
}

TEST_CASE("after a DivergenceError with restore_best the model holds its best epoch's weights, never NaN") {
  const Dataset train = samples(64);
  Model model = initialized_model();
  tinymlp::Sgd<Model> steady(0.05f);
  tinymlp::FitOptions options = quiet(3);
  options.early_stopping.enabled = true;
  tinymlp::fit<MeanSquaredError>(model, steady, train, options);
  const Model before = model;
  tinymlp::Sgd<Model> exploding(1e20f);
  options.epochs = 50;
  const std::string message =
      message_of<tinymlp::DivergenceError>([&] { tinymlp::fit<MeanSquaredError>(model, exploding, train, options); });
  CHECK(message.find("training diverged in epoch ") == 0);
  CHECK(all_finite(model));
  // Epoch 1 already diverges: the model is left as it was before this fit.
  CHECK(message.find("(the model is as it was before fit)") != std::string::npos);
  CHECK(host_tests::bit_identical(model, before));
}

TEST_CASE("NaN parameters are divergence, named in the message; a NaN model is refused by predict") {
  typedef tinymlp::Mlp<tinymlp::ReLU, 1, 1> Line;
  Line line{};
  line.parameters[0] = std::numeric_limits<float>::quiet_NaN();
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::predict(line, std::vector<float>{1.0f}); }) ==
        "predict: parameter 0 of the model is nan (a diverged fit, or a model never initialized): call "
        "model.initialize(seed) or load a model before predict");
}

TEST_CASE("a model never initialized: fit, evaluate and predict refuse it by name") {
  Model zeros{};
  tinymlp::Sgd<Model> optimizer;
  CHECK(
      message_of<tinymlp::DataError>([&] { tinymlp::fit<MeanSquaredError>(zeros, optimizer, samples(8), quiet(1)); }) ==
      "fit: every parameter of the model is 0: it was never initialized: call model.initialize(seed) or load a "
      "model before fit");
  // Stack garbage: mostly pointers and small integers, which read as denormal or huge floats.
  Model garbage = initialized_model();
  const std::uint32_t small_integer = 42;
  std::memcpy(&garbage.parameters[5], &small_integer, sizeof small_integer);
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::evaluate<MeanSquaredError>(garbage, samples(4)); }) ==
        "evaluate: parameter 5 of the model is 5.88545355e-44, a value no initialization or training gives: the "
        "model looks never initialized: call model.initialize(seed) or load a model before evaluate");
  garbage.parameters[5] = -4.3e18f;
  const std::string huge = message_of<tinymlp::DataError>([&] { tinymlp::predict(garbage, std::vector<float>(2)); });
  CHECK(huge.find("predict: parameter 5 of the model is -4.") == 0);
  CHECK(huge.find("e+18, a value no initialization or training gives") != std::string::npos);
  // A single Dense layer may start at zero (a linear model trains from there).
  tinymlp::Mlp<tinymlp::ReLU, 2, 3> linear{};
  CHECK(tinymlp::predict(linear, std::vector<float>{1, 2}) == std::vector<float>{0, 0, 0});
}

TEST_CASE("Standardizer: a zero deviation leaves the feature unscaled, a tiny one is raised to Keras's epsilon") {
  const float tiny = 1e-40f;  // denormal
  const Dataset data =
      Dataset::from_arrays(std::vector<float>{0.0f, 1.0f, tiny, 3.0f, 0.0f, 5.0f}, std::vector<float>{0, 0, 0}, 2, 1);
  const tinymlp::Standardizer scaler = tinymlp::Standardizer::fit(data);
  CHECK(scaler.deviation()[0] == tinymlp::Standardizer::epsilon);
  typedef tinymlp::Mlp<tinymlp::ReLU, 2, 4, 1> Small;
  Small model;
  model.initialize(2);
  scaler.fold_into_first_layer(model);
  for (float value : model.parameters) CHECK(std::isfinite(value));
  const Dataset scaled = scaler.apply(data);
  for (float value : scaled.inputs) CHECK(std::isfinite(value));
  const Dataset constant = Dataset::from_arrays(std::vector<float>{2, 2}, std::vector<float>{0, 0}, 1, 1);
  CHECK(tinymlp::Standardizer::fit(constant).deviation()[0] == 1.0f);
}

}  // namespace

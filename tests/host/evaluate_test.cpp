// evaluate() and predict() against a hand loop over model.predict, across the 256-sample chunks
// they run the batch kernels in.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::Dataset;

typedef tinymlp::Mlp<tinymlp::Tanh, 2, 8, 3> Model;

Model some_model() {
  Model model;
  model.initialize(11);
  return model;
}

// 1000 samples: three full chunks of 256 and a partial one of 232.
Dataset some_samples(std::size_t count = 1000) {
  return host_tests::make_dataset(count, 2, 3, -2.0f, 2.0f, 4, [](const float* x, float* t) {
    t[0] = x[0] * x[1];
    t[1] = std::sin(x[0]);
    t[2] = -x[1];
  });
}

std::vector<float> predict_one_by_one(const Model& model, const Dataset& data) {
  std::vector<float> outputs(data.size() * Model::output_size);
  for (std::size_t s = 0; s < data.size(); ++s) model.predict(data.input(s), &outputs[s * Model::output_size]);
  return outputs;
}

void check_close(const std::vector<float>& actual, const std::vector<float>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t k = 0; k < actual.size(); ++k) {
    CAPTURE(k);
    CHECK(actual[k] == doctest::Approx(expected[k]).epsilon(1e-5));
  }
}

TEST_CASE("predict over 1000 samples equals model.predict sample by sample, across chunk boundaries") {
  const Model model = some_model();
  const Dataset data = some_samples();
  check_close(tinymlp::predict(model, data.inputs), predict_one_by_one(model, data));
}

// The same floats, not only close ones: a sample's sums round alike in a block of a batch's samples
// and among the samples left over (GCC fused only the blocks' multiply-adds by itself).
template <class SomeModel>
void check_each_sample_alone_as_in_the_batch(const SomeModel& model, const Dataset& data) {
  const std::vector<float> all = tinymlp::predict(model, data.inputs);
  std::size_t differing = 0;
  for (std::size_t s = 0; s < data.size(); ++s) {
    const std::vector<float> alone = tinymlp::predict(model, data.input(s), 1);
    if (!std::equal(alone.begin(), alone.end(), all.begin() + s * SomeModel::output_size)) ++differing;
  }
  CHECK(differing == 0);
}

TEST_CASE("predict of one sample at a time gives bit for bit what one call for all gives it") {
  check_each_sample_alone_as_in_the_batch(some_model(), some_samples());
  tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> sine;
  sine.initialize(12);
  check_each_sample_alone_as_in_the_batch(
      sine, host_tests::make_dataset(300, 1, 1, 0.0f, 6.0f, 5, [](const float* x, float* t) { t[0] = x[0]; }));
  tinymlp::Mlp<tinymlp::ReLU, 61, 20, 5, 2> wide;
  wide.initialize(13);
  check_each_sample_alone_as_in_the_batch(
      wide, host_tests::make_dataset(300, 61, 2, -1.0f, 1.0f, 6, [](const float* x, float* t) {
        t[0] = x[0];
        t[1] = x[60];
      }));
}

TEST_CASE("predict rejects a number of inputs that is no whole number of samples") {
  CHECK(message_of<tinymlp::DataError>([] { tinymlp::predict(some_model(), std::vector<float>(5)); }) ==
        "predict: 5 values are not a whole number of samples of 2 inputs");
  CHECK(tinymlp::predict(some_model(), std::vector<float>()).empty());
}

TEST_CASE("evaluate: mean over samples of the mean over outputs of squared and absolute errors") {
  const Model model = some_model();
  for (std::size_t count : {1, 255, 256, 257, 1000}) {
    CAPTURE(count);
    const Dataset data = some_samples(count);
    const std::vector<float> y = predict_one_by_one(model, data);
    double squared = 0, absolute = 0;
    for (std::size_t k = 0; k < y.size(); ++k) {
      const double error = static_cast<double>(y[k]) - data.outputs[k];
      squared += error * error;
      absolute += std::fabs(error);
    }
    const double values = static_cast<double>(y.size());
    const tinymlp::Evaluation evaluation = tinymlp::evaluate<tinymlp::MeanSquaredError>(
        model, data, {tinymlp::Metric::mean_absolute_error, tinymlp::Metric::mean_squared_error});
    CHECK(evaluation.loss == doctest::Approx(squared / values).epsilon(1e-5));
    CHECK(evaluation[tinymlp::Metric::mean_absolute_error] == doctest::Approx(absolute / values).epsilon(1e-5));
    CHECK(evaluation[tinymlp::Metric::mean_squared_error] == doctest::Approx(squared / values).epsilon(1e-5));
    CHECK(evaluation.confusion.classes() == 0);  // no accuracy asked for: no classifier
    // The loss is the loss function's, not always MSE.
    CHECK(tinymlp::evaluate<tinymlp::MeanAbsoluteError>(model, data).loss ==
          doctest::Approx(absolute / values).epsilon(1e-5));
  }
}

TEST_CASE("evaluate on no samples is a DataError, not a loss of 0") {
  Dataset empty;
  empty.features = 2;
  empty.targets = 3;
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::evaluate<tinymlp::MeanSquaredError>(some_model(), empty); }) ==
        "evaluate: the evaluation data is empty");
}

}  // namespace

// Standardizer: per-feature mean and population deviation, constant features left unscaled, and
// folding the scaling into the first Dense layer so the model takes raw inputs.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::DataError;
using tinymlp::Dataset;
using tinymlp::Standardizer;

// Three features: mean 2, deviation 1 (values 1, 3); mean -10, deviation 20 (10, -30); constant 7.
Dataset three_features() {
  const float inputs[] = {1, 10, 7, 3, -30, 7};
  const float outputs[] = {0, 0};
  return Dataset::from_arrays(inputs, outputs, 2, 3, 1);
}

TEST_CASE("Standardizer::fit: mean and population deviation per feature, and deviation 1 for a constant feature") {
  const Standardizer scaler = Standardizer::fit(three_features());
  CHECK(scaler.mean() == std::vector<float>{2, -10, 7});
  CHECK(scaler.deviation() == std::vector<float>{1, 20, 1});
}

TEST_CASE("Standardizer::apply: (x - mean) / deviation, targets untouched") {
  const Dataset data = three_features();
  const Dataset scaled = Standardizer::fit(data).apply(data);
  CHECK(scaled.inputs == std::vector<float>{-1, 1, 0, 1, -1, 0});
  CHECK(scaled.outputs == data.outputs);
}

TEST_CASE("Standardizer: no samples to fit on, or a dataset or model of another width") {
  CHECK(message_of<DataError>([] { Standardizer::fit(Dataset()); }) == "standardizer: no samples to fit on");
  const Standardizer scaler = Standardizer::fit(three_features());
  const float inputs[] = {1, 2}, outputs[] = {3};
  CHECK(message_of<DataError>([&] { scaler.apply(Dataset::from_arrays(inputs, outputs, 1, 2, 1)); }) ==
        "standardizer: fitted on 3 features, given 2");
  tinymlp::Mlp<tinymlp::ReLU, 2, 4, 1> two_inputs;
  two_inputs.initialize(1);
  CHECK(message_of<DataError>([&] { scaler.fold_into_first_layer(two_inputs); }) ==
        "standardizer: fitted on 3 features, the model takes 2");
}

TEST_CASE("fold_into_first_layer: the folded model on raw inputs predicts what the model does on standardized ones") {
  typedef tinymlp::Mlp<tinymlp::Tanh, 3, 8, 2> Model;
  // Features of different scales and offsets, one of them constant (its mean must still be folded
  // in). Offsets far beyond the spread would make the float sums cancel, the folded model's cost.
  const Dataset raw =
      host_tests::make_dataset(200, 3, 2, 0.0f, 1.0f, 5, [](const float*, float* t) { t[0] = t[1] = 0; });
  Dataset shifted = raw;
  for (std::size_t s = 0; s < shifted.size(); ++s) {
    shifted.inputs[s * 3 + 0] = 100.0f + 30.0f * raw.input(s)[0];
    shifted.inputs[s * 3 + 1] = -1.0f + 0.5f * raw.input(s)[1];
    shifted.inputs[s * 3 + 2] = 4.0f;
  }
  const Standardizer scaler = Standardizer::fit(shifted);
  const Dataset standardized = scaler.apply(shifted);
  Model model;
  model.initialize(3);
  for (float& parameter : model.parameters) parameter += 0.1f;  // non-zero biases, which the fold must keep
  Model folded = model;
  scaler.fold_into_first_layer(folded);

  for (std::size_t s = 0; s < shifted.size(); ++s) {
    CAPTURE(s);
    float expected[2], actual[2];
    model.predict(standardized.input(s), expected);
    folded.predict(shifted.input(s), actual);
    CHECK(actual[0] == doctest::Approx(expected[0]).epsilon(1e-5));
    CHECK(actual[1] == doctest::Approx(expected[1]).epsilon(1e-5));
  }
}

}  // namespace

// Keras's label smoothing in fit and evaluate: the loss (and the validation loss) is measured and
// trained against the smoothed targets, exactly as on data whose targets were smoothed beforehand,
// while the metrics compare with the targets as given; the losses are Keras's formulas; settings that
// Keras has no meaning for are refused by name.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::Dataset;
using tinymlp::Metric;

typedef tinymlp::Sequential<tinymlp::Dense<2, 8>, tinymlp::ReLU, tinymlp::Dense<8, 3>, tinymlp::Softmax> Classifier;
typedef tinymlp::Sequential<tinymlp::Dense<2, 4>, tinymlp::Tanh, tinymlp::Dense<4, 1>, tinymlp::Sigmoid> Binary;

// `per_class` one-hot samples of each of three overlapping clusters, in a seeded order.
Dataset clusters(std::size_t per_class, std::uint32_t seed) {
  const float centres[3][2] = {{1.0f, 0.0f}, {-1.0f, 1.0f}, {-1.0f, -1.0f}};
  tinymlp::Random random(seed);
  std::vector<float> inputs, targets;
  for (std::size_t k = 0; k < per_class; ++k)
    for (std::size_t c = 0; c < 3; ++c) {
      for (std::size_t f = 0; f < 2; ++f) inputs.push_back(centres[c][f] + random.uniform(-1.0f, 1.0f));
      for (std::size_t o = 0; o < 3; ++o) targets.push_back(o == c ? 1.0f : 0.0f);
    }
  Dataset data = Dataset::from_arrays(inputs, targets, 2, 3);
  data.classes = 3;
  return data;
}

// The data with its targets smoothed by hand, as Keras's formula says.
Dataset smoothed_by_hand(Dataset data, float smoothing, std::size_t classes) {
  for (float& target : data.outputs) target = target * (1.0f - smoothing) + smoothing / static_cast<float>(classes);
  return data;
}

tinymlp::FitOptions options_for(const Dataset& validation, float smoothing) {
  tinymlp::FitOptions options;
  options.epochs = 12;
  options.batch_size = 8;
  options.seed = 5;
  options.validation = &validation;
  options.metrics = {Metric::accuracy, Metric::mean_absolute_error};
  options.label_smoothing = smoothing;
  options.progress = tinymlp::Progress::silent;
  return options;
}

TEST_CASE("label_smoothing trains as smoothed targets do; the metrics compare with the targets as given") {
  const Dataset train = clusters(20, 1), validation = clusters(8, 2);
  const Dataset train_smoothed = smoothed_by_hand(train, 0.1f, 3),
                validation_smoothed = smoothed_by_hand(validation, 0.1f, 3);
  Classifier smoothing, by_hand, plain;
  smoothing.initialize(4);
  by_hand.initialize(4);
  plain.initialize(4);
  tinymlp::Adam<Classifier> smoothing_adam(0.02f), by_hand_adam(0.02f), plain_adam(0.02f);
  const tinymlp::History smoothed =
      tinymlp::fit<tinymlp::CategoricalCrossEntropy>(smoothing, smoothing_adam, train, options_for(validation, 0.1f));
  const tinymlp::History hand = tinymlp::fit<tinymlp::CategoricalCrossEntropy>(by_hand, by_hand_adam, train_smoothed,
                                                                               options_for(validation_smoothed, 0.0f));
  tinymlp::fit<tinymlp::CategoricalCrossEntropy>(plain, plain_adam, train, options_for(validation, 0.0f));

  CHECK(host_tests::bit_identical(smoothing, by_hand));
  CHECK_FALSE(host_tests::bit_identical(smoothing, plain));
  REQUIRE(smoothed.epochs.size() == hand.epochs.size());
  for (std::size_t e = 0; e < smoothed.epochs.size(); ++e) {
    CAPTURE(e);
    CHECK(smoothed.epochs[e].loss == hand.epochs[e].loss);
    CHECK(smoothed.epochs[e].val_loss == hand.epochs[e].val_loss);
    // The same argmax, so the same accuracy; the MAE differs: it is measured from the 0s and 1s.
    CHECK(smoothed.epochs[e].metrics[0] == hand.epochs[e].metrics[0]);
    CHECK(smoothed.epochs[e].val_metrics[0] == hand.epochs[e].val_metrics[0]);
    CHECK(smoothed.epochs[e].val_metrics[1] != hand.epochs[e].val_metrics[1]);
  }
  const tinymlp::Evaluation last = tinymlp::evaluate<tinymlp::CategoricalCrossEntropy>(
      smoothing, validation, {Metric::accuracy, Metric::mean_absolute_error}, 0.1f);
  CHECK(last.loss == doctest::Approx(smoothed.epochs.back().val_loss).epsilon(1e-6));
  CHECK(last.values == smoothed.epochs.back().val_metrics);
  CHECK(smoothed.epochs.back().val_metrics[0] > 0.8f);  // it learned
}

TEST_CASE("evaluate with label_smoothing: Keras's losses, categorical towards 1/K and binary towards 1/2") {
  const Dataset data = clusters(5, 3);
  Classifier classifier;
  classifier.initialize(6);
  const std::vector<float> probabilities = tinymlp::predict(classifier, data.inputs);
  double expected = 0;
  for (std::size_t s = 0; s < data.size(); ++s)
    for (std::size_t c = 0; c < 3; ++c)
      expected -= (data.output(s)[c] * 0.8 + 0.2 / 3) * std::log(static_cast<double>(probabilities[s * 3 + c]));
  expected /= static_cast<double>(data.size());
  CHECK(tinymlp::evaluate<tinymlp::CategoricalCrossEntropy>(classifier, data, {Metric::accuracy}, 0.2f).loss ==
        doctest::Approx(expected).epsilon(1e-5));

  std::vector<float> inputs = data.inputs, labels;
  for (std::size_t s = 0; s < data.size(); ++s) labels.push_back(s % 2 == 0 ? 1.0f : 0.0f);
  const Dataset binary_data = Dataset::from_arrays(inputs, labels, 2, 1);
  Binary binary;
  binary.initialize(2);
  const std::vector<float> p = tinymlp::predict(binary, binary_data.inputs);
  expected = 0;
  for (std::size_t s = 0; s < binary_data.size(); ++s) {
    const double t = labels[s] * 0.7 + 0.15, q = p[s];
    expected -= t * std::log(q) + (1 - t) * std::log(1 - q);
  }
  expected /= static_cast<double>(binary_data.size());
  CHECK(tinymlp::evaluate<tinymlp::BinaryCrossEntropy>(binary, binary_data, {Metric::accuracy}, 0.3f).loss ==
        doctest::Approx(expected).epsilon(1e-5));
}

TEST_CASE("label_smoothing outside [0, 1], or with a loss that has none, is refused by name") {
  const Dataset train = clusters(4, 1);
  Classifier model;
  model.initialize(1);
  tinymlp::Adam<Classifier> adam;
  const auto fit_message = [&](float smoothing) {
    return message_of<tinymlp::DataError>(
        [&] { tinymlp::fit<tinymlp::CategoricalCrossEntropy>(model, adam, train, options_for(train, smoothing)); });
  };
  CHECK(fit_message(-0.1f) ==
        "fit: label_smoothing is -0.100000; it must be from 0 (none) to 1 (every target the uniform guess)");
  CHECK(fit_message(1.5f) ==
        "fit: label_smoothing is 1.500000; it must be from 0 (none) to 1 (every target the uniform guess)");
  CHECK(fit_message(std::numeric_limits<float>::quiet_NaN()).find("fit: label_smoothing is nan") == 0);
  const std::string no_smoothing =
      " needs one-hot or binary targets and a cross-entropy loss: CategoricalCrossEntropy or BinaryCrossEntropy (for "
      "class labels, read them one-hot: CsvOptions::one_hot = true)";
  CHECK(message_of<tinymlp::DataError>([&] {
          tinymlp::fit<tinymlp::MeanSquaredError>(model, adam, train, options_for(train, 0.1f));
        }) == "fit: label_smoothing 0.100000" + no_smoothing);
  Dataset labels = clusters(4, 1);
  labels.outputs.clear();
  for (std::size_t s = 0; s < labels.size(); ++s) labels.outputs.push_back(static_cast<float>(s % 3));
  labels.targets = 1;
  CHECK(message_of<tinymlp::DataError>([&] {
          tinymlp::evaluate<tinymlp::SparseCategoricalCrossEntropy>(model, labels, {Metric::accuracy}, 0.1f);
        }) == "evaluate: label_smoothing 0.100000" + no_smoothing);
  CHECK(tinymlp::evaluate<tinymlp::CategoricalCrossEntropy>(model, train, {Metric::accuracy}, 1.0f).loss > 0.0f);
}

}  // namespace

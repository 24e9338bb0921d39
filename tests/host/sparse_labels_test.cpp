// Integer class labels on the host, as Keras's sparse losses take them: read_csv keeps the label
// (CsvOptions::one_hot = false), and fit, evaluate, the accuracies, the confusion matrix, History
// and early stopping with SparseCategoricalCrossEntropy give what CategoricalCrossEntropy gives on the
// same labels one-hot; bad labels and metrics that cannot compare labels are named.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::Dataset;
using tinymlp::Metric;

typedef tinymlp::Sequential<tinymlp::Dense<2, 12>, tinymlp::ReLU, tinymlp::Dense<12, 3>, tinymlp::Softmax> Model;

// `per_class` samples of each of three classes around (1, 0), (-1, 1) and (-1, -1), labels as the one
// target, in a seeded order; the clusters overlap a little so that no epoch is perfect.
Dataset clusters(std::size_t per_class, std::uint32_t seed) {
  const float centres[3][2] = {{1.0f, 0.0f}, {-1.0f, 1.0f}, {-1.0f, -1.0f}};
  tinymlp::Random random(seed);
  std::vector<float> inputs, labels;
  for (std::size_t k = 0; k < per_class; ++k)
    for (std::size_t c = 0; c < 3; ++c) {
      for (std::size_t f = 0; f < 2; ++f) inputs.push_back(centres[c][f] + random.uniform(-1.0f, 1.0f));
      labels.push_back(static_cast<float>(c));
    }
  Dataset data = Dataset::from_arrays(inputs, labels, 2, 1);
  data.classes = 3;
  return data;
}

tinymlp::FitOptions options_for(const Dataset& validation) {
  tinymlp::FitOptions options;
  options.epochs = 40;
  options.batch_size = 8;
  options.seed = 7;
  options.validation = &validation;
  options.metrics = {Metric::accuracy, Metric::sparse_categorical_accuracy};
  options.early_stopping.enabled = true;
  options.early_stopping.patience = 4;
  options.progress = tinymlp::Progress::silent;
  return options;
}

TEST_CASE("fit with SparseCategoricalCrossEntropy on labels trains as CategoricalCrossEntropy on one-hot") {
  const Dataset train = clusters(30, 1), validation = clusters(10, 2);
  Model sparse_model, one_hot_model;
  sparse_model.initialize(3);
  one_hot_model.initialize(3);
  tinymlp::Adam<Model> sparse_adam(0.02f), one_hot_adam(0.02f);
  const tinymlp::History sparse =
      tinymlp::fit<tinymlp::SparseCategoricalCrossEntropy>(sparse_model, sparse_adam, train, options_for(validation));
  const Dataset one_hot_validation = tinymlp::one_hot(validation, 3);
  const tinymlp::History one_hot = tinymlp::fit<tinymlp::CategoricalCrossEntropy>(
      one_hot_model, one_hot_adam, tinymlp::one_hot(train, 3), options_for(one_hot_validation));

  CHECK(sparse.names() == std::vector<std::string>{"loss", "accuracy", "sparse_categorical_accuracy", "val_loss",
                                                   "val_accuracy", "val_sparse_categorical_accuracy"});
  CHECK(sparse.names() == one_hot.names());
  REQUIRE(sparse.epochs.size() == one_hot.epochs.size());
  CHECK(sparse.stopped_early == one_hot.stopped_early);
  CHECK(sparse.best_epoch == one_hot.best_epoch);
  for (std::size_t e = 0; e < sparse.epochs.size(); ++e) {
    CAPTURE(e);
    CHECK(sparse.epochs[e].loss == doctest::Approx(one_hot.epochs[e].loss).epsilon(1e-4));
    CHECK(sparse.epochs[e].val_loss == doctest::Approx(one_hot.epochs[e].val_loss).epsilon(1e-4));
    CHECK(sparse.epochs[e].metrics == one_hot.epochs[e].metrics);
    CHECK(sparse.epochs[e].val_metrics == one_hot.epochs[e].val_metrics);
  }
  // The accuracy is the sparse categorical accuracy, and training learned something.
  CHECK(sparse.epochs.back().metrics[0] == sparse.epochs.back().metrics[1]);
  CHECK(sparse.epochs[sparse.best_epoch].val_metrics[0] > 0.8f);
  for (std::size_t k = 0; k < Model::parameter_count; ++k)
    CHECK(sparse_model.parameters[k] == doctest::Approx(one_hot_model.parameters[k]).epsilon(1e-3));

  const tinymlp::Evaluation by_label = tinymlp::evaluate<tinymlp::SparseCategoricalCrossEntropy>(
      sparse_model, validation, {Metric::accuracy, Metric::sparse_categorical_accuracy});
  const tinymlp::Evaluation by_one_hot = tinymlp::evaluate<tinymlp::CategoricalCrossEntropy>(
      sparse_model, one_hot_validation, {Metric::accuracy, Metric::sparse_categorical_accuracy});
  CHECK(by_label.loss == doctest::Approx(by_one_hot.loss).epsilon(1e-5));
  CHECK(by_label.values == by_one_hot.values);
  CHECK(by_label.loss == doctest::Approx(sparse.epochs[sparse.best_epoch].val_loss).epsilon(1e-5));
  REQUIRE(by_label.confusion.classes() == 3);
  CHECK(by_label.confusion.total() == validation.size());
  for (std::size_t truth = 0; truth < 3; ++truth)
    for (std::size_t predicted = 0; predicted < 3; ++predicted)
      CHECK(by_label.confusion.count(truth, predicted) == by_one_hot.confusion.count(truth, predicted));
}

TEST_CASE("evaluate with class labels: the accuracy and confusion matrix counted from the labels") {
  // Probabilities given as inputs through a pass-through model; labels 0, 2, 1, 1.
  tinymlp::Mlp<tinymlp::Identity, 3, 3> model{};
  for (std::size_t o = 0; o < 3; ++o) model.parameters[o * 3 + o] = 1.0f;
  const Dataset data =
      Dataset::from_arrays(std::vector<float>{0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f, 0.6f, 0.3f, 0.1f, 0.2f, 0.5f, 0.3f},
                           std::vector<float>{0, 2, 1, 1}, 3, 1);
  const tinymlp::Evaluation evaluation =
      tinymlp::evaluate<tinymlp::SparseCategoricalCrossEntropy>(model, data, {Metric::accuracy});
  CHECK(evaluation[Metric::accuracy] == doctest::Approx(0.75));
  CHECK(evaluation.loss == doctest::Approx(-(std::log(0.7) + std::log(0.8) + std::log(0.3) + std::log(0.5)) / 4));
  CHECK(evaluation.confusion.count(1, 0) == 1);
  CHECK(evaluation.confusion.count(1, 1) == 1);
  CHECK(evaluation.confusion.count(2, 2) == 1);
}

TEST_CASE("read_csv with CsvOptions::one_hot = false keeps the label; a stratified split works on it") {
  host_tests::TemporaryFolder folder;
  std::string text;
  for (int k = 0; k < 20; ++k) text += std::to_string(k) + "," + std::to_string(k % 4) + "\n";
  host_tests::write_text_file(folder.file("labels.csv"), text);
  tinymlp::CsvOptions csv;
  csv.classes = 4;
  csv.one_hot = false;
  const Dataset data = tinymlp::read_csv(folder.file("labels.csv"), csv);
  CHECK(data.targets == 1);
  CHECK(data.classes == 4);
  CHECK(data.output(7)[0] == 3.0f);
  CHECK(data.class_of(7) == 3);
  tinymlp::SplitOptions stratified;
  stratified.stratify = true;
  const tinymlp::SplitDataset parts = tinymlp::split(data, 0.6, 0.2, stratified);
  CHECK(tinymlp::class_counts(parts.train) == std::vector<std::size_t>{3, 3, 3, 3});
  CHECK(tinymlp::class_counts(parts.test) == std::vector<std::size_t>{1, 1, 1, 1});
  host_tests::write_text_file(folder.file("bad.csv"), "1,0\n2,4\n");
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::read_csv(folder.file("bad.csv"), csv); }) ==
        folder.file("bad.csv") +
            ":2:3: field 2 is at or above the class count 4 (labels run from 0 to 3): '4' (CsvOptions::classes is 4)");
}

TEST_CASE("class labels: a label that is no class index, one-hot targets, or a metric that needs targets per output") {
  Model model;
  model.initialize(1);
  tinymlp::Adam<Model> adam;
  tinymlp::FitOptions options;
  options.metrics = {Metric::accuracy};
  options.progress = tinymlp::Progress::silent;
  const auto fit_error = [&](const Dataset& data, const tinymlp::FitOptions& with) {
    return message_of<tinymlp::DataError>(
        [&] { tinymlp::fit<tinymlp::SparseCategoricalCrossEntropy>(model, adam, data, with); });
  };
  const auto with_label = [](std::size_t sample, float label) {
    Dataset data = clusters(2, 1);
    data.outputs[sample] = label;
    return data;
  };
  CHECK(fit_error(with_label(4, 3.0f), options) ==
        "fit: training data: sample 4: the label 3.000000 is at or above the class count 3 (labels run from 0 to 2)");
  CHECK(fit_error(with_label(1, 0.5f), options) ==
        "fit: training data: sample 1: the label 0.500000 is not an integer class label");
  CHECK(fit_error(with_label(5, -1.0f), options) ==
        "fit: training data: sample 5: the label -1.000000 is a negative class label");
  const Dataset bad_validation = with_label(2, 7.0f);
  tinymlp::FitOptions validated = options;
  validated.validation = &bad_validation;
  CHECK(fit_error(clusters(2, 1), validated) ==
        "fit: validation data: sample 2: the label 7.000000 is at or above the class count 3 (labels run from 0 to 2)");
  CHECK(message_of<tinymlp::DataError>([&] {
          tinymlp::evaluate<tinymlp::SparseCategoricalCrossEntropy>(model, with_label(0, 2.5f), {Metric::accuracy});
        }) == "evaluation data: sample 0: the label 2.500000 is not an integer class label");
  CHECK(fit_error(tinymlp::one_hot(clusters(2, 1), 3), options) ==
        "training data has 2 inputs and 3 targets per sample; the model takes 2 inputs, and a loss that takes class "
        "labels (SparseCategoricalCrossEntropy) one target, the class's index (for one-hot targets use "
        "CategoricalCrossEntropy; read labels with CsvOptions::one_hot = false)");
  tinymlp::FitOptions categorical = options;
  categorical.metrics = {Metric::accuracy, Metric::categorical_accuracy};
  CHECK(fit_error(clusters(2, 1), categorical) ==
        "fit: the metric categorical_accuracy compares each of the 3 outputs with a target, and the data holds one "
        "target, the class label: ask for Metric::accuracy or Metric::sparse_categorical_accuracy");
  CHECK(message_of<tinymlp::DataError>(
            [&] { tinymlp::evaluate<tinymlp::SparseCategoricalCrossEntropy>(model, clusters(2, 1)); }) ==
        "evaluate: the metric mae compares each of the 3 outputs with a target, and the data holds one target, "
        "the class label: ask for Metric::accuracy or Metric::sparse_categorical_accuracy");
}

}  // namespace

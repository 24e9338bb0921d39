// Classification on the host: metrics with Keras's semantics (hand-counted), class labels from CSV
// and one_hot, shuffle, stratified split and its checks, the confusion matrix, early stopping on
// val_accuracy, and summary().
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::Dataset;
using tinymlp::Metric;

// A model whose outputs are its inputs: Dense<W, W> with an identity kernel and zero biases.
template <std::size_t Width>
tinymlp::Mlp<tinymlp::Identity, Width, Width> pass_through() {
  tinymlp::Mlp<tinymlp::Identity, Width, Width> model{};
  for (std::size_t o = 0; o < Width; ++o) model.parameters[o * Width + o] = 1.0f;
  return model;
}

// Samples whose inputs are the given outputs of the pass-through model.
Dataset outputs_and_targets(std::size_t width, const std::vector<float>& outputs, const std::vector<float>& targets) {
  return Dataset::from_arrays(outputs, targets, width, width);
}

TEST_CASE("categorical accuracy: the largest output's index against the largest target's, the first of ties") {
  // Sample 2 ties its outputs 0.4, 0.4: argmax is 0, as numpy's and TensorFlow's.
  const Dataset data = outputs_and_targets(3, {0.1f, 0.7f, 0.2f, 0.6f, 0.3f, 0.1f, 0.4f, 0.4f, 0.2f, 0.2f, 0.3f, 0.5f},
                                           {0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1});
  const auto evaluation =
      tinymlp::evaluate<tinymlp::MeanSquaredError>(pass_through<3>(), data,
                                                   {Metric::accuracy, Metric::categorical_accuracy,
                                                    Metric::sparse_categorical_accuracy, Metric::mean_absolute_error});
  CHECK(evaluation[Metric::accuracy] == doctest::Approx(0.5));  // samples 0 and 3 right
  CHECK(evaluation[Metric::categorical_accuracy] == doctest::Approx(0.5));
  CHECK(evaluation[Metric::sparse_categorical_accuracy] == doctest::Approx(0.5));
  // The confusion matrix: rows true classes 1, 2, 1, 2; predicted 1, 0, 0, 2.
  REQUIRE(evaluation.confusion.classes() == 3);
  CHECK(evaluation.confusion.count(1, 1) == 1);
  CHECK(evaluation.confusion.count(2, 0) == 1);
  CHECK(evaluation.confusion.count(1, 0) == 1);
  CHECK(evaluation.confusion.count(2, 2) == 1);
  CHECK(evaluation.confusion.total() == 4);
  CHECK(evaluation.confusion.accuracy() == doctest::Approx(0.5));
  CHECK(evaluation.confusion.to_string() ==
        "true\\predicted   0   1   2\n"
        "             0   0   0   0\n"
        "             1   1   1   0\n"
        "             2   1   0   1\n");
}

TEST_CASE("binary accuracy: an output above 0.5 is 1 (0.5 itself is 0), compared with the target") {
  const Dataset data =
      Dataset::from_arrays(std::vector<float>{0.9f, 0.5f, 0.2f, 0.51f, 0.0f}, std::vector<float>{1, 1, 0, 0, 1}, 1, 1);
  const auto evaluation = tinymlp::evaluate<tinymlp::BinaryCrossEntropy>(pass_through<1>(), data,
                                                                         {Metric::accuracy, Metric::binary_accuracy});
  CHECK(evaluation[Metric::accuracy] == doctest::Approx(0.4));  // 0.9 -> 1 and 0.2 -> 0 right
  CHECK(evaluation[Metric::binary_accuracy] == doctest::Approx(0.4));
  REQUIRE(evaluation.confusion.classes() == 2);
  CHECK(evaluation.confusion.count(1, 1) == 1);
  CHECK(evaluation.confusion.count(1, 0) == 2);
  CHECK(evaluation.confusion.count(0, 0) == 1);
  CHECK(evaluation.confusion.count(0, 1) == 1);
}

TEST_CASE("evaluate: asking for a metric not measured names it") {
  const Dataset data = Dataset::from_arrays(std::vector<float>{0.9f}, std::vector<float>{1}, 1, 1);
  const auto evaluation = tinymlp::evaluate<tinymlp::MeanSquaredError>(pass_through<1>(), data, {});
  CHECK(message_of<tinymlp::DataError>([&] { (void)evaluation[Metric::accuracy]; }) ==
        "evaluation: the metric accuracy was not asked for; pass it to evaluate");
}

TEST_CASE("read_csv with CsvOptions::classes: the label column becomes one-hot targets") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("labels.csv");
  host_tests::write_text_file(path, "a,b,label\n0.5,1,2\n1.5,2, 0\n");
  tinymlp::CsvOptions options;
  options.header = true;
  options.classes = 3;
  const Dataset data = tinymlp::read_csv(path, options);
  CHECK(data.features == 2);
  CHECK(data.targets == 3);
  CHECK(data.classes == 3);
  CHECK(data.outputs == std::vector<float>{0, 0, 1, 1, 0, 0});
  CHECK(data.class_of(0) == 2);
  CHECK(tinymlp::class_counts(data) == std::vector<std::size_t>{1, 0, 1});
}

TEST_CASE("read_csv: a first line that is no number suggests CsvOptions::header") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("named.csv");
  host_tests::write_text_file(path, "x,y\n1,2\n");
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::read_csv(path); }) ==
        path + ":1:1: field 1 is not a number: 'x' (if line 1 names the columns, set CsvOptions::header)");
}

TEST_CASE("one_hot: labels to one-hot targets; bad labels named by sample") {
  const Dataset labels = Dataset::from_arrays(std::vector<float>{1, 2, 3}, std::vector<float>{1, 0, 2}, 1, 1);
  const Dataset coded = tinymlp::one_hot(labels, 3);
  CHECK(coded.outputs == std::vector<float>{0, 1, 0, 1, 0, 0, 0, 0, 1});
  CHECK(coded.classes == 3);
  const auto bad = [](float label) {
    return message_of<tinymlp::DataError>([&] {
      tinymlp::one_hot(Dataset::from_arrays(std::vector<float>{1, 2}, std::vector<float>{0, label}, 1, 1), 3);
    });
  };
  CHECK(bad(1.5f) == "one_hot: sample 1: the label 1.500000 is not an integer class label");
  CHECK(bad(-1.0f) == "one_hot: sample 1: the label -1.000000 is a negative class label");
  CHECK(bad(3.0f) == "one_hot: sample 1: the label 3.000000 is at or above the class count 3 (labels run from 0 to 2)");
}

// `per_class` samples of each of `classes` classes, sorted by class; input = class + sample / 1000.
Dataset sorted_classes(std::size_t classes, std::size_t per_class) {
  std::vector<float> inputs, labels;
  for (std::size_t c = 0; c < classes; ++c)
    for (std::size_t k = 0; k < per_class; ++k) {
      inputs.push_back(static_cast<float>(c) + static_cast<float>(k) / 1000.0f);
      labels.push_back(static_cast<float>(c));
    }
  return tinymlp::one_hot(Dataset::from_arrays(inputs, labels, 1, 1), classes);
}

TEST_CASE("shuffle: the same samples in a seeded order, the same for the same seed") {
  const Dataset data = sorted_classes(3, 10);
  const Dataset once = tinymlp::shuffle(data, 7), again = tinymlp::shuffle(data, 7), other = tinymlp::shuffle(data, 8);
  CHECK(once.inputs == again.inputs);
  CHECK(once.outputs == again.outputs);
  CHECK(once.inputs != data.inputs);
  CHECK(once.inputs != other.inputs);
  std::vector<float> sorted = once.inputs;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == data.inputs);
  for (std::size_t s = 0; s < once.size(); ++s)  // each input keeps its label
    CHECK(once.class_of(s) == static_cast<std::size_t>(once.input(s)[0]));
}

TEST_CASE("split of class-sorted data without shuffling: a class missing from training is an error") {
  CHECK(message_of<tinymlp::DataError>([] { tinymlp::split(sorted_classes(3, 10), 0.6, 0.2); }) ==
        "split: class 2 is missing from the training split (the data holds 10 samples of it); shuffle or stratify "
        "the split (SplitOptions)");
}

TEST_CASE("split without shuffling warns when the validation or test split lacks a class of the training split") {
  Dataset data = sorted_classes(2, 10);  // 0 x10, 1 x10, then 0 x 5 at the end: test has only 0
  std::vector<std::string> warnings;
  tinymlp::SplitOptions options;
  options.warning = [&](const std::string& message) { warnings.push_back(message); };
  tinymlp::split(data, 0.75, 0.0, options);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "split: the test split has no samples of class 0, which the training split holds (is the data sorted? "
        "SplitOptions::shuffle)");
}

TEST_CASE("a stratified split gives each part each class in its share, shuffled, from a seed") {
  const Dataset data = sorted_classes(4, 50);
  tinymlp::SplitOptions options;
  options.stratify = true;
  options.seed = 3;
  std::vector<std::string> warnings;
  options.warning = [&](const std::string& message) { warnings.push_back(message); };
  const tinymlp::SplitDataset parts = tinymlp::split(data, 0.6, 0.2, options);
  CHECK(parts.train.size() == 120);
  CHECK(parts.validation.size() == 40);
  CHECK(parts.test.size() == 40);
  CHECK(tinymlp::class_counts(parts.train) == std::vector<std::size_t>{30, 30, 30, 30});
  CHECK(tinymlp::class_counts(parts.validation) == std::vector<std::size_t>{10, 10, 10, 10});
  CHECK(tinymlp::class_counts(parts.test) == std::vector<std::size_t>{10, 10, 10, 10});
  CHECK(warnings.empty());
  CHECK(parts.train.class_of(0) != parts.train.class_of(1));  // not sorted by class: shuffled
  CHECK(tinymlp::split(data, 0.6, 0.2, options).train.inputs == parts.train.inputs);
  options.stratify = false;
  options.shuffle = true;
  CHECK(tinymlp::split(data, 0.6, 0.2, options).train.size() == 120);
}

TEST_CASE("split: a part asked for that gets no sample is an error; stratify needs classes") {
  CHECK(message_of<tinymlp::DataError>([] { tinymlp::split(sorted_classes(2, 2), 0.5, 0.1); }) ==
        "split: the validation split is empty: 0.100000 of 4 samples rounds down to 0");
  Dataset regression = sorted_classes(2, 5);
  regression.classes = 0;
  tinymlp::SplitOptions options;
  options.stratify = true;
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::split(regression, 0.5, 0.2, options); }) ==
        "split: stratify needs classification data (read it with CsvOptions::classes, or call one_hot)");
}

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 3> Classifier;  // the last layer a Dense; a Softmax follows below
typedef tinymlp::Sequential<tinymlp::Dense<1, 16>, tinymlp::ReLU, tinymlp::Dense<16, 3>, tinymlp::Softmax> SoftmaxModel;

TEST_CASE("fit reports accuracy per epoch (History, its CSV, the progress line) and stops early on val_accuracy") {
  const Dataset data = tinymlp::shuffle(sorted_classes(3, 60), 1);
  tinymlp::SplitOptions stratified;
  stratified.stratify = true;
  const tinymlp::SplitDataset parts = tinymlp::split(data, 0.6, 0.2, stratified);
  SoftmaxModel model;
  model.initialize(4);
  tinymlp::AdamSettings settings;
  settings.learning_rate = 0.01f;
  tinymlp::Adam<SoftmaxModel> optimizer(settings);
  tinymlp::FitOptions options;
  options.epochs = 60;
  options.batch_size = 16;
  options.validation = &parts.validation;
  options.metrics = {Metric::accuracy};
  options.early_stopping.enabled = true;
  options.early_stopping.monitor = "val_accuracy";
  options.early_stopping.patience = 5;
  std::FILE* output = std::tmpfile();
  REQUIRE(output);
  options.progress = tinymlp::Progress::lines;
  options.progress_output = output;
  const tinymlp::History history =
      tinymlp::fit<tinymlp::CategoricalCrossEntropy>(model, optimizer, parts.train, options);
  const std::string lines = host_tests::contents_of(output);
  std::fclose(output);
  CHECK(history.names() == std::vector<std::string>{"loss", "accuracy", "val_loss", "val_accuracy"});
  CHECK(history.to_csv().rfind("epoch,loss,accuracy,val_loss,val_accuracy,learning_rate\n", 0) == 0);
  CHECK(lines.find(" - accuracy: ") != std::string::npos);
  CHECK(lines.find(" - val_accuracy: ") != std::string::npos);
  const std::vector<float> accuracy = history.series("val_accuracy");
  // The best epoch is the first with the largest val_accuracy (mode max, "acc" in the name).
  const auto best = std::max_element(accuracy.begin(), accuracy.end());
  CHECK(history.best_epoch == static_cast<std::size_t>(best - accuracy.begin()));
  const tinymlp::Evaluation validation =
      tinymlp::evaluate<tinymlp::CategoricalCrossEntropy>(model, parts.validation, {Metric::accuracy});
  CHECK(validation[Metric::accuracy] == *best);  // restore_best: the weights of that epoch
  CHECK(*best > 0.9f);
  CHECK(validation.confusion.total() == parts.validation.size());
}

TEST_CASE("early stopping on an unknown figure: a DataError naming the figures there are, before training") {
  const Dataset data = sorted_classes(3, 10);
  Classifier model;
  model.initialize(1);
  tinymlp::Sgd<Classifier> optimizer;
  tinymlp::FitOptions options;
  options.progress = tinymlp::Progress::silent;
  options.metrics = {Metric::accuracy, Metric::mean_squared_error};
  options.early_stopping.enabled = true;
  options.early_stopping.monitor = "val_acuracy";
  CHECK(message_of<tinymlp::DataError>([&] {
          tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data, options);
        }) == "history: no figure named 'val_acuracy'; there are loss, accuracy, mse and learning_rate");
}

TEST_CASE("summary: each layer, its output width and parameters, the totals and a table of boards") {
  const std::string text = tinymlp::summary<SoftmaxModel>({tinymlp::BoardMemory{"Arduino Uno", 1234, 56}});
  CHECK(text ==
        "Model: 1 inputs, 3 outputs\n"
        "--------------------------------------------------------\n"
        "#    Layer (type)     Output width              Param #\n"
        "========================================================\n"
        "1    Dense            16                             32\n"
        "2    ReLU             16                              0\n"
        "3    Dense            3                              51\n"
        "4    Softmax          3                               0\n"
        "--------------------------------------------------------\n"
        "Total params: 83 (332 bytes of weights)\n"
        "Inference buffers: " +
            std::to_string(SoftmaxModel::activation_bytes) +
            " bytes of stack\n"
            "--------------------------------------------------------\n"
            "Board                     Flash (bytes)    RAM (bytes)\n"
            "Arduino Uno                       1,234             56\n");
}

TEST_CASE("summary(model): the flash and RAM on each board, the figures tinymlp-convert --info prints") {
  const std::vector<tinymlp::BoardMemory> boards = tinymlp::board_memory<SoftmaxModel>();
  REQUIRE(boards.size() == 2);
  const std::size_t ram = SoftmaxModel::activation_bytes + (1 + 3) * sizeof(float);
  for (const tinymlp::BoardMemory& board : boards) {
    CHECK(board.flash_bytes == SoftmaxModel::parameter_bytes);
    CHECK(board.ram_bytes == ram);
  }
  CHECK(boards[0].board == "AVR (Arduino Uno)");
  CHECK(boards[1].board == "Cortex-M");
  SoftmaxModel model{};
  model.initialize(1u);
  const std::string text = tinymlp::summary(model);
  CHECK(text == tinymlp::summary<SoftmaxModel>(boards));
  CHECK(text.find("AVR (Arduino Uno)                   332 ") != std::string::npos);
  const std::string info = tinymlp::model_info(tinymlp::describe(model), "m");
  CHECK(info.find("flash for the weights                     332 B") != std::string::npos);
}

}  // namespace

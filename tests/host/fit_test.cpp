// fit(): history records, shuffling from a seed, early stopping with restored weights, the
// learning rate halved on plateaus, divergence named by epoch, and batches that do not divide the
// sample count, checked against compute_gradients and SGD steps done by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::bit_identical;
using host_tests::message_of;
using tinymlp::Dataset;
using tinymlp::FitOptions;
using tinymlp::History;
using tinymlp::MeanSquaredError;

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 1> Line;  // y = w x + b: a Dense<1, 1> alone
typedef tinymlp::Mlp<tinymlp::Tanh, 2, 8, 2> Small;

FitOptions quiet_options(std::size_t epochs, std::size_t batch_size) {
  FitOptions options;
  options.epochs = epochs;
  options.batch_size = batch_size;
  options.progress = tinymlp::Progress::silent;
  return options;
}

// x uniform in [-1, 1), t = slope x.
Dataset line_samples(std::size_t count, float slope, std::uint32_t seed) {
  return host_tests::make_dataset(count, 1, 1, -1.0f, 1.0f, seed,
                                  [slope](const float* x, float* t) { t[0] = slope * x[0]; });
}

Dataset smooth_samples(std::size_t count, std::uint32_t seed) {
  return host_tests::make_dataset(count, 2, 2, -1.0f, 1.0f, seed, [](const float* x, float* t) {
    t[0] = 0.5f * x[0] - x[1];
    t[1] = std::sin(2.0f * x[0]) * x[1];
  });
}

Small initialized_small(std::uint32_t seed) {
  Small model;
  model.initialize(seed);
  return model;
}

Line line_through_zero() {
  Line line;
  line.parameters[0] = line.parameters[1] = 0.0f;  // w = 0, b = 0
  return line;
}

bool all_finite(const History& history) {
  for (const tinymlp::EpochRecord& record : history.epochs)
    for (const std::string& name : history.names())
      if (!std::isfinite(history.value(record, name))) return false;
  return true;
}

TEST_CASE("fit: one finite record per epoch, and the loss falls on an easy problem") {
  Small model = initialized_small(1);
  tinymlp::AdamSettings adam;
  adam.learning_rate = 0.01f;
  tinymlp::Adam<Small> optimizer(adam);
  const History history =
      tinymlp::fit<MeanSquaredError>(model, optimizer, smooth_samples(500, 2), quiet_options(30, 32));
  REQUIRE(history.epochs.size() == 30);
  CHECK(all_finite(history));
  CHECK_FALSE(history.has_validation);
  CHECK_FALSE(history.stopped_early);
  CHECK(history.seconds > 0);
  CHECK(history.epochs.front().learning_rate == 0.01f);
  CHECK(history.epochs.back().loss < history.epochs.front().loss / 4);
  CHECK(history.series("mae").back() < history.series("mae").front());
}

TEST_CASE("fit with validation data: val_loss and val_mae are evaluate's at the end of each epoch") {
  const Dataset train = smooth_samples(300, 3), validation = smooth_samples(100, 4);
  Small model = initialized_small(2);
  tinymlp::Sgd<Small> optimizer(0.05f);
  FitOptions options = quiet_options(5, 16);
  options.validation = &validation;
  const History history = tinymlp::fit<MeanSquaredError>(model, optimizer, train, options);
  REQUIRE(history.epochs.size() == 5);
  CHECK(history.has_validation);
  CHECK(all_finite(history));
  const tinymlp::Evaluation after = tinymlp::evaluate<MeanSquaredError>(model, validation);
  CHECK(history.epochs.back().val_loss == after.loss);
  CHECK(history.series("val_mae").back() == after[tinymlp::Metric::mean_absolute_error]);
  CHECK(history.epochs.back().val_loss < history.epochs.front().val_loss);
}

TEST_CASE("on_epoch_end sees each epoch's record as it is measured, with the model of that epoch") {
  const Dataset train = smooth_samples(300, 3), validation = smooth_samples(100, 4);
  Small model = initialized_small(2);
  tinymlp::Sgd<Small> optimizer(0.05f);
  FitOptions options = quiet_options(4, 16);
  options.validation = &validation;
  std::vector<std::size_t> epochs;
  std::vector<float> losses, val_losses, evaluated;
  options.on_epoch_end = [&](std::size_t epoch, const tinymlp::EpochRecord& record) {
    epochs.push_back(epoch);
    losses.push_back(record.loss);
    val_losses.push_back(record.val_loss);
    evaluated.push_back(tinymlp::evaluate<MeanSquaredError>(model, validation).loss);
  };
  const History history = tinymlp::fit<MeanSquaredError>(model, optimizer, train, options);
  CHECK(epochs == std::vector<std::size_t>{0, 1, 2, 3});
  CHECK(losses == history.series("loss"));
  CHECK(val_losses == history.series("val_loss"));
  CHECK(evaluated == val_losses);  // the validation pass inside fit is evaluate's
}

TEST_CASE("fit shuffles from its seed: the same seed gives bit-identical weights, another seed others") {
  const Dataset train = smooth_samples(200, 5);
  const auto train_from = [&](std::uint32_t seed, bool shuffle) {
    Small model = initialized_small(3);
    tinymlp::Sgd<Small> optimizer(0.1f);
    FitOptions options = quiet_options(3, 8);
    options.seed = seed;
    options.shuffle = shuffle;
    tinymlp::fit<MeanSquaredError>(model, optimizer, train, options);
    return model;
  };
  const Small first = train_from(7, true);
  CHECK(bit_identical(first, train_from(7, true)));
  CHECK_FALSE(bit_identical(first, train_from(8, true)));
  CHECK_FALSE(bit_identical(first, train_from(7, false)));
  CHECK(bit_identical(train_from(7, false), train_from(8, false)));  // without shuffling the seed plays no part
}

// A line fitted to t = 2x while validated on t = x, from w = 0: the validation loss falls until w
// passes 1, then only rises. A plateau that starts at a known epoch, with no noise in the way.
struct DriftingFit {
  const Dataset train = line_samples(200, 2.0f, 1);
  const Dataset validation = line_samples(200, 1.0f, 2);
  Line line = line_through_zero();
  tinymlp::Sgd<Line> optimizer{0.01f};

  History fit(FitOptions options) {
    options.validation = &validation;
    return tinymlp::fit<MeanSquaredError>(line, optimizer, train, options);
  }
};

float lowest_val_loss(const History& history) {
  float lowest = history.epochs.front().val_loss;
  for (const tinymlp::EpochRecord& record : history.epochs) lowest = std::min(lowest, record.val_loss);
  return lowest;
}

TEST_CASE("early stopping: stops `patience` epochs after the best one and restores its weights") {
  DriftingFit drifting;
  FitOptions options = quiet_options(200, 20);
  options.early_stopping.enabled = true;
  options.early_stopping.patience = 5;
  const History history = drifting.fit(options);
  CHECK(history.stopped_early);
  CHECK(history.best_epoch > 3);  // the validation loss did fall for a while
  CHECK(history.epochs.size() == history.best_epoch + 1 + 5);
  CHECK(history.epochs[history.best_epoch].val_loss == lowest_val_loss(history));
  CHECK(tinymlp::evaluate<MeanSquaredError>(drifting.line, drifting.validation).loss ==
        history.epochs[history.best_epoch].val_loss);
}

TEST_CASE("early stopping without restore_best keeps the last epoch's weights") {
  DriftingFit drifting;
  FitOptions options = quiet_options(200, 20);
  options.early_stopping.enabled = true;
  options.early_stopping.patience = 5;
  options.early_stopping.restore_best = false;
  const History history = drifting.fit(options);
  CHECK(history.stopped_early);
  const float final_loss = tinymlp::evaluate<MeanSquaredError>(drifting.line, drifting.validation).loss;
  CHECK(final_loss == history.epochs.back().val_loss);
  CHECK(final_loss > history.epochs[history.best_epoch].val_loss);
}

TEST_CASE(
    "ReduceLearningRateOnPlateau halves the rate after `patience` epochs without improvement, down to its floor") {
  DriftingFit drifting;
  FitOptions options = quiet_options(40, 20);
  options.reduce_learning_rate.enabled = true;
  options.reduce_learning_rate.patience = 3;
  options.reduce_learning_rate.min_learning_rate = 0.003f;
  const History history = drifting.fit(options);
  REQUIRE(history.epochs.size() == 40);
  const std::size_t best = history.best_epoch;
  REQUIRE(best + 8 < 40);
  CAPTURE(best);
  // The column shows the rate each epoch trained with: 0.01 up to 3 epochs past the best, then
  // 0.005 for 3 epochs, then the floor 0.003 (not 0.0025) for good.
  for (std::size_t epoch = 0; epoch < history.epochs.size(); ++epoch) {
    CAPTURE(epoch);
    const float expected = epoch <= best + 3 ? 0.01f : epoch <= best + 6 ? 0.005f : 0.003f;
    CHECK(history.epochs[epoch].learning_rate == expected);
  }
  CHECK(drifting.optimizer.learning_rate() == 0.003f);
}

TEST_CASE("divergence: a huge learning rate on unscaled data throws DivergenceError naming epoch 1") {
  const Dataset unscaled =
      host_tests::make_dataset(500, 1, 1, 0.0f, 1000.0f, 3, [](const float* x, float* t) { t[0] = x[0]; });
  typedef tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1> Model;
  Model model;
  model.initialize(1);
  tinymlp::Sgd<Model> optimizer(1e6f);
  const std::string message = message_of<tinymlp::DivergenceError>(
      [&] { tinymlp::fit<MeanSquaredError>(model, optimizer, unscaled, quiet_options(10, 32)); });
  CHECK(message.find("training diverged in epoch 1: loss ") == 0);
  CHECK(message.find("lower the learning rate or standardize the inputs") != std::string::npos);
}

TEST_CASE("divergence that builds up over epochs names the epoch whose loss stopped being finite") {
  // Full-batch gradient descent above the stable step size: the error grows geometrically, so
  // the loss overflows only after some epochs, each of which printed its progress line.
  Line line = line_through_zero();
  tinymlp::Sgd<Line> optimizer(4.0f);
  const Dataset train = line_samples(64, 1.0f, 4);
  std::FILE* progress = std::tmpfile();
  REQUIRE(progress);
  FitOptions options = quiet_options(1000, 64);
  options.progress = tinymlp::Progress::lines;
  options.progress_output = progress;
  const std::string message =
      message_of<tinymlp::DivergenceError>([&] { tinymlp::fit<MeanSquaredError>(line, optimizer, train, options); });
  const std::string lines = host_tests::contents_of(progress);
  std::fclose(progress);
  std::smatch epoch;
  REQUIRE(std::regex_search(message, epoch, std::regex("^training diverged in epoch ([0-9]+): loss ")));
  const auto printed_epochs = static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
  CHECK(printed_epochs > 1);
  CHECK(epoch[1].str() == std::to_string(printed_epochs));
}

// One epoch of plain SGD by hand, batches of `batch_size` in the data's order: each laid out with
// the stride fit uses, compute_gradients, then w -= learning_rate * g. Returns the epoch's loss,
// the batch losses weighted by their sample counts.
template <class Model>
float sgd_epoch_by_hand(Model& model, float learning_rate, const Dataset& data, std::size_t batch_size) {
  const std::size_t stride = std::min(batch_size, data.size());
  std::vector<float> x(Model::input_size * stride), t(Model::output_size * stride);
  std::vector<float> activations(tinymlp::SequentialKernels<Model>::training_activation_count * stride);
  std::vector<float> output_deltas(tinymlp::SequentialKernels<Model>::widest_output * stride),
      spare_deltas(output_deltas.size());
  std::vector<float> gradients(Model::parameter_count);
  const tinymlp::TrainingBuffers<Model> buffers = {activations.data(), output_deltas.data(), spare_deltas.data(),
                                                   gradients.data(), stride};
  double loss_sum = 0;
  for (std::size_t first = 0; first < data.size(); first += stride) {
    const std::size_t count = std::min(stride, data.size() - first);
    for (std::size_t b = 0; b < count; ++b) {
      for (std::size_t f = 0; f < Model::input_size; ++f) x[f * stride + b] = data.input(first + b)[f];
      for (std::size_t f = 0; f < Model::output_size; ++f) t[f * stride + b] = data.output(first + b)[f];
    }
    const float loss = tinymlp::compute_gradients<MeanSquaredError>(model, x.data(), t.data(), count, buffers);
    for (std::size_t k = 0; k < Model::parameter_count; ++k) model.parameters[k] -= learning_rate * gradients[k];
    loss_sum += static_cast<double>(loss) * static_cast<double>(count);
  }
  return static_cast<float>(loss_sum / static_cast<double>(data.size()));
}

struct BatchCase {
  std::size_t samples, batch_size;
};

TEST_CASE("an epoch of fit without shuffling is SGD by hand over its batches, the last one smaller") {
  const float learning_rate = 0.05f;
  // Full batch; 428 batches of 7 and one of 4; 428 of 7 and one of a single sample; a batch larger than the data.
  const BatchCase cases[] = {{3000, 3000}, {3000, 7}, {2997, 7}, {3000, 5000}};
  for (const BatchCase& batch_case : cases) {
    CAPTURE(batch_case.samples);
    CAPTURE(batch_case.batch_size);
    const Dataset train = smooth_samples(batch_case.samples, 6);
    Small by_fit = initialized_small(4), by_hand = by_fit;
    tinymlp::Sgd<Small> optimizer(learning_rate);
    FitOptions options = quiet_options(1, batch_case.batch_size);
    options.shuffle = false;
    const History history = tinymlp::fit<MeanSquaredError>(by_fit, optimizer, train, options);
    const float hand_loss = sgd_epoch_by_hand(by_hand, learning_rate, train, batch_case.batch_size);
    CHECK(bit_identical(by_fit, by_hand));
    CHECK(history.epochs[0].loss == hand_loss);
  }
}

// One epoch of RMSprop through train_on_batch, batches of Batch in the data's order, in a workspace
// whose size and batch size are constants the compiler sees.
template <class Model, std::size_t Batch>
void rmsprop_epoch_with_constant_batch(Model& model, const Dataset& data) {
  static tinymlp::TrainingWorkspace<Model, Batch> workspace;
  tinymlp::Rmsprop<Model> optimizer;
  float x[Model::input_size * Batch], t[Model::output_size * Batch];
  for (std::size_t first = 0; first + Batch <= data.size(); first += Batch) {
    for (std::size_t b = 0; b < Batch; ++b) {
      for (std::size_t f = 0; f < Model::input_size; ++f) x[f * Batch + b] = data.input(first + b)[f];
      for (std::size_t f = 0; f < Model::output_size; ++f) t[f * Batch + b] = data.output(first + b)[f];
    }
    tinymlp::train_on_batch<MeanSquaredError>(model, optimizer, x, t, Batch, workspace.buffers());
  }
}

template <class Model, std::size_t Batch>
void check_constant_batch_trains_as_fit(const Dataset& train) {
  CAPTURE(Batch);
  Model by_fit;
  by_fit.initialize(3);
  Model by_constant = by_fit;
  tinymlp::Rmsprop<Model> optimizer;
  volatile std::size_t batch_size_at_run_time = Batch;
  FitOptions options = quiet_options(1, batch_size_at_run_time);
  options.shuffle = false;
  tinymlp::fit<MeanSquaredError>(by_fit, optimizer, train, options);
  rmsprop_epoch_with_constant_batch<Model, Batch>(by_constant, train);
  CHECK(bit_identical(by_fit, by_constant));
}

// GCC fuses a multiply and its add where it unrolls a loop of known length and not in a loop it keeps:
// a batch size written as a constant once trained other weights than fit's.
TEST_CASE("a batch size the compiler sees as a constant trains the same floats as fit's run-time size") {
  typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> Sine;
  const Dataset train =
      host_tests::make_dataset(640, 1, 1, 0.0f, 6.0f, 9, [](const float* x, float* t) { t[0] = std::sin(x[0]); });
  check_constant_batch_trains_as_fit<Sine, 16>(train);
  check_constant_batch_trains_as_fit<Sine, 64>(train);
  check_constant_batch_trains_as_fit<tinymlp::Mlp<tinymlp::ReLU, 3, 20, 5, 2>, 16>(
      host_tests::make_dataset(640, 3, 2, -1.0f, 1.0f, 10, [](const float* x, float* t) {
        t[0] = x[0] * x[1];
        t[1] = x[2];
      }));
}

TEST_CASE("a full-batch epoch records the loss and MAE of the weights before its one step") {
  const Dataset train = smooth_samples(1000, 7);
  Small model = initialized_small(5);
  const tinymlp::Evaluation before = tinymlp::evaluate<MeanSquaredError>(model, train);
  tinymlp::Sgd<Small> optimizer(0.05f);
  const History history = tinymlp::fit<MeanSquaredError>(model, optimizer, train, quiet_options(1, 1000));
  CHECK(history.epochs[0].loss == doctest::Approx(before.loss).epsilon(1e-5));
  CHECK(history.epochs[0].metrics[0] == doctest::Approx(before[tinymlp::Metric::mean_absolute_error]).epsilon(1e-5));
}

TEST_CASE("fit rejects data of the wrong shape, no training data and batch_size 0") {
  Small model = initialized_small(6);
  tinymlp::Sgd<Small> optimizer;
  const Dataset train = smooth_samples(10, 8), narrow = line_samples(10, 1.0f, 9);
  const auto fit_error = [&](const Dataset& data, const FitOptions& options) {
    return message_of<tinymlp::DataError>([&] { tinymlp::fit<MeanSquaredError>(model, optimizer, data, options); });
  };
  CHECK(fit_error(narrow, quiet_options(1, 4)) ==
        "training data has 1 inputs and 1 targets per sample; the model takes 2 and gives 2");
  FitOptions with_narrow_validation = quiet_options(1, 4);
  with_narrow_validation.validation = &narrow;
  CHECK(fit_error(train, with_narrow_validation) ==
        "validation data has 1 inputs and 1 targets per sample; the model takes 2 and gives 2");
  CHECK(fit_error(train.slice(0, 0), quiet_options(1, 4)) == "fit: the training data is empty");
  CHECK(fit_error(train, quiet_options(1, 0)) == "fit: batch_size must be at least 1");
}

}  // namespace

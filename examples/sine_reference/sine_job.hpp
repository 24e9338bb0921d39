// The reference job's data and its two training setups, shared by the example, the tests and the
// benchmarks: the TinyML tutorial's way, and tinymlp's recommended way.
#ifndef SINE_JOB_HPP
#define SINE_JOB_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "tinymlp/host.hpp"

namespace sine {

using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;

struct JobSettings {
  std::uint32_t seed = 1;    // data, initial weights and shuffling
  std::size_t epochs = 500;  // the budget of both setups
  tinymlp::Progress progress = tinymlp::Progress::automatic;
};

inline float true_function(float x) { return std::sin(x) * std::sqrt(x); }

// x uniform in [0, 15), y = sin(x) sqrt(x) + 0.5 N(0, 1), in generation order.
inline tinymlp::Dataset make_samples(std::size_t count, std::uint32_t seed) {
  tinymlp::Random random(seed);
  tinymlp::Dataset data;
  data.features = data.targets = 1;
  for (std::size_t s = 0; s < count; ++s) {
    const float x = random.uniform(0.0f, 15.0f);
    data.inputs.push_back(x);
    data.outputs.push_back(true_function(x) + 0.5f * random.normal());
  }
  return data;
}

// The tutorial's data: 5000 samples split 60/20/20 in generation order.
inline tinymlp::SplitDataset make_split(std::uint32_t seed) {
  return tinymlp::split(make_samples(5000, seed), 0.6, 0.2);
}

struct Outcome {
  tinymlp::Evaluation train, validation, test;
  tinymlp::History history;    // of the model kept
  std::size_t epochs_trained;  // over all starts
};

inline Outcome measure(const Model& model, const tinymlp::SplitDataset& data, tinymlp::History history,
                       std::size_t epochs_trained) {
  using tinymlp::MeanSquaredError;
  return Outcome{tinymlp::evaluate<MeanSquaredError>(model, data.train),
                 tinymlp::evaluate<MeanSquaredError>(model, data.validation),
                 tinymlp::evaluate<MeanSquaredError>(model, data.test), std::move(history), epochs_trained};
}

inline tinymlp::FitOptions fit_options(const JobSettings& settings, const tinymlp::Dataset& validation) {
  tinymlp::FitOptions options;
  options.epochs = settings.epochs;
  options.batch_size = 16;
  options.seed = settings.seed;
  options.validation = &validation;
  options.progress = settings.progress;
  return options;
}

// The tutorial: raw x, RMSprop with Keras's defaults, batch 16, every epoch of the budget.
inline Outcome train_tutorial(Model& model, const tinymlp::SplitDataset& data, const JobSettings& settings) {
  model.initialize(settings.seed);
  tinymlp::Rmsprop<Model> optimizer;
  const auto options = fit_options(settings, data.validation);
  auto history = tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data.train, options);
  const std::size_t epochs = history.epochs.size();
  return measure(model, data, std::move(history), epochs);
}

// tinymlp's recommendation: standardized inputs; Adam from a larger first step, halved whenever the
// validation loss stalls; early stopping that keeps the best weights; and the budget of epochs
// split over three starts from different initial weights, keeping the start that validates best.
// A ReLU network this small sometimes settles with too many units dead; one bad start among three
// no longer decides the result. The scaling is then folded into the first layer, so the model takes
// raw x like the tutorial's.
inline Outcome train_recommended(Model& model, const tinymlp::SplitDataset& data, const JobSettings& settings) {
  const std::uint32_t starts = 3;
  const auto scaler = tinymlp::Standardizer::fit(data.train);
  const tinymlp::Dataset train = scaler.apply(data.train), validation = scaler.apply(data.validation);
  tinymlp::History kept;
  float best_validation_loss = 0;
  double seconds = 0;
  std::size_t epochs = 0;
  for (std::uint32_t start = 0; start < starts; ++start) {
    Model candidate;
    candidate.initialize(settings.seed * starts + start);
    tinymlp::AdamSettings adam;
    adam.learning_rate = 0.01f;
    tinymlp::Adam<Model> optimizer(adam);
    auto options = fit_options(settings, validation);
    options.epochs = settings.epochs / starts;
    options.seed = settings.seed * starts + start;
    options.reduce_learning_rate.enabled = true;
    options.reduce_learning_rate.patience = 10;
    options.early_stopping.enabled = true;
    options.early_stopping.patience = 40;
    auto history = tinymlp::fit<tinymlp::MeanSquaredError>(candidate, optimizer, train, options);
    seconds += history.seconds;
    epochs += history.epochs.size();
    const float validation_loss = tinymlp::evaluate<tinymlp::MeanSquaredError>(candidate, validation).loss;
    if (start == 0 || validation_loss < best_validation_loss) {
      best_validation_loss = validation_loss;
      model = candidate;
      kept = std::move(history);
    }
  }
  kept.seconds = seconds;  // the time of all starts, for a fair comparison with the tutorial's
  scaler.fold_into_first_layer(model);
  return measure(model, data, std::move(kept), epochs);
}

}  // namespace sine

#endif

// The reference job of the TinyML "hello world" tutorial, in C++: 5000 noisy samples of
// y = sin(x) sqrt(x), a 1-16-16-1 ReLU network trained the tutorial's way (RMSprop, MSE, batch 16,
// 500 epochs), then tinymlp's recommended setup on the same data, printed side by side, with the
// history as CSV and two pictures drawn by gnuplot.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "plot.hpp"
#include "tinymlp/host.hpp"

namespace {

using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;

struct Settings {
  std::string output_folder = "sine_output";
  std::uint32_t seed = 1;
  std::size_t epochs = 500;
  tinymlp::Progress progress = tinymlp::Progress::automatic;
};

float true_function(float x) { return std::sin(x) * std::sqrt(x); }

// x uniform in [0, 15), y = sin(x) sqrt(x) + 0.5 N(0, 1), in generation order.
tinymlp::Dataset make_samples(std::size_t count, std::uint32_t seed) {
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

struct Outcome {
  tinymlp::Evaluation train, validation, test;
  tinymlp::History history;
};

Outcome measure(const Model& model, const tinymlp::SplitDataset& data, tinymlp::History history) {
  using tinymlp::MeanSquaredError;
  return Outcome{tinymlp::evaluate<MeanSquaredError>(model, data.train),
                 tinymlp::evaluate<MeanSquaredError>(model, data.validation),
                 tinymlp::evaluate<MeanSquaredError>(model, data.test), std::move(history)};
}

// The tutorial: raw x, RMSprop with Keras's defaults, batch 16, every epoch of the budget.
Outcome train_tutorial(Model& model, const tinymlp::SplitDataset& data, const Settings& settings) {
  model.initialize(settings.seed);
  tinymlp::Rmsprop<Model> optimizer;
  tinymlp::FitOptions options;
  options.epochs = settings.epochs;
  options.batch_size = 16;
  options.seed = settings.seed;
  options.validation = &data.validation;
  options.progress = settings.progress;
  return measure(model, data, tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data.train, options));
}

// tinymlp's recommendation: standardized inputs, Adam at a larger step, early stopping that keeps the
// best weights. The scaling is then folded into the first layer, so the model takes raw x.
Outcome train_recommended(Model& model, const tinymlp::SplitDataset& data, const Settings& settings) {
  const auto scaler = tinymlp::Standardizer::fit(data.train);
  const tinymlp::Dataset train = scaler.apply(data.train), validation = scaler.apply(data.validation);
  model.initialize(settings.seed);
  tinymlp::AdamSettings adam;
  adam.learning_rate = 0.01f;
  tinymlp::Adam<Model> optimizer(adam);
  tinymlp::FitOptions options;
  options.epochs = settings.epochs;
  options.batch_size = 16;
  options.seed = settings.seed;
  options.validation = &validation;
  options.progress = settings.progress;
  options.early_stopping.enabled = true;
  options.early_stopping.patience = 50;
  auto history = tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, train, options);
  scaler.fold_into_first_layer(model);
  return measure(model, data, std::move(history));
}

void print_row(const char* name, const Outcome& outcome) {
  std::printf("%-12s %7zu %8.2f | %7.4f %7.4f | %7.4f %7.4f | %7.4f %7.4f\n", name, outcome.history.epochs.size(),
              outcome.history.seconds, outcome.train.loss, outcome.train.mae, outcome.validation.loss,
              outcome.validation.mae, outcome.test.loss, outcome.test.mae);
}

Settings parse_arguments(int argc, char** argv) {
  Settings settings;
  for (int k = 1; k < argc; ++k) {
    const std::string flag = argv[k];
    const bool has_value = k + 1 < argc;
    if (flag == "--out" && has_value) {
      settings.output_folder = argv[++k];
    } else if (flag == "--seed" && has_value) {
      settings.seed = static_cast<std::uint32_t>(std::stoul(argv[++k]));
    } else if (flag == "--epochs" && has_value) {
      settings.epochs = std::stoul(argv[++k]);
    } else if (flag == "--quiet") {
      settings.progress = tinymlp::Progress::silent;
    } else {
      std::fprintf(stderr, "usage: %s [--out FOLDER] [--seed N] [--epochs N] [--quiet]\n", argv[0]);
      std::exit(flag == "--help" ? 0 : 2);
    }
  }
  return settings;
}

}  // namespace

int main(int argc, char** argv) try {
  const Settings settings = parse_arguments(argc, argv);
  std::filesystem::create_directories(settings.output_folder);
  const std::string folder = settings.output_folder + "/";

  const tinymlp::Dataset samples = make_samples(5000, settings.seed);
  const tinymlp::SplitDataset data = tinymlp::split(samples, 0.6, 0.2);

  Model tutorial, recommended;
  std::printf("== Tutorial setup: raw x, RMSprop (Keras defaults), MSE, batch 16, %zu epochs\n", settings.epochs);
  const Outcome tutorial_outcome = train_tutorial(tutorial, data, settings);
  std::printf("== Recommended setup: standardized x, Adam lr 0.01, early stopping (patience 50, best weights)\n");
  const Outcome recommended_outcome = train_recommended(recommended, data, settings);

  std::printf("\n%-12s %7s %8s | %15s | %15s | %15s\n", "setup", "epochs", "seconds", "train mse  mae",
              "val mse    mae", "test mse   mae");
  print_row("tutorial", tutorial_outcome);
  print_row("recommended", recommended_outcome);

  tinymlp::write_file_atomically(folder + "sine_data.csv", tinymlp::to_csv(samples));
  tutorial_outcome.history.write_csv(folder + "history_tutorial.csv");
  recommended_outcome.history.write_csv(folder + "history_recommended.csv");
  sine::draw_pictures(folder, data.test, tutorial, recommended, true_function);
  std::printf("\nWrote %s{sine_data.csv, history_tutorial.csv, history_recommended.csv, loss.png, predictions.png}\n",
              folder.c_str());
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "sine_reference: %s\n", error.what());
  return 1;
}

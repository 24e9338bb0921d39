// The reference job of the TinyML "hello world" tutorial, in C++: 5000 noisy samples of
// y = sin(x) sqrt(x), a 1-16-16-1 ReLU network trained the tutorial's way (RMSprop, MSE, batch 16,
// 500 epochs), then tinymlp's recommended setup on the same data, printed side by side, with the
// history as CSV and two pictures drawn by gnuplot.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "plot.hpp"
#include "sine_job.hpp"
#include "tinymlp/host.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/export.hpp"

namespace {

struct Arguments {
  std::string output_folder = "sine_output";
  sine::JobSettings job;
};

Arguments parse_arguments(int argc, char** argv) {
  Arguments arguments;
  for (int k = 1; k < argc; ++k) {
    const std::string flag = argv[k];
    const bool has_value = k + 1 < argc;
    if (flag == "--out" && has_value) {
      arguments.output_folder = argv[++k];
    } else if (flag == "--seed" && has_value) {
      arguments.job.seed = static_cast<std::uint32_t>(std::stoul(argv[++k]));
    } else if (flag == "--epochs" && has_value) {
      arguments.job.epochs = std::stoul(argv[++k]);
    } else if (flag == "--quiet") {
      arguments.job.progress = tinymlp::Progress::silent;
    } else {
      std::fprintf(stderr, "usage: %s [--out FOLDER] [--seed N] [--epochs N] [--quiet]\n", argv[0]);
      std::exit(flag == "--help" ? 0 : 2);
    }
  }
  return arguments;
}

// The test MSE of `model` run in int8 (float in and out, integers inside), as a board would run it.
float int8_test_mse(const tinymlp::ModelDescription& quantized, const tinymlp::Dataset& test) {
  const auto host = tinymlp::host_int8_model<sine::Model>(quantized);
  double sum = 0;
  for (std::size_t s = 0; s < test.size(); ++s) {
    float y = 0;
    host.model().predict(test.input(s), &y);
    const double error = static_cast<double>(y) - static_cast<double>(test.output(s)[0]);
    sum += error * error;
  }
  return static_cast<float>(sum / static_cast<double>(test.size()));
}

void print_row(const char* name, const sine::Outcome& outcome) {
  std::printf("%-12s %7zu %8.2f | %7.4f %7.4f | %7.4f %7.4f | %7.4f %7.4f\n", name, outcome.epochs_trained,
              outcome.history.seconds, outcome.train.loss, outcome.train[tinymlp::Metric::mean_absolute_error],
              outcome.validation.loss, outcome.validation[tinymlp::Metric::mean_absolute_error], outcome.test.loss,
              outcome.test[tinymlp::Metric::mean_absolute_error]);
}

}  // namespace

int main(int argc, char** argv) try {
  const Arguments arguments = parse_arguments(argc, argv);
  std::filesystem::create_directories(arguments.output_folder);
  const std::string folder = arguments.output_folder + "/";

  const tinymlp::Dataset samples = sine::make_samples(5000, arguments.job.seed);
  const tinymlp::SplitDataset data = tinymlp::split(samples, 0.6, 0.2);

  sine::Model tutorial, recommended;
  std::printf("== Tutorial setup: raw x, RMSprop (Keras defaults), MSE, batch 16, %zu epochs\n", arguments.job.epochs);
  const sine::Outcome tutorial_outcome = sine::train_tutorial(tutorial, data, arguments.job);
  std::printf(
      "== Recommended setup: standardized x, Adam from lr 0.01 halved on plateaus, early stopping, best of 3 starts\n");
  const sine::Outcome recommended_outcome = sine::train_recommended(recommended, data, arguments.job);

  std::printf("\n%-12s %7s %8s | %15s | %15s | %15s\n", "setup", "epochs", "seconds", "train mse  mae",
              "val mse    mae", "test mse   mae");
  print_row("tutorial", tutorial_outcome);
  print_row("recommended", recommended_outcome);
  // For scripts (bench/reference_job.sh): the training times with more digits than the table's.
  std::printf("tutorial_seconds=%.6f\nrecommended_seconds=%.6f\n", tutorial_outcome.history.seconds,
              recommended_outcome.history.seconds);

  tinymlp::write_file_atomically(folder + "sine_data.csv", tinymlp::to_csv(samples));
  tutorial_outcome.history.write_csv(folder + "history_tutorial.csv");
  recommended_outcome.history.write_csv(folder + "history_recommended.csv");
  sine::draw_pictures(folder, data.test, tutorial, recommended, sine::true_function);
  // The recommended model for TFLite runtimes, for later conversion, and for a sketch (SineInference).
  const tinymlp::ModelDescription model = tinymlp::describe(recommended);
  tinymlp::tflite::write_tflite(folder + "sine.tflite", model);
  tinymlp::write_model_file(folder + "sine.tinymlp", model);
  tinymlp::write_model_header(
      folder + "sine_model.hpp", model, "sine_model",
      "the reference job's model (recommended setup, seed " + std::to_string(arguments.job.seed) + ")");
  // And in int8, calibrated on the training inputs, for boards without an FPU (SineInt8).
  const tinymlp::ModelDescription quantized = tinymlp::quantize(recommended, data.train);
  std::printf("\nint8 (calibrated on the training inputs): test mse %.4f, float %.4f\n",
              static_cast<double>(int8_test_mse(quantized, data.test)),
              static_cast<double>(recommended_outcome.test.loss));
  tinymlp::tflite::write_tflite(folder + "sine_int8.tflite", quantized);
  tinymlp::write_model_header(folder + "sine_int8.hpp", quantized, "sine_int8",
                              "the reference job's model (seed " + std::to_string(arguments.job.seed) + ")");
  std::printf(
      "\nWrote %s{sine_data.csv, history_tutorial.csv, history_recommended.csv, loss.png, predictions.png, "
      "sine.tflite, sine.tinymlp, sine_model.hpp, sine_int8.tflite, sine_int8.hpp}\n",
      folder.c_str());
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "sine_reference: %s\n", error.what());
  return 1;
}

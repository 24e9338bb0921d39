// The second reference job: scikit-learn's handwritten digits (1,797 8x8 images, Debian's
// python3-sklearn ships them as digits.csv), read with tinymlp's CSV reader, shuffled and split
// 60/20/20 by class, a 64-32-10 network trained with Adam, label smoothing and early stopping (loss and accuracy of
// the three splits printed each epoch), quantized to int8 with the training inputs as calibration,
// and written as .tflite files and headers, with three pictures drawn by gnuplot. It also writes
// what DigitsOnUno needs to run the int8 model on the Uno over the test set (the digits as a header,
// and the lines the board must print), and the training and test rows for scikit-learn's MLPClassifier
// (examples/digits_reference/mlp_classifier.py). scripts/digits-job.sh runs all of it.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "digits_job.hpp"
#include "digits_plot.hpp"
#include "tinymlp/host.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/export.hpp"

namespace {

struct Arguments {
  std::string data;  // digits.csv
  std::string output_folder = "digits_output";
  std::size_t example_digits = 20;  // in the header DigitsOnUno ships
  digits::JobSettings job;
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
    } else if (flag == "--batch-size" && has_value) {
      arguments.job.batch_size = std::stoul(argv[++k]);
    } else if (flag == "--learning-rate" && has_value) {
      arguments.job.learning_rate = std::stof(argv[++k]);
    } else if (flag == "--label-smoothing" && has_value) {
      arguments.job.label_smoothing = std::stof(argv[++k]);
    } else if (flag == "--min-delta" && has_value) {
      arguments.job.min_delta = std::stof(argv[++k]);
    } else if (flag == "--reduce-patience" && has_value) {
      arguments.job.reduce_patience = std::stoul(argv[++k]);
    } else if (flag == "--patience" && has_value) {
      arguments.job.patience = std::stoul(argv[++k]);
    } else if (flag == "--restore-best" && has_value) {
      arguments.job.restore_best = std::stoul(argv[++k]) != 0;
    } else if (flag == "--quiet") {
      arguments.job.quiet = true;
    } else if (flag[0] != '-' && arguments.data.empty()) {
      arguments.data = flag;
    } else {
      std::fprintf(
          stderr,
          "usage: %s DIGITS.csv [--out FOLDER] [--seed N] [--epochs N] [--batch-size N] [--learning-rate R] "
          "[--label-smoothing S] [--patience N] [--min-delta D] [--reduce-patience N] [--restore-best 0|1] [--quiet]\n",
          argv[0]);
      std::exit(flag == "--help" ? 0 : 2);
    }
  }
  if (arguments.data.empty()) {
    std::fprintf(stderr, "%s: which digits.csv? (scikit-learn's, decompressed)\n", argv[0]);
    std::exit(2);
  }
  return arguments;
}

}  // namespace

int main(int argc, char** argv) try {
  const Arguments arguments = parse_arguments(argc, argv);
  std::filesystem::create_directories(arguments.output_folder + "/DigitsOnUno");
  std::filesystem::create_directories(arguments.output_folder + "/example");
  const std::string folder = arguments.output_folder + "/";

  // No header line: 64 pixel values, then the class, read as 10 one-hot targets.
  tinymlp::CsvOptions csv;
  csv.classes = digits::classes;
  const tinymlp::Dataset all = tinymlp::read_csv(arguments.data, csv);
  if (all.features != digits::pixels)
    throw tinymlp::DataError(arguments.data + ": expected 64 pixels and a label per line, found " +
                             std::to_string(all.features + 1) + " fields");
  tinymlp::SplitOptions stratified;
  stratified.stratify = true;
  stratified.seed = arguments.job.seed;
  const tinymlp::SplitDataset raw = tinymlp::split(all, 0.6, 0.2, stratified);
  // The rows for scikit-learn (mlp_classifier.py): the same training and test digits.
  tinymlp::write_file_atomically(folder + "train.csv", tinymlp::to_csv(raw.train));
  tinymlp::write_file_atomically(folder + "test.csv", tinymlp::to_csv(raw.test));
  const tinymlp::SplitDataset data{digits::scaled(raw.train), digits::scaled(raw.validation), digits::scaled(raw.test)};
  const tinymlp::Dataset &raw_train = raw.train, &raw_test = raw.test;
  std::printf("== %zu digits from %s: %zu to train, %zu to validate, %zu to test (stratified, seed %u)\n", all.size(),
              arguments.data.c_str(), data.train.size(), data.validation.size(), data.test.size(),
              static_cast<unsigned>(arguments.job.seed));
  std::printf(
      "== 64-%zu-10 (ReLU, softmax), %zu parameters, Adam (learning rate %g, halved after %zu epochs without a "
      "validation loss %g lower), label smoothing %g, batch %zu, up to %zu epochs, early stopping after %zu keeping "
      "the %s epoch's weights\n",
      digits::hidden, digits::Model::parameter_count, static_cast<double>(arguments.job.learning_rate),
      arguments.job.reduce_patience, static_cast<double>(arguments.job.min_delta),
      static_cast<double>(arguments.job.label_smoothing), arguments.job.batch_size, arguments.job.epochs,
      arguments.job.patience, arguments.job.restore_best ? "best" : "last");

  digits::Model trained;
  const digits::Outcome outcome = digits::train(trained, data, arguments.job);
  const digits::EpochMeasures& kept = outcome.epochs[outcome.kept_epoch];

  // From here on the model takes raw pixels (0-16), as the CSV, the .tflite files and the Uno do.
  const digits::Logits logits = digits::for_raw_pixels(trained);
  const digits::Model model = digits::with_softmax(logits);
  const std::vector<float> probabilities = tinymlp::predict(model, raw_test.inputs);
  std::vector<std::size_t> float_predicted;
  std::size_t float_right = 0;
  for (std::size_t s = 0; s < raw_test.size(); ++s) {
    float_predicted.push_back(digits::argmax(&probabilities[s * digits::classes]));
    float_right += float_predicted.back() == raw_test.class_of(s);
  }
  const float float_accuracy = static_cast<float>(float_right) / static_cast<float>(raw_test.size());

  // int8, calibrated on the training inputs; per-channel weights.
  const tinymlp::ModelDescription quantized = tinymlp::quantize(logits, raw_train);
  const digits::Int8Run int8 = digits::run_int8(quantized, raw_test);

  std::printf("\n%-6s %7s %9s | %15s | %15s | %15s\n", "model", "epochs", "seconds", "train loss  acc",
              "val loss    acc", "test loss   acc");
  std::printf("%-6s %7zu %9.3f | %7.4f %7.4f | %7.4f %7.4f | %7.4f %7.4f\n", "float", outcome.epochs.size(),
              outcome.training_seconds, kept.train.loss, kept.train.accuracy, kept.validation.loss,
              kept.validation.accuracy, kept.test.loss, kept.test.accuracy);
  std::printf("%-6s %7s %9s | %15s | %15s | %15s %7.4f\n", "int8", "", "", "", "", "",
              static_cast<double>(int8.accuracy));
  std::printf(
      "float test accuracy %.4f (target: at least 0.97 and at least MLPClassifier's); int8 %.4f, %+.2f points "
      "(target: within 0.5)\n",
      static_cast<double>(float_accuracy), static_cast<double>(int8.accuracy),
      100.0 * (static_cast<double>(int8.accuracy) - static_cast<double>(float_accuracy)));
  // For scripts: the figures with more digits.
  std::printf(
      "seed=%u\nlearning_rate=%g\nbatch_size=%zu\nhidden_units=%zu\nepochs_budget=%zu\ntinymlp_epochs=%zu\n"
      "tinymlp_seconds=%.6f\ntinymlp_test_accuracy=%.6f\ntinymlp_int8_test_accuracy=%.6f\n",
      static_cast<unsigned>(arguments.job.seed), static_cast<double>(arguments.job.learning_rate),
      arguments.job.batch_size, digits::hidden, arguments.job.epochs, outcome.epochs.size(), outcome.training_seconds,
      static_cast<double>(float_accuracy), static_cast<double>(int8.accuracy));

  tinymlp::write_file_atomically(folder + "history.csv", digits::history_csv(outcome));
  digits::draw_training_curves(folder);
  digits::draw_confusion_matrix(folder, digits::int8_confusion(int8, raw_test),
                                "Test set, int8 model: " + std::to_string(int8.accuracy * 100.0f).substr(0, 5) + "%");
  digits::draw_misclassified(folder, raw_test, float_predicted);

  const std::string source = "the digits reference job (seed " + std::to_string(arguments.job.seed) + ")";
  const tinymlp::ModelDescription float_description = tinymlp::describe(model);
  tinymlp::tflite::write_tflite(folder + "digits_float.tflite", float_description);
  tinymlp::write_model_header(folder + "digits_model.hpp", float_description, "digits_model", source);
  tinymlp::tflite::write_tflite(folder + "digits_int8.tflite", quantized);
  const std::string int8_header = tinymlp::model_header(quantized, "digits_int8", source);
  tinymlp::write_file_atomically(folder + "digits_int8.hpp", int8_header);

  // DigitsOnUno over the whole test set (the job's build), and the few digits its example ships.
  tinymlp::write_file_atomically(folder + "DigitsOnUno/digits_int8.hpp", int8_header);
  tinymlp::write_file_atomically(folder + "DigitsOnUno/test_digits.hpp",
                                 digits::test_digits_header(int8, raw_test, raw_test.size(), "the test set"));
  std::string board_lines;
  for (std::size_t s = 0; s < raw_test.size(); ++s) board_lines += digits::board_line(s, raw_test.class_of(s), int8, s);
  tinymlp::write_file_atomically(folder + "DigitsOnUno/expected.txt", board_lines);
  const std::size_t shipped = std::min(arguments.example_digits, raw_test.size());
  tinymlp::write_file_atomically(folder + "example/digits_int8.hpp", int8_header);
  tinymlp::write_file_atomically(
      folder + "example/test_digits.hpp",
      digits::test_digits_header(int8, raw_test, shipped,
                                 "the reference job's test set (the first " + std::to_string(shipped) + ")"));
  std::printf(
      "\nWrote %s{train.csv, test.csv, history.csv, training.png, confusion.png, misclassified.png, "
      "digits_float.tflite, "
      "digits_model.hpp, digits_int8.tflite, digits_int8.hpp, DigitsOnUno/, example/}\n",
      folder.c_str());
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "digits_reference: %s\n", error.what());
  return 1;
}

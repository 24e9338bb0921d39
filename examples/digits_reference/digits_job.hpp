// The digits reference job's data handling, training and measures, shared by the example and its
// test: scikit-learn's 8x8 handwritten digits (64 pixels 0-16, the class in the last column), a
// 64-32-10 ReLU/softmax network trained with Adam, label smoothing and early stopping, and its int8
// version.
#ifndef DIGITS_JOB_HPP
#define DIGITS_JOB_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "tinymlp/host.hpp"
#include "tinymlp/host/quantize.hpp"

namespace digits {

const std::size_t pixels = 64, hidden = 32, classes = 10;
const float brightest = 16.0f;  // pixel values run from 0 to 16

// 32 hidden units, the most whose int8 inference stays under 2 ms on the Uno: 40 averaged 0.4 points
// more test accuracy over seeds 1-16 (as MLPClassifier's did) but cost a fifth more cycles
// (docs/digits.md).
using Model = tinymlp::Sequential<tinymlp::Dense<pixels, hidden>, tinymlp::ReLU, tinymlp::Dense<hidden, classes>,
                                  tinymlp::Softmax>;
// The same weights without the softmax: what is quantized (argmax is the same, and the int8 kernels
// have no softmax), and what the Uno runs.
using Logits = tinymlp::Sequential<tinymlp::Dense<pixels, hidden>, tinymlp::ReLU, tinymlp::Dense<hidden, classes>>;
static_assert(Model::parameter_count == Logits::parameter_count, "the softmax has no parameters");

// The defaults: a learning rate of 0.01, halved after 3 epochs without a better validation loss,
// stopped after 10, batches of 16, the last epoch's weights kept (Keras's default): by then the
// halvings have annealed the rate. Label smoothing of 0.1 (Keras's label_smoothing) raised the mean
// validation accuracy over seeds 1-16 from 0.973 to 0.979 (docs/digits.md). A fall of the smoothed
// validation loss under 0.001 counts as none: it stops a fifth of the epochs sooner, at the same
// accuracy.
struct JobSettings {
  std::uint32_t seed = 1;     // shuffling, initial weights and batches
  std::size_t epochs = 200;   // the budget (early stopping may end sooner)
  std::size_t patience = 10;  // epochs without a better validation loss before stopping
  float min_delta = 0.001f;   // the least fall of the validation loss that counts as better
  std::size_t reduce_patience =
      3;                        // epochs without a better validation loss before the learning rate halves (0: never)
  std::size_t batch_size = 16;  // samples per Adam step
  float learning_rate = 0.01f;
  float label_smoothing = 0.1f;  // the targets trained on: 0.91 for the class, 0.01 for the others
  bool restore_best = false;     // end with the best validation loss's weights rather than the last epoch's
  bool quiet = false;
};

// The digits with each pixel divided by 16, for training.
inline tinymlp::Dataset scaled(tinymlp::Dataset data) {
  for (float& value : data.inputs) value /= brightest;
  return data;
}

template <class Value>
std::size_t argmax(const Value* values) {
  return static_cast<std::size_t>(std::max_element(values, values + classes) - values);
}

struct Measure {
  float loss = 0, accuracy = 0;
};

// The loss as fit measures it (against the smoothed targets), and the accuracy.
inline Measure measure(const Model& model, const tinymlp::Dataset& data, float label_smoothing) {
  const tinymlp::Evaluation evaluation =
      tinymlp::evaluate<tinymlp::CategoricalCrossEntropy>(model, data, {tinymlp::Metric::accuracy}, label_smoothing);
  return Measure{evaluation.loss, evaluation[tinymlp::Metric::accuracy]};
}

struct EpochMeasures {
  Measure train, validation, test;
  double seconds = 0;  // training only
};

struct Outcome {
  std::vector<EpochMeasures> epochs;
  std::size_t kept_epoch = 0;  // whose weights the model ends with
  double training_seconds = 0;
};

// The processor time this process has used, in seconds: what training costs one core, whatever else
// the machine runs (the wall-clock time counts the time other programs had the core).
inline double processor_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// One fit, as a Keras user writes it: Adam with the learning rate of `settings`, batches of
// batch_size, the validation split measured after each epoch, training stopped once the validation
// loss has not improved for `patience` epochs (with reduce_patience, the learning rate halved after
// that many epochs without improvement), the last epoch's weights kept or with restore_best the best's. After each
// epoch the test split is measured too and a Keras-like line printed with the loss and accuracy of
// the three splits (the training figures are fit's, over the epoch's batches, as Keras reports them).
// The training time is the processor time of fit, the validation included, less the test measure and
// the printing, which only report.
inline Outcome train(Model& model, const tinymlp::SplitDataset& data, const JobSettings& settings) {
  model.initialize(settings.seed);
  tinymlp::AdamSettings adam;
  adam.learning_rate = settings.learning_rate;
  tinymlp::Adam<Model> optimizer(adam);
  tinymlp::FitOptions options;
  options.epochs = settings.epochs;
  options.batch_size = settings.batch_size;
  options.seed = settings.seed;
  options.validation = &data.validation;
  options.metrics = {tinymlp::Metric::accuracy};
  options.label_smoothing = settings.label_smoothing;
  options.early_stopping.enabled = true;
  options.early_stopping.patience = settings.patience;
  options.early_stopping.min_delta = settings.min_delta;
  options.early_stopping.restore_best = settings.restore_best;
  options.reduce_learning_rate.enabled = settings.reduce_patience > 0;
  options.reduce_learning_rate.patience = settings.reduce_patience;
  options.reduce_learning_rate.factor = 0.5f;
  options.progress = tinymlp::Progress::silent;
  Outcome outcome;
  double reporting_seconds = 0, epoch_started = processor_seconds();
  options.on_epoch_end = [&](std::size_t epoch, const tinymlp::EpochRecord& record) {
    const double reporting_started = processor_seconds();
    EpochMeasures measures{Measure{record.loss, record.metrics[0]}, Measure{record.val_loss, record.val_metrics[0]},
                           measure(model, data.test, settings.label_smoothing), reporting_started - epoch_started};
    outcome.epochs.push_back(measures);
    if (!settings.quiet)
      std::printf(
          "Epoch %zu/%zu - %.2f ms - loss: %.4f - accuracy: %.4f - val_loss: %.4f - val_accuracy: %.4f"
          " - test_loss: %.4f - test_accuracy: %.4f\n",
          epoch + 1, settings.epochs, measures.seconds * 1e3, measures.train.loss, measures.train.accuracy,
          measures.validation.loss, measures.validation.accuracy, measures.test.loss, measures.test.accuracy);
    epoch_started = processor_seconds();
    reporting_seconds += epoch_started - reporting_started;
  };
  const double started = processor_seconds();
  const tinymlp::History history =
      tinymlp::fit<tinymlp::CategoricalCrossEntropy>(model, optimizer, data.train, options);
  outcome.training_seconds = processor_seconds() - started - reporting_seconds;
  outcome.kept_epoch = settings.restore_best ? history.best_epoch : history.epochs.size() - 1;
  if (!settings.quiet && history.stopped_early)
    std::printf("Early stopping after epoch %zu: best epoch was %zu\n", history.epochs.size(), history.best_epoch + 1);
  return outcome;
}

// The model's weights for raw pixels (0-16) rather than scaled ones: the first layer's kernel
// divided by 16, so that the sketch and the .tflite take the data as the CSV holds it.
inline Logits for_raw_pixels(const Model& model) {
  Logits logits;
  std::copy(model.parameters, model.parameters + Model::parameter_count, logits.parameters);
  for (std::size_t k = 0; k < pixels * hidden; ++k) logits.parameters[k] /= brightest;
  return logits;
}

inline Model with_softmax(const Logits& logits) {
  Model model;
  std::copy(logits.parameters, logits.parameters + Logits::parameter_count, model.parameters);
  return model;
}

// The int8 model: its inputs (the raw pixels quantized as the model's input) and outputs, one row
// of `classes` per sample.
struct Int8Run {
  std::vector<std::int8_t> inputs, outputs;
  std::vector<std::size_t> predicted;
  float accuracy = 0;
};

inline Int8Run run_int8(const tinymlp::ModelDescription& quantized, const tinymlp::Dataset& raw) {
  const auto host = tinymlp::host_int8_model<Logits>(quantized);
  const auto model = host.model();
  const tinymlp::Quantization& input = quantized.layers.front().int8()->input;
  Int8Run run;
  std::size_t right = 0;
  for (std::size_t s = 0; s < raw.size(); ++s) {
    std::int8_t x[pixels], y[classes];
    for (std::size_t p = 0; p < pixels; ++p) x[p] = tinymlp::quantize_value(raw.input(s)[p], input);
    model.predict(x, y);
    run.inputs.insert(run.inputs.end(), x, x + pixels);
    run.outputs.insert(run.outputs.end(), y, y + classes);
    run.predicted.push_back(argmax(y));
    right += run.predicted.back() == raw.class_of(s);
  }
  run.accuracy = static_cast<float>(right) / static_cast<float>(raw.size());
  return run;
}

// What DigitsOnUno prints for the digit with index `sample`: "index label predicted" and the ten
// int8 outputs.
inline std::string board_line(std::size_t sample, std::size_t label, const Int8Run& run, std::size_t row) {
  std::string line = std::to_string(sample) + ' ' + std::to_string(label) + ' ' + std::to_string(run.predicted[row]);
  for (std::size_t c = 0; c < classes; ++c) line += ' ' + std::to_string(run.outputs[row * classes + c]);
  return line + '\n';
}

// test_digits.hpp for DigitsOnUno: `count` test digits in flash, each its label and then its 64
// int8 inputs.
inline std::string test_digits_header(const Int8Run& run, const tinymlp::Dataset& raw, std::size_t count,
                                      const std::string& source) {
  std::string text = "// test_digits: " + std::to_string(count) + " digits of " + source +
                     " for DigitsOnUno, generated by examples/digits_reference. Do not edit.\n"
                     "// Each row is a digit's label, then its 8x8 pixels as the int8 model's inputs (row by row).\n"
                     "#ifndef TEST_DIGITS_HPP_\n#define TEST_DIGITS_HPP_\n\n#include <tinymlp.hpp>\n\n"
                     "const int test_digit_count = " +
                     std::to_string(count) + ";\nconst int8_t test_digits[" + std::to_string(count) + "][" +
                     std::to_string(pixels + 1) + "] TINYMLP_PROGMEM = {\n";
  for (std::size_t s = 0; s < count; ++s) {
    text += "    {" + std::to_string(raw.class_of(s));
    for (std::size_t p = 0; p < pixels; ++p) text += ", " + std::to_string(run.inputs[s * pixels + p]);
    text += "},\n";
  }
  return text + "};\n\n#endif  // TEST_DIGITS_HPP_\n";
}

}  // namespace digits

#endif

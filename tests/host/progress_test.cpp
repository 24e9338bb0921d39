// What fit() shows while it trains: one plain line per epoch, a bar redrawn with '\r', or nothing;
// automatic picks lines when the output is no terminal.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using tinymlp::Dataset;
using tinymlp::History;
using tinymlp::Progress;

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 4, 1> Model;

// A tmpfile() that closes itself; what was written is read back with text().
class CapturedOutput {
 public:
  CapturedOutput() : file_(std::tmpfile()) { REQUIRE(file_); }
  ~CapturedOutput() { std::fclose(file_); }
  CapturedOutput(const CapturedOutput&) = delete;
  CapturedOutput& operator=(const CapturedOutput&) = delete;
  std::FILE* file() const { return file_; }
  std::string text() const { return host_tests::contents_of(file_); }

 private:
  std::FILE* file_;
};

struct ProgressRun {
  History history;
  std::string output;
};

// Five epochs of 100 samples in batches of 10, with or without validation data.
ProgressRun fit_showing(Progress progress, bool with_validation) {
  const Dataset train =
      host_tests::make_dataset(100, 1, 1, -1.0f, 1.0f, 1, [](const float* x, float* t) { t[0] = x[0]; });
  const Dataset validation = train.slice(0, 20);
  Model model;
  model.initialize(1);
  tinymlp::Sgd<Model> optimizer;
  CapturedOutput output;
  tinymlp::FitOptions options;
  options.epochs = 5;
  options.batch_size = 10;
  options.progress = progress;
  options.progress_output = output.file();
  if (with_validation) options.validation = &validation;
  ProgressRun run;
  run.history = tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, train, options);
  run.output = output.text();
  return run;
}

std::string printf_string(const char* format, double a, double b) {
  char text[200];
  std::snprintf(text, sizeof text, format, a, b);
  return text;
}

// The line of `epoch` (0-based) as lines mode prints it, the seconds written as "<s>".
std::string expected_line(const History& history, std::size_t epoch) {
  const tinymlp::EpochRecord& record = history.epochs[epoch];
  std::string line = "Epoch " + std::to_string(epoch + 1) + "/" + std::to_string(history.epochs.size()) + " - <s>";
  line += printf_string(" - loss: %.4f - mae: %.4f", record.loss, record.metrics[0]);
  if (history.has_validation)
    line += printf_string(" - val_loss: %.4f - val_mae: %.4f", record.val_loss, record.val_metrics[0]);
  return line;
}

// Output lines with the epoch's time and time per step ("0.004s - 12us/step") written as "<s>", so
// they compare exactly.
std::vector<std::string> lines_without_times(const std::string& output) {
  const std::string timeless =
      std::regex_replace(output, std::regex(" - [0-9]+\\.[0-9]{3}s - [0-9]+(s|ms|us)/step"), " - <s>");
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = timeless.find('\n'); end != std::string::npos; end = timeless.find('\n', start)) {
    lines.push_back(timeless.substr(start, end - start));
    start = end + 1;
  }
  CHECK(start == timeless.size());  // the output ends with a complete line
  return lines;
}

void check_one_line_per_epoch(const ProgressRun& run) {
  const std::vector<std::string> lines = lines_without_times(run.output);
  REQUIRE(lines.size() == run.history.epochs.size());
  for (std::size_t epoch = 0; epoch < lines.size(); ++epoch) CHECK(lines[epoch] == expected_line(run.history, epoch));
}

TEST_CASE("Progress::lines: one line per epoch with time, loss, mae, val_loss and val_mae") {
  const ProgressRun run = fit_showing(Progress::lines, true);
  check_one_line_per_epoch(run);
  CHECK(run.output.find("Epoch 3/5 - ") != std::string::npos);
  CHECK(run.output.find('\r') == std::string::npos);
}

TEST_CASE("Progress::lines without validation data leaves the validation columns out") {
  const ProgressRun run = fit_showing(Progress::lines, false);
  check_one_line_per_epoch(run);
  CHECK(run.output.find("val_") == std::string::npos);
}

TEST_CASE("Progress::automatic on a file that is no terminal prints lines") {
  check_one_line_per_epoch(fit_showing(Progress::automatic, true));
}

TEST_CASE("Progress::silent prints nothing") { CHECK(fit_showing(Progress::silent, true).output.empty()); }

TEST_CASE("Progress::bar redraws a full bar after a carriage return at the end of each epoch, then the epoch's line") {
  const ProgressRun run = fit_showing(Progress::bar, true);
  const std::vector<std::string> lines = lines_without_times(run.output);
  REQUIRE(lines.size() == 5);
  const std::string full_bar = " 10/10 [" + std::string(30, '=') + "]";
  for (std::size_t epoch = 0; epoch < lines.size(); ++epoch) {
    CAPTURE(lines[epoch]);
    const std::string label = "Epoch " + std::to_string(epoch + 1) + "/5";
    // The last step's redraw, then the epoch's summary drawn over it.
    CHECK(lines[epoch].find('\r') == 0);
    CHECK(lines[epoch].find("\r" + label + full_bar + " - loss: ") != std::string::npos);
    std::string summary = expected_line(run.history, epoch);
    summary.insert(label.size(), full_bar);
    CHECK(lines[epoch].substr(lines[epoch].rfind('\r')) == "\r" + summary);
  }
}

TEST_CASE("Progress::bar mid-epoch: done/steps, '=' for the part done, '>' and dots for the rest") {
  CapturedOutput output;
  tinymlp::ProgressDisplay display(Progress::bar, output.file(), 2, 10);
  display.begin_epoch(0);
  std::this_thread::sleep_for(std::chrono::milliseconds(110));  // the bar is redrawn at most every 100 ms
  display.step(3, 0.5f);
  // The time left: the 7 steps to go at the mean time of the 3 done (about 0.26 s).
  const std::string text = output.text();
  CHECK(std::regex_match(text, std::regex("\rEpoch 1/2 3/10 \\[=========>\\.{20}\\] - ETA: [0-9]+s - loss: 0\\.5000")));
}

TEST_CASE("Keras's time per step and ETA formats") {
  CHECK(tinymlp::ProgressDisplay::step_time_text(2.4) == "2s/step");
  CHECK(tinymlp::ProgressDisplay::step_time_text(0.0123) == "12ms/step");
  CHECK(tinymlp::ProgressDisplay::step_time_text(0.0000456) == "46us/step");
  CHECK(tinymlp::ProgressDisplay::eta_text(7.9) == "7s");
  CHECK(tinymlp::ProgressDisplay::eta_text(65) == "1:05");
  CHECK(tinymlp::ProgressDisplay::eta_text(3725) == "1:02:05");
}

TEST_CASE("early stopping says where it stopped, except when silent") {
  const Dataset train =
      host_tests::make_dataset(50, 1, 1, -1.0f, 1.0f, 2, [](const float* x, float* t) { t[0] = x[0]; });
  const Dataset unrelated =
      host_tests::make_dataset(50, 1, 1, -1.0f, 1.0f, 3, [](const float*, float* t) { t[0] = 5; });
  for (Progress progress : {Progress::lines, Progress::silent}) {
    Model model;
    model.initialize(2);
    tinymlp::Sgd<Model> optimizer(0.0f);  // no step ever improves the validation loss
    CapturedOutput output;
    tinymlp::FitOptions options;
    options.epochs = 10;
    options.validation = &unrelated;
    options.early_stopping.enabled = true;
    options.early_stopping.patience = 2;
    options.progress = progress;
    options.progress_output = output.file();
    tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, train, options);
    const std::string expected = progress == Progress::silent ? "" : "Early stopping after epoch 3: best epoch was 1\n";
    const std::string text = output.text();
    CHECK(text.substr(text.size() - std::min(text.size(), expected.size())) == expected);
    CHECK((progress == Progress::silent) == text.empty());
  }
}

}  // namespace

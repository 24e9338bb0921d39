// Host speed of the reference model, Mlp<ReLU, 1, 16, 16, 1>, on the reference job's data:
// inference per sample (one call per sample, and one batch call) and training throughput (one
// train_on_batch step of 16 samples, and one fit() epoch of 3000 samples with validation on 1000).
// After Google Benchmark's table comes a summary against the targets, ending in key=value lines
// that bench/reference_job.sh reads.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "tinymlp/host.hpp"

namespace {

using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;
constexpr std::size_t batch_size = 16;
constexpr double inference_target_ns = 50.0;
constexpr std::size_t reference_epochs = 500;

// The reference job's data: 5000 samples of x uniform in [0, 15), y = sin(x) sqrt(x) + 0.5 N(0, 1),
// split 60/20/20 in generation order. Built once, outside every timed loop.
const tinymlp::SplitDataset& reference_data() {
  static const tinymlp::SplitDataset data = [] {
    tinymlp::Random random(1u);
    tinymlp::Dataset samples;
    samples.features = samples.targets = 1;
    for (int count = 0; count < 5000; ++count) {
      const float x = random.uniform(0.0f, 15.0f);
      samples.inputs.push_back(x);
      samples.outputs.push_back(std::sin(x) * std::sqrt(x) + 0.5f * random.normal());
    }
    return tinymlp::split(samples, 0.6, 0.2);
  }();
  return data;
}

Model initialized_model() {
  Model model;
  model.initialize(1u);
  return model;
}

// What a device loop does: one model.predict(x) per sample, here over the 1000 test inputs.
void predict_one_at_a_time(benchmark::State& state) {
  const Model model = initialized_model();
  const std::vector<float>& inputs = reference_data().test.inputs;
  for ([[maybe_unused]] auto _ : state)
    for (float x : inputs) benchmark::DoNotOptimize(model.predict(x));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * inputs.size()));
}
BENCHMARK(predict_one_at_a_time)->UseRealTime();

// The host API over the same 1000 inputs in one call, output vector included.
void predict_batch(benchmark::State& state) {
  const Model model = initialized_model();
  const std::vector<float>& inputs = reference_data().test.inputs;
  for ([[maybe_unused]] auto _ : state) benchmark::DoNotOptimize(tinymlp::predict(model, inputs));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * inputs.size()));
}
BENCHMARK(predict_batch)->UseRealTime();

// One RMSprop step on 16 samples, cycling through the training split's consecutive batches.
void train_on_batch_of_16(benchmark::State& state) {
  static_assert(Model::input_size == 1 && Model::output_size == 1,
                "consecutive samples of a one-input, one-output dataset are already a feature-major batch");
  const tinymlp::Dataset& train = reference_data().train;
  const std::size_t batch_count = train.size() / batch_size;
  if (batch_count == 0) {
    state.SkipWithError("the training split holds less than one batch");
    return;
  }
  Model model = initialized_model();
  tinymlp::Rmsprop<Model> optimizer;
  tinymlp::TrainingWorkspace<Model, batch_size> workspace;
  const tinymlp::TrainingBuffers<Model> buffers = workspace.buffers();
  std::size_t batch = 0;
  for ([[maybe_unused]] auto _ : state) {
    const std::size_t first = batch * batch_size;
    benchmark::DoNotOptimize(tinymlp::train_on_batch<tinymlp::MeanSquaredError>(
        model, optimizer, train.input(first), train.output(first), batch_size, buffers));
    batch = (batch + 1) % batch_count;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * batch_size));
}
BENCHMARK(train_on_batch_of_16)->UseRealTime();

// One epoch of the tutorial's fit(): shuffled batches of 16 over 3000 samples, then validation on
// 1000. The model keeps training from one iteration to the next, as over the job's 500 epochs.
void fit_one_epoch(benchmark::State& state) {
  const tinymlp::SplitDataset& data = reference_data();
  Model model = initialized_model();
  tinymlp::Rmsprop<Model> optimizer;
  tinymlp::FitOptions options;
  options.batch_size = batch_size;
  options.validation = &data.validation;
  options.progress = tinymlp::Progress::silent;
  for ([[maybe_unused]] auto _ : state)
    benchmark::DoNotOptimize(tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data.train, options));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * data.train.size()));
}
BENCHMARK(fit_one_epoch)->UseRealTime();

// Shows the usual table and keeps each benchmark's samples per second (the median when repeated)
// for the summary.
class RecordingReporter : public benchmark::ConsoleReporter {
 public:
  RecordingReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_Defaults : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const bool is_measurement = run.run_type == Run::RT_Iteration || run.aggregate_name == "median";
      if (!run.error_occurred && is_measurement)
        samples_per_second_[run.run_name.function_name] = run.counters.at("items_per_second");
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Zero when the benchmark did not run (left out by --benchmark_filter).
  double samples_per_second(const std::string& benchmark_name) const {
    const auto found = samples_per_second_.find(benchmark_name);
    return found == samples_per_second_.end() ? 0.0 : found->second;
  }

 private:
  std::map<std::string, double> samples_per_second_;
};

struct Figure {
  const char* benchmark_name;
  const char* description;
  const char* key;    // of the key=value line
  bool is_inference;  // shown in ns per sample against the target, else in samples per second
};

const Figure figures[] = {
    {"predict_one_at_a_time", "inference, model.predict(x) per sample", "predict_one_ns_per_sample", true},
    {"predict_batch", "inference, tinymlp::predict over 1000", "predict_batch_ns_per_sample", true},
    {"train_on_batch_of_16", "training, train_on_batch of 16 (RMSprop, MSE)", "train_on_batch_samples_per_second",
     false},
    {"fit_one_epoch", "training, fit epoch (3000 + 1000 validation)", "fit_epoch_samples_per_second", false},
};

void print_summary(const RecordingReporter& reporter) {
  std::printf("\n== Mlp<ReLU, 1, 16, 16, 1> on the host, against the targets\n");
  for (const Figure& figure : figures) {
    const double rate = reporter.samples_per_second(figure.benchmark_name);
    if (rate <= 0) continue;
    if (figure.is_inference) {
      const double nanoseconds = 1e9 / rate;
      std::printf("%-48s %9.1f ns/sample  (target < %.0f ns: %s)\n", figure.description, nanoseconds,
                  inference_target_ns, nanoseconds < inference_target_ns ? "met" : "MISSED");
    } else {
      std::printf("%-48s %9.2f M samples/s\n", figure.description, rate / 1e6);
    }
  }
  const double fit_rate = reporter.samples_per_second("fit_one_epoch");
  if (fit_rate > 0) {
    const double epoch_seconds = static_cast<double>(reference_data().train.size()) / fit_rate;
    std::printf("%-48s %9.3f ms/epoch, so %zu epochs take about %.2f s\n", "", epoch_seconds * 1e3, reference_epochs,
                epoch_seconds * reference_epochs);
  }
  std::printf("\n");
  for (const Figure& figure : figures) {
    const double rate = reporter.samples_per_second(figure.benchmark_name);
    if (rate > 0) std::printf("%s=%.6g\n", figure.key, figure.is_inference ? 1e9 / rate : rate);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RecordingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_summary(reporter);
  return 0;
}

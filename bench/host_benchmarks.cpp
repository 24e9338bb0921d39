// Host speed of tinymlp on four shapes: the reference model 1-16-16-1, the wider 1-64-64-1 and
// 1-256-256-1, and 714-50-15-4 (the shape of Arduino's gesture classifier), all ReLU MLPs. For each:
// inference one sample per call (as a device loop does) and in one batch call, and one
// train_on_batch step (RMSprop, MSE) of 16 and of 64 samples; for the reference model also one
// epoch of the tutorial's fit(), and Eigen's fixed-size matrices on one sample where Eigen is
// installed (the figure to beat); and a 256x256 layer's training passes alone, at 16 and 64
// samples. Times are CPU time (the machine may be shared); Google Benchmark shows wall time beside
// it. After its table comes a summary against the targets, with the achieved GFLOP/s and their
// fraction of the core's FMA peak, ending in key=value lines that bench/reference_job.sh reads.
// `--benchmark_out=run.json` keeps the results for bench/compare_runs.py to hold a later run against.
#include <benchmark/benchmark.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "tinymlp/host.hpp"

#if __has_include(<Eigen/Dense>)
#include <Eigen/Dense>
#define TINYMLP_BENCH_HAS_EIGEN 1
#else
#define TINYMLP_BENCH_HAS_EIGEN 0
#endif

namespace {

constexpr std::size_t reference_epochs = 500;
constexpr std::size_t sample_count = 1024;  // per shape, for inference and the training steps
constexpr double single_predict_target_ns = 20.0;
constexpr double batch_predict_target_ns = 8.0;
constexpr double wide_peak_fraction_target = 0.6;

// Floating-point operations (a multiply-add counts two) per sample of a ReLU MLP with these widths:
// a forward pass, and a training step's forward pass, weight gradients and input gradients (none
// for the first layer, whose input gradient is never needed).
struct Widths {
  std::vector<std::size_t> values;
  std::string name() const {
    std::string text;
    for (std::size_t width : values) text += (text.empty() ? "" : "-") + std::to_string(width);
    return text;
  }
  double forward_flops() const {
    double flops = 0;
    for (std::size_t k = 1; k < values.size(); ++k) flops += 2.0 * static_cast<double>(values[k - 1] * values[k]);
    return flops;
  }
  double training_flops() const {
    const double first_layer = 2.0 * static_cast<double>(values[0] * values[1]);
    return 3.0 * forward_flops() - first_layer;
  }
};

template <std::size_t... Sizes>
struct Shape {
  using Model = tinymlp::Mlp<tinymlp::ReLU, Sizes...>;
  static Widths widths() { return Widths{{Sizes...}}; }
};

// Inputs uniform in [-1, 1) and targets in [0, 1), feature-major where a step reads them (a batch of
// one input and one output is the same either way).
struct Samples {
  std::vector<float> inputs, targets;
};
template <class Model>
const Samples& samples_for() {
  static const Samples samples = [] {
    Samples made;
    tinymlp::Random random(7u);
    for (std::size_t k = 0; k < sample_count * Model::input_size; ++k) made.inputs.push_back(random.uniform(-1, 1));
    for (std::size_t k = 0; k < sample_count * Model::output_size; ++k) made.targets.push_back(random.uniform(0, 1));
    return made;
  }();
  return samples;
}

template <class Model>
Model initialized_model() {
  Model model;
  model.initialize(1u);
  return model;
}

void count(benchmark::State& state, std::size_t samples_per_iteration, double flops_per_sample) {
  const double samples = static_cast<double>(state.iterations()) * static_cast<double>(samples_per_iteration);
  state.SetItemsProcessed(static_cast<std::int64_t>(samples));
  state.counters["GFLOPS"] = benchmark::Counter(samples * flops_per_sample / 1e9, benchmark::Counter::kIsRate);
}

// One model.predict(x, y) per sample, over the shape's samples.
template <class Shape>
void predict_one(benchmark::State& state) {
  using Model = typename Shape::Model;
  const Model model = initialized_model<Model>();
  const std::vector<float>& inputs = samples_for<Model>().inputs;
  float y[Model::output_size];
  for ([[maybe_unused]] auto _ : state)
    for (std::size_t s = 0; s < sample_count; ++s) {
      model.predict(inputs.data() + s * Model::input_size, y);
      benchmark::DoNotOptimize(y);
    }
  count(state, sample_count, Shape::widths().forward_flops());
}

// The host API over the same samples in one call, output vector included.
template <class Shape>
void predict_batch(benchmark::State& state) {
  using Model = typename Shape::Model;
  const Model model = initialized_model<Model>();
  const std::vector<float>& inputs = samples_for<Model>().inputs;
  for ([[maybe_unused]] auto _ : state) benchmark::DoNotOptimize(tinymlp::predict(model, inputs));
  count(state, sample_count, Shape::widths().forward_flops());
}

// One RMSprop step (MSE) on Batch samples, cycling through the shape's consecutive batches.
template <class Shape, std::size_t Batch>
void train_step(benchmark::State& state) {
  using Model = typename Shape::Model;
  const Samples& samples = samples_for<Model>();
  static Model model;  // static: the 256-wide models' arrays are too big for the stack
  model = initialized_model<Model>();
  static tinymlp::Rmsprop<Model> optimizer;
  optimizer = tinymlp::Rmsprop<Model>();
  static tinymlp::TrainingWorkspace<Model, Batch> workspace;
  const tinymlp::TrainingBuffers<Model> buffers = workspace.buffers();
  // Feature-major copies of every batch, made once.
  std::vector<float> x(sample_count * Model::input_size), t(sample_count * Model::output_size);
  const std::size_t batch_count = sample_count / Batch;
  for (std::size_t b = 0; b < batch_count; ++b)
    for (std::size_t s = 0; s < Batch; ++s) {
      const std::size_t sample = b * Batch + s;
      for (std::size_t f = 0; f < Model::input_size; ++f)
        x[b * Batch * Model::input_size + f * Batch + s] = samples.inputs[sample * Model::input_size + f];
      for (std::size_t f = 0; f < Model::output_size; ++f)
        t[b * Batch * Model::output_size + f * Batch + s] = samples.targets[sample * Model::output_size + f];
    }
  std::size_t batch = 0;
  for ([[maybe_unused]] auto _ : state) {
    benchmark::DoNotOptimize(tinymlp::train_on_batch<tinymlp::MeanSquaredError>(
        model, optimizer, x.data() + batch * Batch * Model::input_size, t.data() + batch * Batch * Model::output_size,
        Batch, buffers));
    batch = (batch + 1) % batch_count;
  }
  count(state, Batch, Shape::widths().training_flops());
}

// The passes a training step makes through a 256x256 Dense layer between two ReLUs (the middle
// layer of 1-256-256-1), alone: forward keeping the ReLU's output, then the input gradient through
// the ReLU before it and the weight and bias gradients, on Batch samples. Without the optimizer's
// step and the rest of the model, this is the figure of the 256-wide layers against the FMA peak.
template <std::size_t Batch>
void wide_layer_passes(benchmark::State& state) {
  constexpr std::size_t width = 256;
  using Layer = tinymlp::Dense<width, width>;
  std::vector<float> parameters(Layer::parameter_count), gradients(Layer::parameter_count);
  std::vector<float> x(width * Batch), outputs(2 * width * Batch), dy(width * Batch), dx(width * Batch);
  tinymlp::Random random(3u);
  for (float& weight : parameters) weight = random.uniform(-0.1f, 0.1f);
  for (float& input : x) input = std::max(0.0f, random.uniform(-1, 1));  // a ReLU's output: a half zero
  for (float& gradient : dy) gradient = random.uniform(-0.01f, 0.01f);
  for ([[maybe_unused]] auto _ : state) {
    Layer::forward_batch_keeping_relu<tinymlp::RamReader>(parameters.data(), x.data(), outputs.data(), Batch, Batch);
    Layer::backward_through_relu(parameters.data(), x.data(), dy.data(), dx.data(), gradients.data(), Batch, Batch);
    benchmark::DoNotOptimize(outputs.data());
    benchmark::DoNotOptimize(dx.data());
    benchmark::ClobberMemory();
  }
  count(state, Batch, 3 * Widths{{width, width}}.forward_flops());
}

// The reference job's data: 5000 samples of x uniform in [0, 15), y = sin(x) sqrt(x) + 0.5 N(0, 1),
// split 60/20/20 in generation order.
const tinymlp::SplitDataset& reference_data() {
  static const tinymlp::SplitDataset data = [] {
    tinymlp::Random random(1u);
    tinymlp::Dataset made;
    made.features = made.targets = 1;
    for (int k = 0; k < 5000; ++k) {
      const float x = random.uniform(0.0f, 15.0f);
      made.inputs.push_back(x);
      made.outputs.push_back(std::sin(x) * std::sqrt(x) + 0.5f * random.normal());
    }
    return tinymlp::split(made, 0.6, 0.2);
  }();
  return data;
}

// One epoch of the tutorial's fit(): shuffled batches of 16 over 3000 samples, then validation on
// 1000. The model keeps training from one iteration to the next, as over the job's 500 epochs.
void fit_epoch(benchmark::State& state) {
  using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;
  const tinymlp::SplitDataset& data = reference_data();
  Model model = initialized_model<Model>();
  tinymlp::Rmsprop<Model> optimizer;
  tinymlp::FitOptions options;
  options.batch_size = 16;
  options.validation = &data.validation;
  options.progress = tinymlp::Progress::silent;
  for ([[maybe_unused]] auto _ : state)
    benchmark::DoNotOptimize(tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data.train, options));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * data.train.size()));
}

#if TINYMLP_BENCH_HAS_EIGEN
// The same 1-16-16-1 model in Eigen's fixed-size matrices, one sample per call. Its 16x16 weights are
// copied, before the timing, into Eigen's default order (by column, Order 0: a column times each input,
// no horizontal sums) or into the order tinymlp and TFLite store them in (Eigen::RowMajor).
template <int Order>
void eigen_predict_one(benchmark::State& state) {
  using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;
  const Model model = initialized_model<Model>();
  const float* p = model.parameters;
  const Eigen::Matrix<float, 16, 1> w1 = Eigen::Map<const Eigen::Matrix<float, 16, 1>>(p);
  const Eigen::Matrix<float, 16, 1> b1 = Eigen::Map<const Eigen::Matrix<float, 16, 1>>(p + 16);
  const Eigen::Matrix<float, 16, 16, Order> w2 =
      Eigen::Map<const Eigen::Matrix<float, 16, 16, Eigen::RowMajor>>(p + 32);  // stored [out][in]
  const Eigen::Matrix<float, 16, 1> b2 = Eigen::Map<const Eigen::Matrix<float, 16, 1>>(p + 288);
  const Eigen::Matrix<float, 1, 16> w3 = Eigen::Map<const Eigen::Matrix<float, 1, 16>>(p + 304);
  const float b3 = p[320];
  const std::vector<float>& inputs = samples_for<Model>().inputs;
  for ([[maybe_unused]] auto _ : state)
    for (std::size_t s = 0; s < sample_count; ++s) {
      const Eigen::Matrix<float, 16, 1> h1 = (w1 * inputs[s] + b1).cwiseMax(0.0f);
      const Eigen::Matrix<float, 16, 1> h2 = (w2 * h1 + b2).cwiseMax(0.0f);
      float y = w3.dot(h2.transpose()) + b3;
      benchmark::DoNotOptimize(y);
    }
  count(state, sample_count, Widths{{1, 16, 16, 1}}.forward_flops());
}
#endif

// Each shape's four benchmarks, named <benchmark>/<widths> (the names the summary looks up).
#define TINYMLP_BENCH_SHAPE(...)                                                                                       \
  BENCHMARK_TEMPLATE(predict_one, Shape<__VA_ARGS__>)->Name("predict_one/" + Shape<__VA_ARGS__>::widths().name());     \
  BENCHMARK_TEMPLATE(predict_batch, Shape<__VA_ARGS__>)->Name("predict_batch/" + Shape<__VA_ARGS__>::widths().name()); \
  BENCHMARK_TEMPLATE(train_step, Shape<__VA_ARGS__>, 16)                                                               \
      ->Name("train_step_16/" + Shape<__VA_ARGS__>::widths().name());                                                  \
  BENCHMARK_TEMPLATE(train_step, Shape<__VA_ARGS__>, 64)->Name("train_step_64/" + Shape<__VA_ARGS__>::widths().name())
TINYMLP_BENCH_SHAPE(1, 16, 16, 1);
TINYMLP_BENCH_SHAPE(1, 64, 64, 1);
TINYMLP_BENCH_SHAPE(1, 256, 256, 1);
TINYMLP_BENCH_SHAPE(714, 50, 15, 4);
BENCHMARK_TEMPLATE(wide_layer_passes, 16)->Name("wide_layer_passes_16/256x256");
BENCHMARK_TEMPLATE(wide_layer_passes, 64)->Name("wide_layer_passes_64/256x256");
#if TINYMLP_BENCH_HAS_EIGEN
BENCHMARK_TEMPLATE(eigen_predict_one, 0)->Name("eigen_predict_one/1-16-16-1");
BENCHMARK_TEMPLATE(eigen_predict_one, Eigen::RowMajor)->Name("eigen_row_major_predict_one/1-16-16-1");
#endif
BENCHMARK(fit_epoch)->Name("fit_epoch/1-16-16-1");

const std::vector<Widths> shapes = {Shape<1, 16, 16, 1>::widths(), Shape<1, 64, 64, 1>::widths(),
                                    Shape<1, 256, 256, 1>::widths(), Shape<714, 50, 15, 4>::widths()};

// This process's CPU time in seconds.
[[maybe_unused]] double cpu_seconds() {  // (unused where neither figure is measured)
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// The core's clock while this process runs, from a chain of dependent integer adds (one cycle each
// on every x86-64 core) timed in CPU time; 0 elsewhere.
double measured_clock_hz() {
#if defined(__x86_64__)
  double best = 0;
  for (int attempt = 0; attempt < 5; ++attempt) {  // the fastest: others' load only slows it
    unsigned long value = 0, rounds = 20000000;
    const unsigned long adds = rounds * 10;
    const double started = cpu_seconds();
    __asm__ volatile(
        "1:\n\t"
        "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
        "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
        "dec %1\n\tjnz 1b"
        : "+r"(value), "+r"(rounds));
    const double hz = static_cast<double>(adds) / (cpu_seconds() - started);
    if (hz > best) best = hz;
  }
  return best;
#else
  return 0;
#endif
}

// The widest vector of the library's kernels on this build: a pair of blocks where they pair up (AVX-512).
using KernelVector = tinymlp::detail::PassVector<2>::type;
constexpr std::size_t kernel_lanes = sizeof(KernelVector) / sizeof(float);

// The core's FMA throughput on the kernels' widest vectors, in FMAs a CPU second: twelve independent
// chains (more than FMA units x latency on any core measured, so the units never wait), the fastest of
// five attempts. Measured rather than assumed: a Zen 4 splits a 512-bit FMA in two, a Zen 5 does not.
// 0 without FMA.
double measured_fma_per_second() {
#if defined(__FMA__) && TINYMLP_BATCH_BLOCK == 8
  constexpr int chains = 12;
  constexpr long rounds = 10000000;
  double best = 0;
  for (int attempt = 0; attempt < 5; ++attempt) {
    KernelVector sums[chains];
    for (int k = 0; k < chains; ++k) sums[k] = static_cast<float>(k) - KernelVector{};  // distinct: no chain merges
    const KernelVector factor = 0.999f - KernelVector{}, term = 0.001f - KernelVector{};
    const double started = cpu_seconds();
    for (long round = 0; round < rounds; ++round)
      for (KernelVector& sum : sums) sum = tinymlp::detail::multiply_add(factor, sum, term);
    const double seconds = cpu_seconds() - started;
    float total = 0;
    for (const KernelVector& sum : sums) total += sum[0];
    benchmark::DoNotOptimize(total);
    const double per_second = static_cast<double>(rounds * chains) / seconds;
    if (per_second > best) best = per_second;
  }
  return best;
#else
  return 0;
#endif
}

// The core's single-precision FMA peak in flops per second: FMAs a second x lanes x 2 (a multiply and
// an add each), beside the clock it implies FMAs a cycle from.
struct Peak {
  double clock_hz, fma_per_second, lanes;
  double flops() const { return fma_per_second * lanes * 2; }
  double share_of(double gflops) const { return gflops * 1e9 / flops(); }
};
Peak core_peak() { return Peak{measured_clock_hz(), measured_fma_per_second(), static_cast<double>(kernel_lanes)}; }

// Shows the usual table and keeps each benchmark's samples per CPU second and GFLOP/s (the median
// when repeated) for the summary.
class RecordingReporter : public benchmark::ConsoleReporter {
 public:
  RecordingReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_Defaults : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const bool is_measurement = run.run_type == Run::RT_Iteration || run.aggregate_name == "median";
      if (run.error_occurred || !is_measurement) continue;
      const std::string name = run.run_name.function_name;
      rate_[name] = run.counters.at("items_per_second");
      const auto gflops = run.counters.find("GFLOPS");
      if (gflops != run.counters.end()) gflops_[name] = gflops->second;
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // Zero when the benchmark did not run (left out by --benchmark_filter).
  double samples_per_second(const std::string& name) const { return value(rate_, name); }
  double gflops(const std::string& name) const { return value(gflops_, name); }

 private:
  static double value(const std::map<std::string, double>& values, const std::string& name) {
    const auto found = values.find(name);
    return found == values.end() ? 0.0 : found->second;
  }
  std::map<std::string, double> rate_, gflops_;
};

void print_summary(const RecordingReporter& reporter, const Peak& peak) {
  std::printf("\n== tinymlp on the host (CPU time, one thread), against the targets\n");
  std::printf(
      "FMA peak: %.1f GFLOP/s (measured: %.3g independent %.0f-bit FMAs a second x %.0f lanes x 2; %.2f a cycle at"
      " %.2f GHz, the clock from dependent integer adds, one a cycle)\n",
      peak.flops() / 1e9, peak.fma_per_second, 32 * peak.lanes, peak.lanes,
      peak.clock_hz > 0 ? peak.fma_per_second / peak.clock_hz : 0.0, peak.clock_hz / 1e9);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) > 0)
    std::printf("load average %.1f %.1f %.1f on %ld cores\n", load[0], load[1], load[2], sysconf(_SC_NPROCESSORS_ONLN));
  const double eigen_ns = reporter.samples_per_second("eigen_predict_one/1-16-16-1") > 0
                              ? 1e9 / reporter.samples_per_second("eigen_predict_one/1-16-16-1")
                              : 0;
  std::printf("\n%-13s %-26s %12s %9s %7s  %s\n", "shape", "figure", "value", "GFLOP/s", "peak", "target");
  std::string keys;
  // One benchmark's row (<benchmark>/<name>) and its keys: its figure, GFLOP/s and share of the peak.
  const auto row = [&](const std::string& name, const std::string& benchmark, const std::string& figure,
                       bool per_sample, const std::string& target) {
    const double rate = reporter.samples_per_second(benchmark + "/" + name);
    if (rate <= 0) return;
    const double gflops = reporter.gflops(benchmark + "/" + name);
    const double fraction = peak.share_of(gflops);
    if (per_sample)
      std::printf("%-13s %-26s %9.1f ns %9.2f %6.0f%%  %s\n", name.c_str(), figure.c_str(), 1e9 / rate, gflops,
                  100 * fraction, target.c_str());
    else
      std::printf("%-13s %-26s %7.3g smp/s %9.2f %6.0f%%  %s\n", name.c_str(), figure.c_str(), rate, gflops,
                  100 * fraction, target.c_str());
    char line[160];
    std::snprintf(line, sizeof line, "%s.%s.samples_per_second=%.6g\n%s.%s.peak_fraction=%.4f\n", benchmark.c_str(),
                  name.c_str(), rate, benchmark.c_str(), name.c_str(), fraction);
    keys += line;
  };
  for (const Widths& shape : shapes) {
    const std::string name = shape.name();
    const auto verdict = [](double value, double bound) { return value > 0 && value <= bound ? "met" : "MISSED"; };
    const double one_ns = reporter.samples_per_second("predict_one/" + name) > 0
                              ? 1e9 / reporter.samples_per_second("predict_one/" + name)
                              : 0;
    const double batch_ns = reporter.samples_per_second("predict_batch/" + name) > 0
                                ? 1e9 / reporter.samples_per_second("predict_batch/" + name)
                                : 0;
    std::string one_target;
    if (name == "1-16-16-1") {
      char text[120];
      const double bound = eigen_ns > 0 ? eigen_ns : single_predict_target_ns;
      std::snprintf(text, sizeof text, "<= %s %.1f ns: %s", eigen_ns > 0 ? "Eigen's" : "", bound,
                    verdict(one_ns, bound));
      one_target = text;
    }
    row(name, "predict_one", "predict, one per call", true, one_target);
    std::string batch_target;
    if (name == "1-16-16-1") batch_target = std::string("< 8 ns: ") + verdict(batch_ns, batch_predict_target_ns);
    row(name, "predict_batch", "predict, one batch call", true, batch_target);
    for (const char* step : {"train_step_16", "train_step_64"})
      row(name, step, step == std::string("train_step_16") ? "training step, batch 16" : "training step, batch 64",
          false, ">= 50x PyTorch (bench/reference_job.sh)");
  }
  // The 256-wide layers against the peak: a 256x256 layer's training passes alone.
  for (const std::string batch : {"16", "64"}) {
    const std::string benchmark = "wide_layer_passes_" + batch;
    const double fraction = peak.share_of(reporter.gflops(benchmark + "/256x256"));
    row("256x256", benchmark, "its training passes, " + batch, false,
        std::string(">= 60% of peak: ") + (fraction >= wide_peak_fraction_target ? "met" : "MISSED"));
  }
  // Eigen's rows: its figure, its share of the peak and its key for reference_job.sh.
  const auto eigen_row = [&](const char* benchmark, const char* figure, const char* remark) {
    const double rate = reporter.samples_per_second(std::string(benchmark) + "/1-16-16-1");
    if (rate <= 0) return;
    const double gflops = reporter.gflops(std::string(benchmark) + "/1-16-16-1");
    std::printf("%-13s %-26s %9.1f ns %9.2f %6.0f%%%s\n", "1-16-16-1", figure, 1e9 / rate, gflops,
                100 * peak.share_of(gflops), remark);
    char line[80];
    std::snprintf(line, sizeof line, "%s.1-16-16-1.ns=%.4g\n", benchmark, 1e9 / rate);
    keys += line;
  };
  eigen_row("eigen_predict_one", "Eigen fixed-size, one", "");
  eigen_row("eigen_row_major_predict_one", "Eigen fixed-size, by row", "  (weights by row, as tinymlp's)");
  const double fit_rate = reporter.samples_per_second("fit_epoch/1-16-16-1");
  if (fit_rate > 0) {
    const double epoch_seconds = static_cast<double>(reference_data().train.size()) / fit_rate;
    std::printf("%-13s %-26s %9.3f ms, so %zu epochs take about %.3f s\n", "1-16-16-1", "fit epoch (3000 + 1000)",
                epoch_seconds * 1e3, reference_epochs, epoch_seconds * reference_epochs);
    char line[80];
    std::snprintf(line, sizeof line, "fit_epoch.1-16-16-1.seconds=%.6g\n", epoch_seconds);
    keys += line;
  }
  std::printf("\n%speak_gflops=%.4g\n", keys.c_str(), peak.flops() / 1e9);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const Peak peak = core_peak();
  RecordingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_summary(reporter, peak);
  return 0;
}

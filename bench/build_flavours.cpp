// What a user's build of tinymlp gets: the tutorial job (Mlp<ReLU, 1, 16, 16, 1>, RMSprop, MSE, batch
// 16, 3000 training and 1000 validation samples) and three of its parts, timed in CPU seconds,
// built by bench/build_flavours.sh with one compiler and set of flags at a time and nothing else
// (no CMake, no project options: `c++ <flags> -I include`). Ends in key=value lines for the script,
// and a hash of the trained weights: builds that contract multiply-adds the same way agree on it.
//
//   build_flavours [epochs]
#include <time.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "tinymlp/host.hpp"

namespace {

using Tutorial = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;
using Wide = tinymlp::Mlp<tinymlp::ReLU, 1, 256, 256, 1>;

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// The reference job's data, as bench/host_benchmarks.cpp builds it.
tinymlp::SplitDataset tutorial_data() {
  tinymlp::Random random(1u);
  tinymlp::Dataset samples;
  samples.features = samples.targets = 1;
  for (int count = 0; count < 5000; ++count) {
    const float x = random.uniform(0.0f, 15.0f);
    samples.inputs.push_back(x);
    samples.outputs.push_back(std::sin(x) * std::sqrt(x) + 0.5f * random.normal());
  }
  return tinymlp::split(samples, 0.6, 0.2);
}

std::uint32_t fnv1a(const float* values, std::size_t count) {
  std::uint32_t hash = 2166136261u;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(values);
  for (std::size_t k = 0; k < count * sizeof(float); ++k) hash = (hash ^ bytes[k]) * 16777619u;
  return hash;
}

// Repeats `work` until it has taken at least a tenth of a CPU second; returns CPU ns per call.
template <class Work>
double nanoseconds_per_call(Work work) {
  std::size_t calls = 0;
  const double started = cpu_seconds();
  double elapsed = 0;
  do {
    for (int k = 0; k < 100; ++k) work();
    calls += 100;
    elapsed = cpu_seconds() - started;
  } while (elapsed < 0.1);
  return elapsed * 1e9 / static_cast<double>(calls);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t epochs = argc > 1 ? static_cast<std::size_t>(std::strtoul(argv[1], nullptr, 10)) : 50;
  const tinymlp::SplitDataset data = tutorial_data();

  Tutorial model;
  model.initialize(1u);
  tinymlp::Rmsprop<Tutorial> optimizer;
  tinymlp::FitOptions options;
  options.epochs = epochs;
  options.batch_size = 16;
  options.seed = 1;
  options.validation = &data.validation;
  options.progress = tinymlp::Progress::silent;
  double started = cpu_seconds();
  tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data.train, options);
  const double job_seconds = cpu_seconds() - started;
  const std::uint32_t tutorial_hash = fnv1a(model.parameters, Tutorial::parameter_count);

  // The RMSprop step alone, over the tutorial model's 321 parameters.
  std::vector<float> gradients(Tutorial::parameter_count, 1e-3f);
  const double rmsprop_ns = nanoseconds_per_call([&] { optimizer.step(model.parameters, gradients.data()); });

  // One training step of 16 samples of the 1-256-256-1 model.
  static Wide wide;
  wide.initialize(1u);
  static tinymlp::Rmsprop<Wide> wide_optimizer;
  static tinymlp::TrainingWorkspace<Wide, 16> workspace;
  const tinymlp::TrainingBuffers buffers = workspace.buffers();
  const float* x = data.train.inputs.data();
  const float* t = data.train.outputs.data();
  for (std::size_t step = 0; step < 100; ++step)
    tinymlp::train_on_batch<tinymlp::MeanSquaredError>(wide, wide_optimizer, x + 16 * step, t + 16 * step, 16, buffers);
  const std::uint32_t wide_hash = fnv1a(wide.parameters, Wide::parameter_count);
  const double wide_step_ns = nanoseconds_per_call(
      [&] { tinymlp::train_on_batch<tinymlp::MeanSquaredError>(wide, wide_optimizer, x, t, 16, buffers); });

  // One Dense<256, 256> forward pass of 16 samples (the layer the AVX-512 store-forwarding stall hit).
  static float layer_in[256 * 16], layer_out[256 * 16];
  for (std::size_t k = 0; k < 256 * 16; ++k) layer_in[k] = static_cast<float>(k % 7) * 0.25f;
  const float* dense_parameters = wide.parameters + 2 * 256;  // after Dense<1, 256>'s weights and biases
  const double layer_ns = nanoseconds_per_call([&] {
    tinymlp::Dense<256, 256>::forward_batch<tinymlp::RamReader>(dense_parameters, layer_in, layer_out, 16, 16);
    __asm__ volatile("" : : "r"(layer_out) : "memory");
  });

  std::printf("tutorial_seconds=%.4f\nrmsprop_ns=%.1f\nwide_step_ns=%.0f\nlayer_forward_ns=%.0f\n", job_seconds,
              rmsprop_ns, wide_step_ns, layer_ns);
  std::printf("tutorial_weights_hash=%08x\nwide_weights_hash=%08x\n", tutorial_hash, wide_hash);
  return 0;
}

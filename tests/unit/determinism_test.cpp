// The same seed gives the same numbers, the same initial model and the same trained model, on
// every run; Glorot-uniform initialization stays inside its limits.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "tinymlp.hpp"

namespace {

using namespace tinymlp;

typedef Mlp<ReLU, 1, 16, 16, 1> SineModel;

std::vector<std::uint32_t> draws(Random& random, std::size_t count) {
  std::vector<std::uint32_t> values(count);
  for (std::uint32_t& value : values) value = random.next();
  return values;
}

template <class Model>
bool bit_identical(const Model& a, const Model& b) {
  return std::memcmp(a.parameters, b.parameters, sizeof a.parameters) == 0;
}

// Checks one Dense layer's Glorot-uniform initialization and returns where the next layer's
// parameters start. The largest weight must come near the limit too, so a limit too small fails.
const float* check_glorot_uniform(const float* dense, std::size_t in, std::size_t out) {
  CAPTURE(in);
  CAPTURE(out);
  const double limit = std::sqrt(6.0 / static_cast<double>(in + out));
  double largest = 0, magnitude_sum = 0;
  for (std::size_t k = 0; k < in * out; ++k) {
    CHECK(std::fabs(dense[k]) <= limit);
    largest = std::fmax(largest, std::fabs(dense[k]));
    magnitude_sum += std::fabs(dense[k]);
  }
  CHECK(largest > 0.75 * limit);
  if (in * out >= 100)  // uniform on (-limit, limit): mean magnitude limit / 2
    CHECK(magnitude_sum / static_cast<double>(in * out) == doctest::Approx(limit / 2).epsilon(0.15));
  for (std::size_t o = 0; o < out; ++o) CHECK(dense[in * out + o] == 0.0f);
  return dense + in * out + out;
}

// 16 points of sin on [-pi, pi], one full batch.
const std::size_t sine_samples = 16;
struct SineData {
  float x[sine_samples], t[sine_samples];
  SineData() {
    for (std::size_t s = 0; s < sine_samples; ++s) {
      x[s] = -3.14159265f + 6.2831853f * static_cast<float>(s) / (sine_samples - 1);
      t[s] = std::sin(x[s]);
    }
  }
};

struct TrainingRun {
  SineModel model;
  std::vector<float> losses;
};

TrainingRun train_sine(std::uint32_t seed, std::size_t steps) {
  static const SineData data;
  TrainingRun run;
  run.model.initialize(seed);
  Rmsprop<SineModel> optimizer;
  TrainingWorkspace<SineModel, sine_samples> workspace;
  for (std::size_t step = 0; step < steps; ++step)
    run.losses.push_back(
        train_on_batch<MeanSquaredError>(run.model, optimizer, data.x, data.t, sine_samples, workspace.buffers()));
  return run;
}

}  // namespace

TEST_CASE("Random: the same seed gives the same sequence, other seeds another") {
  Random first(42), second(42), other(43);
  const std::vector<std::uint32_t> sequence = draws(first, 1000);
  CHECK(draws(second, 1000) == sequence);
  CHECK(draws(other, 1000) != sequence);
  first.reseed(42);
  CHECK(draws(first, 1000) == sequence);
}

TEST_CASE("Random: uniform lies in 0 to 1 with 1 excluded, below(n) under n") {
  Random random(3);
  double sum = 0;
  for (int k = 0; k < 10000; ++k) {
    const float u = random.uniform();
    REQUIRE(u >= 0.0f);
    REQUIRE(u < 1.0f);
    sum += u;
    REQUIRE(random.below(7) < 7u);
  }
  CHECK(sum / 10000 == doctest::Approx(0.5).epsilon(0.02));
}

TEST_CASE("initialize(seed) twice gives bit-identical parameters") {
  SineModel a, b, c;
  a.initialize(9u);
  b.initialize(9u);
  c.initialize(10u);
  CHECK(bit_identical(a, b));
  CHECK_FALSE(bit_identical(a, c));
}

TEST_CASE("Glorot uniform: |w| <= sqrt(6 / (in + out)), biases zero") {
  SineModel sine;
  sine.initialize(5u);
  const float* next = check_glorot_uniform(sine.parameters, 1, 16);
  next = check_glorot_uniform(next, 16, 16);
  next = check_glorot_uniform(next, 16, 1);
  CHECK(next == sine.parameters + SineModel::parameter_count);

  Sequential<Dense<20, 12>, Tanh, Dense<12, 3>, Softmax> classifier;
  classifier.initialize(6u);
  next = check_glorot_uniform(classifier.parameters, 20, 12);
  CHECK(check_glorot_uniform(next, 12, 3) == classifier.parameters + 20 * 12 + 12 + 12 * 3 + 3);
}

TEST_CASE("training with Rmsprop from the same seed is bit-identical, and the loss falls") {
  const TrainingRun first = train_sine(2024u, 300);
  const TrainingRun second = train_sine(2024u, 300);
  CHECK(bit_identical(first.model, second.model));
  CHECK(first.losses == second.losses);
  INFO("loss ", first.losses.front(), " -> ", first.losses.back());
  CHECK(first.losses.back() < 0.5f * first.losses.front());
  CHECK_FALSE(bit_identical(first.model, train_sine(2025u, 300).model));
}

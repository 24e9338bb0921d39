// The reference job (examples/sine_reference/sine_job.hpp) with its full 500-epoch budget: the
// recommended setup reaches test MSE < 0.30, the tutorial's lands in its known band and repeats
// bit for bit.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>

#include "host_test_support.hpp"
#include "sine_job.hpp"

namespace {

sine::JobSettings quiet_job(std::uint32_t seed) {
  sine::JobSettings settings;
  settings.seed = seed;
  settings.progress = tinymlp::Progress::silent;
  return settings;
}

TEST_CASE("sine::make_split: 5000 samples split 3000/1000/1000, 0 <= x < 15") {
  const tinymlp::SplitDataset data = sine::make_split(1);
  CHECK(data.train.size() == 3000);
  CHECK(data.validation.size() == 1000);
  CHECK(data.test.size() == 1000);
  for (float x : data.train.inputs) {
    CHECK(x >= 0.0f);
    CHECK(x < 15.0f);
  }
}

TEST_CASE("sine::train_recommended reaches test MSE < 0.30 within 500 epochs, for seeds 1 and 2") {
  for (std::uint32_t seed : {1u, 2u}) {
    CAPTURE(seed);
    sine::Model model;
    const sine::Outcome outcome = sine::train_recommended(model, sine::make_split(seed), quiet_job(seed));
    CHECK(outcome.epochs_trained <= 500);
    CHECK(outcome.test.loss < 0.30f);
  }
}

TEST_CASE("sine::train_tutorial: 500 epochs, 0.25 <= test MSE <= 1.0, bit-identical when repeated") {
  const tinymlp::SplitDataset data = sine::make_split(1);
  sine::Model first, second;
  const sine::Outcome outcome = sine::train_tutorial(first, data, quiet_job(1));
  CHECK(outcome.epochs_trained == 500);
  CHECK(outcome.history.epochs.size() == 500);
  CHECK(outcome.test.loss >= 0.25f);
  CHECK(outcome.test.loss <= 1.0f);
  const sine::Outcome again = sine::train_tutorial(second, data, quiet_job(1));
  CHECK(host_tests::bit_identical(first, second));
  CHECK(again.test.loss == outcome.test.loss);
}

}  // namespace

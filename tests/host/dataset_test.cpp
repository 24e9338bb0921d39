// Dataset::from_arrays, slice, split and the check that a dataset fits a model.
#include <doctest/doctest.h>

#include <cstddef>
#include <limits>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using tinymlp::DataError;
using tinymlp::Dataset;

// Sample s has input s and target -s, so every part of a split shows which samples it holds.
Dataset numbered_samples(std::size_t count) {
  std::vector<float> inputs(count), outputs(count);
  for (std::size_t s = 0; s < count; ++s) {
    inputs[s] = static_cast<float>(s);
    outputs[s] = -static_cast<float>(s);
  }
  return Dataset::from_arrays(inputs.data(), outputs.data(), count, 1, 1);
}

void check_holds_samples(const Dataset& part, std::size_t first, std::size_t count) {
  REQUIRE(part.size() == count);
  for (std::size_t s = 0; s < count; ++s) {
    CHECK(part.input(s)[0] == static_cast<float>(first + s));
    CHECK(part.output(s)[0] == -static_cast<float>(first + s));
  }
}

TEST_CASE("Dataset::from_arrays copies sample-major arrays") {
  const float inputs[] = {1, 2, 3, 4, 5, 6};
  const float outputs[] = {7, 8, 9};
  const Dataset data = Dataset::from_arrays(inputs, outputs, 3, 2, 1);
  CHECK(data.size() == 3);
  CHECK(data.input(2)[0] == 5);
  CHECK(data.input(2)[1] == 6);
  CHECK(data.output(1)[0] == 8);
}

TEST_CASE("Dataset::from_arrays rejects NaN and infinities, naming the sample and column") {
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  const float good_inputs[] = {1, 2, 3, 4}, good_outputs[] = {5, 6};
  const float nan_input[] = {1, 2, 3, nan}, inf_output[] = {5, -inf};
  CHECK(message_of<DataError>([&] { Dataset::from_arrays(nan_input, good_outputs, 2, 2, 1); }) ==
        "dataset from arrays: sample 1, input 1 is not finite");
  CHECK(message_of<DataError>([&] { Dataset::from_arrays(good_inputs, inf_output, 2, 2, 1); }) ==
        "dataset from arrays: sample 1, target 0 is not finite");
}

TEST_CASE("Dataset::slice copies samples and refuses to read past the end") {
  const Dataset data = numbered_samples(10);
  check_holds_samples(data.slice(3, 4), 3, 4);
  check_holds_samples(data.slice(10, 0), 10, 0);
  CHECK(message_of<DataError>([&] { data.slice(8, 3); }) == "slice [8, 11) is past the end of a dataset of 10 samples");
}

TEST_CASE("split 60/20/20 of 5000 samples: 3000, 1000 and 1000 in their order") {
  const tinymlp::SplitDataset parts = tinymlp::split(numbered_samples(5000), 0.6, 0.2);
  check_holds_samples(parts.train, 0, 3000);
  check_holds_samples(parts.validation, 3000, 1000);
  check_holds_samples(parts.test, 4000, 1000);
}

TEST_CASE("split rounds counts down and may leave validation or test empty") {
  const tinymlp::SplitDataset thirds = tinymlp::split(numbered_samples(10), 0.35, 0.35);
  check_holds_samples(thirds.train, 0, 3);
  check_holds_samples(thirds.validation, 3, 4);  // floor(0.7 * 10) = 7 ends the validation part
  check_holds_samples(thirds.test, 7, 3);
  const tinymlp::SplitDataset all_train = tinymlp::split(numbered_samples(10), 1.0, 0.0);
  check_holds_samples(all_train.train, 0, 10);
  CHECK(all_train.validation.empty());
  CHECK(all_train.test.empty());
}

TEST_CASE("split rejects fractions that are not 0 < train, 0 <= validation, train + validation <= 1") {
  const Dataset data = numbered_samples(10);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double bad_fractions[][2] = {{0.0, 0.2}, {-0.1, 0.2}, {0.6, -0.1}, {0.9, 0.2},
                                     {1.5, 0.0}, {nan, 0.2},  {0.6, nan}};
  for (const auto& fractions : bad_fractions) {
    CAPTURE(fractions[0]);
    CAPTURE(fractions[1]);
    const std::string message = message_of<DataError>([&] { tinymlp::split(data, fractions[0], fractions[1]); });
    CHECK(message.find("split fractions must satisfy 0 < train, 0 <= validation and train + validation <= 1; got ") ==
          0);
  }
  CHECK(message_of<DataError>([&] { tinymlp::split(data, 0.9, 0.2); }) ==
        "split fractions must satisfy 0 < train, 0 <= validation and train + validation <= 1; got 0.900000 and "
        "0.200000");
}

TEST_CASE("check_fits_model names the data's role and both shapes") {
  typedef tinymlp::Mlp<tinymlp::ReLU, 3, 4, 2> Model;
  Dataset data = numbered_samples(4);
  CHECK(message_of<DataError>([&] { tinymlp::check_fits_model<Model>(data, "training"); }) ==
        "training data has 1 inputs and 1 targets per sample; the model takes 3 and gives 2");
  Model model;
  model.initialize(1);
  CHECK(message_of<DataError>([&] { tinymlp::evaluate<tinymlp::MeanSquaredError>(model, data); }) ==
        "evaluation data has 1 inputs and 1 targets per sample; the model takes 3 and gives 2");
  data.features = 3;
  data.targets = 2;
  data.inputs.resize(12);
  data.outputs.resize(8);
  CHECK_NOTHROW(tinymlp::check_fits_model<Model>(data, "training"));
}

}  // namespace

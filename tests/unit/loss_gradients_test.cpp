// Each loss's gradient against central differences of its batch-mean total, on batches laid out
// with spare columns, and each total against numbers worked out by hand from Keras's formulas.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "support/batch.hpp"
#include "support/gradient_check.hpp"
#include "tinymlp.hpp"

namespace {

using tinymlp_tests::Batch;

// Outputs and targets drawn where each loss is smooth.
template <class Loss>
struct SmoothRegion;

template <>
struct SmoothRegion<tinymlp::MeanSquaredError> {
  static void fill(Batch& y, Batch& t, tinymlp::Random& random) {
    y.fill_uniform(random, -2.0f, 2.0f);
    t.fill_uniform(random, -2.0f, 2.0f);
  }
};

// Away from y == t, where |y - t| has its kink.
template <>
struct SmoothRegion<tinymlp::MeanAbsoluteError> {
  static void fill(Batch& y, Batch& t, tinymlp::Random& random) {
    t.fill_uniform(random, -2.0f, 2.0f);
    y.fill([&](std::size_t f, std::size_t s) {
      const float gap = random.uniform(0.1f, 1.0f);
      return random.uniform() < 0.5f ? t.at(f, s) - gap : t.at(f, s) + gap;
    });
  }
};

// Probabilities inside the clip, with soft targets.
template <>
struct SmoothRegion<tinymlp::BinaryCrossEntropy> {
  static void fill(Batch& y, Batch& t, tinymlp::Random& random) {
    y.fill_uniform(random, 0.05f, 0.95f);
    t.fill_uniform(random, 0.0f, 1.0f);
  }
};

// Outputs that do not sum to 1, so that the renormalization term counts; one-hot targets in even
// samples, spread ones in odd samples.
template <>
struct SmoothRegion<tinymlp::CategoricalCrossEntropy> {
  static void fill(Batch& y, Batch& t, tinymlp::Random& random) {
    y.fill_uniform(random, 0.05f, 0.6f);
    for (std::size_t s = 0; s < t.samples(); ++s) {
      const std::size_t hot = random.below(static_cast<std::uint32_t>(t.width()));
      float spread_total = 0.0f;
      for (std::size_t f = 0; f < t.width(); ++f) spread_total += t.at(f, s) = random.uniform(0.1f, 1.0f);
      for (std::size_t f = 0; f < t.width(); ++f)
        t.at(f, s) = s % 2 ? t.at(f, s) / spread_total : f == hot ? 1.0f : 0.0f;
    }
  }
};

// Two samples of two outputs, [sample][output], in columns 0 and 1 of a stride-3 batch.
typedef float TwoSamples[2][2];

Batch batch_of(const TwoSamples& values) {
  Batch batch(2, 2, 3);
  batch.fill([&](std::size_t f, std::size_t s) { return values[s][f]; });
  return batch;
}
template <class Loss>
float total_of(const TwoSamples& y, const TwoSamples& t) {
  return Loss::template total<2>(batch_of(y).data(), batch_of(t).data(), 2, 3);
}
template <class Loss>
Batch gradient_of(const TwoSamples& y, const TwoSamples& t) {
  Batch dy(2, 2, 3);
  Loss::template gradient<2>(batch_of(y).data(), batch_of(t).data(), dy.data(), 2, 3);
  CHECK(dy.padding_untouched());
  return dy;
}

}  // namespace

// Named as written: the compiler's names carry the configuration's inline namespace (config.hpp).
TYPE_TO_STRING(tinymlp::MeanSquaredError);
TYPE_TO_STRING(tinymlp::MeanAbsoluteError);
TYPE_TO_STRING(tinymlp::BinaryCrossEntropy);
TYPE_TO_STRING(tinymlp::CategoricalCrossEntropy);

TEST_CASE_TEMPLATE("loss gradient is the derivative of the batch-mean loss", Loss, tinymlp::MeanSquaredError,
                   tinymlp::MeanAbsoluteError, tinymlp::BinaryCrossEntropy, tinymlp::CategoricalCrossEntropy) {
  constexpr std::size_t width = 3;
  for (const tinymlp_tests::BatchShape& shape : tinymlp_tests::batch_shapes) {
    CAPTURE(shape.samples);
    CAPTURE(shape.stride);
    tinymlp::Random random(5);
    Batch y(width, shape.samples, shape.stride), t(width, shape.samples, shape.stride);
    SmoothRegion<Loss>::fill(y, t, random);
    Batch dy(width, shape.samples, shape.stride);
    Loss::template gradient<width>(y.data(), t.data(), dy.data(), shape.samples, shape.stride);
    CHECK(dy.padding_untouched());

    std::vector<float> outputs = y.used_values();
    const std::vector<float> analytic = dy.used_values();
    const auto batch_mean_loss = [&] {
      y.set_used_values(outputs);
      const float total = Loss::template total<width>(y.data(), t.data(), shape.samples, shape.stride);
      return tinymlp_tests::Evaluation{total / static_cast<double>(shape.samples), {}};
    };
    const tinymlp_tests::DerivativeCheck result =
        tinymlp_tests::check_derivatives(outputs.data(), analytic.data(), outputs.size(), batch_mean_loss);
    CHECK(result.checked == outputs.size());
    CHECK(result.largest_analytic > 1e-3);
  }
}

TEST_CASE("MeanSquaredError: per sample the mean over outputs of (y - t)^2, summed over samples") {
  const TwoSamples y = {{1.0f, 2.0f}, {-1.0f, 0.5f}}, t = {{0.0f, 4.0f}, {-1.0f, -0.5f}};
  CHECK(total_of<tinymlp::MeanSquaredError>(y, t) == doctest::Approx((1.0 + 4.0) / 2 + (0.0 + 1.0) / 2));
}

TEST_CASE("MeanAbsoluteError: per sample the mean over outputs of |y - t|, summed over samples") {
  const TwoSamples y = {{1.0f, 2.0f}, {-1.0f, 0.5f}}, t = {{0.0f, 4.0f}, {-1.0f, -0.5f}};
  CHECK(total_of<tinymlp::MeanAbsoluteError>(y, t) == doctest::Approx((1.0 + 2.0) / 2 + (0.0 + 1.0) / 2));
}

TEST_CASE("BinaryCrossEntropy: Keras's clip of p to eps..1 - eps and log(p + eps), eps = 1e-7") {
  // Sample 0: (-ln(0.5 + eps) - ln(0.2 + eps)) / 2. Sample 1: p = 0 is clipped to eps and scores
  // -ln(2 eps) / 2; p = 1 is clipped to 1 - eps and scores -ln(1) = 0.
  const TwoSamples y = {{0.5f, 0.8f}, {0.0f, 1.0f}}, t = {{1.0f, 0.0f}, {1.0f, 1.0f}};
  CHECK(total_of<tinymlp::BinaryCrossEntropy>(y, t) == doctest::Approx(1.1512921965 + 7.7124742352).epsilon(1e-6));
  // Where the clip is active, the gradient is zero (as for Keras's clip_by_value).
  const Batch dy = gradient_of<tinymlp::BinaryCrossEntropy>(y, t);
  CHECK(dy.at(0, 1) == 0.0f);
  CHECK(dy.at(1, 1) == 0.0f);
  CHECK(dy.at(0, 0) == doctest::Approx(-1.0 / (0.5 + 1e-7) / 4));  // -t / (p + eps) over 2 outputs, 2 samples
}

TEST_CASE("CategoricalCrossEntropy: renormalized to sum 1, clipped to eps..1 - eps, eps = 1e-7") {
  // Sample 0: y / sum y = (0.25, 0.75), loss -ln(0.75). Sample 1: p = 0 is clipped, loss -ln(eps).
  const TwoSamples y = {{0.2f, 0.6f}, {0.0f, 0.5f}}, t = {{0.0f, 1.0f}, {1.0f, 0.0f}};
  CHECK(total_of<tinymlp::CategoricalCrossEntropy>(y, t) ==
        doctest::Approx(0.2876820725 + 16.1180956510).epsilon(1e-6));
  const Batch dy = gradient_of<tinymlp::CategoricalCrossEntropy>(y, t);
  // Sample 0, over 2 samples: dL/dy_f = (-t_f / y_f + sum t / sum y) / 2.
  CHECK(dy.at(0, 0) == doctest::Approx((0.0 + 1.0 / 0.8) / 2));
  CHECK(dy.at(1, 0) == doctest::Approx((-1.0 / 0.6 + 1.0 / 0.8) / 2));
  // Sample 1: the only target sits on a clipped output, so nothing depends on y.
  CHECK(dy.at(0, 1) == 0.0f);
  CHECK(dy.at(1, 1) == 0.0f);
}

// --- SparseCategoricalCrossEntropy: integer labels, one target row ------------------------------------

TYPE_TO_STRING(tinymlp::SparseCategoricalCrossEntropy);

TEST_CASE("SparseCategoricalCrossEntropy: Keras's numbers, clip to eps..1 - eps then renormalize") {
  // Keras's documented example: labels 1 and 2 of [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] lose 0.0513 and 2.3026.
  Batch y(3, 2, 3), t(1, 2, 3);
  const float outputs[2][3] = {{0.05f, 0.95f, 0.0f}, {0.1f, 0.8f, 0.1f}};
  y.fill([&](std::size_t f, std::size_t s) { return outputs[s][f]; });
  t.at(0, 0) = 1.0f;
  t.at(0, 1) = 2.0f;
  const float total = tinymlp::SparseCategoricalCrossEntropy::total<3>(y.data(), t.data(), 2, 3);
  CHECK(total == doctest::Approx(0.05129339 + 2.30258509).epsilon(1e-6));
  Batch dy(3, 2, 3);
  tinymlp::SparseCategoricalCrossEntropy::gradient<3>(y.data(), t.data(), dy.data(), 2, 3);
  CHECK(dy.padding_untouched());
  CHECK(dy.at(2, 0) == 0.0f);  // clipped: nothing depends on it
  CHECK(dy.at(1, 0) == doctest::Approx((-1.0 / 0.95 + 1.0 / (1.0 + 1e-7)) / 2));
  CHECK(dy.at(0, 1) == doctest::Approx((1.0 / 1.0) / 2));
}

TEST_CASE("SparseCategoricalCrossEntropy: the gradient is the derivative of the batch-mean loss") {
  constexpr std::size_t width = 4;
  for (const tinymlp_tests::BatchShape& shape : tinymlp_tests::batch_shapes) {
    CAPTURE(shape.samples);
    CAPTURE(shape.stride);
    tinymlp::Random random(7);
    Batch y(width, shape.samples, shape.stride), t(1, shape.samples, shape.stride),
        dy(width, shape.samples, shape.stride);
    y.fill_uniform(random, 0.05f, 0.6f);  // not summing to 1, so that the renormalization counts
    for (std::size_t s = 0; s < shape.samples; ++s) t.at(0, s) = static_cast<float>(random.below(width));
    tinymlp::SparseCategoricalCrossEntropy::gradient<width>(y.data(), t.data(), dy.data(), shape.samples, shape.stride);
    CHECK(dy.padding_untouched());
    std::vector<float> outputs = y.used_values();
    const std::vector<float> analytic = dy.used_values();
    const auto batch_mean_loss = [&] {
      y.set_used_values(outputs);
      const float total =
          tinymlp::SparseCategoricalCrossEntropy::total<width>(y.data(), t.data(), shape.samples, shape.stride);
      return tinymlp_tests::Evaluation{total / static_cast<double>(shape.samples), {}};
    };
    const tinymlp_tests::DerivativeCheck result =
        tinymlp_tests::check_derivatives(outputs.data(), analytic.data(), outputs.size(), batch_mean_loss);
    CHECK(result.checked == outputs.size());
    CHECK(result.largest_analytic > 1e-3);
  }
}

TEST_CASE("SparseCategoricalCrossEntropy: the loss and gradient of CategoricalCrossEntropy on the labels one-hot") {
  constexpr std::size_t width = 5;
  for (const tinymlp_tests::BatchShape& shape : tinymlp_tests::batch_shapes) {
    CAPTURE(shape.samples);
    CAPTURE(shape.stride);
    tinymlp::Random random(11);
    Batch y(width, shape.samples, shape.stride), labels(1, shape.samples, shape.stride),
        one_hot(width, shape.samples, shape.stride), sparse_dy(width, shape.samples, shape.stride),
        one_hot_dy(width, shape.samples, shape.stride);
    // Softmax outputs away from the clip, as a classifier gives them: the two losses then agree.
    for (std::size_t s = 0; s < shape.samples; ++s) {
      float sum = 0.0f;
      for (std::size_t f = 0; f < width; ++f) sum += y.at(f, s) = random.uniform(0.05f, 1.0f);
      for (std::size_t f = 0; f < width; ++f) y.at(f, s) /= sum;
      const std::size_t label = random.below(width);
      labels.at(0, s) = static_cast<float>(label);
      for (std::size_t f = 0; f < width; ++f) one_hot.at(f, s) = f == label ? 1.0f : 0.0f;
    }
    CHECK(tinymlp::SparseCategoricalCrossEntropy::total<width>(y.data(), labels.data(), shape.samples, shape.stride) ==
          doctest::Approx(
              tinymlp::CategoricalCrossEntropy::total<width>(y.data(), one_hot.data(), shape.samples, shape.stride))
              .epsilon(1e-5));
    tinymlp::SparseCategoricalCrossEntropy::gradient<width>(y.data(), labels.data(), sparse_dy.data(), shape.samples,
                                                            shape.stride);
    tinymlp::CategoricalCrossEntropy::gradient<width>(y.data(), one_hot.data(), one_hot_dy.data(), shape.samples,
                                                      shape.stride);
    const std::vector<float> sparse = sparse_dy.used_values(), dense = one_hot_dy.used_values();
    REQUIRE(sparse.size() == dense.size());
    for (std::size_t k = 0; k < sparse.size(); ++k) CHECK(sparse[k] == doctest::Approx(dense[k]).epsilon(1e-4));
  }
}

TEST_CASE("SparseCategoricalCrossEntropy trains a softmax classifier as CategoricalCrossEntropy does on one-hot") {
  typedef tinymlp::Sequential<tinymlp::Dense<2, 8>, tinymlp::Tanh, tinymlp::Dense<8, 3>, tinymlp::Softmax> Model;
  const std::size_t samples = 12;
  Batch x(2, samples, samples), labels(1, samples, samples), one_hot(3, samples, samples);
  tinymlp::Random random(3);
  for (std::size_t s = 0; s < samples; ++s) {
    const std::size_t label = s % 3;  // three clusters around (1, 0), (-1, 1) and (-1, -1)
    const float centres[3][2] = {{1.0f, 0.0f}, {-1.0f, 1.0f}, {-1.0f, -1.0f}};
    for (std::size_t f = 0; f < 2; ++f) x.at(f, s) = centres[label][f] + random.uniform(-0.3f, 0.3f);
    labels.at(0, s) = static_cast<float>(label);
    for (std::size_t f = 0; f < 3; ++f) one_hot.at(f, s) = f == label ? 1.0f : 0.0f;
  }
  Model sparse_model, one_hot_model;
  sparse_model.initialize(5u);
  one_hot_model.initialize(5u);
  tinymlp::Adam<Model> sparse_adam(0.05f), one_hot_adam(0.05f);
  static tinymlp::TrainingWorkspace<Model, samples> workspace;
  float first = 0.0f, last = 0.0f, one_hot_last = 0.0f;
  for (int step = 0; step < 200; ++step) {
    last = tinymlp::train_on_batch<tinymlp::SparseCategoricalCrossEntropy>(sparse_model, sparse_adam, x.data(),
                                                                           labels.data(), samples, workspace.buffers());
    one_hot_last = tinymlp::train_on_batch<tinymlp::CategoricalCrossEntropy>(
        one_hot_model, one_hot_adam, x.data(), one_hot.data(), samples, workspace.buffers());
    if (step == 0) first = last;
  }
  CHECK(last < 0.05f * first);
  // The same loss where no output is clipped: the same training, to float rounding.
  CHECK(last == doctest::Approx(one_hot_last).epsilon(1e-3));
  for (std::size_t s = 0; s < samples; ++s) {
    float y[3];
    const float input[2] = {x.at(0, s), x.at(1, s)};
    sparse_model.predict(input, y);
    CHECK(static_cast<float>(std::max_element(y, y + 3) - y) == labels.at(0, s));
  }
}

// A training step's passes against the layers' own kernels run one by one: where a host's step
// applies a ReLU in the pass of the Dense beside it (forward, storing both outputs; backward, the
// input gradient through the ReLU before the Dense), every gradient and the loss must be the same
// floats, bit for bit, on every batch shape (whole blocks of samples, samples left over, one sample).
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "support/batch.hpp"
#include "support/model_gradient_check.hpp"
#include "tinymlp.hpp"

namespace {

using tinymlp_tests::Batch;

std::uint32_t bits_of(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

// Dense<A, B>, ReLU, Dense<B, C>, ReLU, Dense<C, D> under MeanSquaredError, each layer's kernel called
// on its own; returns the batch-mean loss and adds the parameter gradients to `gradients`.
template <std::size_t A, std::size_t B, std::size_t C, std::size_t D>
float layer_by_layer(const float* parameters, const Batch& x, const Batch& t, std::vector<float>& gradients) {
  typedef tinymlp::Dense<A, B> First;
  typedef tinymlp::Dense<B, C> Second;
  typedef tinymlp::Dense<C, D> Third;
  typedef typename tinymlp::ReLU::bind<B>::type FirstReLU;
  typedef typename tinymlp::ReLU::bind<C>::type SecondReLU;
  const float* second = parameters + First::parameter_count;
  const float* third = second + Second::parameter_count;
  float* first_gradients = gradients.data();
  float* second_gradients = first_gradients + First::parameter_count;
  float* third_gradients = second_gradients + Second::parameter_count;
  const std::size_t samples = x.samples(), stride = x.stride();

  std::vector<float> z1(B * stride), h1(B * stride), z2(C * stride), h2(C * stride), y(D * stride);
  First::template forward<tinymlp::RamReader>(parameters, x.data(), z1.data(), samples, stride);
  FirstReLU::template forward<tinymlp::RamReader>(nullptr, z1.data(), h1.data(), samples, stride);
  Second::template forward<tinymlp::RamReader>(second, h1.data(), z2.data(), samples, stride);
  SecondReLU::template forward<tinymlp::RamReader>(nullptr, z2.data(), h2.data(), samples, stride);
  Third::template forward<tinymlp::RamReader>(third, h2.data(), y.data(), samples, stride);

  const float loss =
      tinymlp::MeanSquaredError::template total<D>(y.data(), t.data(), samples, stride) / static_cast<float>(samples);
  std::vector<float> dy(D * stride), dh2(C * stride), dz2(C * stride), dh1(B * stride), dz1(B * stride);
  tinymlp::MeanSquaredError::template gradient<D>(y.data(), t.data(), dy.data(), samples, stride);
  Third::backward(third, h2.data(), y.data(), dy.data(), dh2.data(), third_gradients, samples, stride);
  SecondReLU::backward(nullptr, z2.data(), h2.data(), dh2.data(), dz2.data(), nullptr, samples, stride);
  Second::backward(second, h1.data(), z2.data(), dz2.data(), dh1.data(), second_gradients, samples, stride);
  FirstReLU::backward(nullptr, z1.data(), h1.data(), dh1.data(), dz1.data(), nullptr, samples, stride);
  First::backward(parameters, x.data(), z1.data(), dz1.data(), nullptr, first_gradients, samples, stride);
  return loss;
}

template <std::size_t A, std::size_t B, std::size_t C, std::size_t D>
void check_training_passes(std::uint32_t seed) {
  typedef tinymlp::Sequential<tinymlp::Dense<A, B>, tinymlp::ReLU, tinymlp::Dense<B, C>, tinymlp::ReLU,
                              tinymlp::Dense<C, D>>
      Model;
  // Beside one sample, whole blocks of samples and samples left over.
  const tinymlp_tests::BatchShape shapes[] = {{1, 1}, {5, 8}, {16, 16}, {13, 16}, {40, 40}, {37, 48}};
  for (const tinymlp_tests::BatchShape& shape : shapes) {
    CAPTURE(shape.samples);
    CAPTURE(shape.stride);
    tinymlp::Random random(seed);
    Model model = tinymlp_tests::nudged_model<Model>(random);
    Batch x(A, shape.samples, shape.stride), t(D, shape.samples, shape.stride);
    x.fill_uniform(random, -2.0f, 2.0f);
    t.fill_uniform(random, -1.0f, 1.0f);

    tinymlp_tests::TrainingScratch<Model> scratch(shape.stride);
    const float loss = tinymlp::compute_gradients<tinymlp::MeanSquaredError>(model, x.data(), t.data(), shape.samples,
                                                                             scratch.buffers());
    std::vector<float> expected(Model::parameter_count, 0.0f);
    const float expected_loss = layer_by_layer<A, B, C, D>(model.parameters, x, t, expected);

    CHECK(bits_of(loss) == bits_of(expected_loss));
    std::size_t differing = 0, first_differing = 0, zero = 0;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      if (bits_of(scratch.gradients()[k]) != bits_of(expected[k]) && differing++ == 0) first_differing = k;
      if (expected[k] == 0.0f) ++zero;
    }
    CAPTURE(first_differing);
    CHECK(differing == 0);
    if (shape.samples > 1) CHECK(zero < expected.size() / 2);  // over a few samples, most gradients pass the ReLUs
  }
}

}  // namespace

TEST_CASE("a training step's fused Dense and ReLU passes give the floats of the layers' own kernels") {
  check_training_passes<1, 16, 16, 1>(3);
  check_training_passes<5, 11, 9, 3>(5);
  check_training_passes<12, 24, 8, 2>(7);
}

#if TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS
namespace {

// Dense<In, Out>'s parameter gradients for a layer of few inputs, whose bias gradients and first
// input's weight gradients share one pass over dy, against the separate sums they stand for:
// add_bias_gradients, and eight_sums_of_products (sum_of_products for the outputs left over) a weight.
template <std::size_t In, std::size_t Out>
void check_few_input_gradients(std::size_t samples) {
  CAPTURE(In);
  CAPTURE(Out);
  CAPTURE(samples);
  typedef tinymlp::Dense<In, Out> Layer;
  namespace detail = tinymlp::detail;
  tinymlp::Random random(static_cast<std::uint32_t>(In * 100 + Out + samples));
  std::vector<float> x(In * samples), dy(Out * samples), gradients(Layer::parameter_count);
  for (float& v : x) v = random.uniform(-2.0f, 2.0f);
  for (float& v : dy) v = random.uniform(-1.0f, 1.0f);
  for (float& v : gradients) v = random.uniform(-0.5f, 0.5f);
  std::vector<float> expected = gradients;

  Layer::accumulate_parameter_gradients(x.data(), dy.data(), gradients.data(), samples, samples);

  Layer::add_bias_gradients(dy.data(), expected.data() + Layer::kernel_count, samples, samples);
  const std::size_t grouped = Out - Out % 8;
  for (std::size_t i = 0; i < In; ++i) {
    for (std::size_t o = 0; o < grouped; o += 8) {
      const detail::block_vector sums =
          detail::eight_sums_of_products(dy.data() + o * samples, samples, x.data() + i * samples, samples);
      for (std::size_t j = 0; j < 8; ++j) expected[(o + j) * In + i] += sums[j];
    }
    for (std::size_t o = grouped; o < Out; ++o)
      expected[o * In + i] += detail::sum_of_products(dy.data() + o * samples, x.data() + i * samples, samples);
  }
  for (std::size_t k = 0; k < expected.size(); ++k) {
    CAPTURE(k);
    CHECK(bits_of(gradients[k]) == bits_of(expected[k]));
  }
}

}  // namespace

TEST_CASE("a layer of few inputs adds its bias and weight gradients in one pass, with the floats of separate sums") {
  check_few_input_gradients<1, 16>(16);
  check_few_input_gradients<1, 16>(48);
  check_few_input_gradients<3, 20>(16);
  check_few_input_gradients<7, 8>(32);
}
#endif

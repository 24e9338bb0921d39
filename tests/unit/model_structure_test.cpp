// What a model type promises: its compile-time sizes and activation buffer plan, and inference that
// agrees with a hand-written reference, with FlashModel, and with the batch kernels.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "support/batch.hpp"
#include "support/reference_model.hpp"
#include "tinymlp.hpp"

namespace {

using namespace tinymlp;
using tinymlp_tests::Reference;
using tinymlp_tests::Values;

typedef Mlp<ReLU, 1, 16, 16, 1> SineModel;
static_assert(detail::is_same<SineModel, Sequential<Dense<1, 16>, ReLU, Dense<16, 16>, ReLU, Dense<16, 1>>>::value,
              "Mlp puts the hidden activation after every Dense but the last");
static_assert(detail::is_same<Mlp<Tanh, 4, 3>, Sequential<Dense<4, 3>>>::value, "an Mlp of two widths is one Dense");
static_assert(SineModel::input_size == 1 && SineModel::output_size == 1, "");
static_assert(SineModel::parameter_count == 321, "(1 + 1) * 16 + (16 + 1) * 16 + (16 + 1) * 1");
static_assert(SineModel::parameter_bytes == 321 * sizeof(float), "");
static_assert(sizeof(SineModel) == SineModel::parameter_bytes, "a model object holds its parameters and nothing else");
// Two hidden layers of 16 need two buffers of 16; the last Dense writes the caller's output.
static_assert(SineModel::activation_floats == 32 && SineModel::activation_bytes == 128, "");
// Training keeps the five layer outputs (16 + 16 + 16 + 16 + 1) and two gradient rows of 16.
static_assert(SineModel::training_floats_per_sample == 65 + 2 * 16, "");
static_assert(TrainingWorkspace<SineModel, 4>::bytes == (65 * 4 + 2 * 16 * 4 + 321) * sizeof(float), "");

// The models whose inference is checked, each with its reference forward pass and expected buffer plan.
struct SigmoidOnly {
  typedef Sequential<Dense<2, 8>, Sigmoid> Model;
  static const std::size_t activation_floats = 0;  // Dense writes the output, Sigmoid works there in place
  static Values reference(const float* p, const std::vector<float>& x) {
    return Reference(p, x).dense(2, 8).map(tinymlp_tests::sigmoid).values();
  }
};
struct SoftmaxClassifier {
  typedef Sequential<Dense<4, 3>, Softmax> Model;
  static const std::size_t activation_floats = 0;
  static Values reference(const float* p, const std::vector<float>& x) {
    return Reference(p, x).dense(4, 3).softmax().values();
  }
};
struct DenseOnly {
  typedef Sequential<Dense<2, 3>, Dense<3, 4>, Dense<4, 5>> Model;
  static const std::size_t activation_floats = 3 + 4;  // one buffer each for the two inner outputs
  static Values reference(const float* p, const std::vector<float>& x) {
    return Reference(p, x).dense(2, 3).dense(3, 4).dense(4, 5).values();
  }
};
struct SineMlp {
  typedef SineModel Model;
  static const std::size_t activation_floats = 32;
  static Values reference(const float* p, const std::vector<float>& x) {
    return Reference(p, x)
        .dense(1, 16)
        .map(tinymlp_tests::relu)
        .dense(16, 16)
        .map(tinymlp_tests::relu)
        .dense(16, 1)
        .values();
  }
};
struct DeepChain {
  typedef Sequential<Dense<2, 7>, Tanh, Dense<7, 3>, ReLU, Dense<3, 9>, Sigmoid, Dense<9, 4>, Identity, Dense<4, 2>,
                     Softmax>
      Model;
  // The inner outputs alternate between two buffers: 7 and 9 in one, 3 and 4 in the other.
  static const std::size_t activation_floats = 9 + 4;
  static Values reference(const float* p, const std::vector<float>& x) {
    return Reference(p, x)
        .dense(2, 7)
        .map(tinymlp_tests::hyperbolic_tangent)
        .dense(7, 3)
        .map(tinymlp_tests::relu)
        .dense(3, 9)
        .map(tinymlp_tests::sigmoid)
        .dense(9, 4)
        .map(tinymlp_tests::identity)
        .dense(4, 2)
        .softmax()
        .values();
  }
};

template <class Model>
Model random_model(Random& random) {
  Model model;
  model.initialize(random);
  for (float& parameter : model.parameters) parameter += random.uniform(-0.2f, 0.2f);  // nonzero biases
  return model;
}

// predict into an output array with a sentinel after it, to catch writes past the end.
template <class Predictor>
std::vector<float> prediction(const Predictor& predictor, std::size_t output_size, const std::vector<float>& x) {
  std::vector<float> y(output_size + 1, 12345.0f);
  predictor.predict(x.data(), y.data());
  CHECK(y.back() == 12345.0f);
  y.pop_back();
  return y;
}

}  // namespace

TEST_CASE("Dense parameters are the kernel row by row, out rows of in weights, then the biases") {
  Sequential<Dense<2, 3>> model;
  const float parameters[] = {1, 2, -1, 0.5f, 0, -3, 0.25f, -0.5f, 1};
  for (std::size_t k = 0; k < 9; ++k) model.parameters[k] = parameters[k];
  const float x[2] = {2, 4};
  float y[3];
  model.predict(x, y);
  CHECK(y[0] == 1 * 2 + 2 * 4 + 0.25f);
  CHECK(y[1] == -1 * 2 + 0.5f * 4 - 0.5f);
  CHECK(y[2] == 0 * 2 - 3 * 4 + 1);
}

TEST_CASE_TEMPLATE("inference agrees with the reference, FlashModel and the batch kernels", Case, SigmoidOnly,
                   SoftmaxClassifier, DenseOnly, SineMlp, DeepChain) {
  typedef typename Case::Model Model;
  static_assert(Model::activation_floats == Case::activation_floats, "activation buffer plan");
  Random random(101);
  const Model model = random_model<Model>(random);
  const FlashModel<Model> flash(model.parameters);

  const std::size_t samples = 5, stride = 8;
  tinymlp_tests::Batch x(Model::input_size, samples, stride);
  x.fill_uniform(random, -2.0f, 2.0f);
  std::vector<float> batch_activations =
      tinymlp_tests::nan_filled(tinymlp::SequentialKernels<Model>::training_activation_count * stride);
  tinymlp::SequentialKernels<Model>::forward_batch(model.parameters, x.data(), batch_activations.data(), samples,
                                                   stride);
  const float* batch_output = tinymlp::SequentialKernels<Model>::output_of(batch_activations.data(), stride);

  for (std::size_t s = 0; s < samples; ++s) {
    CAPTURE(s);
    const std::vector<float> input = x.sample(s);
    const std::vector<float> predicted = prediction(model, Model::output_size, input);
    CHECK(prediction(flash, Model::output_size, input) == predicted);

    std::vector<float> single_activations(tinymlp::SequentialKernels<Model>::training_activation_count);
    tinymlp::SequentialKernels<Model>::forward_batch(model.parameters, input.data(), single_activations.data(), 1, 1);
    const float* single_output = tinymlp::SequentialKernels<Model>::output_of(single_activations.data(), 1);

    const Values expected = Case::reference(model.parameters, input);
    for (std::size_t o = 0; o < Model::output_size; ++o) {
      CAPTURE(o);
      CHECK(predicted[o] == doctest::Approx(expected[o]).epsilon(1e-5));
      CHECK(single_output[o] == doctest::Approx(predicted[o]).epsilon(1e-6));
      CHECK(batch_output[o * stride + s] == doctest::Approx(predicted[o]).epsilon(1e-6));
    }
  }
}

TEST_CASE_TEMPLATE(
    "batch inference gives forward_batch's outputs bit for bit, with each Dense's ReLU applied as it stores", Case,
    SigmoidOnly, SoftmaxClassifier, DenseOnly, SineMlp, DeepChain) {
  typedef typename Case::Model Model;
  typedef tinymlp::SequentialKernels<Model> Kernels;
  Random random(7);
  const Model model = random_model<Model>(random);
  for (std::size_t samples : {1, 5, 8, 17, 40}) {
    CAPTURE(samples);
    const std::size_t stride = samples + 3;
    tinymlp_tests::Batch x(Model::input_size, samples, stride);
    x.fill_uniform(random, -2.0f, 2.0f);
    std::vector<float> trained = tinymlp_tests::nan_filled(Kernels::training_activation_count * stride);
    std::vector<float> inferred = trained;
    Kernels::forward_batch(model.parameters, x.data(), trained.data(), samples, stride);
    Kernels::infer_batch(model.parameters, x.data(), inferred.data(), samples, stride);
    const float* expected = Kernels::output_of(trained.data(), stride);
    const float* output = Kernels::output_of(inferred.data(), stride);
    for (std::size_t o = 0; o < Model::output_size; ++o)
      for (std::size_t s = 0; s < samples; ++s) {
        CAPTURE(o);
        CAPTURE(s);
        CHECK(std::memcmp(output + o * stride + s, expected + o * stride + s, sizeof(float)) == 0);
      }
  }
}

TEST_CASE("predict(float) is predict on one-element arrays") {
  Random random(7);
  const SineModel model = random_model<SineModel>(random);
  const FlashModel<SineModel> flash(model.parameters);
  for (float x = -3.0f; x <= 3.0f; x += 0.5f) {
    float y;
    model.predict(&x, &y);
    CHECK(model.predict(x) == y);
    CHECK(flash.predict(x) == y);
  }
}

TEST_CASE("Softmax stays finite for logits far beyond exp's range, one sample or a batch of mixed scales") {
  typedef Sequential<Dense<1, 3>, Softmax> Model;
  Model model;
  const float parameters[] = {100, 200, 300, 0, 0, 0};  // logits 100 x, 200 x, 300 x
  for (std::size_t k = 0; k < 6; ++k) model.parameters[k] = parameters[k];
  const float inputs[3] = {5.0f, -5.0f, 0.2f};  // the last one has logits 20, 40 and 60
  const std::size_t winners[3] = {2, 0, 2};

  tinymlp_tests::Batch x(1, 3, 4);
  x.fill([&](std::size_t, std::size_t s) { return inputs[s]; });
  std::vector<float> activations =
      tinymlp_tests::nan_filled(tinymlp::SequentialKernels<Model>::training_activation_count * 4);
  tinymlp::SequentialKernels<Model>::forward_batch(model.parameters, x.data(), activations.data(), 3, 4);
  const float* batch_output = tinymlp::SequentialKernels<Model>::output_of(activations.data(), 4);

  for (std::size_t s = 0; s < 3; ++s) {
    CAPTURE(s);
    float y[3];
    model.predict(&inputs[s], y);
    for (std::size_t o = 0; o < 3; ++o) {
      CHECK(y[o] == doctest::Approx(o == winners[s] ? 1.0 : 0.0).epsilon(1e-3));
      CHECK(batch_output[o * 4 + s] == doctest::Approx(o == winners[s] ? 1.0 : 0.0).epsilon(1e-3));
    }
  }
}

namespace {
// Dense<In, Out>'s one-sample pass against each output computed alone, bias + sum_of_products (the
// portable host form), with and without the ReLU after it. On an AVX host the layer runs eight
// outputs at a time (detail::eight_sums_of_products) in the same order of additions; whether GCC fuses
// a multiply and its add depends on the loop's shape (its Zen tuning avoids fused chains in some
// loops), so the last bit may differ, and no more.
template <std::size_t In, std::size_t Out>
void check_one_sample_outputs_alone() {
  CAPTURE(In);
  CAPTURE(Out);
  typedef Dense<In, Out> Layer;
  std::vector<float> parameters(Layer::parameter_count), x(In);
  Random random(static_cast<std::uint32_t>(In * 1000 + Out));
  for (float& p : parameters) p = random.uniform(-1.0f, 1.0f);
  for (std::size_t i = 0; i < In; ++i) x[i] = i % 5 == 3 ? 0.0f : random.uniform(-2.0f, 2.0f);
  std::vector<float> y(Out), relu(Out);
  Layer::template forward_one_sample<RamReader>(parameters.data(), x.data(), y.data());
  Layer::template forward_then_relu<RamReader>(parameters.data(), x.data(), relu.data());
  for (std::size_t o = 0; o < Out; ++o) {
    CAPTURE(o);
    const float alone =
        parameters[Layer::kernel_count + o] + detail::sum_of_products(parameters.data() + o * In, x.data(), In);
    CHECK(y[o] == doctest::Approx(alone).epsilon(1e-5));
    CHECK(relu[o] == doctest::Approx(ReLU::value(alone)).epsilon(1e-5));
    CHECK((relu[o] > 0.0f) == (relu[o] == y[o]));
  }
}
}  // namespace

TEST_CASE("Dense on one sample gives each output's own dot product, however many outputs run together") {
  check_one_sample_outputs_alone<1, 16>();
  check_one_sample_outputs_alone<3, 8>();
  check_one_sample_outputs_alone<8, 9>();
  check_one_sample_outputs_alone<16, 16>();
  check_one_sample_outputs_alone<19, 24>();
  check_one_sample_outputs_alone<64, 7>();
  check_one_sample_outputs_alone<714, 50>();
}

TEST_CASE("the batch kernels give every sample its sums whatever the batch (outputs and samples grouped)") {
  // A batch of 1..40 samples: each sample's outputs, input gradients and the batch's weight gradients
  // against the sums computed one term at a time (to the last bit or so: see above).
  typedef Dense<13, 21> Layer;
  std::vector<float> parameters(Layer::parameter_count);
  Random random(5u);
  for (float& p : parameters) p = random.uniform(-1.0f, 1.0f);
  for (std::size_t samples : {1, 7, 8, 9, 16, 17, 24, 33, 40}) {
    CAPTURE(samples);
    std::vector<float> x(13 * samples), y(21 * samples), dy(21 * samples), dx(13 * samples);
    std::vector<float> gradients(Layer::parameter_count, 0.5f);
    for (float& v : x) v = random.uniform(-1.0f, 1.0f);
    for (float& v : dy) v = random.uniform(-1.0f, 1.0f);
    Layer::forward_batch<RamReader>(parameters.data(), x.data(), y.data(), samples, samples);
    Layer::backward(parameters.data(), x.data(), y.data(), dy.data(), dx.data(), gradients.data(), samples, samples);
    for (std::size_t o = 0; o < 21; ++o)
      for (std::size_t s = 0; s < samples; ++s) {
        float sum = parameters[Layer::kernel_count + o];
        for (std::size_t i = 0; i < 13; ++i) sum += parameters[o * 13 + i] * x[i * samples + s];
        CHECK(y[o * samples + s] == doctest::Approx(sum).epsilon(1e-5));
      }
    for (std::size_t i = 0; i < 13; ++i)
      for (std::size_t s = 0; s < samples; ++s) {
        float sum = 0.0f;
        for (std::size_t o = 0; o < 21; ++o) sum += parameters[o * 13 + i] * dy[o * samples + s];
        CHECK(dx[i * samples + s] == doctest::Approx(sum).epsilon(1e-5));
      }
    for (std::size_t o = 0; o < 21; ++o)
      for (std::size_t i = 0; i < 13; ++i) {
        float sum = 0.5f;
        for (std::size_t s = 0; s < samples; ++s) sum += dy[o * samples + s] * x[i * samples + s];
        CHECK(gradients[o * 13 + i] == doctest::Approx(sum).epsilon(1e-5));
      }
  }
}

#if TINYMLP_BATCH_BLOCK > 1
TEST_CASE("weighted_row_sums gives every sum the floats of its own chain of multiply-adds, however grouped") {
  // Outputs in groups of eight, four and one, samples in chunks, passes of pairs of blocks, single blocks
  // and samples left over: each sum bit for bit as one output's multiply-adds over its terms in order.
  Random random(11u);
  for (const bool accumulate : {false, true})
    for (std::size_t outputs : {1, 3, 4, 7, 8, 12, 13, 17})
      for (std::size_t count : {1, 7, 8, 15, 16, 17, 24, 31, 32, 40, 63, 64, 65, 100, 130})
        for (std::size_t terms : {1, 5, 16}) {
          CAPTURE(accumulate);
          CAPTURE(outputs);
          CAPTURE(count);
          CAPTURE(terms);
          const std::size_t stride = count + 5;  // rows need not start on a vector
          std::vector<float> coefficients(outputs * terms), starts(outputs), rows(terms * stride),
              out(outputs * stride);
          for (float& v : coefficients) v = random.uniform(-1.0f, 1.0f);
          for (float& v : starts) v = random.uniform(-1.0f, 1.0f);
          for (float& v : rows) v = random.uniform(-1.0f, 1.0f);
          for (float& v : out) v = random.uniform(-1.0f, 1.0f);
          std::vector<float> expected = out;
          for (std::size_t j = 0; j < outputs; ++j)
            for (std::size_t s = 0; s < count; ++s) {
              float sum = accumulate ? out[j * stride + s] : starts[j];
              for (std::size_t t = 0; t < terms; ++t)
                sum = detail::multiply_add(coefficients[j * terms + t], rows[t * stride + s], sum);
              expected[j * stride + s] = sum;
            }
          const auto start = [&](std::size_t j) { return starts[j]; };
          const auto coefficient = [&](std::size_t j, std::size_t t) { return coefficients[j * terms + t]; };
          const auto row = [&](std::size_t t) { return rows.data() + t * stride; };
          const auto out_row = [&](std::size_t j) { return out.data() + j * stride; };
          if (accumulate)
            detail::weighted_row_sums<true>(outputs, count, terms, start, coefficient, row, out_row);
          else
            detail::weighted_row_sums<false>(outputs, count, terms, start, coefficient, row, out_row);
          CHECK(std::memcmp(out.data(), expected.data(), out.size() * sizeof(float)) == 0);
        }
}
#endif

TEST_CASE("transpose_rows gives each sample its row of the batch's values, in registers or one by one") {
  for (std::size_t rows : {1, 7, 8, 9, 16, 17, 24})
    for (std::size_t count : {1, 7, 8, 9, 16, 17}) {
      CAPTURE(rows);
      CAPTURE(count);
      const std::size_t stride = count + 3, out_stride = rows + 2;  // neither a multiple of a block
      std::vector<float> batch(rows * stride), out(count * out_stride, -1.0f);
      for (std::size_t k = 0; k < batch.size(); ++k) batch[k] = static_cast<float>(k);
      detail::transpose_rows(batch.data(), stride, rows, count, out.data(), out_stride);
      for (std::size_t s = 0; s < count; ++s)
        for (std::size_t i = 0; i < out_stride; ++i)
          CHECK(out[s * out_stride + i] == (i < rows ? batch[i * stride + s] : -1.0f));
    }
}

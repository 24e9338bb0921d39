// The in-place step (train_step_in_place) against compute_gradients and optimizer.step on a batch
// of one, for several models, losses and optimizers, over several steps: the same weights within
// float rounding. Both run the same forward kernels and the same updates in the same order; what
// may differ is whether the compiler fuses a multiply and an add in the input deltas, one rounding
// (2^-24 relative) per term of a sum. Where the sum cancels, its relative error grows, so each
// weight may differ by 1e-6 of itself plus 1e-8: a 16-term sum of unit products rounds by about
// 16 x 2^-24 = 1e-6, and a learning rate of 0.01 scales that to 1e-8.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "tinymlp.hpp"

namespace {

// Runs `steps` steps both ways from the same weights and optimizer state on samples from
// fill_sample(x, t, random), comparing losses and every parameter after each step.
template <class Loss, class Model, class Optimizer, class FillSample>
void check_in_place_matches_batch_of_one(const Optimizer& fresh_optimizer, std::uint32_t seed, FillSample fill_sample) {
  static Model in_place, batched;  // static: Adam's state for the larger models is large for a stack
  static Optimizer in_place_optimizer = fresh_optimizer, batched_optimizer = fresh_optimizer;
  in_place_optimizer = fresh_optimizer;
  batched_optimizer = fresh_optimizer;
  in_place.initialize(seed);
  batched = in_place;
  static tinymlp::InPlaceWorkspace<Model> workspace;
  static tinymlp::TrainingWorkspace<Model> batch_workspace;
  tinymlp::Random random(seed + 1u);
  const int steps = 5;
  for (int step = 0; step < steps; ++step) {
    float x[Model::input_size], t[Model::output_size];
    fill_sample(x, t, random);
    const float in_place_loss = tinymlp::train_step_in_place<Loss>(in_place, in_place_optimizer, x, t, workspace);
    const float batched_loss =
        tinymlp::train_on_batch<Loss>(batched, batched_optimizer, x, t, 1, batch_workspace.buffers());
    CAPTURE(step);
    CHECK(in_place_loss == doctest::Approx(batched_loss).epsilon(1e-6));
    for (std::size_t k = 0; k < Model::parameter_count; ++k) {
      const double a = in_place.parameters[k], b = batched.parameters[k];
      INFO("parameter ", k, ": in place ", doctest::toString(a), ", batched ", doctest::toString(b), " diff ", a - b);
      REQUIRE(std::isfinite(a));
      CHECK(std::fabs(a - b) <= 1e-6 * std::fmax(std::fabs(a), std::fabs(b)) + 1e-8);
    }
  }
  // The steps did something: many weights moved (not all: on x > 0 the ReLUs of units with a
  // negative first weight and a zero bias are off, and the weights they feed get no gradient).
  Model initial;
  initial.initialize(seed);
  std::size_t changed = 0;
  for (std::size_t k = 0; k < Model::parameter_count; ++k) changed += in_place.parameters[k] != initial.parameters[k];
  CHECK(changed * 4 > Model::parameter_count);
}

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> SineModel;
typedef tinymlp::Sequential<tinymlp::Dense<3, 5>, tinymlp::Tanh, tinymlp::Dense<5, 4>, tinymlp::Softmax> Classifier;
typedef tinymlp::Sequential<tinymlp::Dense<2, 6>, tinymlp::ReLU, tinymlp::Dense<6, 3>, tinymlp::Sigmoid> Tagger;
typedef tinymlp::Sequential<tinymlp::Normalization<1, 3>, tinymlp::Dense<3, 5>, tinymlp::LeakyReLU<>, tinymlp::ReLU6,
                            tinymlp::Dense<5, 1>>
    NormalizedSine;

void fill_sine(float* x, float* t, tinymlp::Random& random) {
  x[0] = random.uniform(0.0f, 15.0f);
  t[0] = std::sin(x[0]) * std::sqrt(x[0]);
}
void fill_class(float* x, float* t, tinymlp::Random& random) {
  for (int f = 0; f < 3; ++f) x[f] = random.uniform(-1.5f, 1.5f);
  const std::uint32_t label = random.below(4u);
  for (std::uint32_t c = 0; c < 4; ++c) t[c] = c == label ? 1.0f : 0.0f;
}
void fill_tags(float* x, float* t, tinymlp::Random& random) {
  for (int f = 0; f < 2; ++f) x[f] = random.uniform(-1.0f, 1.0f);
  for (int c = 0; c < 3; ++c) t[c] = random.below(2u) ? 1.0f : 0.0f;
}

}  // namespace

TEST_CASE("in place = compute_gradients + step: Mlp<ReLU, 1, 16, 16, 1>, MSE") {
  SUBCASE("Sgd") {
    check_in_place_matches_batch_of_one<tinymlp::MeanSquaredError, SineModel>(tinymlp::Sgd<SineModel>(0.01f), 3,
                                                                              fill_sine);
  }
  SUBCASE("SgdWithMomentum, Nesterov") {
    tinymlp::MomentumSettings settings;
    settings.nesterov = true;
    check_in_place_matches_batch_of_one<tinymlp::MeanSquaredError, SineModel>(
        tinymlp::SgdWithMomentum<SineModel>(settings), 5, fill_sine);
  }
  SUBCASE("Adam") {
    tinymlp::AdamSettings settings;
    settings.learning_rate = 0.01f;
    check_in_place_matches_batch_of_one<tinymlp::MeanSquaredError, SineModel>(tinymlp::Adam<SineModel>(settings), 7,
                                                                              fill_sine);
  }
}

TEST_CASE("in place = compute_gradients + step: Dense-Tanh-Dense-Softmax, categorical cross-entropy") {
  SUBCASE("SgdWithMomentum") {
    check_in_place_matches_batch_of_one<tinymlp::CategoricalCrossEntropy, Classifier>(
        tinymlp::SgdWithMomentum<Classifier>(), 11, fill_class);
  }
  SUBCASE("Rmsprop") {
    check_in_place_matches_batch_of_one<tinymlp::CategoricalCrossEntropy, Classifier>(tinymlp::Rmsprop<Classifier>(),
                                                                                      13, fill_class);
  }
}

TEST_CASE("in place = compute_gradients + step: Dense-ReLU-Dense-Sigmoid, binary cross-entropy, Adam") {
  check_in_place_matches_batch_of_one<tinymlp::BinaryCrossEntropy, Tagger>(tinymlp::Adam<Tagger>(), 17, fill_tags);
}

TEST_CASE("in place = compute_gradients + step: Normalization (broadcast), LeakyReLU and ReLU6, MSE, Sgd") {
  check_in_place_matches_batch_of_one<tinymlp::MeanSquaredError, NormalizedSine>(tinymlp::Sgd<NormalizedSine>(0.01f),
                                                                                 19, fill_sine);
}

TEST_CASE("the in-place memory is the parameters, the optimizer and one sample's outputs and deltas") {
  typedef tinymlp::InPlaceTrainingMemory<SineModel, tinymlp::Sgd<SineModel>> Memory;
  // Outputs 16 + 16 + 16 + 16 + 1 floats, deltas 2 x 16, parameters 321, the learning rate.
  CHECK(tinymlp::InPlaceWorkspace<SineModel>::bytes == (65 + 32) * 4);
  CHECK(Memory::bytes == 321 * 4 + 4 + (65 + 32) * 4);
  CHECK(sizeof(tinymlp::InPlaceWorkspace<SineModel>) == tinymlp::InPlaceWorkspace<SineModel>::bytes);
  static_assert(tinymlp::fits_in_ram<Memory::bytes, 2048>::value, "1-16-16-1 with Sgd fits an Uno");
  // Adam keeps two moments per parameter: 2,568 bytes more, more than an Uno has.
  CHECK(tinymlp::InPlaceTrainingMemory<SineModel, tinymlp::Adam<SineModel>>::bytes - Memory::bytes ==
        2 * 321 * 4 + 7 * 4 - 4);
}

TEST_CASE("the batch and in-place memory figures count the model and the optimizer alike") {
  typedef tinymlp::Adam<SineModel> Optimizer;
  CHECK(tinymlp::TrainingMemory<SineModel, Optimizer>::bytes - tinymlp::TrainingWorkspace<SineModel>::bytes ==
        tinymlp::InPlaceTrainingMemory<SineModel, Optimizer>::bytes - tinymlp::InPlaceWorkspace<SineModel>::bytes);
  CHECK(tinymlp::TrainingMemory<SineModel, Optimizer>::bytes - tinymlp::TrainingWorkspace<SineModel>::bytes ==
        SineModel::parameter_bytes + sizeof(Optimizer));
}

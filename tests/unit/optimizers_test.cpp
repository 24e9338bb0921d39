// Each optimizer's first three steps against numbers worked out from the published Keras formulas
// (in double; the comments show the first step of parameter 0). The fourth parameter's gradients
// are far below sqrt(epsilon), where only the right placement of epsilon gives the right step.
#include <doctest/doctest.h>

#include <cstddef>

#include "tinymlp/train/optimizers.hpp"

namespace {

// Optimizers need only the parameter count of the model they train.
struct FourParameters {
  static constexpr std::size_t parameter_count = 4;
};

const std::size_t steps = 3;
const float initial[4] = {0.5f, -1.2f, 2.0f, 0.0f};
const float gradients[steps][4] = {
    {0.3f, -0.8f, 0.05f, 1e-6f},
    {-0.1f, -0.4f, 0.6f, -2e-6f},
    {0.25f, 0.9f, -0.3f, 1.5e-6f},
};
typedef double Trajectory[steps][4];  // the parameters after each step

// Compares how far each parameter has moved from its start, so that small steps are held to the
// same relative precision as large ones (float rounding of 1 - 0.999^t alone is 2e-5).
template <class Optimizer>
void check_trajectory(Optimizer optimizer, const Trajectory& expected) {
  float parameters[4] = {initial[0], initial[1], initial[2], initial[3]};
  for (std::size_t step = 0; step < steps; ++step) {
    optimizer.step(parameters, gradients[step]);
    for (std::size_t k = 0; k < 4; ++k) {
      INFO("after step ", step + 1, ", parameter ", k);
      CHECK(parameters[k] - initial[k] == doctest::Approx(expected[step][k] - initial[k]).epsilon(1e-4).scale(0));
    }
  }
}

}  // namespace

TEST_CASE("Sgd: w -= learning_rate * g") {
  // 0.5 - 0.1 * 0.3 = 0.47
  const Trajectory expected = {
      {0.47, -1.12, 1.995, -1e-07},
      {0.48, -1.08, 1.935, 1e-07},
      {0.455, -1.17, 1.965, -5e-08},
  };
  check_trajectory(tinymlp::Sgd<FourParameters>(0.1f), expected);
}

TEST_CASE("SgdWithMomentum: velocity = momentum * velocity - learning_rate * g, then w += velocity") {
  tinymlp::MomentumSettings settings;
  settings.learning_rate = 0.1f;
  settings.momentum = 0.9f;
  SUBCASE("plain") {
    // step 1: velocity = -0.1 * 0.3 = -0.03, w = 0.47; step 2: velocity = 0.9 * -0.03 + 0.01 = -0.017, w = 0.453
    const Trajectory expected = {
        {0.47, -1.12, 1.995, -1e-07},
        {0.453, -1.008, 1.9305, 1e-08},
        {0.4127, -0.9972, 1.90245, -4.1e-08},
    };
    check_trajectory(tinymlp::SgdWithMomentum<FourParameters>(settings), expected);
  }
  SUBCASE("nesterov: w += momentum * velocity - learning_rate * g") {
    // step 1: velocity = -0.03, w = 0.5 + 0.9 * -0.03 - 0.1 * 0.3 = 0.443
    settings.nesterov = true;
    const Trajectory expected = {
        {0.443, -1.048, 1.9905, -1.9e-07},
        {0.4377, -0.9072, 1.87245, 1.09e-07},
        {0.37643, -0.98748, 1.877205, -8.69e-08},
    };
    check_trajectory(tinymlp::SgdWithMomentum<FourParameters>(settings), expected);
  }
}

TEST_CASE("Rmsprop: v = rho v + (1 - rho) g^2, then w -= learning_rate g / sqrt(v + epsilon)") {
  SUBCASE("defaults: learning rate 0.001, rho 0.9, epsilon 1e-7") {
    // v = 0.1 * 0.09 = 0.009, w = 0.5 - 0.001 * 0.3 / sqrt(0.009 + 1e-7) = 0.49683774
    const Trajectory expected = {
        {0.49683774, -1.19683772, 1.99683835, -3.16227608e-06},
        {0.497886019, -1.19536331, 1.99368592, 3.16226375e-06},
        {0.49580558, -1.19770877, 1.99515674, -1.58113695e-06},
    };
    check_trajectory(tinymlp::Rmsprop<FourParameters>(), expected);
  }
  SUBCASE("learning rate 0.01, rho 0.5, epsilon 1e-5") {
    tinymlp::RmspropSettings settings;
    settings.learning_rate = 0.01f;
    settings.rho = 0.5f;
    settings.epsilon = 1e-5f;
    // v = 0.5 * 0.09 = 0.045, w = 0.5 - 0.01 * 0.3 / sqrt(0.045 + 1e-5) = 0.485859435
    const Trajectory expected = {
        {0.485859435, -1.18585809, 1.9859141, -3.16227758e-06},
        {0.491888566, -1.17769329, 1.97179684, 3.16227703e-06},
        {0.480104762, -1.19011435, 1.97995207, -1.58113893e-06},
    };
    check_trajectory(tinymlp::Rmsprop<FourParameters>(settings), expected);
  }
}

TEST_CASE("Adam: Keras's epsilon-hat form") {
  // m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2;
  // alpha = learning_rate sqrt(1 - beta2^t) / (1 - beta1^t); w -= alpha m / (sqrt(v) + epsilon)
  SUBCASE("defaults: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7") {
    // m = 0.03, v = 9e-5, alpha = 0.001 * sqrt(0.001) / 0.1; w = 0.5 - alpha * 0.03 / (sqrt(9e-5) + 1e-7)
    const Trajectory expected = {
        {0.499000011, -1.199, 1.99900006, -0.000240253073},
        {0.498599796, -1.19806783, 1.99820288, -8.86169112e-05},
        {0.497960793, -1.19801343, 1.9979364, -0.000144272716},
    };
    check_trajectory(tinymlp::Adam<FourParameters>(), expected);
  }
  SUBCASE("learning rate 0.01, beta1 0.8, beta2 0.99, epsilon 1e-4") {
    tinymlp::AdamSettings settings;
    settings.learning_rate = 0.01f;
    settings.beta1 = 0.8f;
    settings.beta2 = 0.99f;
    settings.epsilon = 1e-4f;
    // m = 0.06, v = 9e-4, alpha = 0.01 * sqrt(0.01) / 0.2; w = 0.5 - alpha * 0.06 / (0.03 + 1e-4)
    const Trajectory expected = {
        {0.490033223, -1.19001248, 1.99019608, -9.99000999e-06},
        {0.486558918, -1.18087347, 1.98187893, -6.06480554e-07},
        {0.480194818, -1.18125339, 1.97964725, -4.41035781e-06},
    };
    check_trajectory(tinymlp::Adam<FourParameters>(settings), expected);
  }
}

TEST_CASE("Adam: begin_step then update per parameter is step") {
  tinymlp::Adam<FourParameters> whole, piecewise;
  float by_step[4] = {initial[0], initial[1], initial[2], initial[3]};
  float by_update[4] = {initial[0], initial[1], initial[2], initial[3]};
  for (std::size_t step = 0; step < steps; ++step) {
    whole.step(by_step, gradients[step]);
    piecewise.begin_step();
    for (std::size_t k = 0; k < 4; ++k) piecewise.update(by_update[k], gradients[step][k], k);
  }
  for (std::size_t k = 0; k < 4; ++k) CHECK(by_update[k] == by_step[k]);
}

// Enough parameters for a host's vector blocks and a few left over (Rmsprop's step does blocks then
// the rest one by one; Adam's leaves the blocks to the compiler).
struct ParametersInBlocksAndAfter {
  static constexpr std::size_t parameter_count = 37;
};

// Optimizer::step against begin_step and update one parameter at a time: the same floats, bit for bit.
template <class Optimizer>
void check_step_is_update_per_parameter() {
  const std::size_t count = ParametersInBlocksAndAfter::parameter_count;
  Optimizer whole, piecewise;
  float by_step[count], by_update[count], gradient[count];
  for (std::size_t k = 0; k < count; ++k) by_step[k] = by_update[k] = 0.1f * static_cast<float>(k % 7) - 0.3f;
  for (std::size_t step = 0; step < 5; ++step) {
    for (std::size_t k = 0; k < count; ++k) gradient[k] = 0.01f * static_cast<float>((k * 13 + step * 5) % 23) - 0.1f;
    whole.step(by_step, gradient);
    piecewise.begin_step();
    for (std::size_t k = 0; k < count; ++k) piecewise.update(by_update[k], gradient[k], k);
  }
  for (std::size_t k = 0; k < count; ++k) {
    INFO("parameter ", k);
    CHECK(by_update[k] == by_step[k]);
  }
}

TEST_CASE("Rmsprop and Adam: step gives update's values over blocks and the rest") {
  check_step_is_update_per_parameter<tinymlp::Rmsprop<ParametersInBlocksAndAfter>>();
  check_step_is_update_per_parameter<tinymlp::Adam<ParametersInBlocksAndAfter>>();
}

TEST_CASE("default settings are Keras's") {
  CHECK(tinymlp::Sgd<FourParameters>().learning_rate() == 0.01f);

  const tinymlp::MomentumSettings momentum = tinymlp::SgdWithMomentum<FourParameters>().settings();
  CHECK(momentum.learning_rate == 0.01f);
  CHECK_FALSE(momentum.nesterov);
  // Keras's SGD defaults to momentum 0, which here is Sgd; SgdWithMomentum picks the usual 0.9.
  CHECK(momentum.momentum == 0.9f);

  const tinymlp::RmspropSettings rmsprop = tinymlp::Rmsprop<FourParameters>().settings();
  CHECK(rmsprop.learning_rate == 0.001f);
  CHECK(rmsprop.rho == 0.9f);
  CHECK(rmsprop.epsilon == 1e-7f);

  const tinymlp::AdamSettings adam = tinymlp::Adam<FourParameters>().settings();
  CHECK(adam.learning_rate == 0.001f);
  CHECK(adam.beta1 == 0.9f);
  CHECK(adam.beta2 == 0.999f);
  CHECK(adam.epsilon == 1e-7f);
}

TEST_CASE("optimizer state sizes") {
  static_assert(tinymlp::Sgd<FourParameters>::state_bytes == 0, "plain SGD keeps no state");
  static_assert(tinymlp::SgdWithMomentum<FourParameters>::state_bytes == 4 * sizeof(float), "one velocity each");
  static_assert(tinymlp::Rmsprop<FourParameters>::state_bytes == 4 * sizeof(float), "one mean square each");
  static_assert(tinymlp::Adam<FourParameters>::state_bytes == 8 * sizeof(float), "two moments each");
  CHECK(sizeof(tinymlp::Rmsprop<FourParameters>) >= tinymlp::Rmsprop<FourParameters>::state_bytes);
  CHECK(sizeof(tinymlp::Adam<FourParameters>) >= tinymlp::Adam<FourParameters>::state_bytes);
  // bytes is the whole object, which both training memory figures count.
  static_assert(tinymlp::Sgd<FourParameters>::bytes == sizeof(tinymlp::Sgd<FourParameters>), "");
  static_assert(tinymlp::SgdWithMomentum<FourParameters>::bytes == sizeof(tinymlp::SgdWithMomentum<FourParameters>),
                "");
  static_assert(tinymlp::Rmsprop<FourParameters>::bytes == sizeof(tinymlp::Rmsprop<FourParameters>), "");
  static_assert(tinymlp::Adam<FourParameters>::bytes == sizeof(tinymlp::Adam<FourParameters>), "");
}

TEST_CASE("settings from a learning rate keep the other defaults") {
  const tinymlp::AdamSettings adam(0.01f);
  CHECK(adam.learning_rate == 0.01f);
  CHECK(adam.beta1 == 0.9f);
  CHECK(adam.beta2 == 0.999f);
  CHECK(adam.epsilon == 1e-7f);
  const tinymlp::RmspropSettings rmsprop(0.01f);
  CHECK(rmsprop.rho == 0.9f);
  CHECK(rmsprop.epsilon == 1e-7f);
  const tinymlp::MomentumSettings momentum(0.02f);
  CHECK(momentum.momentum == 0.9f);
  CHECK_FALSE(momentum.nesterov);
  // A learning rate converts to the settings, so every optimizer takes one directly too.
  CHECK(tinymlp::Sgd<FourParameters>(0.05f).settings().learning_rate == 0.05f);
  CHECK(tinymlp::Adam<FourParameters>(0.05f).settings().beta2 == 0.999f);
  CHECK(tinymlp::Rmsprop<FourParameters>(0.05f).learning_rate() == 0.05f);
  CHECK(tinymlp::SgdWithMomentum<FourParameters>(0.05f).learning_rate() == 0.05f);
}

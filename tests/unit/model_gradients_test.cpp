// Parameter gradients of whole models under their usual losses, from compute_gradients, against
// central differences of the loss it returns.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>

#include "support/batch.hpp"
#include "support/model_gradient_check.hpp"
#include "tinymlp.hpp"

using tinymlp_tests::Batch;
using tinymlp_tests::check_parameter_gradients_on_every_batch_shape;

TEST_CASE("Dense-Tanh-Dense-Softmax under CategoricalCrossEntropy") {
  typedef tinymlp::Sequential<tinymlp::Dense<3, 5>, tinymlp::Tanh, tinymlp::Dense<5, 4>, tinymlp::Softmax> Model;
  check_parameter_gradients_on_every_batch_shape<tinymlp::CategoricalCrossEntropy, Model>(
      31, [](Batch& x, Batch& one_hot, tinymlp::Random& random) {
        x.fill_uniform(random, -1.5f, 1.5f);
        one_hot.fill([](std::size_t f, std::size_t s) { return f == (s * 3 + 1) % 4 ? 1.0f : 0.0f; });
      });
}

TEST_CASE("Mlp<ReLU, 1, 16, 16, 1> under MeanSquaredError on sin") {
  check_parameter_gradients_on_every_batch_shape<tinymlp::MeanSquaredError, tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>>(
      47, [](Batch& x, Batch& t, tinymlp::Random& random) {
        x.fill_uniform(random, -3.0f, 3.0f);
        t.fill([&](std::size_t, std::size_t s) { return std::sin(x.at(0, s)); });
      });
}

TEST_CASE("Dense-ReLU-Dense-Sigmoid under BinaryCrossEntropy") {
  typedef tinymlp::Sequential<tinymlp::Dense<2, 6>, tinymlp::ReLU, tinymlp::Dense<6, 3>, tinymlp::Sigmoid> Model;
  check_parameter_gradients_on_every_batch_shape<tinymlp::BinaryCrossEntropy, Model>(
      59, [](Batch& x, Batch& t, tinymlp::Random& random) {
        x.fill_uniform(random, -1.0f, 1.0f);
        t.fill([](std::size_t f, std::size_t s) { return (f + s) % 2 ? 1.0f : 0.0f; });
      });
}

// Every layer's backward pass against central differences, through a model's forward_batch and
// backward_batch. The loss is a fixed linear probe of the outputs, so only the layers are tested;
// each activation sits both between two Dense layers (its input gradient feeds a Dense's
// backward) and last.
#include <doctest/doctest.h>

#include "support/batch.hpp"
#include "support/model_gradient_check.hpp"
#include "tinymlp.hpp"

namespace {

using tinymlp_tests::Batch;

void fill_inputs_and_probe(Batch& x, Batch& probe, tinymlp::Random& random) {
  x.fill_uniform(random, -1.0f, 1.0f);
  probe.fill_uniform(random, -1.0f, 1.0f);
}

}  // namespace

TEST_CASE("Dense: kernel, bias and input gradients match central differences") {
  using namespace tinymlp;
  tinymlp_tests::check_parameter_gradients_on_every_batch_shape<tinymlp_tests::LinearProbe,
                                                                Sequential<Dense<3, 4>, Dense<4, 3>, Dense<3, 2>>>(
      11, fill_inputs_and_probe);
}

// Named as written: the compiler's names carry the configuration's inline namespace (config.hpp).
TYPE_TO_STRING(tinymlp::ReLU);
TYPE_TO_STRING(tinymlp::Sigmoid);
TYPE_TO_STRING(tinymlp::Tanh);
TYPE_TO_STRING(tinymlp::Identity);
TYPE_TO_STRING(tinymlp::Softmax);

TEST_CASE_TEMPLATE("activation gradients match central differences", Activation, tinymlp::ReLU, tinymlp::Sigmoid,
                   tinymlp::Tanh, tinymlp::Identity, tinymlp::Softmax, tinymlp::ReLU6, tinymlp::LeakyReLU<>,
                   tinymlp::LeakyReLU<1, 100>) {
  using namespace tinymlp;
  tinymlp_tests::check_parameter_gradients_on_every_batch_shape<
      tinymlp_tests::LinearProbe, Sequential<Dense<3, 5>, Activation, Dense<5, 4>, Activation>>(23,
                                                                                                fill_inputs_and_probe);
}

TEST_CASE("ReLU6 and LeakyReLU: TFLite's values and the slopes either side of their corners") {
  using namespace tinymlp;
  CHECK(ReLU6::value(-2.0f) == 0.0f);
  CHECK(ReLU6::value(3.5f) == 3.5f);
  CHECK(ReLU6::value(7.0f) == 6.0f);
  CHECK(ReLU6::derivative(3.5f, 3.5f) == 1.0f);
  CHECK(ReLU6::derivative(7.0f, 6.0f) == 0.0f);
  CHECK(ReLU6::derivative(-1.0f, 0.0f) == 0.0f);
  CHECK(LeakyReLU<>::alpha() == 0.3f);
  CHECK(LeakyReLU<1, 100>::alpha() == 0.01f);
  CHECK(LeakyReLU<10737418, 1073741824>::alpha() == 0.01f);  // 0.01f written exactly, as the converter does
  CHECK(LeakyReLU<>::value(-2.0f) == -2.0f * 0.3f);
  CHECK(LeakyReLU<>::value(2.0f) == 2.0f);
  CHECK(LeakyReLU<>::derivative(-2.0f, -0.6f) == 0.3f);
  CHECK(LeakyReLU<>::derivative(2.0f, 2.0f) == 1.0f);
}

TEST_CASE("Normalization: scale, offset and input gradients match central differences, per feature and broadcast") {
  using namespace tinymlp;
  // First (it fixes the input size), between two Dense layers, and broadcasting one value over four.
  tinymlp_tests::check_parameter_gradients_on_every_batch_shape<
      tinymlp_tests::LinearProbe, Sequential<Normalization<3, 3>, Dense<3, 4>, Normalization<4, 4>, Tanh, Dense<4, 2>>>(
      31, fill_inputs_and_probe);
  tinymlp_tests::check_parameter_gradients_on_every_batch_shape<
      tinymlp_tests::LinearProbe, Sequential<Dense<3, 1>, Normalization<1, 4>, Tanh, Dense<4, 2>>>(
      37, fill_inputs_and_probe);
}

TEST_CASE("ReLU6's upper corner: gradients match central differences where outputs pass 6") {
  using namespace tinymlp;
  tinymlp_tests::check_parameter_gradients_on_every_batch_shape<tinymlp_tests::LinearProbe,
                                                                Sequential<Dense<3, 5>, ReLU6, Dense<5, 2>>>(
      29, [](Batch& x, Batch& probe, Random& random) {
        x.fill_uniform(random, -12.0f, 12.0f);  // large inputs: many units beyond 6
        probe.fill_uniform(random, -1.0f, 1.0f);
      });
}

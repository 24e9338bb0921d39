// The other half of the C++11 link test: this file includes tinymlp.hpp too and instantiates some of
// the templates exercise_everything.cpp does, so anything a header defines with external linkage
// outside a template or inline function becomes a duplicate symbol at link time.
#include "tinymlp.hpp"

float exercise_everything(float input);

int main() {
  tinymlp::Mlp<tinymlp::ReLU, 1, 4, 4, 1> model;
  model.initialize(1u);
  const float y[1] = {0.25f}, t[1] = {1.0f};
  const float losses = tinymlp::BinaryCrossEntropy::total<1>(y, t, 1, 1) +
                       tinymlp::CategoricalCrossEntropy::total<1>(y, t, 1, 1) +
                       tinymlp::MeanSquaredError::total<1>(y, t, 1, 1);
  const float& fuzz = tinymlp::CategoricalCrossEntropy::epsilon;  // odr-used: needs its definition in C++11
  return exercise_everything(model.predict(0.5f)) + losses + fuzz > 0.0f ? 0 : 1;
}

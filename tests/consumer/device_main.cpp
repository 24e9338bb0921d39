// The main.cpp of the README's CMake recipe, built against the header library alone: the device API in
// C++11 (a compiler's default standard may be C++14, never less here), a flash model and a training step.
#include <cstdio>

#include <tinymlp.hpp>

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1> Model;

int main() {
  static_assert(Model::parameter_count == 25, "1-8-1: 16 weights and 9 biases");
  Model model;
  model.initialize(3u);
  const float before = model.predict(0.5f);
  std::printf("a 1-8-1 model from the installed headers: y(0.5) = %f\n", static_cast<double>(before));
  return before == before ? 0 : 1;  // not NaN
}

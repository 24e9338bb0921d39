// Prints a model's one-sample predictions as exact hexadecimal floats. The suite builds it twice, as
// usual and with -fno-inline, and requires the same text: the floats of a prediction must not depend on
// which calls the compiler chose to inline (GCC fuses a dot product's multiplies and adds in a loop of
// known length, and not in one of unknown length, which an out-of-line call would be).
#include <cstdio>

#include "tinymlp.hpp"

int main() {
  // Layers of more than eight outputs and of fewer, rows longer than a vector block and shorter.
  typedef tinymlp::Mlp<tinymlp::ReLU, 3, 20, 5, 2> Model;
  Model model;
  model.initialize(4u);
  for (int k = 0; k < 8; ++k) {
    const float step = static_cast<float>(k);
    const float x[3] = {0.1f * step, -0.3f + 0.07f * step, 0.5f - 0.11f * step};
    float y[2];
    model.predict(x, y);
    std::printf("%a %a\n", static_cast<double>(y[0]), static_cast<double>(y[1]));
  }
  return 0;
}

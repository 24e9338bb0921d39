// The int8 models of write_int8_relu_headers.cpp (RELU, RELU6 and LEAKY_RELU steps, each in TensorFlow
// Lite Micro's and the CPU runtime's arithmetic) over a grid of int8 inputs, a line per input row with
// the four models' outputs: built for the host, whose lines must be the reference forward's, and for
// every board, whose lines must be the host's (tests/quant/CMakeLists.txt).
#include <tinymlp.hpp>

#include "relu_kinds_cpu.hpp"
#include "relu_kinds_micro.hpp"
#include "requantizing_cpu.hpp"
#include "requantizing_micro.hpp"

#include "console_text.hpp"

namespace {

template <class Model>
void print_outputs(const Model& model, const int8_t* x, bool& first) {
  int8_t y[Model::output_size];
  model.predict(x, y);
  for (unsigned o = 0; o < Model::output_size; ++o) {
    if (!first) console_write(' ');
    first = false;
    console_print_int32(y[o]);
  }
}

}  // namespace

int main() {
  console_begin();
  for (int a = -128; a <= 127; a += 7)
    for (int b = -128; b <= 127; b += 23) {
      const int8_t x[3] = {static_cast<int8_t>(a), static_cast<int8_t>(b), static_cast<int8_t>(a ^ b)};
      bool first = true;
      print_outputs(relu_kinds_micro, x, first);
      print_outputs(relu_kinds_cpu, x, first);
      print_outputs(requantizing_micro, x, first);
      print_outputs(requantizing_cpu, x, first);
      console_write('\n');
    }
  console_end();
  return 0;
}

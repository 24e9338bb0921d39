// The int8 models of write_int8_relu_headers.cpp (RELU, RELU6 and LEAKY_RELU steps, each in TensorFlow
// Lite Micro's and the CPU runtime's arithmetic) over a grid of int8 inputs, a line per input row with
// the four models' outputs: built for the host, whose lines must be the reference forward's, and for
// every board, whose lines must be the host's (tests/quant/CMakeLists.txt).
#include <tinymlp.hpp>

#include "relu_kinds_cpu.hpp"
#include "relu_kinds_micro.hpp"
#include "requantizing_cpu.hpp"
#include "requantizing_micro.hpp"

#ifdef __AVR__
#include "simavr/uno_console.hpp"
#define console_write uno_console_write
#else
#include "console.hpp"
#endif

namespace {

void print_number(int value) {
  unsigned magnitude = static_cast<unsigned>(value);
  if (value < 0) {
    console_write('-');
    magnitude = 0u - magnitude;
  }
  char digits[5];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  while (count > 0) console_write(digits[--count]);
}

template <class Model>
void print_outputs(const Model& model, const int8_t* x, bool& first) {
  int8_t y[Model::output_size];
  model.predict(x, y);
  for (unsigned o = 0; o < Model::output_size; ++o) {
    if (!first) console_write(' ');
    first = false;
    print_number(y[o]);
  }
}

}  // namespace

int main() {
#ifdef __AVR__
  uno_console_begin();
#endif
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
#ifdef __AVR__
  uno_console_end();
#endif
  return 0;
}

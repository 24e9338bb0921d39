// A public fixture's model from tinymlp-convert's header (fixture_model) on each of the fixture's
// inputs (fixture_inputs.hpp, from write_fixture_inputs), printing a line of outputs per input, as
// the fixture's *.tflite_wasm.txt holds TFLite's. Built for the boards (the Uno writes to its USART,
// the others to the board's console) and the host; the tests compare each with TFLite's outputs.
#include <tinymlp.hpp>

#include "fixture_inputs.hpp"
#include "fixture_model.hpp"

#include "console_text.hpp"

namespace {

// Nine significant digits, as d.dddddddde+N above 1 and 0.ddddddddd below: float arithmetic only (the
// digits are within a few units of the last place, far inside the tests' 1e-5).
void print_float(float value) {
  if (value < 0.0f) {
    console_write('-');
    value = -value;
  }
  int exponent = 0;
  while (value >= 10.0f) {
    value /= 10.0f;
    ++exponent;
  }
  const int integer = static_cast<int>(value);
  console_write(static_cast<char>('0' + integer));
  console_write('.');
  float fraction = value - static_cast<float>(integer);
  for (int digit = 0; digit < 9; ++digit) {
    fraction *= 10.0f;
    int d = static_cast<int>(fraction);
    if (d > 9) d = 9;
    console_write(static_cast<char>('0' + d));
    fraction -= static_cast<float>(d);
  }
  if (exponent > 0) {
    console_write('e');
    console_write(static_cast<char>('0' + exponent / 10));
    console_write(static_cast<char>('0' + exponent % 10));
  }
}

static_assert(fixture_model_type::input_size == sizeof(fixture_inputs[0]) / sizeof(float),
              "the inputs are not the model's width");

}  // namespace

int main() {
  console_begin();
  float x[fixture_model_type::input_size];
  float y[fixture_model_type::output_size];
  for (unsigned n = 0; n < fixture_input_count; ++n) {
    for (unsigned i = 0; i < fixture_input_width; ++i) x[i] = tinymlp::FlashReader::load(&fixture_inputs[n][i]);
    fixture_model.predict(x, y);
    for (unsigned o = 0; o < fixture_model_type::output_size; ++o) {
      if (o) console_write(' ');
      print_float(y[o]);
    }
    console_write('\n');
  }
  console_end();
  return 0;
}

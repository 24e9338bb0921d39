// A public fixture's model from tinymlp-convert's header (fixture_model) on each of the fixture's
// inputs (fixture_inputs.hpp, from write_fixture_inputs), printing a line of outputs per input, as
// the fixture's *.tflite_wasm.txt holds TFLite's. Built for the boards (the Uno writes to its USART,
// the others to the board's console) and the host; the tests compare each with TFLite's outputs.
#include <tinymlp.hpp>

#include "fixture_inputs.hpp"
#include "fixture_model.hpp"

#ifdef __AVR__
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#else
#include "console.hpp"
#endif

namespace {

void print_char(char c) {
#ifdef __AVR__
  while (!(UCSR0A & (1 << UDRE0))) {
  }
  UDR0 = static_cast<uint8_t>(c);
#else
  console_write(c);
#endif
}

// Nine significant digits, as d.dddddddde+N above 1 and 0.ddddddddd below: float arithmetic only (the
// digits are within a few units of the last place, far inside the tests' 1e-5).
void print_float(float value) {
  if (value < 0.0f) {
    print_char('-');
    value = -value;
  }
  int exponent = 0;
  while (value >= 10.0f) {
    value /= 10.0f;
    ++exponent;
  }
  const int integer = static_cast<int>(value);
  print_char(static_cast<char>('0' + integer));
  print_char('.');
  float fraction = value - static_cast<float>(integer);
  for (int digit = 0; digit < 9; ++digit) {
    fraction *= 10.0f;
    int d = static_cast<int>(fraction);
    if (d > 9) d = 9;
    print_char(static_cast<char>('0' + d));
    fraction -= static_cast<float>(d);
  }
  if (exponent > 0) {
    print_char('e');
    print_char(static_cast<char>('0' + exponent / 10));
    print_char(static_cast<char>('0' + exponent % 10));
  }
}

static_assert(fixture_model_type::input_size == sizeof(fixture_inputs[0]) / sizeof(float),
              "the inputs are not the model's width");

}  // namespace

int main() {
#ifdef __AVR__
  UCSR0B = 1 << TXEN0;
#endif
  float x[fixture_model_type::input_size];
  float y[fixture_model_type::output_size];
  for (unsigned n = 0; n < fixture_input_count; ++n) {
    for (unsigned i = 0; i < fixture_input_width; ++i) x[i] = tinymlp::FlashReader::load(&fixture_inputs[n][i]);
    fixture_model.predict(x, y);
    for (unsigned o = 0; o < fixture_model_type::output_size; ++o) {
      if (o) print_char(' ');
      print_float(y[o]);
    }
    print_char('\n');
  }
#ifdef __AVR__
  // Sleeping with interrupts off never wakes: simavr takes it as the program's end.
  cli();
  sleep_mode();
  return 0;
#else
  console_exit(0);
#endif
}

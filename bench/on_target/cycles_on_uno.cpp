// Cycles and stack of one inference of the sine model on the ATmega328P, for run-on-uno: each
// inference is a region between writes of 1 and 2 to GPIOR0, which the runner times and whose
// stack depth it finds by painting. Built with plain avr-g++ (no Arduino core, no interrupts).
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>

#include "probed_model.hpp"

#ifndef TINYMLP_PROBE_INT8
static_assert(sine_model_type::activation_bytes == 128, "tests/board/CMakeLists.txt expects 128 activation bytes");
#endif

volatile Value result;  // so that no inference is optimized away

int main() {
  for (int point = 0; point < probe_points; ++point) {
    const Value x = probe_input(point);
    GPIOR0 = 1;
    const Value y = infer(x);
    GPIOR0 = 2;
    result = y;
  }
  // Sleeping with interrupts off never wakes: simavr takes it as the program's end.
  cli();
  sleep_mode();
  return 0;
}

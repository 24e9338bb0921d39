// Cycles and stack of one inference of the sine model on the ATmega328P, for run-on-uno: each
// inference is a region between writes of 1 and 2 to GPIOR0, which the runner times and whose
// stack depth it finds by painting. Built with plain avr-g++ (no Arduino core, no interrupts).
#include "probed_model.hpp"
#include "simavr/uno_console.hpp"

#if !defined(TINYMLP_PROBE_INT8) && !defined(TINYMLP_PROBE_HYBRID)
static_assert(sine_model_type::activation_bytes == 128, "tests/board/CMakeLists.txt expects 128 activation bytes");
#endif

volatile Value result;  // so that no inference is optimized away

int main() {
  uno_console_begin();
  for (int point = 0; point < probe_points; ++point) {
    Value x = probe_input(point);
    // The input is computed (a division) before the region starts, not inside it: the asm needs
    // x in registers, and the compiler may not move the marker's write across it.
    __asm volatile("" : "+r"(x) : : "memory");
    GPIOR0 = 1;
    const Value y = infer(x);
    GPIOR0 = 2;
    result = y;
  }
  uno_console_figure("activation_bytes", static_cast<int32_t>(probed_model_type::activation_bytes));
  uno_console_end();
  return 0;
}

// Instructions and stack of one inference of the sine model on a 32-bit board (Cortex-M4F,
// Cortex-M0+, RISC-V), under QEMU with -icount shift=0: for each x of the sweep, many inferences are
// timed against as many calls of a function that does nothing (the Cortex-M's SysTick counts too
// coarsely for one). Prints key=value lines on the semihosting console.
#include "probe_32_bit.hpp"
#include "probed_model.hpp"

namespace {

volatile Value input;
volatile Value result;

float instructions_of(const InstructionClock& clock, Value (*function)(Value), Value x, int repeats) {
  input = x;
  const uint32_t start = clock.now();
  for (int r = 0; r < repeats; ++r) result = function(input);
  return clock.instructions_since(start);
}

}  // namespace

int main() {
  ConsolePrint out;
  const InstructionClock clock;
#ifdef TINYMLP_PROBE_REPEATS  // fewer for a big model: the tick's error shrinks with the call's length
  const int repeats = TINYMLP_PROBE_REPEATS;
#else
  const int repeats = 200;
#endif
  Tally instructions;
  uint32_t deepest_stack = 0;
  for (int point = 0; point < probe_points; ++point) {
    const Value x = probe_input(point);
    instructions.add((instructions_of(clock, infer, x, repeats) - instructions_of(clock, do_nothing, x, repeats)) /
                     repeats);
    const uint32_t stack = stack_bytes_of([x] { result = infer(x); });
    deepest_stack = stack > deepest_stack ? stack : deepest_stack;
  }
  out.figure("instructions_per_clock_tick", clock.instructions_per_tick(), 2);
  instructions.print(out, "time");
  out.figure("activation_bytes", static_cast<unsigned long>(probed_model_type::activation_bytes));
  out.figure("stack_bytes", static_cast<unsigned long>(deepest_stack));
  return 0;
}

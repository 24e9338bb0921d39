// Instructions and stack of one inference of the sine model on a Cortex-M4F, under QEMU with
// -icount shift=0 (one instruction per nanosecond of virtual time). SysTick counts too coarsely for
// one inference (on mps2-an386 it then ticks once per 40 instructions), so: SysTick's rate is
// calibrated against a loop of known length, and many inferences are timed against as many calls
// of a function that does nothing. Prints key=value lines on the semihosting console.
#include <stdint.h>

#include "Print.h"
#include "console.hpp"
#include "probed_model.hpp"

extern "C" uint32_t __stack_limit[];

namespace {

struct ConsolePrint : Print {
  size_t write(uint8_t byte) override {
    console_write(static_cast<char>(byte));
    return 1;
  }
  using Print::write;
};

// SysTick: a 24-bit down-counter on the processor clock.
volatile uint32_t& systick_control = *reinterpret_cast<volatile uint32_t*>(0xE000E010u);
volatile uint32_t& systick_reload = *reinterpret_cast<volatile uint32_t*>(0xE000E014u);
volatile uint32_t& systick_value = *reinterpret_cast<volatile uint32_t*>(0xE000E018u);
const uint32_t systick_mask = 0xFFFFFFu;

void start_systick() {
  systick_reload = systick_mask;
  systick_value = 0;
  systick_control = 5;  // enabled, processor clock, no interrupt
}

// Two instructions per iteration: subs and bne.
__attribute__((noinline)) void spin(uint32_t iterations) {
  __asm volatile("1: subs %0, #1\n\tbne 1b" : "+r"(iterations));
}

volatile Value input;
volatile Value result;

uint32_t ticks_for(Value (*function)(Value), Value x, int repeats) {
  input = x;
  const uint32_t start = systick_value;
  for (int r = 0; r < repeats; ++r) result = function(input);
  return (start - systick_value) & systick_mask;
}

const uint32_t stack_paint = 0xA5A5A5A5u;

__attribute__((noinline)) void paint_stack_below(uint32_t* top) {
  for (volatile uint32_t* word = __stack_limit; word < top; ++word) *word = stack_paint;
}

// Bytes of stack one inference uses below its caller's stack pointer.
uint32_t stack_of_inference(Value x) {
  uint32_t* stack_pointer;
  __asm volatile("mov %0, sp" : "=r"(stack_pointer));
  paint_stack_below(stack_pointer - 32);  // leaves room for paint_stack_below's own frame
  result = infer(x);
  const volatile uint32_t* deepest = __stack_limit;
  while (*deepest == stack_paint) ++deepest;
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(stack_pointer) - reinterpret_cast<uintptr_t>(deepest));
}

}  // namespace

int main() {
  ConsolePrint out;
  start_systick();
  const uint32_t spin_iterations = 1000000;
  const uint32_t spin_ticks = ticks_for(
      [](Value x) {
        spin(1000000);
        return x;
      },
      Value(0), 1);
  const float instructions_per_tick = 2.0f * static_cast<float>(spin_iterations) / static_cast<float>(spin_ticks);

  const int repeats = 200;
  float total_instructions = 0.0f;
  uint32_t deepest_stack = 0;
  for (int point = 0; point < probe_points; ++point) {
    const Value x = probe_input(point);
    const uint32_t ticks = ticks_for(infer, x, repeats) - ticks_for(do_nothing, x, repeats);
    total_instructions += static_cast<float>(ticks) * instructions_per_tick / repeats;
    const uint32_t stack = stack_of_inference(x);
    deepest_stack = stack > deepest_stack ? stack : deepest_stack;
  }
  out.print("instructions_per_systick_tick=");
  out.println(instructions_per_tick, 2);
  out.print("instructions_per_inference_mean=");
  out.println(total_instructions / probe_points, 1);
  out.print("activation_bytes=");
  out.println(static_cast<unsigned long>(probed_model_type::activation_bytes));
  out.print("inference_stack_bytes=");
  out.println(static_cast<unsigned long>(deepest_stack));
  return 0;
}

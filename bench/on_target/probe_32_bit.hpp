// What the probes for the 32-bit boards share (the Cortex-M4F, the Cortex-M0+ and RISC-V, each run
// by QEMU with -icount shift=0, which makes one instruction one nanosecond of virtual time):
// counting instructions, finding the stack a call uses, and printing key=value lines.
#ifndef TINYMLP_BENCH_PROBE_32_BIT_HPP
#define TINYMLP_BENCH_PROBE_32_BIT_HPP

#include <stdint.h>

#include "Print.h"

// The console (semihosting), as Arduino's Print, with the key=value lines the probes print.
struct ConsolePrint : Print {
  size_t write(uint8_t character) override;
  using Print::write;
  void figure(const char* key, unsigned long value);
  void figure(const char* key, float value, int digits);
};

// The mean, least and most of a series of instruction counts, printed as <key>_mean, <key>_min and
// <key>_max after <key>_unit=instructions.
class Tally {
 public:
  void add(float value);
  void print(ConsolePrint& out, const char* key) const;

 private:
  float total_ = 0.0f;
  float least_ = 0.0f;
  float most_ = 0.0f;
  int count_ = 0;
};

// Instructions executed between two readings of now(). RISC-V: the instret counter, which QEMU keeps
// exact under -icount. Cortex-M: SysTick, a 24-bit down-counter on the processor clock, which QEMU
// then advances once per 40 (mps2-an386) or 62.5 (microbit) instructions; the constructor calibrates
// it against a loop of known length, and a figure is exact to a tick, so short calls are timed many
// times over.
class InstructionClock {
 public:
  InstructionClock();
  uint32_t now() const;
  float instructions_since(uint32_t start) const;
  // 1 where the counter counts instructions; otherwise how many a tick stands for.
  float instructions_per_tick() const { return instructions_per_tick_; }

 private:
  float instructions_per_tick_;
};

// The stack pointer where this is inlined.
__attribute__((always_inline)) inline uint32_t* stack_pointer() {
  uint32_t* pointer;
#if defined(__riscv)
  __asm volatile("mv %0, sp" : "=r"(pointer));
#else
  __asm volatile("mov %0, sp" : "=r"(pointer));
#endif
  return pointer;
}

// Stack painting: fills the stack below paint_unused_stack's own frame with a pattern (nothing runs
// in between: the probes take no interrupts), and tells how far down a call then wrote, in bytes
// below `top`.
void paint_unused_stack();
uint32_t stack_bytes_used_below(const uint32_t* top);

// The stack one call uses below the caller's stack pointer.
template <class Call>
uint32_t stack_bytes_of(Call call) {
  const uint32_t* const top = stack_pointer();
  paint_unused_stack();
  call();
  return stack_bytes_used_below(top);
}

#endif

#include "probe_32_bit.hpp"

#include "console.hpp"

size_t ConsolePrint::write(uint8_t character) {
  console_write(static_cast<char>(character));
  return 1;
}

void ConsolePrint::figure(const char* key, unsigned long value) {
  print(key);
  print('=');
  println(value);
}

void ConsolePrint::figure(const char* key, float value, int digits) {
  print(key);
  print('=');
  println(value, digits);
}

void Tally::add(float value) {
  least_ = count_ == 0 || value < least_ ? value : least_;
  most_ = count_ == 0 || value > most_ ? value : most_;
  total_ += value;
  ++count_;
}

void Tally::print(ConsolePrint& out, const char* key) const {
  out.print(key);
  out.print("_unit=");
  out.println("instructions");
  const char* const suffixes[] = {"_mean", "_min", "_max"};
  const float values[] = {total_ / static_cast<float>(count_), least_, most_};
  for (int i = 0; i < 3; ++i) {
    out.print(key);
    out.figure(suffixes[i], values[i], 1);
  }
}

#if defined(__riscv)

// picolibc's linker script keeps the stack, __stack_size bytes, between __heap_end and the top of RAM.
extern "C" uint32_t __heap_end[];
namespace {
uint32_t* stack_limit() { return __heap_end; }
}  // namespace

InstructionClock::InstructionClock() : instructions_per_tick_(1.0f) {}

uint32_t InstructionClock::now() const {
  uint32_t instructions;
  __asm volatile("rdinstret %0" : "=r"(instructions));
  return instructions;
}

float InstructionClock::instructions_since(uint32_t start) const { return static_cast<float>(now() - start); }

#else

// board/cortex_m4/cortex_m_sections.ld: the stack is everything between .bss and the top of RAM.
extern "C" uint32_t __stack_limit[];

namespace {

uint32_t* stack_limit() { return __stack_limit; }

volatile uint32_t& systick_control = *reinterpret_cast<volatile uint32_t*>(0xE000E010u);
volatile uint32_t& systick_reload = *reinterpret_cast<volatile uint32_t*>(0xE000E014u);
volatile uint32_t& systick_value = *reinterpret_cast<volatile uint32_t*>(0xE000E018u);
const uint32_t systick_mask = 0xFFFFFFu;

// Two instructions per iteration: subs and bne (in unified syntax, which Thumb-1 code such as the
// Cortex-M0+'s is not assembled in by default).
__attribute__((noinline)) void spin(uint32_t iterations) {
  __asm volatile(".syntax unified\n1: subs %0, #1\n\tbne 1b" : "+r"(iterations));
}

}  // namespace

InstructionClock::InstructionClock() {
  systick_reload = systick_mask;
  systick_value = 0;
  systick_control = 5;  // enabled, processor clock, no interrupt
  const uint32_t spin_iterations = 1000000;
  const uint32_t start = now();
  spin(spin_iterations);
  const uint32_t spin_ticks = (start - now()) & systick_mask;
  instructions_per_tick_ = 2.0f * static_cast<float>(spin_iterations) / static_cast<float>(spin_ticks);
}

uint32_t InstructionClock::now() const { return systick_value; }

float InstructionClock::instructions_since(uint32_t start) const {
  return static_cast<float>((start - now()) & systick_mask) * instructions_per_tick_;
}

#endif

namespace {
const uint32_t stack_paint = 0xA5A5A5A5u;
}  // namespace

__attribute__((noinline)) void paint_unused_stack() {
  const uint32_t* const unused_end = stack_pointer();
  for (volatile uint32_t* word = stack_limit(); word < unused_end; ++word) *word = stack_paint;
}

uint32_t stack_bytes_used_below(const uint32_t* top) {
  const volatile uint32_t* deepest = stack_limit();
  while (*deepest == stack_paint) ++deepest;
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(top) - reinterpret_cast<uintptr_t>(deepest));
}

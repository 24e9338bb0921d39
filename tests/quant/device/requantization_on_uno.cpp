// On the ATmega328P (run-on-uno): DoubleRounding's 24-bit assembly path against its 32-bit path, which
// tests/quant/requantization_test.cpp holds to TFLite's 64-bit formulas on the host. Every right shift
// (0..31) on the edges of the 24-bit range and of the multiplier, then 60,000 pseudo-random cases.
// Prints requantization_checked=N and requantization_mismatches=M (0 to pass), the first few
// mismatches as x multiplier shift. Built with plain avr-g++ (no Arduino core, no interrupts).
#include <tinymlp/quant/requantization.hpp>

#include "simavr/uno_console.hpp"

namespace {

uint32_t random_state = 12345;
uint32_t next_random() {  // a 32-bit linear congruential generator (Numerical Recipes' constants)
  random_state = random_state * 1664525u + 1013904223u;
  return random_state;
}

uint32_t checked = 0, mismatches = 0;
void check(int32_t x, int32_t multiplier, uint8_t right_shift) {
  // volatile: computed at run time, as in a kernel, not folded by the compiler.
  volatile int32_t x_at_run_time = x, multiplier_at_run_time = multiplier;
  volatile uint8_t shift_at_run_time = right_shift;
  const int32_t fast =
      tinymlp::quant::double_rounding_multiply_24_bit(x_at_run_time, multiplier_at_run_time, shift_at_run_time);
  const int32_t expected = tinymlp::quant::DoubleRounding::multiply_in_32_bits(x, multiplier, -right_shift);
  ++checked;
  if (fast == expected) return;
  if (mismatches++ < 5) {
    uno_console_print(x);
    uno_console_write(' ');
    uno_console_print(multiplier);
    uno_console_write(' ');
    uno_console_print(static_cast<int32_t>(right_shift));
    uno_console_write('\n');
  }
}

}  // namespace

int main() {
  uno_console_begin();
  const int32_t edge_inputs[] = {-8388608, -8388607, -8388606, -4194304, -65536, -32768, -255,    -128,    -1,     0,
                                 1,        2,        127,      256,      32767,  65535,  4194304, 8388606, 8388607};
  const int32_t edge_multipliers[] = {0, 1, 1073741824, 1073741825, 1500000000, 1659069366, 2147483646, 2147483647};
  for (int32_t x : edge_inputs)
    for (int32_t multiplier : edge_multipliers)
      for (uint8_t right_shift = 0; right_shift < 32; ++right_shift) check(x, multiplier, right_shift);
  for (uint16_t k = 0; k < 60000u; ++k) {
    const uint32_t bits = next_random();
    // x over the 24-bit range, at magnitudes from 2^23 down to 2^8; multipliers in [2^30, 2^31);
    // right shifts 0..31, half of them 0..15 (a small model's).
    const int32_t x = static_cast<int32_t>(next_random() << 8) >> (8 + (bits & 15));
    const int32_t multiplier = static_cast<int32_t>((next_random() >> 1) | 0x40000000u);
    const uint8_t right_shift = static_cast<uint8_t>((bits >> 8) & ((bits >> 13) & 1 ? 15 : 31));
    check(x, multiplier, right_shift);
  }
  uno_console_figure("requantization_checked", static_cast<int32_t>(checked));
  uno_console_figure("requantization_mismatches", static_cast<int32_t>(mismatches));
  uno_console_end();
  return 0;
}

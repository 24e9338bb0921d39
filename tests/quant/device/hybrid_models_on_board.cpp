// Hybrid (dynamic-range) models from the headers tinymlp-convert writes, on a board and on the host,
// whose lines the board's must equal (tests/quant/CMakeLists.txt):
//   - by default, the sine model made hybrid (1-16-16-1), both input variants: "k symmetric asymmetric"
//     for 41 inputs x = 0.17 k, each output as its float's bits, so equal means bit for bit;
//   - with HYBRID_HAR (boards with the flash for it: not the Uno, see tinymlp-convert --info), the public
//     fixture har_dynamic_range (561-256-128-64-6, 188 KB of parameters) on its 64 input rows: "har s"
//     and its 6 outputs in units of 1e-12, held to the host's within 1e-5 (its float Dense layer sums
//     in another order on the host's vectors).
#include <tinymlp.hpp>

#ifdef HYBRID_HAR
#include "har_dynamic_range.hpp"
#include "har_dynamic_range_rows.hpp"
#else
#include "sine_hybrid.hpp"
#include "sine_hybrid_asymmetric.hpp"
#endif

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

void print_unsigned(uint64_t value) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  while (count > 0) print_char(digits[--count]);
}

void print_integer(int64_t value) {
  if (value < 0) print_char('-');
  print_unsigned(value < 0 ? 0u - static_cast<uint64_t>(value) : static_cast<uint64_t>(value));
}

#ifdef HYBRID_HAR
void print_text(const char* text) {
  while (*text) print_char(*text++);
}
#else
uint32_t bits_of(float value) {
  uint32_t bits;
  __builtin_memcpy(&bits, &value, sizeof bits);
  return bits;
}

__attribute__((noinline)) float sine_symmetric(float x) { return sine_hybrid.predict(x); }
__attribute__((noinline)) float sine_asymmetric(float x) { return sine_hybrid_asymmetric.predict(x); }
#endif

}  // namespace

int main() {
#ifdef __AVR__
  UCSR0B = 1 << TXEN0;
#endif
#ifndef HYBRID_HAR
  for (int k = -20; k <= 20; ++k) {
    const float x = 0.17f * static_cast<float>(k);
    print_integer(k);
    print_char(' ');
    print_unsigned(bits_of(sine_symmetric(x)));
    print_char(' ');
    print_unsigned(bits_of(sine_asymmetric(x)));
    print_char('\n');
  }
#else
  for (int s = 0; s < har_dynamic_range_row_count; ++s) {
    float y[6];
    har_dynamic_range.predict(har_dynamic_range_rows[s], y);
    print_text("har ");
    print_integer(s);
    for (int o = 0; o < 6; ++o) {
      print_char(' ');
      print_integer(static_cast<int64_t>(static_cast<double>(y[o]) * 1e12));
    }
    print_char('\n');
  }
#endif
#ifdef __AVR__
  // Sleeping with interrupts off never wakes: simavr takes it as the program's end.
  cli();
  sleep_mode();
#endif
  return 0;
}

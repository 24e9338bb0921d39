// The key=value figures of a probe on the ATmega328P, over the UART (which run-on-uno writes to its
// stdout), for a program built with plain avr-g++ (no Arduino core, no interrupts). run-on-uno adds
// the figures of the regions it timed (time_* in cycles, stack_bytes) when the program ends.
#ifndef TINYMLP_BENCH_UNO_CONSOLE_HPP
#define TINYMLP_BENCH_UNO_CONSOLE_HPP

#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <stdint.h>

inline void uno_console_begin() {
  UBRR0 = 0;
  UCSR0B = 1 << TXEN0;
}

inline void uno_console_write(char character) {
  while (!(UCSR0A & (1 << UDRE0))) {
  }
  UDR0 = static_cast<uint8_t>(character);
}

inline void uno_console_figure(const char* key, unsigned long value) {
  while (*key) uno_console_write(*key++);
  uno_console_write('=');
  char digits[10];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) uno_console_write(digits[--count]);
  uno_console_write('\n');
}

// Waits for the last byte to leave, then sleeps with interrupts off, which simavr takes as the end.
inline void uno_console_end() {
  while (!(UCSR0A & (1 << UDRE0))) {
  }
  cli();
  sleep_mode();
}

#endif

// Text and key=value figures over the ATmega328P's UART, which run-on-uno writes to its stdout, for
// programs built with plain avr-g++ (no Arduino core, no interrupts): the Uno's probes (run-on-uno adds
// the figures of the regions it timed when the program ends) and checks.
#ifndef TINYMLP_BOARD_UNO_CONSOLE_HPP
#define TINYMLP_BOARD_UNO_CONSOLE_HPP

#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <stdint.h>

#include "../decimal_text.hpp"

inline void uno_console_begin() {
  UBRR0 = 0;
  UCSR0B = 1 << TXEN0;
}

inline void uno_console_write(char character) {
  while (!(UCSR0A & (1 << UDRE0))) {
  }
  UDR0 = static_cast<uint8_t>(character);
}

inline void uno_console_print(const char* text) {
  while (*text) uno_console_write(*text++);
}

inline void uno_console_print(int32_t value) { write_signed_decimal<int32_t, uint32_t>(value, uno_console_write); }

// A line <key>=<value>.
inline void uno_console_figure(const char* key, int32_t value) {
  uno_console_print(key);
  uno_console_write('=');
  uno_console_print(value);
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

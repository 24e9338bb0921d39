// A test or probe program's text, with the same calls on every board and on the host: over the Uno's
// USART (simavr/uno_console.hpp), elsewhere through console.hpp's console_write (the board's runtime,
// or console_host.cpp on the host).
#ifndef TINYMLP_BOARD_CONSOLE_TEXT_HPP
#define TINYMLP_BOARD_CONSOLE_TEXT_HPP

#include <stdint.h>

#include "decimal_text.hpp"

#ifdef __AVR__
#include "simavr/uno_console.hpp"
inline void console_write(char c) { uno_console_write(c); }
#else
#include "console.hpp"
#endif

inline void console_begin() {
#ifdef __AVR__
  uno_console_begin();
#endif
}

// Ends the program once its text is out; on the Uno simavr stops at the sleep that never wakes.
inline void console_end() {
#ifdef __AVR__
  uno_console_end();
#else
  console_exit(0);
#endif
}

inline void console_print(const char* text) {
  while (*text) console_write(*text++);
}

inline void console_print_int32(int32_t value) { write_signed_decimal<int32_t, uint32_t>(value, console_write); }
inline void console_print_uint32(uint32_t value) { write_decimal(value, console_write); }
inline void console_print_int64(int64_t value) { write_signed_decimal<int64_t, uint64_t>(value, console_write); }

#endif

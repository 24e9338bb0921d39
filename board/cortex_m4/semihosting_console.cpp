// The console over ARM semihosting (QEMU's -semihosting): a `bkpt 0xab` with an operation in r0 and
// its argument in r1. Text is written a line at a time, which costs one trap per line.
#include <stdint.h>

#include "../console.hpp"

namespace {

enum Operation : uint32_t { write_string = 0x04, exit_program = 0x18 };
// SYS_EXIT's reasons: QEMU exits with status 0 for the first and 1 for the second.
const uint32_t application_exit = 0x20026, run_time_error = 0x20023;

uint32_t semihost(Operation operation, uint32_t argument) {
  register uint32_t r0 __asm("r0") = operation;
  register uint32_t r1 __asm("r1") = argument;
  __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

char line[128];
unsigned line_length = 0;

void flush_line() {
  line[line_length] = '\0';
  semihost(write_string, reinterpret_cast<uint32_t>(line));
  line_length = 0;
}

}  // namespace

void console_write(char c) {
  line[line_length++] = c;
  if (c == '\n' || line_length == sizeof(line) - 1) flush_line();
}

void console_exit(int status) {
  if (line_length) flush_line();
  for (;;) semihost(exit_program, status == 0 ? application_exit : run_time_error);
}

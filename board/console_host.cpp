#include <stdio.h>
#include <stdlib.h>

#include "console.hpp"

void console_write(char c) { putchar(c); }

void console_exit(int status) {
  fflush(stdout);
  exit(status);
}

// main() for a sketch off the board: setup(), then loop() SKETCH_LOOPS times (a compile-time
// definition, so that a simulated board stops by itself), then the platform's exit.
#include "Arduino.h"
#include "../console.hpp"

#ifndef SKETCH_LOOPS
#error "define SKETCH_LOOPS, the number of times loop() runs"
#endif

HardwareSerial Serial;

size_t HardwareSerial::write(uint8_t character) {
  console_write(static_cast<char>(character));
  return 1;
}

int main() {
  setup();
  for (long pass = 0; pass < SKETCH_LOOPS; ++pass) loop();
  console_exit(0);
}

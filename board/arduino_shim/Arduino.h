// The part of the Arduino API that tinymlp's example sketches use, for running a sketch unchanged
// where there is no Arduino core: on the host (output to stdout) and on a bare Cortex-M4 (output
// through semihosting). main() calls setup() and then loop() a fixed number of times, see
// run_sketch.cpp. Pins and timing do nothing; analogRead reads 0, as simavr's unconnected ADC does.
#ifndef TINYMLP_ARDUINO_SHIM_ARDUINO_H
#define TINYMLP_ARDUINO_SHIM_ARDUINO_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "Print.h"

#define HIGH 0x1
#define LOW 0x0
#define INPUT 0x0
#define OUTPUT 0x1
#define LED_BUILTIN 13
#define A0 14
#define A1 15

typedef uint8_t byte;

inline void pinMode(uint8_t, uint8_t) {}
inline void digitalWrite(uint8_t, uint8_t) {}
inline void analogWrite(uint8_t, int) {}
inline int analogRead(uint8_t) { return 0; }
inline void delay(unsigned long) {}

// Flash strings are ordinary strings outside AVR.
class __FlashStringHelper;
#define F(string_literal) (reinterpret_cast<const __FlashStringHelper*>(string_literal))

class HardwareSerial : public Print {
 public:
  void begin(unsigned long /*baud*/) {}
  size_t write(uint8_t character) override;
  using Print::write;
};
extern HardwareSerial Serial;

// The sketch's two functions.
void setup();
void loop();

#endif

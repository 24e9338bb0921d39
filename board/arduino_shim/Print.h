// Arduino's Print: text and numbers written through one virtual write(byte). Numbers are formatted
// the way ArduinoCore-avr formats them, floats in float arithmetic as on the Uno (whose double is a
// float), so that a sketch prints the same digits here as on the board.
#ifndef TINYMLP_ARDUINO_SHIM_PRINT_H
#define TINYMLP_ARDUINO_SHIM_PRINT_H

#include <stddef.h>
#include <stdint.h>

#define DEC 10
#define HEX 16

class __FlashStringHelper;

class Print {
 public:
  virtual size_t write(uint8_t character) = 0;
  size_t write(const char* text);

  size_t print(const char* text) { return write(text); }
  size_t print(const __FlashStringHelper* text) { return write(reinterpret_cast<const char*>(text)); }
  size_t print(char c) { return write(static_cast<uint8_t>(c)); }
  size_t print(long number, int base = DEC);
  size_t print(unsigned long number, int base = DEC);
  size_t print(int number, int base = DEC) { return print(static_cast<long>(number), base); }
  size_t print(unsigned number, int base = DEC) { return print(static_cast<unsigned long>(number), base); }
  size_t print(double number, int digits = 2);

  size_t println() { return write("\r\n"); }
  template <class T>
  size_t println(T value) {
    const size_t written = print(value);
    return written + println();
  }
  template <class T>
  size_t println(T value, int format) {
    const size_t written = print(value, format);
    return written + println();
  }

 protected:
  ~Print() = default;
};

#endif

#include "Print.h"

size_t Print::write(const char* text) {
  size_t written = 0;
  while (*text) written += write(static_cast<uint8_t>(*text++));
  return written;
}

size_t Print::print(unsigned long number, int base) {
  char digits[8 * sizeof(number) + 1];
  char* first = digits + sizeof(digits) - 1;
  *first = '\0';
  do {
    const unsigned digit = static_cast<unsigned>(number % static_cast<unsigned long>(base));
    *--first = static_cast<char>(digit < 10 ? '0' + digit : 'A' + digit - 10);
    number /= static_cast<unsigned long>(base);
  } while (number);
  return write(first);
}

size_t Print::print(long number, int base) {
  if (number >= 0 || base != DEC) return print(static_cast<unsigned long>(number), base);
  return print('-') + print(0ul - static_cast<unsigned long>(number), base);
}

// ArduinoCore-avr's printFloat, step for step, in float.
size_t Print::print(double number_as_double, int digits) {
  float number = static_cast<float>(number_as_double);
  if (number != number) return write("nan");
  if (number - number != 0.0f) return write("inf");
  if (number > 4294967040.0f || number < -4294967040.0f) return write("ovf");

  size_t written = 0;
  if (number < 0.0f) {
    written += print('-');
    number = -number;
  }
  float rounding = 0.5f;
  for (int k = 0; k < digits; ++k) rounding /= 10.0f;
  number += rounding;

  const unsigned long integer_part = static_cast<unsigned long>(number);
  float remainder = number - static_cast<float>(integer_part);
  written += print(integer_part);
  if (digits > 0) written += print('.');
  while (digits-- > 0) {
    remainder *= 10.0f;
    const unsigned digit = static_cast<unsigned>(remainder);
    written += print(digit);
    remainder -= static_cast<float>(digit);
  }
  return written;
}

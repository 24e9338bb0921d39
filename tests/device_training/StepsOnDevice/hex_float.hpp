// A float printed exactly, in C's hexadecimal notation (as printf's %a writes it, and as strtod and
// so same-numbers read it back): sign, 0x1. and the 23 fraction bits as six hex digits, p and the
// power of two. Arduino's Print has no such format, and six decimals would hide the rounding under test.
#ifndef HEX_FLOAT_HPP
#define HEX_FLOAT_HPP

#include <Arduino.h>
#include <string.h>

inline void print_hex_float(Print& out, float value) {
  uint32_t bits;
  memcpy(&bits, &value, sizeof bits);
  if (bits >> 31) out.print('-');
  const int biased_exponent = static_cast<int>((bits >> 23) & 0xFFu);
  const uint32_t fraction = (bits & 0x7FFFFFu) << 1;        // 24 bits: six whole hex digits
  out.print(biased_exponent == 0 ? F("0x0.") : F("0x1."));  // zero and subnormals have no leading 1
  for (int shift = 20; shift >= 0; shift -= 4) out.print(static_cast<unsigned>((fraction >> shift) & 0xFu), HEX);
  out.print('p');
  out.println(biased_exponent == 0 ? -126 : biased_exponent - 127);
}

#endif

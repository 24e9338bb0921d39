// Integers as decimal text, one character at a time, for consoles that have no printf: the Uno's
// USART (simavr/uno_console.hpp) and every board's console (console_text.hpp).
#ifndef TINYMLP_BOARD_DECIMAL_TEXT_HPP
#define TINYMLP_BOARD_DECIMAL_TEXT_HPP

typedef void (*CharacterWriter)(char);

template <typename Unsigned>
inline void write_decimal(Unsigned magnitude, CharacterWriter write) {
  char digits[20];  // 2^64 has 20 digits
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + static_cast<int>(magnitude % 10u));
    magnitude = static_cast<Unsigned>(magnitude / 10u);
  } while (magnitude != 0);
  while (count > 0) write(digits[--count]);
}

// The magnitude is taken in Unsigned, where the most negative value has one.
template <typename Signed, typename Unsigned>
inline void write_signed_decimal(Signed value, CharacterWriter write) {
  Unsigned magnitude = static_cast<Unsigned>(value);
  if (value < 0) {
    write('-');
    magnitude = static_cast<Unsigned>(0u - magnitude);
  }
  write_decimal(magnitude, write);
}

#endif

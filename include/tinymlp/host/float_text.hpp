/// \file
/// Floats as text that reads back to the same float32 (9 significant digits, printf's "%.9g"), with a
/// '.' whatever the locale: std::to_chars, which no setlocale or std::locale::global changes, where
/// printf would write "0,5" in a decimal-comma locale and a generated header would not compile.
#ifndef TINYMLP_HOST_FLOAT_TEXT_HPP
#define TINYMLP_HOST_FLOAT_TEXT_HPP

#include <charconv>
#include <string>

namespace tinymlp {

/// "0.25", "-1.5e-07", "3", "inf", "nan".
inline std::string exact_float_text(float value) {
  char text[32];
  const std::to_chars_result result = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 9);
  return std::string(text, result.ptr);
}

/// The same as a C++ float literal: "0.25f", "-1.5e-07f", "3.0f" (finite values).
inline std::string exact_float_literal(float value) {
  std::string literal = exact_float_text(value);
  if (literal.find_first_of(".en") == std::string::npos) literal += ".0";
  return literal + "f";
}

}  // namespace tinymlp

#endif

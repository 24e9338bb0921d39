/// \file
/// Floats as text that reads back to the same float32 (9 significant digits, printf's "%.9g"), for the
/// model file, as C++ float literals for headers, and in messages. The '.' is a '.' whatever the
/// locale: std::to_chars, which no setlocale or std::locale::global changes, where printf would write
/// "0,5" in a decimal-comma locale and a generated header would not compile. Only finite values have a
/// text in a file: the writers check their weights first, and a NaN or infinity that slips through is
/// a ModelError here, never a literal that does not compile or reads back as something else.
#ifndef TINYMLP_HOST_FLOAT_TEXT_HPP
#define TINYMLP_HOST_FLOAT_TEXT_HPP

#include <charconv>
#include <cmath>
#include <string>

#include "errors.hpp"

namespace tinymlp {

/// Any float as a message shows it: "0.25", "-1.5e-07", "3", "inf", "-inf", "nan".
inline std::string float_message_text(float value) {
  char text[32];
  const std::to_chars_result result = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 9);
  return {text, result.ptr};
}

/// "0.25", "-1.5e-07", "3"; ModelError for NaN and infinities.
inline std::string float_text(float value) {
  if (!std::isfinite(value)) throw ModelError("cannot write " + float_message_text(value) + ": not a finite number");
  return float_message_text(value);
}

/// The same as a C++ float literal: "0.25f", "-1.5e-07f", "3.0f".
inline std::string float_literal(float value) {
  std::string text = float_text(value);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text + "f";
}

}  // namespace tinymlp

#endif

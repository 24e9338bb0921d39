/// \file
/// Floats as text that reads back to the same float32 (9 significant digits), for the model file and
/// as C++ float literals for headers. Only finite values have a text: the writers check their weights
/// first, and a NaN or infinity that slips through is a ModelError here, never a literal that does not
/// compile or reads back as something else.
#ifndef TINYMLP_HOST_FLOAT_TEXT_HPP
#define TINYMLP_HOST_FLOAT_TEXT_HPP

#include <cmath>
#include <cstdio>
#include <string>

#include "errors.hpp"

namespace tinymlp {

/// "0.25", "-1.5e-07", "3"; ModelError for NaN and infinities.
inline std::string float_text(float value) {
  if (!std::isfinite(value)) throw ModelError("cannot write " + std::to_string(value) + ": not a finite number");
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", static_cast<double>(value));
  return text;
}

/// The same as a C++ float literal: "0.25f", "-1.5e-07f", "3.0f".
inline std::string float_literal(float value) {
  std::string text = float_text(value);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text + "f";
}

}  // namespace tinymlp

#endif

#include "tinymlp_tools/float_text.hpp"

#include <cstdio>

namespace tinymlp {
namespace tools {

std::string float_text(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", static_cast<double>(value));
  return text;
}

std::string float_literal(float value) {
  std::string text = float_text(value);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text + "f";
}

}  // namespace tools
}  // namespace tinymlp

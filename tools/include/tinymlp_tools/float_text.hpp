/// \file
/// Floats as text that reads back to the same float32: 9 significant digits.
#ifndef TINYMLP_TOOLS_FLOAT_TEXT_HPP
#define TINYMLP_TOOLS_FLOAT_TEXT_HPP

#include <string>

namespace tinymlp {
namespace tools {

/// "0.25", "-1.5e-07", "3" (finite values only).
std::string float_text(float value);

/// The same as a C++ float literal: "0.25f", "-1.5e-07f", "3.0f".
std::string float_literal(float value);

}  // namespace tools
}  // namespace tinymlp

#endif

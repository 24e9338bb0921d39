#include "tinymlp_tools/float_text.hpp"

#include "tinymlp/host/float_text.hpp"

namespace tinymlp {
namespace tools {

std::string float_text(float value) { return exact_float_text(value); }

std::string float_literal(float value) { return exact_float_literal(value); }

}  // namespace tools
}  // namespace tinymlp

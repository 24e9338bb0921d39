/// \file
/// The host's check that a model's parameters were set (initialize() or a load) before fit,
/// evaluate or predict use them. The device stays free of it: a model is its parameter array and
/// nothing else (no flag, no constructor), so the check reads only the parameters. A model never
/// initialized holds zeros (a global or `Model m{}`) or whatever the stack held (on a PC mostly
/// pointers and small integers, which read as denormal or huge floats); Glorot initialization and
/// training give neither such values nor, with hidden layers, an all-zero model (whose hidden units
/// would all get the same gradient: it cannot train). A single Dense layer may start at zero. A parameter that is NaN or infinite is
/// refused too, naming it: a model left diverged must not train or predict on.
#ifndef TINYMLP_HOST_INITIALIZED_HPP
#define TINYMLP_HOST_INITIALIZED_HPP

#include <cmath>
#include <cstddef>
#include <string>

#include "errors.hpp"
#include "float_text.hpp"

namespace tinymlp {

namespace detail {

// Magnitudes outside [smallest, largest] (other than 0) come from no initializer and no sane training.
constexpr float smallest_set_parameter = 1e-30f;
constexpr float largest_set_parameter = 1e15f;

}  // namespace detail

/// Throws DataError naming `user` ("fit", "evaluate", "predict") unless the model's parameters look
/// set (see the file's description): all zero (with hidden layers), a NaN or infinite one, or one of
/// a magnitude below 1e-30 or above 1e15 (other than 0) is refused, naming the parameter and its value.
template <class Model>
void check_parameters_set(const Model& model, const char* user) {
  // It runs before every predict and evaluate: first one pass without a branch (it vectorizes), and
  // the pass that finds the parameter to name only where that one found something.
  bool all_zero = true, suspect = false;
  for (std::size_t k = 0; k < Model::parameter_count; ++k) {
    const float magnitude = std::fabs(model.parameters[k]);
    all_zero &= magnitude == 0.0f;
    suspect |= !(magnitude <= detail::largest_set_parameter);  // NaN, infinite or too large
    suspect |= magnitude != 0.0f && magnitude < detail::smallest_set_parameter;
  }
  const auto advice = [user] { return ": call model.initialize(seed) or load a model before " + std::string(user); };
  for (std::size_t k = 0; suspect && k < Model::parameter_count; ++k) {
    const float value = model.parameters[k];
    if (std::isnan(value) || std::isinf(value))
      throw DataError(std::string(user) + ": parameter " + std::to_string(k) + " of the model is " +
                      float_message_text(value) + " (a diverged fit, or a model never initialized)" + advice());
    const float magnitude = std::fabs(value);
    if (value != 0.0f && (magnitude < detail::smallest_set_parameter || magnitude > detail::largest_set_parameter))
      throw DataError(
          std::string(user) + ": parameter " + std::to_string(k) + " of the model is " + float_message_text(value) +
          ", a value no initialization or training gives: the model looks never " + "initialized" + advice());
  }
  const bool has_hidden_layers = SequentialKernels<Model>::first_layer::parameter_count != Model::parameter_count;
  if (all_zero && has_hidden_layers)
    throw DataError(std::string(user) + ": every parameter of the model is 0: it was never initialized" + advice());
}

}  // namespace tinymlp

#endif

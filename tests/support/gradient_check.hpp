// Central-difference checks of analytic derivatives. Everything tinymlp computes is float, so the
// step is large enough for float rounding (about 1e-7 of the value) to stay far below the
// tolerance, and small enough for the truncation error (step squared) to do the same. A wrong
// factor, sign or index is off by far more than the 1% allowed.
#ifndef TINYMLP_TESTS_SUPPORT_GRADIENT_CHECK_HPP
#define TINYMLP_TESTS_SUPPORT_GRADIENT_CHECK_HPP

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace tinymlp_tests {

struct DerivativeTolerance {
  float step = 1e-3f;
  double absolute = 2e-4;
  double relative = 1e-2;
};

// A function's value at the current variables, with a signature of its piecewise regime (which
// ReLUs are on, say). Smooth functions leave the regime empty.
struct Evaluation {
  double value;
  std::vector<bool> regime;
};

struct DerivativeCheck {
  std::size_t checked = 0;
  std::size_t skipped = 0;  // perturbations that crossed a kink
  double largest_analytic = 0;
};

// Compares analytic[k] with (f(v + step e_k) - f(v - step e_k)) / (2 step) for every variable k.
// A variable whose perturbation changes the regime is skipped: that difference straddles a kink.
// The variables are restored, but evaluate() has run last at a perturbed point.
template <class Evaluate>
DerivativeCheck check_derivatives(float* variables, const float* analytic, std::size_t count, Evaluate evaluate,
                                  const DerivativeTolerance& tolerance = DerivativeTolerance()) {
  DerivativeCheck result;
  const std::vector<bool> centre_regime = evaluate().regime;
  for (std::size_t k = 0; k < count; ++k) {
    const float original = variables[k];
    const float above_point = original + tolerance.step;
    const float below_point = original - tolerance.step;
    variables[k] = above_point;
    const Evaluation above = evaluate();
    variables[k] = below_point;
    const Evaluation below = evaluate();
    variables[k] = original;
    if (above.regime != centre_regime || below.regime != centre_regime) {
      ++result.skipped;
      continue;
    }
    // Divide by the step the float variables actually took.
    const double numeric =
        (above.value - below.value) / (static_cast<double>(above_point) - static_cast<double>(below_point));
    const double expected = analytic[k];
    const double allowed = tolerance.absolute + tolerance.relative * std::max(std::fabs(expected), std::fabs(numeric));
    INFO("variable ", k, ": analytic ", expected, ", central difference ", numeric);
    CHECK(std::fabs(numeric - expected) <= allowed);
    ++result.checked;
    result.largest_analytic = std::max(result.largest_analytic, std::fabs(expected));
  }
  return result;
}

}  // namespace tinymlp_tests

#endif

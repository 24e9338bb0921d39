// Half of the configuration-namespace test (configuration_namespace_test.cpp), compiled twice with
// different switches (tests/CMakeLists.txt): UNIT names the functions of each build.
#include <typeinfo>

#include "tinymlp.hpp"

#define TINYMLP_TEST_JOIN_(a, b) a##b
#define TINYMLP_TEST_JOIN(a, b) TINYMLP_TEST_JOIN_(a, b)

namespace {
typedef tinymlp::Sequential<tinymlp::Dense<2, 1>> Model;
}  // namespace

// One output from the inputs (0, 2) with the weights (infinity, 1) and bias 0: a Dense that skips the
// products of zero inputs gives 2; one that multiplies them gives 0 * infinity, NaN.
float TINYMLP_TEST_JOIN(UNIT, _prediction)() {
  Model model;
  model.parameters[0] = __builtin_inff();
  model.parameters[1] = 1.0f;
  model.parameters[2] = 0.0f;
  const float x[2] = {0.0f, 2.0f};
  float y = 0.0f;
  model.predict(x, &y);
  return y;
}

// The mangled name spells every namespace, inline ones too (clang's __PRETTY_FUNCTION__ leaves those out).
const char* TINYMLP_TEST_JOIN(UNIT, _model_name)() { return typeid(Model).name(); }

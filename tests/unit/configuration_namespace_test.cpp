// Two translation units built with different configuration switches (configuration_unit.cpp, compiled
// as "skipping" with TINYMLP_SKIP_ZERO_INPUTS=1 and TINYMLP_BATCH_BLOCK=1, and as "multiplying" with
// TINYMLP_SKIP_ZERO_INPUTS=0), linked into one program at -O0 so that their kernels are out-of-line
// calls: each must run its own kernels. Without the configuration's inline namespace the two units'
// kernels would share one symbol and the linker would keep one for both (a one-definition-rule
// violation that no compiler reports).
#include <cmath>
#include <cstring>
#include <string>

#include <doctest/doctest.h>

float skipping_prediction();
float multiplying_prediction();
const char* skipping_model_name();
const char* multiplying_model_name();

TEST_CASE("configuration switches: units built differently each keep their own kernels") {
  CHECK(skipping_prediction() == 2.0f);
  CHECK(std::isnan(multiplying_prediction()));
}

TEST_CASE("configuration switches: the model types of units built differently are different types") {
  const std::string skipping = skipping_model_name(), multiplying = multiplying_model_name();
  INFO(skipping, " / ", multiplying);
  CHECK(skipping != multiplying);
  CHECK(skipping.find("configuration_") != std::string::npos);
}

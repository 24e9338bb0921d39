// Compiled three ways by CTest: as is it must compile (the control, so that the two failures below
// cannot come from a broken command); with TINYMLP_TEST_DISAGREEING_SIZES or
// TINYMLP_TEST_FIRST_LAYER_NOT_DENSE it must fail with the library's own message.
#include "tinymlp.hpp"

#if defined(TINYMLP_TEST_DISAGREEING_SIZES)
typedef tinymlp::Sequential<tinymlp::Dense<1, 16>, tinymlp::ReLU, tinymlp::Dense<8, 1>> Model;
#elif defined(TINYMLP_TEST_FIRST_LAYER_NOT_DENSE)
typedef tinymlp::Sequential<tinymlp::ReLU, tinymlp::Dense<1, 1>> Model;
#else
typedef tinymlp::Sequential<tinymlp::Dense<1, 16>, tinymlp::ReLU, tinymlp::Dense<16, 1>> Model;
#endif

float predict_with(const Model& model, float x) { return model.predict(x); }

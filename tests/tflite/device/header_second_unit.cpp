// The generated header included by a second translation unit: it must not define anything twice.
#include "hello_world_model.hpp"

float predict_in_other_unit(float x) { return hello_world_model.predict(x); }

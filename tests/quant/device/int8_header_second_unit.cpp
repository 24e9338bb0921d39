// The second translation unit: the parameters are still stored once.
#include "hello_world_int8.hpp"

int8_t predict_elsewhere(int8_t x) { return hello_world_int8.predict(x); }

// The generated int8 header in a device program of two translation units, for the Uno and a Cortex-M4.
#include "hello_world_int8.hpp"

int8_t predict_elsewhere(int8_t x);

volatile int8_t input, output;

int main() {
  output = hello_world_int8.predict(static_cast<int8_t>(input));
  output = predict_elsewhere(output);
  return 0;
}

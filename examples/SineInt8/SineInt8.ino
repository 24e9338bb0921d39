// SineInt8: SineInference's model quantized to int8 (TFLite's full-integer scheme), run with integer
// arithmetic only: no float in the inference, so an Uno pays no soft-float cost. Each loop() takes
// the next int8 input (all 256 in turn) and prints "x y", the model's int8 input and output; the
// same code prints the same integers on every board (tests/board checks the Uno and a Cortex-M4
// against the host).
//
// sine_int8.hpp was written by tinymlp's quantizer (tinymlp::quantize and model_header, see
// examples/sine_reference/write_sine_int8_header.cpp) from examples/SineInference/sine_model.hpp.
#include <tinymlp.hpp>

#include "sine_int8.hpp"

int x = -128;

void setup() { Serial.begin(115200); }

void loop() {
  const int8_t y = sine_int8.predict(static_cast<int8_t>(x));
  Serial.print(x);
  Serial.print(' ');
  Serial.println(y);
  x = x == 127 ? -128 : x + 1;
}

// SineInference: the TinyML "hello world" on an Arduino. The reference job's 1-16-16-1 network,
// trained on the PC to follow y = sin(x) sqrt(x), runs here from flash; the sketch steps x across
// the trained range, prints "x y" over Serial (open the Serial Plotter at 115200 baud) and dims
// the built-in LED along the curve (on an Uno, whose pin 13 has no PWM, it blinks instead).
//
// sine_model.hpp is written by the reference job (scripts/reference-job.sh) through
// tinymlp-convert: the weights in flash, the model's type and the ready-to-use `sine_model`.
#include <tinymlp.hpp>

#include "sine_model.hpp"
#include "sine_sweep.hpp"

SineSweep sweep;

void setup() {
  Serial.begin(115200);
  pinMode(LED_BUILTIN, OUTPUT);
}

void loop() {
  sweep.show_next_point(sine_model, LED_BUILTIN);
  delay(50);  // a pass of the curve takes about 1.5 s, slow enough to watch the LED
}

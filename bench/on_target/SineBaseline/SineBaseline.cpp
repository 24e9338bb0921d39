// SineInference without the model: the same sweep, printing and LED, with y = x. Flash and static
// RAM of SineInference over this are what the model and tinymlp cost (bench/on_target.sh). A .cpp,
// not a .ino, so that the Arduino Library Manager's checker finds no sketch outside examples/;
// board/ builds it as a sketch all the same.
#include <Arduino.h>

#include "sine_sweep.hpp"

struct NoModel {
  float predict(float x) const { return x; }
};

SineSweep sweep;

void setup() {
  Serial.begin(115200);
  pinMode(LED_BUILTIN, OUTPUT);
}

void loop() {
  sweep.show_next_point(NoModel(), LED_BUILTIN);
  delay(50);
}

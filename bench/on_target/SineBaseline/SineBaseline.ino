// SineInference without the model: the same sweep, printing and LED, with y = x. Flash and static
// RAM of SineInference over this are what the model and tinymlp cost (bench/on_target.sh).
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

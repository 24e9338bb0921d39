// StepsOnDevice: TrainOnDevice's first steps, then every weight exactly, so that tests/device_training
// can hold the board's weights to the host's after the same steps: after the first step, then after
// 20. Each report is a line "after <steps> steps loss <last step's loss>", then "w <index> <weight>"
// for each of the 321 parameters. A .cpp, not a .ino, so that the Arduino Library Manager's checker
// finds no sketch outside examples/; board/ builds it as a sketch all the same.
#include <Arduino.h>
#include <tinymlp.hpp>

#include "hex_float.hpp"
#include "sine_trainer.hpp"

SineTrainer trainer;
long steps_done = 0;

void setup() {
  Serial.begin(115200);
  trainer.begin(5u);
}

void loop() {
  const int steps = steps_done == 0 ? 1 : 19;
  float loss = 0.0f;
  for (int step = 0; step < steps; ++step) loss = trainer.train_one();
  steps_done += steps;
  Serial.print(F("after "));
  Serial.print(steps_done);
  Serial.print(F(" steps loss "));
  print_hex_float(Serial, loss);
  for (unsigned k = 0; k < SineModel::parameter_count; ++k) {
    Serial.print(F("w "));
    Serial.print(k);
    Serial.print(' ');
    print_hex_float(Serial, trainer.model().parameters[k]);
  }
}

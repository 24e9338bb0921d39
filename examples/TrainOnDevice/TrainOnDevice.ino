// TrainOnDevice: the board learns y = sin(x) sqrt(x) itself, from scratch, with no PC and no heap.
// A 1-16-16-1 network starts from random weights and takes one plain SGD step per random sample,
// updating its weights in place; every 250 steps it prints the mean loss of those steps over Serial
// (open the Serial Plotter at 115200 baud to watch it fall). From a mean squared error near 4 it
// falls below 0.5 within 4,000 steps (tests/device_training checks this on a simulated Uno and
// Cortex-M4F); an Uno takes about 10 ms a step.
//
// All the RAM it trains in is known at compile time: the weights (1,284 bytes), the optimizer (4)
// and one sample's layer outputs and deltas (388), 1,676 bytes.
#include <tinymlp.hpp>

#include "sine_trainer.hpp"

// Checked at compile time: the training memory plus 300 bytes for the Arduino core's serial buffers
// and the stack fit the Uno's 2 KB (change 2048 for your board).
static_assert(tinymlp::fits_in_ram<SineTrainingMemory::bytes + 300, 2048>::value, "");

const int steps_per_report = 250;
SineTrainer trainer;
long steps = 0;

void setup() {
  Serial.begin(115200);
  trainer.begin(5u);  // the seed of the initial weights and of the samples
}

void loop() {
  float loss_sum = 0.0f;
  for (int step = 0; step < steps_per_report; ++step) loss_sum += trainer.train_one();
  steps += steps_per_report;
  Serial.print(F("step "));
  Serial.print(steps);
  Serial.print(F(" loss "));
  Serial.println(loss_sum / steps_per_report, 4);
}

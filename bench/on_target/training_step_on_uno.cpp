// Cycles and memory of one in-place SGD step (batch 1) of the 1-16-16-1 model on the ATmega328P,
// for run-on-uno: each step is a region between writes of 1 and 2 to GPIOR0, which the runner
// times and whose stack depth it finds by painting. The steps are TrainOnDevice's (its model,
// optimizer and samples) from random weights, seed 1; their cost varies with how many ReLUs are on (zero inputs are skipped). The only
// static RAM is the model, the optimizer and the workspace, so that avr-size's .data + .bss is
// the type's figure (tests/device_training holds the two equal). Built with plain avr-g++.
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>

#include "sine_trainer.hpp"

static_assert(SineTrainingMemory::bytes == 1676, "tests/device_training/CMakeLists.txt expects 1676 bytes");

SineModel model;
SineOptimizer optimizer(0.015f);
tinymlp::InPlaceWorkspace<SineModel> workspace;

__attribute__((noinline)) void train_on(const SineSample& sample) {
  GPIOR0 = 1;
  tinymlp::train_step_in_place<tinymlp::MeanSquaredError>(model, optimizer, &sample.input, &sample.target, workspace);
  GPIOR0 = 2;
}

int main() {
  tinymlp::Random random(1u);
  model.initialize(random);
  for (int step = 0; step < 100; ++step) train_on(draw_sine_sample(random));
  // Sleeping with interrupts off never wakes: simavr takes it as the program's end.
  cli();
  sleep_mode();
  return 0;
}

// Cycles and memory of one in-place SGD step (batch 1) of the 1-16-16-1 model on the ATmega328P,
// for run-on-uno: each step is a region between writes of 1 and 2 to GPIOR0, which the runner
// times and whose stack depth it finds by painting. The steps are TrainOnDevice's (its model,
// optimizer and samples) from random weights, seed 1; their cost varies with how many ReLUs are on
// (zero inputs are skipped). The model, the optimizer and the workspace are the only static RAM the
// step adds: with TINYMLP_PROBE_NO_TRAINING the probe runs no step and has none of them, and its
// .data + .bss less the probe's is the type's figure (tests/device_training holds the two equal).
// Built with plain avr-g++.
#include "sine_trainer.hpp"
#include "simavr/uno_console.hpp"

static_assert(SineTrainingMemory::bytes == 1676, "tests/device_training/CMakeLists.txt expects 1676 bytes");

#ifdef TINYMLP_PROBE_NO_TRAINING
__attribute__((noinline)) void train_on(const SineSample& sample) {
  GPIOR0 = 1;
  __asm volatile("" : : "r"(&sample) : "memory");
  GPIOR0 = 2;
}
void initialize_model(tinymlp::Random&) {}
#else
SineModel model;
SineOptimizer optimizer(0.015f);
tinymlp::InPlaceWorkspace<SineModel> workspace;

__attribute__((noinline)) void train_on(const SineSample& sample) {
  GPIOR0 = 1;
  tinymlp::train_step_in_place<tinymlp::MeanSquaredError>(model, optimizer, &sample.input, &sample.target, workspace);
  GPIOR0 = 2;
}
void initialize_model(tinymlp::Random& random) { model.initialize(random); }
#endif

int main() {
  uno_console_begin();
  tinymlp::Random random(1u);
  initialize_model(random);
  for (int step = 0; step < 100; ++step) train_on(draw_sine_sample(random));
  uno_console_figure("training_memory_bytes", static_cast<int32_t>(SineTrainingMemory::bytes));
  uno_console_end();
  return 0;
}

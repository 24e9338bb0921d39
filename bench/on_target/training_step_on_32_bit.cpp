// Instructions and memory of one in-place SGD step (batch 1) of the 1-16-16-1 model on a 32-bit
// board (Cortex-M4F, Cortex-M0+, RISC-V), under QEMU with -icount shift=0: the same 100 steps as
// training_step_on_uno.cpp, each timed once against a call that does nothing (a step is long enough
// for the Cortex-M's SysTick), with the deepest stack of a step. The model, the optimizer and the
// workspace are the only static RAM the step adds: with TINYMLP_PROBE_NO_TRAINING the probe runs
// no step and has none of them, and its .data + .bss less the probe's is the type's figure
// (tests/device_training holds the two equal). Prints key=value lines on the semihosting console.
#include "probe_32_bit.hpp"
#include "sine_trainer.hpp"

static_assert(SineTrainingMemory::bytes == 1676, "tests/device_training/CMakeLists.txt expects 1676 bytes");

namespace {

__attribute__((noinline)) void skip(const SineSample& sample) { __asm volatile("" : : "r"(&sample) : "memory"); }

#ifdef TINYMLP_PROBE_NO_TRAINING
void (*const train_on)(const SineSample&) = skip;
void initialize_model(tinymlp::Random&) {}
#else
SineModel model;
SineOptimizer optimizer(0.015f);
tinymlp::InPlaceWorkspace<SineModel> workspace;

__attribute__((noinline)) void train_on(const SineSample& sample) {
  tinymlp::train_step_in_place<tinymlp::MeanSquaredError>(model, optimizer, &sample.input, &sample.target, workspace);
}
void initialize_model(tinymlp::Random& random) { model.initialize(random); }
#endif

float instructions_of(const InstructionClock& clock, void (*step)(const SineSample&), const SineSample& sample) {
  const uint32_t start = clock.now();
  step(sample);
  return clock.instructions_since(start);
}

}  // namespace

int main() {
  ConsolePrint out;
  const InstructionClock clock;
  tinymlp::Random random(1u);
  initialize_model(random);
  Tally instructions;
  uint32_t deepest_stack = 0;
  for (int step = 0; step < 100; ++step) {
    const SineSample sample = draw_sine_sample(random);
    const float call_instructions = instructions_of(clock, skip, sample);
    float step_instructions = 0.0f;
    const uint32_t stack = stack_bytes_of(
        [&clock, &sample, &step_instructions] { step_instructions = instructions_of(clock, train_on, sample); });
    instructions.add(step_instructions - call_instructions);
    deepest_stack = stack > deepest_stack ? stack : deepest_stack;
  }
  instructions.print(out, "time");
  out.figure("training_memory_bytes", static_cast<unsigned long>(SineTrainingMemory::bytes));
  out.figure("stack_bytes", static_cast<unsigned long>(deepest_stack));
  return 0;
}

// A whole program as a microcontroller would run it: inference from weights in flash, and a
// training step of a tiny model in RAM. CTest links it for the ATmega328P (Arduino Uno, 2 KB of
// RAM), a Cortex-M4F, a Cortex-M0+ and 32-bit RISC-V. Objects with constructors are globals: a function-local static
// needs __cxa_guard_acquire, which avr-libc lacks.
#include "tinymlp.hpp"

namespace {

using namespace tinymlp;

// The sine model's shape; a trained model would list all 321 parameters, the rest here are zero.
typedef Mlp<ReLU, 1, 16, 16, 1> SineModel;
const float sine_weights[SineModel::parameter_count] TINYMLP_PROGMEM = {0.51f, -0.32f, 0.27f, -0.81f, 0.11f, 0.64f};
const FlashModel<SineModel> sine(sine_weights);

typedef Sequential<Dense<2, 4>, Tanh, Dense<4, 1>, Sigmoid> Detector;
typedef Sgd<Detector> DetectorOptimizer;
Detector detector;
DetectorOptimizer optimizer(0.1f);
TrainingWorkspace<Detector> workspace;

// An int8 model of one input and one output: predict(0.7) is its float predict, predict(int8_t) its
// integer one.
typedef Sequential<Dense<1, 1>> Line;
const Int8Model<Line>::Parameters line_parameters TINYMLP_PROGMEM = {{0.1f, 0, 0.1f},
                                                                     {{{127}, {0}, {1073741824}, {-1}, 0}}};
const Int8Model<Line> line(&line_parameters);

static_assert(TrainingMemory<Detector, DetectorOptimizer>::bytes + SineModel::activation_bytes < 512,
              "the program must leave most of the Uno's 2 KB of RAM to the stack");

}  // namespace

// Read and written through volatile so that the compiler cannot fold the work away.
volatile float sensor_reading = 0.25f;
volatile float label = 1.0f;
volatile float result;

int main() {
  detector.initialize(1u);
  for (int step = 0; step < 10; ++step) {
    const float reading = sensor_reading;
    result = sine.predict(reading);
    result = result + line.predict(0.7) + static_cast<float>(line.predict(int8_t(-96)));
    const float features[2] = {reading, result};
    const float target[1] = {label};
    result = train_on_batch<BinaryCrossEntropy>(detector, optimizer, features, target, 1, workspace.buffers());
  }
  return 0;
}

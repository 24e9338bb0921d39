// What TrainOnDevice does, kept apart from the .ino so that the Uno, Cortex-M4 and host builds
// (tests/device_training) and the on-target bench (bench/on_target) run this same code: the
// 1-16-16-1 model learns y = sin(x) sqrt(x) for x in [0, 15) from scratch, one random sample per
// step, by plain SGD updating its weights in place (all an Uno's 2 KB of RAM can hold).
#ifndef SINE_TRAINER_HPP
#define SINE_TRAINER_HPP

#include <math.h>
#include <tinymlp.hpp>

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> SineModel;
typedef tinymlp::Sgd<SineModel> SineOptimizer;
typedef tinymlp::InPlaceTrainingMemory<SineModel, SineOptimizer> SineTrainingMemory;

// One training sample. The model sees x scaled to [-1, 1): on raw x in [0, 15) the ReLUs of every
// unit whose first weight starts negative would never switch on, and SGD steps would be too large.
struct SineSample {
  float input;
  float target;
};
inline SineSample draw_sine_sample(tinymlp::Random& random) {
  const float x = random.uniform(0.0f, 15.0f);
  const SineSample sample = {x * (2.0f / 15.0f) - 1.0f, sinf(x) * sqrtf(x)};
  return sample;
}

class SineTrainer {
 public:
  // 0.015 learns fastest over a few thousand steps without diverging (0.05 diverges).
  SineTrainer() : optimizer_(0.015f) {}

  void begin(uint32_t seed) {
    model_.initialize(seed);
    random_.reseed(seed);
  }

  // One step on a fresh sample; returns the loss (squared error) before the step.
  float train_one() {
    const SineSample sample = draw_sine_sample(random_);
    return tinymlp::train_step_in_place<tinymlp::MeanSquaredError>(model_, optimizer_, &sample.input, &sample.target,
                                                                   workspace_);
  }

  const SineModel& model() const { return model_; }

 private:
  SineModel model_;
  SineOptimizer optimizer_;
  tinymlp::InPlaceWorkspace<SineModel> workspace_;
  tinymlp::Random random_;
};

#endif

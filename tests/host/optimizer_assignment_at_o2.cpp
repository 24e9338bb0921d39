// An optimizer assigned a fresh one (`optimizer = Rmsprop<Model>();`, the way to start it over) holds
// the settings the fresh one was made with. Built at -O2 for a plain x86-64, as many users build: there
// GCC 12.2 dropped the store of a setting into the fresh optimizer before copying it (see
// detail/complete_stores.hpp): RMSprop's epsilon came out 0 (fit then stopped on a NaN loss) and
// momentum's Nesterov flag false (silently plain momentum). The statements around each assignment are
// those that made GCC go wrong, and a small change to them hides it: keep them as they are.
#include <cstdio>

#include "tinymlp/host.hpp"

template <class Optimizer>
bool keeps_its_settings(const char* name) {
  tinymlp::Dataset data;
  data.features = 1;
  data.targets = 1;
  for (size_t k = 0; k < 64; ++k) {
    data.inputs.push_back(k * 0.01f);
    data.outputs.push_back(k * 0.02f);
  }
  tinymlp::SplitDataset split = tinymlp::split(data, 0.7, 0.15);
  static Optimizer optimizer;
  optimizer = Optimizer();
  tinymlp::FitOptions options;
  std::printf("%s: learning rate %g, epsilon %g\n", name, (double)optimizer.settings().learning_rate,
              (double)optimizer.settings().epsilon);
  return optimizer.settings().learning_rate == 0.001f && optimizer.settings().epsilon == 1e-7f;
}

using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;

template <class Optimizer>
bool keeps_nesterov(const char* name) {
  tinymlp::Dataset data;
  data.features = 1;
  data.targets = 1;
  for (size_t k = 0; k < 64; ++k) {
    data.inputs.push_back(k * 0.01f);
    data.outputs.push_back(k * 0.02f);
  }
  tinymlp::SplitDataset split = tinymlp::split(data, 0.7, 0.15);
  static Optimizer optimizer;
  optimizer = Optimizer(tinymlp::MomentumSettings(0.01f, 0.9f, true));
  tinymlp::FitOptions options;
  std::printf("%s: learning rate %g, Nesterov %d\n", name, (double)optimizer.settings().learning_rate,
              (int)optimizer.settings().nesterov);
  return optimizer.settings().learning_rate == 0.01f && optimizer.settings().nesterov;
}

int main() {
  const bool rmsprop = keeps_its_settings<tinymlp::Rmsprop<Model>>("RMSprop");
  const bool adam = keeps_its_settings<tinymlp::Adam<Model>>("Adam");
  const bool momentum = keeps_nesterov<tinymlp::SgdWithMomentum<Model>>("SGD with momentum");
  return rmsprop && adam && momentum ? 0 : 1;
}

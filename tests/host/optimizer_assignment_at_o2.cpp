// An optimizer assigned a fresh one (`optimizer = Rmsprop<Model>(settings);`, the way to start it over)
// holds the settings it was given. Built at -O2 for a plain x86-64, as many users build: there GCC 12.2
// dropped the store of a setting into the fresh optimizer before copying it (see
// detail/complete_stores.hpp): RMSprop's epsilon came out 0 (fit then stopped on a NaN loss) and
// momentum's Nesterov flag false (silently plain momentum). The statements around the assignment are
// those that made GCC go wrong, and a small change to them hides it: keep them as they are.
#include <cstdio>

#include "tinymlp/host.hpp"

// The optimizer after `static Optimizer optimizer; optimizer = Optimizer(settings);` between a split
// and a FitOptions, as a training program writes them.
template <class Optimizer, class Settings>
const Optimizer& assigned(Settings settings) {
  tinymlp::Dataset data;
  data.features = 1;
  data.targets = 1;
  for (size_t k = 0; k < 64; ++k) {
    data.inputs.push_back(k * 0.01f);
    data.outputs.push_back(k * 0.02f);
  }
  tinymlp::SplitDataset split = tinymlp::split(data, 0.7, 0.15);
  static Optimizer optimizer;
  optimizer = Optimizer(settings);
  tinymlp::FitOptions options;
  return optimizer;
}

using Model = tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>;

int main() {
  const tinymlp::RmspropSettings rmsprop = assigned<tinymlp::Rmsprop<Model>>(tinymlp::RmspropSettings()).settings();
  const tinymlp::AdamSettings adam = assigned<tinymlp::Adam<Model>>(tinymlp::AdamSettings()).settings();
  const tinymlp::MomentumSettings momentum =
      assigned<tinymlp::SgdWithMomentum<Model>>(tinymlp::MomentumSettings(0.01f, 0.9f, true)).settings();
  std::printf("RMSprop's epsilon %g, Adam's epsilon %g, momentum's Nesterov flag %d\n",
              static_cast<double>(rmsprop.epsilon), static_cast<double>(adam.epsilon), momentum.nesterov ? 1 : 0);
  return rmsprop.epsilon == 1e-7f && adam.epsilon == 1e-7f && momentum.nesterov ? 0 : 1;
}

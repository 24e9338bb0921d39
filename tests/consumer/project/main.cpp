// Trains a small model on y = 3x - 1 with the installed headers, then predicts; exits 1 when the
// prediction is off, so the test that runs it fails.
#include <cmath>
#include <cstdio>
#include <vector>

#include "tinymlp.hpp"
#include "tinymlp/host.hpp"

int main() {
  typedef tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1> Model;
  std::vector<float> x, y;
  for (int k = 0; k < 200; ++k) {
    x.push_back(-1.0f + 2.0f * static_cast<float>(k) / 199.0f);
    y.push_back(3.0f * x.back() - 1.0f);
  }
  const tinymlp::Dataset data = tinymlp::Dataset::from_arrays(x.data(), y.data(), x.size(), 1, 1);

  Model model;
  model.initialize(1u);
  tinymlp::AdamSettings settings;
  settings.learning_rate = 0.01f;
  tinymlp::Adam<Model> optimizer(settings);
  tinymlp::FitOptions options;
  options.epochs = 200;
  options.batch_size = 16;
  options.progress = tinymlp::Progress::silent;
  tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data, options);

  const float prediction = model.predict(0.5f);
  std::printf("consumer: predict(0.5) = %.3f, expected 0.5\n", prediction);
  return std::fabs(prediction - 0.5f) < 0.1f ? 0 : 1;
}

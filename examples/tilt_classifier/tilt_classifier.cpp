// Trains TiltClassifier's model and writes the header the sketch ships (tilt_model.hpp): a 2-12-5
// softmax network that tells from a two-axis accelerometer's reading (x and y in g) whether a board
// lies level (within 0.25 g of flat) or is tilted right (+x), left (-x), forward (+y) or back (-y).
// The readings are made up: uniform over [-1, 1] g on each axis, labelled by that rule, then given
// 0.02 g of sensor noise. Seeded: the same build writes the same header (a test checks the committed one).
//   tilt_classifier [--out FOLDER]
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tinymlp/host.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/header_writer.hpp"

namespace {

using Model = tinymlp::Sequential<tinymlp::Dense<2, 12>, tinymlp::ReLU, tinymlp::Dense<12, 5>, tinymlp::Softmax>;
enum Tilt { level, right, left, forward, back, tilt_count };
const float level_radius = 0.25f;  // in g

Tilt tilt_of(float x, float y) {
  if (x * x + y * y < level_radius * level_radius) return level;
  if (std::fabs(x) >= std::fabs(y)) return x > 0.0f ? right : left;
  return y > 0.0f ? forward : back;
}

tinymlp::Dataset readings(std::size_t count, tinymlp::Random& random) {
  tinymlp::Dataset data;
  data.features = 2;
  data.targets = tilt_count;
  for (std::size_t s = 0; s < count; ++s) {
    const float x = random.uniform(-1.0f, 1.0f), y = random.uniform(-1.0f, 1.0f);
    const Tilt tilt = tilt_of(x, y);
    data.inputs.push_back(x + 0.02f * random.normal());
    data.inputs.push_back(y + 0.02f * random.normal());
    for (int t = 0; t < tilt_count; ++t) data.outputs.push_back(t == tilt ? 1.0f : 0.0f);
  }
  return data;
}

float accuracy(const Model& model, const tinymlp::Dataset& data) {
  const std::vector<float> y = tinymlp::predict(model, data.inputs);
  std::size_t right_count = 0;
  for (std::size_t s = 0; s < data.size(); ++s) {
    std::size_t predicted = 0, actual = 0;
    for (std::size_t t = 1; t < tilt_count; ++t) {
      if (y[s * tilt_count + t] > y[s * tilt_count + predicted]) predicted = t;
      if (data.output(s)[t] > data.output(s)[actual]) actual = t;
    }
    right_count += predicted == actual;
  }
  return static_cast<float>(right_count) / static_cast<float>(data.size());
}

}  // namespace

int main(int argc, char** argv) try {
  std::string folder = "tilt_output";
  for (int k = 1; k < argc; ++k) {
    const std::string flag = argv[k];
    if (flag == "--out" && k + 1 < argc) {
      folder = argv[++k];
    } else {
      std::fprintf(stderr, "usage: %s [--out FOLDER]\n", argv[0]);
      return flag == "--help" ? 0 : 2;
    }
  }
  std::filesystem::create_directories(folder);
  tinymlp::Random random(1u);
  const tinymlp::Dataset train = readings(3000, random), validation = readings(1000, random),
                         test = readings(1000, random);
  Model model;
  model.initialize(1u);
  tinymlp::AdamSettings adam;
  adam.learning_rate = 0.01f;
  tinymlp::Adam<Model> optimizer(adam);
  tinymlp::FitOptions options;
  options.epochs = 300;
  options.batch_size = 32;
  options.seed = 1u;
  options.validation = &validation;
  options.early_stopping.enabled = true;
  options.early_stopping.patience = 30;
  options.progress = tinymlp::Progress::silent;
  const tinymlp::History history = tinymlp::fit<tinymlp::CategoricalCrossEntropy>(model, optimizer, train, options);
  std::printf("%zu epochs, %.2f s; accuracy: training %.4f, validation %.4f, test %.4f\n", history.epochs.size(),
              history.seconds, static_cast<double>(accuracy(model, train)),
              static_cast<double>(accuracy(model, validation)), static_cast<double>(accuracy(model, test)));
  tinymlp::write_model_header(folder + "/tilt_model.hpp", tinymlp::describe(model), "tilt_model",
                                     "a 2-12-5 tilt classifier trained by examples/tilt_classifier");
  std::printf("Wrote %s/tilt_model.hpp\n", folder.c_str());
  return 0;
} catch (const std::exception& error) {
  std::fprintf(stderr, "tilt_classifier: %s\n", error.what());
  return 1;
}

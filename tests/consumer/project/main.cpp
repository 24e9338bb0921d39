// Trains a small model on y = 3x - 1 with the installed headers, saves it as a model file, loads it
// back, converts it to .tflite and back, and writes a float and an int8 header for a sketch; exits 1
// when a prediction is off or a step loses the model, so the test that runs it fails.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "tinymlp.hpp"
#include "tinymlp/host.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

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
  if (std::fabs(prediction - 0.5f) >= 0.1f) return 1;

  // Save, load, convert: every step gives back the same weights.
  tinymlp::write_model_file("consumer.tinymlp", tinymlp::describe(model));
  const Model loaded = tinymlp::to_model<Model>(tinymlp::read_model_file("consumer.tinymlp"));
  tinymlp::tflite::write_tflite("consumer.tflite", tinymlp::describe(loaded));
  const Model converted = tinymlp::to_model<Model>(tinymlp::tflite::read_tflite("consumer.tflite"));
  if (converted.predict(0.5f) != prediction) {
    std::printf("consumer: the model read back from consumer.tflite predicts %.9g\n",
                static_cast<double>(converted.predict(0.5f)));
    return 1;
  }
  tinymlp::write_model_header("consumer_model.hpp", tinymlp::describe(converted), "consumer_model", "the consumer");
  tinymlp::write_model_header("consumer_int8.hpp", tinymlp::quantize(converted, data), "consumer_int8", "the consumer");
  const std::string header = tinymlp::read_whole_file("consumer_int8.hpp");
  std::printf("consumer: wrote consumer.tinymlp, consumer.tflite, consumer_model.hpp and consumer_int8.hpp (%s)\n",
              header.find("tinymlp::Int8Model<") != std::string::npos ? "Int8Model" : "no Int8Model");
  return header.find("tinymlp::Int8Model<") != std::string::npos ? 0 : 1;
}

// tinymlp's model file: an exact round trip, and errors that name the file and line.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "fixtures.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

TEST_CASE("a model file holds the weights exactly: model file to .tflite gives the original bytes") {
  const tinymlp::ModelDescription model = tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  const std::string path = (std::filesystem::temp_directory_path() / "tinymlp_model_file_test.tinymlp").string();
  tinymlp::write_model_file(path, model);
  const tinymlp::ModelDescription back = tinymlp::read_model_file(path);
  std::remove(path.c_str());
  CHECK(tinymlp::tflite::export_tflite(back) == tinymlp::tflite::export_tflite(model));
}

TEST_CASE("every kind of layer in a model file") {
  const std::string text =
      "tinymlp-model 1\n# a comment\ninput 2\ndense 2 tanh\nrow 1 2\nrow 3 4\nbias 0.5 -0.5\n"
      "activation sigmoid\ndense 3 none\nrow 1 0\nrow 0 1\nrow 1 1\nbias 0 0 0\nactivation softmax\nend\n";
  const tinymlp::ModelDescription model = tinymlp::parse_model_file(text, "inline");
  REQUIRE(model.layers.size() == 4);
  CHECK(model.layers[0].activation == tinymlp::Activation::tanh);
  CHECK(model.layers[1].activation == tinymlp::Activation::sigmoid);
  CHECK(model.layers[3].activation == tinymlp::Activation::softmax);
  CHECK(tinymlp::parse_model_file(tinymlp::model_file_text(model), "again").layers.size() == 4);
}

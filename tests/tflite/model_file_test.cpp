// tinymlp's model file: an exact round trip, and errors that name the file and line.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "fixtures.hpp"
#include "tinymlp_tools/model_file.hpp"
#include "tinymlp_tools/tflite_export.hpp"
#include "tinymlp_tools/tflite_import.hpp"

namespace tools = tinymlp::tools;

TEST_CASE("a model file holds the weights exactly: model file to .tflite gives the original bytes") {
  const tools::ModelDescription model = tools::read_tflite(fixtures::path("hello_world_float.tflite"));
  const std::string path = (std::filesystem::temp_directory_path() / "tinymlp_model_file_test.tinymlp").string();
  tools::write_model_file(path, model);
  const tools::ModelDescription back = tools::read_model_file(path);
  std::remove(path.c_str());
  CHECK(tools::export_tflite(back) == tools::export_tflite(model));
}

TEST_CASE("every kind of layer in a model file") {
  const std::string text =
      "tinymlp-model 1\n# a comment\ninput 2\ndense 2 tanh\nrow 1 2\nrow 3 4\nbias 0.5 -0.5\n"
      "activation sigmoid\ndense 3 none\nrow 1 0\nrow 0 1\nrow 1 1\nbias 0 0 0\nactivation softmax\nend\n";
  const tools::ModelDescription model = tools::parse_model_file(text, "inline");
  REQUIRE(model.layers.size() == 4);
  CHECK(model.layers[0].activation == tools::Activation::tanh);
  CHECK(model.layers[1].activation == tools::Activation::sigmoid);
  CHECK(model.layers[3].activation == tools::Activation::softmax);
  CHECK(tools::parse_model_file(tools::model_file_text(model), "again").layers.size() == 4);
}

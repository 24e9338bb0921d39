// tinymlp's model file: an exact round trip, and errors that name the file and line.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "fixtures.hpp"
#include "tinymlp_tools/model_error.hpp"
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

TEST_CASE("model file errors name the file and the line") {
  auto error_of = [](const std::string& text) {
    try {
      tools::parse_model_file(text, "m.tinymlp");
    } catch (const tools::ModelError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("") == "m.tinymlp:0: expected \"tinymlp-model 1\" as the first line");
  CHECK(error_of("tinymlp-model 2\n") == "m.tinymlp:1: expected \"tinymlp-model 1\" as the first line");
  CHECK(error_of("tinymlp-model 1\ninput x\n") ==
        "m.tinymlp:2: the input width must be a whole number from 1 to 16777216, found \"x\"");
  CHECK(error_of("tinymlp-model 1\ninput 2\ndense 1 relu\nrow 1\n") == "m.tinymlp:4: \"row\" needs 2 numbers, found 1");
  CHECK(error_of("tinymlp-model 1\ninput 1\ndense 1 sigmoid\n") ==
        "m.tinymlp:3: \"sigmoid\" is not none, relu, relu6 or tanh");
  CHECK(error_of("tinymlp-model 1\ninput 1\ndense 1 none\nrow nan\n") == "m.tinymlp:4: \"nan\" is not a finite number");
  CHECK(error_of("tinymlp-model 1\ninput 1\ndense 1 none\nrow 1\nbias 0\n") ==
        "m.tinymlp:5: the file ends without \"end\"");
  CHECK(error_of("tinymlp-model 1\ninput 1\nconv 3\n") ==
        "m.tinymlp:3: expected \"dense\", \"activation\" or \"end\", found \"conv\"");
  CHECK_THROWS_WITH_AS(tools::read_model_file("/nonexistent/model.tinymlp"),
                       "/nonexistent/model.tinymlp: cannot open it for reading", tools::ModelError);
}

// The one sanitizer of generated C++ (tinymlp/host/generated_code_text.hpp) and the int8 header
// writer that uses it: names that would not compile in a sketch are made ones or refused, a comment
// cannot be ended or continued by its text, and the header grows linearly with the layers.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "host_test_support.hpp"
#include "tinymlp/host/generated_code_text.hpp"
#include "tinymlp/host/int8_header.hpp"

namespace {

using host_tests::message_of;

// `layers` int8 Dense<1, 1> layers, each y = x.
tinymlp::QuantizedModel identity_chain(std::size_t layers) {
  tinymlp::QuantizedModel model;
  tinymlp::QuantizedLayer layer;
  layer.inputs = layer.outputs = 1;
  layer.dense.input = layer.dense.output = tinymlp::Quantization{0.1f, 0};
  layer.dense.weight_scales = {0.01f};
  layer.dense.kernel = {100};
  layer.dense.bias = {0};
  model.layers.assign(layers, layer);
  return model;
}

TEST_CASE("sketch_identifier makes a name that compiles in a sketch from any text") {
  CHECK(tinymlp::sketch_identifier("sine model-2") == "sine_model_2");
  CHECK(tinymlp::sketch_identifier("2nd") == "model_2nd");
  CHECK(tinymlp::sketch_identifier("") == "model_");
  CHECK(tinymlp::sketch_identifier("_Hidden") == "model_Hidden");
  CHECK(tinymlp::sketch_identifier("a__b") == "a_b");
  CHECK(tinymlp::sketch_identifier("class") == "class_model");
  CHECK(tinymlp::sketch_identifier("main") == "main_model");
  CHECK(tinymlp::sketch_identifier("abs") == "abs_model");
  CHECK(tinymlp::sketch_identifier("B1011") == "B1011_model");
  CHECK(tinymlp::sketch_identifier("B102") == "B102");
  CHECK(tinymlp::sketch_identifier("mod\xC3\xA8le") == "mod_le");
}

TEST_CASE("comment_text keeps a comment one comment: no line end, no continuing backslash") {
  CHECK(tinymlp::comment_text("dir\n#error injected\r\n.tflite") == "dir?#error injected??.tflite");
  CHECK(tinymlp::comment_text("C:\\models\\") == "C:/models/");
  CHECK(tinymlp::comment_text("caf\xC3\xA9.tflite") == "caf\xC3\xA9.tflite");
}

TEST_CASE("int8_model_header refuses a name that would not compile, naming one that would") {
  const tinymlp::QuantizedModel model = identity_chain(1);
  CHECK(message_of<std::invalid_argument>([&] { tinymlp::int8_model_header(model, "my-model", "test"); }) ==
        "int8_model_header's name 'my-model' is not a C++ identifier (letters, digits and '_', not a digit first); "
        "'my_model' would compile in a sketch");
  CHECK(message_of<std::invalid_argument>([&] { tinymlp::int8_model_header(model, "", "test"); }) ==
        "int8_model_header's name '' is not a C++ identifier (letters, digits and '_', not a digit first); "
        "'model_' would compile in a sketch");
  CHECK(message_of<std::invalid_argument>([&] { tinymlp::int8_model_header(model, "new", "test"); }) ==
        "int8_model_header's name 'new' is a C++ keyword; 'new_model' would compile in a sketch");
  CHECK(message_of<std::invalid_argument>([&] { tinymlp::int8_model_header(model, "HIGH", "test"); }) ==
        "int8_model_header's name 'HIGH' is a macro Arduino.h defines; 'HIGH_model' would compile in a sketch");
}

TEST_CASE("int8_model_header writes its source as one comment line, whatever it holds") {
  const std::string header = tinymlp::int8_model_header(identity_chain(1), "m", "a\n#error injected\\");
  CHECK(header.find("\n#error") == std::string::npos);
  CHECK(header.substr(0, header.find('\n')) ==
        "// m: an int8 tinymlp model generated from a?#error injected/. Do not edit.");
}

TEST_CASE("an int8 header's size grows linearly with the layers") {
  const std::size_t thousand = tinymlp::int8_model_header(identity_chain(1000), "deep", "test").size();
  const std::size_t ten_thousand = tinymlp::int8_model_header(identity_chain(10000), "deep", "test").size();
  CHECK(ten_thousand < 11 * thousand);
  CHECK(ten_thousand < 5000000);  // an indent growing with the depth made it 702 MB
}

}  // namespace

// What tinymlp writes it reads back: the writers refuse, naming the limit, what a reader would refuse
// (a .tflite over FlatBuffers' 2 GB, a layer wider than the readers take, a model with no layers); and
// the importer's memory stays proportionate to the file even when its operators share one buffer.
#include <doctest/doctest.h>

#include <string>

#include "fixtures.hpp"
#include "mutated_model.hpp"
#include "tinymlp/host/model_limits.hpp"
#include "tinymlp/host/read_file.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

template <class Action>
std::string model_error_of(Action action) {
  try {
    action();
  } catch (const tinymlp::ModelError& error) {
    return error.what();
  }
  return "no ModelError";
}

// Dense layers of the given widths; their weight vectors are left empty where `with_weights` is false,
// for the checks that come before the weights are looked at.
tinymlp::ModelDescription dense_chain(std::size_t input, std::size_t width, std::size_t layers, bool with_weights) {
  tinymlp::ModelDescription model;
  model.input_size = input;
  for (std::size_t k = 0; k < layers; ++k) {
    tinymlp::Layer layer;
    layer.inputs = k == 0 ? input : width;
    layer.outputs = width;
    if (with_weights) {
      layer.kernel.assign(layer.inputs * layer.outputs, 0.5f);
      layer.bias.assign(layer.outputs, 0.0f);
    }
    model.layers.push_back(std::move(layer));
  }
  return model;
}

TEST_CASE("export refuses a model whose .tflite would pass FlatBuffers' 2 GB limit, before building it") {
  // Nine Dense<8192, 8192>: 2.4 GB of float weights.
  const tinymlp::ModelDescription model = dense_chain(8192, 8192, 9, false);
  CHECK(model_error_of([&] { tinymlp::tflite::export_tflite(model); }) ==
        "the .tflite would take up to 2418029856 bytes, over FlatBuffers' limit of 2147483647 bytes (2 GB); save "
        "the model as a model file (.tinymlp) or a header instead");
}

TEST_CASE("writers refuse a layer wider than the readers take, naming the limit") {
  const tinymlp::ModelDescription wide = dense_chain(1, tinymlp::largest_layer_width + 1, 1, false);
  const std::string expected =
      "layer 0: Dense<1, 16777217> is larger than tinymlp reads: up to 16777216 outputs and 67108864 weights in a "
      "layer";
  CHECK(model_error_of([&] { tinymlp::model_file_text(wide); }) == expected);
  CHECK(model_error_of([&] { tinymlp::model_header(wide, "wide", "test"); }) == expected);
  const tinymlp::ModelDescription large = dense_chain(8193, 8192, 1, false);
  CHECK(model_error_of([&] { tinymlp::model_file_text(large); }) ==
        "layer 0: Dense<8193, 8192> is larger than tinymlp reads: up to 16777216 outputs and 67108864 weights in a "
        "layer");
  tinymlp::ModelDescription many_inputs;
  many_inputs.input_size = tinymlp::largest_layer_width + 1;
  CHECK(model_error_of([&] { tinymlp::model_file_text(many_inputs); }) ==
        "the model takes 16777217 inputs; tinymlp reads models of up to 16777216 per layer");
}

TEST_CASE("a model with no layers is refused by the .tflite and header writers, as import would refuse it") {
  const tinymlp::ModelDescription empty = tinymlp::parse_model_file("tinymlp-model 1\ninput 3\nend\n", "empty.tinymlp");
  CHECK(model_error_of([&] { tinymlp::tflite::export_tflite(empty); }) ==
        "the model has no layers; a .tflite needs at least one, and tinymlp reads none without");
  CHECK(model_error_of([&] { tinymlp::model_header(empty, "empty", "empty.tinymlp"); }) ==
        "the model has no layers; a header needs at least one, and tinymlp reads none without");
}

TEST_CASE("a model at the limits round-trips through the .tflite: Dense<1, 2^24>") {
  const tinymlp::ModelDescription model = dense_chain(1, tinymlp::largest_layer_width, 1, true);
  const std::string bytes = tinymlp::tflite::export_tflite(model);
  const tinymlp::ModelDescription back =
      tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), "wide.tflite");
  REQUIRE(back.layers.size() == 1);
  CHECK(back.layers[0].outputs == tinymlp::largest_layer_width);
}

TEST_CASE("a .tflite whose DEQUANTIZE operators share one weight buffer is refused before it is decoded again") {
  const std::string base = tinymlp::read_whole_file(fixtures::path("hello_world_float.tflite"));
  // 512 x 512 float16 weights (512 KB) dequantized 40 times would be 40 MB of floats.
  const std::string bytes = mutation::with_shared_weights_fan_out(base, 512, 40);
  const std::size_t allowed = bytes.size() * 2 + (std::size_t{1} << 20);
  const std::size_t refused_at = allowed / (512 * 512);  // the first operator past the allowance
  CHECK(model_error_of([&] {
          tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(),
                                         "fan.tflite");
        }) == "fan.tflite: operator " + std::to_string(refused_at) +
                  " (DEQUANTIZE) would bring the weights decoded to " + std::to_string((refused_at + 1) * 512 * 512) +
                  ", over the " + std::to_string(allowed) + " a file of " + std::to_string(bytes.size()) +
                  " bytes may decode to (2 per byte, plus 1048576): do its operators share one weight buffer?");
  // Twice the same buffer is within the allowance: a converter's deduplicated constants still import.
  const std::string twice = mutation::with_shared_weights_fan_out(base, 512, 2);
  CHECK(
      tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(twice.data()), twice.size(), "twice.tflite")
          .layers.size() == 3);
}

}  // namespace

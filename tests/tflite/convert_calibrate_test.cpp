// tinymlp-convert --int8 --calibrate DATA.csv: a float model read from any format it reads, quantized
// on the CSV's inputs, is written as the bytes quantize() gives for the same compile-time model and
// data, in every format, per channel and per tensor.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tinymlp/host.hpp"
#include "tinymlp/host/float_text.hpp"
#include "tinymlp/host/read_file.hpp"
#include "tinymlp/tflite/model_files.hpp"

namespace {

namespace fs = std::filesystem;

typedef tinymlp::Sequential<tinymlp::Dense<5, 12>, tinymlp::ReLU, tinymlp::Dense<12, 7>, tinymlp::ReLU,
                            tinymlp::Dense<7, 3>>
    Classifier;

struct Folder {
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "tinymlp_calibrate_XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
  fs::path path;
};

std::string read(const std::string& path) { return tinymlp::read_whole_file<tinymlp::ModelError>(path); }

// Runs tinymlp-convert with `arguments`; its exit status, and its output in `output`.
int convert(const Folder& folder, const std::string& arguments, std::string& output) {
  const std::string log = folder.file("convert.log");
  const int status = std::system((std::string(TINYMLP_CONVERT) + " " + arguments + " > " + log + " 2>&1").c_str());
  output = read(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("tinymlp-convert --int8 --calibrate writes quantize()'s bytes for the same model and data") {
  Folder folder;
  Classifier model;
  model.initialize(11u);
  // 300 samples: 5 inputs, then a class label the calibration leaves out.
  tinymlp::Random random(4u);
  tinymlp::Dataset data;
  data.features = 5;
  std::string csv = "a,b,c,d,e,label\n";
  for (std::size_t s = 0; s < 300; ++s) {
    for (std::size_t f = 0; f < 5; ++f) {
      const float value = random.uniform(-3.0f, 5.0f);
      data.inputs.push_back(value);
      csv += tinymlp::float_text(value) + ",";
    }
    csv += std::to_string(s % 3) + "\n";
  }
  tinymlp::write_file_atomically(folder.file("train.csv"), csv);
  const tinymlp::ModelDescription described = tinymlp::describe(model);
  const std::vector<std::string> inputs = {folder.file("model.tflite"), folder.file("model.tinymlp"),
                                           folder.file("model.hpp")};
  for (const std::string& input : inputs) tinymlp::tflite::write_any_model(input, described, "", "the test");
  fs::create_directory(folder.path / "expected");
  for (const bool per_tensor : {false, true}) {
    tinymlp::QuantizeOptions options;
    if (per_tensor) options.weights = tinymlp::WeightGranularity::per_tensor;
    const tinymlp::ModelDescription quantized = tinymlp::quantize(model, data, options);
    for (const std::string& input : inputs)
      for (const char* output_name : {"int8.hpp", "int8.tflite", "int8.tinymlp"}) {
        CAPTURE(input);
        CAPTURE(output_name);
        CAPTURE(per_tensor);
        const std::string output = folder.file(output_name),
                          expected = folder.file("expected/" + std::string(output_name));
        std::string said;
        REQUIRE(convert(folder,
                        input + " -o " + output + " --int8 --calibrate " + folder.file("train.csv") + " --header" +
                            (per_tensor ? " --per-tensor" : ""),
                        said) == 0);
        CHECK(said == "calibrated on 300 samples of " + folder.file("train.csv") + "\nwrote " + output + "\n");
        tinymlp::tflite::write_any_model(expected, quantized, "", input);
        CHECK(read(output) == read(expected));
      }
  }
}

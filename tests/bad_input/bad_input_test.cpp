// Every bad input on record: one table of malformed inputs (CSV data, .tflite files, tinymlp model
// files, generated headers read back), each with the whole message it must get. Each row runs the
// way a user meets it: a job that reads a CSV file and then saves what it read, or tinymlp-convert's
// conversion (read_any_model, then write_any_model) of a model; and each checks that what was saved
// before is left alone: the output file keeps its bytes and its time, and no temporary file is left
// beside it. Inputs that a demanding user expects to work (CRLF line ends, a byte order mark, very long
// lines, an optional bias given as -1, a header read back) are rows too, with what they read as.
// The table in docs/reliability.md is printed from this table, and a test holds the two equal.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "mutated_model.hpp"
#include "tinymlp/host.hpp"
#include "../support/description_inference.hpp"
#include "tinymlp/host/read_file.hpp"
#include "tinymlp/host/float_text.hpp"
#include "tinymlp/host/hybrid_quantize.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/tflite/model_files.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"
#include "tinymlp/host/model_limits.hpp"

namespace {

namespace fs = std::filesystem;
using mutation::add_operator_code;
using mutation::graph;
using mutation::mutated;
using mutation::op;
using mutation::tensor;

enum class Format { csv, tflite, model_file, header, calibration };

// What stands at the input's path.
enum class Place { file, missing, directory, unreadable_file, failing_read };

const char* const accepted = "accepted: ";

struct BadInput {
  Format format = Format::csv;
  std::string input;                              // what it is, for docs/reliability.md
  std::function<std::string(std::size_t)> bytes;  // the file's bytes for each n in [first, last]
  std::string expected;                           // the whole outcome; "{N}" stands for n
  std::size_t first = 0, last = 0;
  Place place = Place::file;
  // For accepted models: what the outcome says of the model read (default: its layers and y(0.5)).
  std::function<std::string(const tinymlp::ModelDescription&)> describe;
  // For CSV rows: how the job reads the file (by default with a header line, one target), and what it
  // does with the data before saving it (a split, for example).
  std::function<void(tinymlp::CsvOptions&)> csv_options;
  std::function<void(const tinymlp::Dataset&)> then;
  // For calibration rows (the input is the CSV of `tinymlp-convert MODEL -o saved.hpp ARGUMENTS`): the
  // model file's name and bytes, and the arguments after the output ("{CSV}" stands for the input).
  std::string model_name, model_bytes, arguments;
};

const char* format_name(Format format) {
  switch (format) {
    case Format::csv: return "CSV";
    case Format::tflite: return ".tflite";
    case Format::model_file: return "model file";
    case Format::header: return "header";
    case Format::calibration: return "tinymlp-convert --int8 --calibrate";
  }
  return "";
}

// The input's file name and the output that was saved before, per format.
const char* input_name(Format format) {
  const char* const names[] = {"data.csv", "model.tflite", "model.tinymlp", "model.hpp", "data.csv"};
  return names[static_cast<int>(format)];
}
const char* output_name(Format format) {
  const char* const names[] = {"saved.csv", "saved.hpp", "saved.tflite", "saved.tinymlp", "saved.hpp"};
  return names[static_cast<int>(format)];
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "the text to replace is missing: " << from);
  return text.replace(at, from.size(), to);
}

std::string with_n(std::string text, std::size_t n) {
  for (std::size_t at; (at = text.find("{N}")) != std::string::npos;) text.replace(at, 3, std::to_string(n));
  return text;
}

// --- The inputs ------------------------------------------------------------------------------------

std::string fixture(const std::string& name) {
  return tinymlp::read_whole_file<tinymlp::ModelError>(fixtures::path(name));
}
const std::string& float_model() {
  static const std::string bytes = fixture("hello_world_float.tflite");
  return bytes;
}
const std::string& int8_model() {
  static const std::string bytes = fixture("hello_world_int8.tflite");
  return bytes;
}
// Issue 13's public fixtures: a Keras Normalization (SUB, MUL) and sparse weights (DENSIFY).
const std::string& normalization_model() {
  static const std::string bytes = fixture("public/heat_normalization.tflite");
  return bytes;
}
const std::string& sparse_model() {
  static const std::string bytes = fixture("public/har_pruned_sparse.tflite");
  return bytes;
}
// The int8 fixture with its first FULLY_CONNECTED's kernel stored sparse, as a pruned full-integer
// model's is (read by FULLY_CONNECTED itself).
const std::string& hello_world_int8_sparse() {
  static const std::string bytes = mutated(int8_model(), [](tflite::ModelT& m) {
    for (auto& candidate : graph(m).operators) {
      if (m.operator_codes[candidate->opcode_index]->builtin_code != tflite::BuiltinOperator::FULLY_CONNECTED) continue;
      tflite::TensorT& kernel = *graph(m).tensors[static_cast<std::size_t>(candidate->inputs[1])];
      std::vector<std::uint8_t>& data = m.buffers[kernel.buffer]->data;
      const std::vector<std::int8_t> dense(data.begin(), data.end());
      const std::vector<std::int8_t> stored = mutation::make_sparse(kernel, dense, kernel.shape[0], kernel.shape[1]);
      data.assign(stored.begin(), stored.end());
      break;
    }
  });
  return bytes;
}

// The float fixture made hybrid (asymmetric inputs) by tinymlp and exported: tensor 0 is the input, then
// each layer's output, kernel and bias (tensors 1, 2, 3 for the first layer).
const tinymlp::ModelDescription& hybrid_description() {
  static const tinymlp::ModelDescription model = tinymlp::quantize_hybrid(
      tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite")), tinymlp::HybridInputs::asymmetric);
  return model;
}
const std::string& hybrid_model() {
  static const std::string bytes = tinymlp::tflite::export_tflite(hybrid_description());
  return bytes;
}
const std::string& hybrid_header() {
  static const std::string text = tinymlp::model_header(hybrid_description(), "model", "model.tflite");
  return text;
}

// The header tinymlp-convert writes for the float fixture, named "model".
const std::string& float_header() {
  static const std::string text = tinymlp::model_header(
      tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite")), "model", "model.tflite");
  return text;
}

// The first `lines` lines of a text.
std::string first_lines(const std::string& text, std::size_t lines) {
  std::size_t end = 0;
  for (std::size_t k = 0; k < lines; ++k) end = text.find('\n', end) + 1;
  return text.substr(0, end);
}

BadInput text_row(Format format, std::string input, std::string content, std::string expected) {
  BadInput row;
  row.format = format;
  row.input = std::move(input);
  row.bytes = [content](std::size_t) { return content; };
  row.expected = std::move(expected);
  return row;
}

BadInput tflite_row(std::string input, const std::string& model, std::function<void(tflite::ModelT&)> change,
                    std::string expected) {
  const std::string bytes = mutated(model, change);
  return text_row(Format::tflite, std::move(input), bytes, std::move(expected));
}

// A row whose model is hybrid_model() changed by `change`.
BadInput hybrid_row(std::string input, std::function<void(tflite::ModelT&)> change, std::string expected) {
  BadInput row = tflite_row(std::move(input), hybrid_model(), std::move(change), std::move(expected));
  return row;
}

BadInput place_row(Format format, std::string input, Place place, std::string expected) {
  BadInput row = text_row(format, std::move(input), "1,2\n", std::move(expected));
  row.place = place;
  return row;
}

BadInput cut_row(std::string input, const std::string& model, std::size_t first, std::size_t last,
                 std::string expected) {
  BadInput row = text_row(Format::tflite, std::move(input), "", std::move(expected));
  row.bytes = [&model](std::size_t n) { return model.substr(0, n); };
  row.first = first;
  row.last = last;
  return row;
}

// A CSV row read with CsvOptions::classes = `classes`.
BadInput labels_row(std::string input, std::string content, std::size_t classes, std::string expected) {
  BadInput row = text_row(Format::csv, std::move(input), std::move(content), std::move(expected));
  row.csv_options = [classes](tinymlp::CsvOptions& options) { options.classes = classes; };
  return row;
}

// A CSV row whose job splits what it read (train and validation fractions, no shuffling).
BadInput split_row(std::string input, std::string content, std::size_t classes, double train, double validation,
                   std::string expected) {
  BadInput row = labels_row(std::move(input), std::move(content), classes, std::move(expected));
  row.then = [train, validation](const tinymlp::Dataset& data) { tinymlp::split(data, train, validation); };
  return row;
}

// A CSV row of one input and a label, read without CsvOptions::classes, whose job fits a 3-class softmax
// model on it with SparseCategoricalCrossEntropy (the labels are checked there).
BadInput sparse_fit_row(std::string input, std::string content, std::string expected) {
  BadInput row = text_row(Format::csv, std::move(input), std::move(content), std::move(expected));
  row.then = [](const tinymlp::Dataset& data) {
    typedef tinymlp::Sequential<tinymlp::Dense<1, 4>, tinymlp::ReLU, tinymlp::Dense<4, 3>, tinymlp::Softmax> Model;
    Model model;
    model.initialize(1);
    tinymlp::Adam<Model> adam;
    tinymlp::FitOptions options;
    options.metrics = {tinymlp::Metric::accuracy};
    options.progress = tinymlp::Progress::silent;
    tinymlp::fit<tinymlp::SparseCategoricalCrossEntropy>(model, adam, data, options);
  };
  return row;
}

// The CSV rows' data: a header line, then lines of numbers.
std::string repeated_fields(const std::string& field, std::size_t count) {
  std::string line = field;
  for (std::size_t k = 1; k < count; ++k) line += "," + field;
  return line;
}

std::vector<BadInput> csv_rows() {
  const Format csv = Format::csv;
  return {
      text_row(csv, "empty file", "", "data.csv:1:1: no data: the file is empty"),
      text_row(csv, "header only", "x,y\n", "data.csv:2:1: no data: the file has a header and no numbers"),
      text_row(csv, "blank lines only", "\n\r\n\n", "data.csv:4:1: no data: the file has only blank lines"),
      text_row(csv, "missing field", "x,y,z\n1,2,3\n4,5\n", "data.csv:3:4: expected 3 fields as on line 1, found 2"),
      text_row(csv, "extra field", "x,y\n1,2\n3,4,5\n", "data.csv:3:5: expected 2 fields as on line 1, found 3"),
      text_row(csv, "empty field", "x,y\n1, \n", "data.csv:2:4: field 2 is empty"),
      text_row(csv, "non-numeric field", "x,y\n1,2\n3, abc\n", "data.csv:3:4: field 2 is not a number: 'abc'"),
      text_row(csv, "two signs", "x,y\n1,+-2\n", "data.csv:2:3: field 2 is not a number: '+-2'"),
      text_row(csv, "an exponent without digits", "x,y\n1e,2\n", "data.csv:2:1: field 1 is not a number: '1e'"),
      text_row(csv, "hexadecimal number", "x,y\n0x10,2\n", "data.csv:2:1: field 1 is not a number: '0x10'"),
      text_row(csv, "fields separated by ';'", "x;y\n1;2\n",
               "data.csv:1:1: the line has 1 fields, and the last 1 are targets: no input is left (are the fields "
               "separated by ';' or tabs? see CsvOptions::separator)"),
      text_row(csv, "NaN", "x,y\n1,2\n3,nan\n",
               "data.csv:3:3: field 2 is NaN: 'nan'; tinymlp reads finite numbers only"),
      text_row(csv, "infinity", "x,y\n-inf,2\n",
               "data.csv:2:1: field 1 is infinite: '-inf'; tinymlp reads finite numbers only"),
      text_row(csv, "a value that overflows a float", "x,y\n1,3.5e38\n",
               "data.csv:2:3: field 2 is too large for a float: '3.5e38' (the largest is 3.40282347e+38)"),
      text_row(csv, "a value too small for a float", "x,y\n1e-50,2\n",
               "accepted: 1 sample of 1 input and 1 target: 0 -> 2"),
      text_row(csv, "CRLF line ends", "x,y\r\n1,2\r\n3,4\r\n",
               "accepted: 2 samples of 1 input and 1 target: 1 -> 2, 3 -> 4"),
      text_row(csv, "a UTF-8 byte order mark", "\xEF\xBB\xBFx,y\n1,2\n",
               "accepted: 1 sample of 1 input and 1 target: 1 -> 2"),
      text_row(csv, "byte order mark and CRLF: columns count after the mark", "\xEF\xBB\xBFx,y\r\n1,x\r\n",
               "data.csv:2:3: field 2 is not a number: 'x'"),
      text_row(csv, "UTF-16 (as spreadsheets save \"Unicode text\")", std::string("\xFF\xFEx\0,\0y\0\n\0", 10),
               "data.csv:1:1: the file is UTF-16 (its byte order mark is FF FE); save it as UTF-8"),
      text_row(csv, "a very long line: 100000 fields",
               repeated_fields("c", 100000) + "\n" + repeated_fields("0.5", 100000) + "\n",
               "accepted: 1 sample of 99999 inputs and 1 target: 0.5, 0.5, 0.5, ... -> 0.5"),
      text_row(csv, "a very long field that is no number: 1 MB of 'x'", "x,y\n" + std::string(1 << 20, 'x') + ",1\n",
               "data.csv:2:1: field 1 is not a number: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (1048576 "
               "characters)"),
      place_row(csv, "a file that does not exist", Place::missing,
                "data.csv: cannot open it for reading: No such file or directory"),
      place_row(csv, "a folder", Place::directory, "data.csv: cannot read it: Is a directory"),
      place_row(csv, "a file without read permission (chmod 000; not run as root, who may read it)",
                Place::unreadable_file, "data.csv: cannot open it for reading: Permission denied"),
      place_row(csv, "a file whose reading fails (/proc/self/mem)", Place::failing_read,
                "/proc/self/mem: cannot read it: Input/output error"),
      [] {
        BadInput row = text_row(csv, "a header line, read without CsvOptions::header", "x,y\n1,2\n",
                                "data.csv:1:1: field 1 is not a number: 'x' (if line 1 names the columns, set "
                                "CsvOptions::header)");
        row.csv_options = [](tinymlp::CsvOptions& options) { options.header = false; };
        return row;
      }(),
      labels_row("a class label that is no integer (CsvOptions::classes = 3)", "x,label\n1,0\n2, 1.5\n", 3,
                 "data.csv:3:4: field 2 is not an integer class label: '1.5' (CsvOptions::classes is 3)"),
      labels_row("a negative class label (CsvOptions::classes = 3)", "x,label\n1,-1\n", 3,
                 "data.csv:2:3: field 2 is a negative class label: '-1' (CsvOptions::classes is 3)"),
      labels_row("a class label at the class count (CsvOptions::classes = 3)", "x,label\n1,2\n2,3\n", 3,
                 "data.csv:3:3: field 2 is at or above the class count 3 (labels run from 0 to 2): '3' "
                 "(CsvOptions::classes is 3)"),
      split_row("labels sorted by class, split 50/25/25 without shuffling: a class missing from the training split",
                "x,label\n0,0\n1,0\n2,1\n3,1\n", 2, 0.5, 0.25,
                "split: class 1 is missing from the training split (the data holds 2 samples of it); shuffle or "
                "stratify the split (SplitOptions)"),
      split_row("two samples split 60/20/20: an empty split", "x,y\n1,2\n2,3\n", 0, 0.6, 0.2,
                "split: the validation split is empty: 0.200000 of 2 samples rounds down to 0"),
      sparse_fit_row("a class label at the class count, in fit with SparseCategoricalCrossEntropy (3 classes)",
                     "x,label\n1,0\n2,3\n",
                     "fit: training data: sample 1: the label 3.000000 is at or above the class count 3 (labels run "
                     "from 0 to 2)"),
      sparse_fit_row("a class label that is no integer, in fit with SparseCategoricalCrossEntropy (3 classes)",
                     "x,label\n1,0.5\n2,1\n",
                     "fit: training data: sample 0: the label 0.500000 is not an integer class label"),
  };
}

std::string same_outputs_with_zero_biases(const tinymlp::ModelDescription& model) {
  const tinymlp::ModelDescription zero_biases =
      tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  tinymlp::ModelDescription expected = zero_biases;
  std::fill(expected.layers[2].bias.begin(), expected.layers[2].bias.end(), 0.0f);
  for (int k = 0; k < 100; ++k) {
    const float x = 0.07f * static_cast<float>(k);
    if (tinymlp_tests::predict_float(model, {x}) != tinymlp_tests::predict_float(expected, {x}))
      return "outputs differ at x = " + tinymlp::float_text(x);
  }
  return std::string(accepted) + "the last layer has no bias: the outputs are those of zero biases, on 100 inputs";
}

std::string same_tflite_bytes(const tinymlp::ModelDescription& model) {
  const std::string original =
      tinymlp::tflite::export_tflite(tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite")));
  return std::string(accepted) + (tinymlp::tflite::export_tflite(model) == original
                                      ? "exported again, it gives the bytes the .tflite gives"
                                      : "exported again, it gives other bytes than the .tflite");
}

std::string same_hybrid_tflite_bytes(const tinymlp::ModelDescription& model) {
  return std::string(accepted) + (tinymlp::tflite::export_tflite(model) == hybrid_model()
                                      ? "exported again, it gives the bytes of the hybrid .tflite it was made from"
                                      : "exported again, it gives other bytes than the hybrid .tflite");
}

// 40 DEQUANTIZE operators of one 512 x 512 float16 constant: 40 MB of floats from a 513 KB file.
BadInput shared_weights_row() {
  const std::string bytes = mutation::with_shared_weights_fan_out(float_model(), 512, 40);
  const std::size_t allowed = bytes.size() * tinymlp::import_weights_per_file_byte + tinymlp::import_weights_allowance;
  const std::size_t refused_at = allowed / (512 * 512);
  return text_row(Format::tflite,
                  "operators that share one weight buffer: 40 DEQUANTIZE of one 512 × 512 FLOAT16 constant "
                  "(512 KB), 40 MB of floats if each were decoded",
                  bytes,
                  "model.tflite: operator " + std::to_string(refused_at) +
                      " (DEQUANTIZE) would bring the weights decoded to " +
                      std::to_string((refused_at + 1) * 512 * 512) + ", over the " + std::to_string(allowed) +
                      " a file of " + std::to_string(bytes.size()) +
                      " bytes may decode to (2 per byte, plus 1048576): do its operators share one weight buffer?");
}

std::vector<BadInput> tflite_rows() {
  const std::string& f = float_model();
  const std::string& q = int8_model();
  const std::string fc_list =
      "is not supported: tinymlp imports FULLY_CONNECTED, LOGISTIC, TANH, SOFTMAX, RELU, "
      "RELU6, LEAKY_RELU, ADD, SUB, MUL and DIV by a constant, RESHAPE, QUANTIZE, DEQUANTIZE and DENSIFY";
  const std::string unverified = "model.tflite: fails FlatBuffers verification: the file is truncated or corrupt";
  BadInput optional_bias = tflite_row(
      "optional bias given as -1 (valid)", f, [](tflite::ModelT& m) { op(m, 2).inputs[2] = -1; }, "");
  optional_bias.expected =
      std::string(accepted) + "the last layer has no bias: the outputs are those of zero biases, on 100 inputs";
  optional_bias.describe = same_outputs_with_zero_biases;
  return {
      cut_row("hello_world_float.tflite cut short", f, 0, 7,
              "model.tflite: too short to be a .tflite file ({N} bytes)"),
      cut_row("hello_world_float.tflite cut short", f, 8, f.size() - 1, unverified),
      cut_row("hello_world_int8.tflite cut short", q, 0, 7, "model.tflite: too short to be a .tflite file ({N} bytes)"),
      cut_row("hello_world_int8.tflite cut short", q, 8, q.size() - 1, unverified),
      text_row(Format::tflite, "wrong file identifier", replaced(f, "TFL3", "TFL4"),
               "model.tflite: not a TFLite model: the file identifier is \"TFL4\", not \"TFL3\""),
      text_row(Format::tflite, "root offset beyond the end", "\x7f" + f.substr(1), unverified),
      tflite_row(
          "unsupported schema version", f, [](tflite::ModelT& m) { m.version = 2; },
          "model.tflite: schema version 2, tinymlp reads version 3"),
      tflite_row(
          "out-of-range tensor index", f, [](tflite::ModelT& m) { op(m, 1).inputs[1] = 99; },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s weights is tensor 99, but the graph has 10 tensors"),
      tflite_row(
          "negative tensor index", f, [](tflite::ModelT& m) { op(m, 0).inputs[0] = -5; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s input is tensor -5, but the graph has 10 tensors"),
      tflite_row(
          "negative bias index other than -1", f, [](tflite::ModelT& m) { op(m, 0).inputs[2] = -2; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s bias is tensor -2, but the graph has 10 tensors"),
      tflite_row(
          "negative graph input", f, [](tflite::ModelT& m) { graph(m).inputs[0] = -1; },
          "model.tflite: the graph's input is tensor -1, but the graph has 10 tensors"),
      tflite_row(
          "out-of-range operator output", f, [](tflite::ModelT& m) { op(m, 2).outputs[0] = 10; },
          "model.tflite: operator 2 (FULLY_CONNECTED)'s output is tensor 10, but the graph has 10 tensors"),
      tflite_row(
          "out-of-range buffer index", f, [](tflite::ModelT& m) { tensor(m, 4).buffer = 99; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 4 'sequential/dense/MatMul' refers to "
          "buffer 99, but the model has 13 buffers"),
      tflite_row(
          "out-of-range opcode index", f, [](tflite::ModelT& m) { op(m, 2).opcode_index = 7; },
          "model.tflite: operator 2 refers to operator code 7, but the model has 1 operator codes"),
      tflite_row(
          "weights that take another width than the layer before gives", f,
          [](tflite::ModelT& m) {
            tensor(m, 5).shape = {16, 2};
          },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s weights tensor 5 'sequential/dense_1/MatMul' take 2 "
          "inputs, but the layer before gives 16"),
      tflite_row(
          "an output whose shape disagrees with the weights", f,
          [](tflite::ModelT& m) {
            tensor(m, 8).shape = {1, 8};
          },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s output tensor 8 'sequential/dense_1/MatMul;sequential/"
          "dense_1/Relu;sequential/dense_1/BiasAdd' holds 8 values, the weights give 16"),
      tflite_row(
          "a bias of another length than the layer's outputs", f, [](tflite::ModelT& m) { tensor(m, 1).shape = {15}; },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s bias tensor 1 'sequential/dense_1/BiasAdd/"
          "ReadVariableOp' holds 15 values, expected 16"),
      tflite_row(
          "one-dimensional weights", f, [](tflite::ModelT& m) { tensor(m, 5).shape = {16}; },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s weights tensor 5 'sequential/dense_1/MatMul' has 1 "
          "dimensions; expected [outputs, inputs]"),
      tflite_row(
          "negative dimension", f,
          [](tflite::ModelT& m) {
            tensor(m, 0).shape = {1, -1};
          },
          "model.tflite: tensor 0 'serving_default_dense_input:0' has a dimension of -1"),
      tflite_row(
          "a buffer shorter than its tensor's shape", f,
          [](tflite::ModelT& m) { m.buffers[tensor(m, 5).buffer]->data.resize(60); },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s weights tensor 5 'sequential/dense_1/MatMul' has 60 "
          "bytes of data, its shape needs 1024"),
      tflite_row(
          "an operator output feeding an earlier operator", f, [](tflite::ModelT& m) { op(m, 1).inputs[0] = 9; },
          "model.tflite: operator 1 (FULLY_CONNECTED) reads tensor 9 'StatefulPartitionedCall:0', the output "
          "of operator 2 (FULLY_CONNECTED), which comes after it: operators must be in the order they run"),
      tflite_row(
          "an operator that skips a layer (not a chain)", f, [](tflite::ModelT& m) { op(m, 2).inputs[0] = 7; },
          "model.tflite: operator 2 (FULLY_CONNECTED) reads tensor 7 'sequential/dense/MatMul;sequential/dense/"
          "Relu;sequential/dense/BiasAdd', not the output of the operator before it (tensor 8 'sequential/"
          "dense_1/MatMul;sequential/dense_1/Relu;sequential/dense_1/BiasAdd'): tinymlp imports chains of "
          "layers only"),
      tflite_row(
          "a graph output that is not the chain's end", f, [](tflite::ModelT& m) { graph(m).outputs[0] = 8; },
          "model.tflite: the graph's output is tensor 8 'sequential/dense_1/MatMul;sequential/dense_1/Relu;"
          "sequential/dense_1/BiasAdd', but the chain of operators ends at tensor 9 'StatefulPartitionedCall:0'"),
      tflite_row(
          "two graph inputs", f, [](tflite::ModelT& m) { graph(m).inputs.push_back(1); },
          "model.tflite: the graph has 2 inputs and 1 outputs; tinymlp models have one of each"),
      tflite_row(
          "two graphs", f, [](tflite::ModelT& m) { m.subgraphs.push_back(std::make_unique<tflite::SubGraphT>()); },
          "model.tflite: the model has 2 graphs; tinymlp imports models of one graph (no control flow)"),
      tflite_row(
          "unsupported operator", f,
          [](tflite::ModelT& m) { op(m, 1).opcode_index = add_operator_code(m, tflite::BuiltinOperator::CONV_2D); },
          "model.tflite: operator 1 (CONV_2D) " + fc_list),
      tflite_row(
          "custom operator", f,
          [](tflite::ModelT& m) {
            op(m, 0).opcode_index = add_operator_code(m, tflite::BuiltinOperator::CUSTOM, "MyDense");
          },
          "model.tflite: operator 0 (CUSTOM 'MyDense') " + fc_list),
      tflite_row(
          "operator code unknown to the schema", f,
          [](tflite::ModelT& m) {
            op(m, 2).opcode_index = add_operator_code(m, static_cast<tflite::BuiltinOperator>(200));
          },
          "model.tflite: operator 2 (builtin operator 200) " + fc_list),
      tflite_row(
          "unsupported fused activation", f,
          [](tflite::ModelT& m) {
            op(m, 0).builtin_options.AsFullyConnectedOptions()->fused_activation_function =
                tflite::ActivationFunctionType::SIGN_BIT;
          },
          "model.tflite: operator 0 (FULLY_CONNECTED) has the fused activation SIGN_BIT, which tinymlp does "
          "not support"),
      tflite_row(
          "unsupported tensor type (INT16 input)", f,
          [](tflite::ModelT& m) { tensor(m, 0).type = tflite::TensorType::INT16; },
          "model.tflite: tensor 0 'serving_default_dense_input:0' (the graph's input) is INT16; tinymlp "
          "imports FLOAT32 or INT8 models"),
      tflite_row(
          "INT32 bias in a float model", f, [](tflite::ModelT& m) { tensor(m, 1).type = tflite::TensorType::INT32; },
          "model.tflite: operator 1 (FULLY_CONNECTED)'s bias tensor 1 'sequential/dense_1/BiasAdd/"
          "ReadVariableOp' is INT32, expected FLOAT32"),
      tflite_row(
          "an int8 activation operator that changes the width", q,
          [](tflite::ModelT& m) { op(m, 2).opcode_index = add_operator_code(m, tflite::BuiltinOperator::LOGISTIC); },
          "model.tflite: operator 2 (LOGISTIC) turns 16 values into 1"),
      tflite_row(
          "an int8 model whose input is FLOAT32 (a hybrid layer needs a float output too)", q,
          [](tflite::ModelT& m) { tensor(m, 0).type = tflite::TensorType::FLOAT32; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s output tensor 7 "
          "'sequential/dense/MatMul;sequential/dense/Relu;sequential/dense/BiasAdd' is INT8, expected FLOAT32"),
      optional_bias,
      shared_weights_row(),
      // Dynamic-range ("hybrid") FULLY_CONNECTED (issue 13 item 2).
      hybrid_row(
          "a hybrid model (valid): int8 weights, float biases and activations", [](tflite::ModelT&) {},
          "accepted: Dense<1, 16>, ReLU, Dense<16, 16>, ReLU, Dense<16, 1>"),
      hybrid_row(
          "hybrid weights with a scale per output unit",
          [](tflite::ModelT& m) {
            tensor(m, 2).quantization->scale.assign(16, 0.01f);
            tensor(m, 2).quantization->zero_point.assign(16, 0);
          },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' have 16 scales, one per "
          "output unit: TFLite's hybrid FULLY_CONNECTED reads one scale for the kernel, and so does tinymlp"),
      hybrid_row(
          "hybrid weights with 2 scales (neither one nor one per unit)",
          [](tflite::ModelT& m) {
            tensor(m, 2).quantization->scale.assign(2, 0.01f);
            tensor(m, 2).quantization->zero_point.assign(2, 0);
          },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' has 2 scales and 2 zero "
          "points; expected one, or one per output unit"),
      hybrid_row(
          "hybrid weights without a scale", [](tflite::ModelT& m) { tensor(m, 2).quantization->scale.clear(); },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' is quantized but has no "
          "scale"),
      hybrid_row(
          "hybrid weights with a scale of 0", [](tflite::ModelT& m) { tensor(m, 2).quantization->scale = {0.0f}; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' has a scale out of range"),
      hybrid_row(
          "hybrid weights with an infinite scale",
          [](tflite::ModelT& m) { tensor(m, 2).quantization->scale = {INFINITY}; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' has a scale out of range"),
      hybrid_row(
          "hybrid weights with a zero point other than 0",
          [](tflite::ModelT& m) { tensor(m, 2).quantization->zero_point = {3}; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' have a zero point of 3; "
          "hybrid weights are symmetric (zero point 0)"),
      hybrid_row(
          "hybrid weights as UINT8 (an old converter's)",
          [](tflite::ModelT& m) { tensor(m, 2).type = tflite::TensorType::UINT8; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' is UINT8, expected FLOAT32"),
      hybrid_row(
          "hybrid weights with fewer bytes than their shape",
          [](tflite::ModelT& m) { m.buffers[tensor(m, 2).buffer]->data.resize(15); },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 2 'dense_0/kernel' has 15 bytes of data, its "
          "shape needs 16"),
      hybrid_row(
          "a hybrid layer with an INT32 bias", [](tflite::ModelT& m) { tensor(m, 3).type = tflite::TensorType::INT32; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s bias tensor 3 'dense_0/bias' is INT32, expected FLOAT32"),
      hybrid_row(
          "a hybrid layer with an INT8 output", [](tflite::ModelT& m) { tensor(m, 1).type = tflite::TensorType::INT8; },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s output tensor 1 'dense_0/output' is INT8, expected FLOAT32"),
  };
}

// --- int8 activations (issue 13): the public fixtures' LOGISTIC and SOFTMAX, changed --------------

const std::string& public_fixture(const std::string& name) {
  static std::map<std::string, std::string> loaded;
  std::string& bytes = loaded[name];
  if (bytes.empty()) bytes = fixture("public/" + name);
  return bytes;
}

// The last operator (the int8 activation) and its output tensor.
tflite::OperatorT& last_op(tflite::ModelT& m) { return *graph(m).operators.back(); }
tflite::TensorT& last_output(tflite::ModelT& m) { return tensor(m, last_op(m).outputs.at(0)); }

// An int8 RELU or RELU6 in place of the LOGISTIC, its output quantized as its input if `same`.
void relu_for_logistic(tflite::ModelT& m, tflite::BuiltinOperator code, bool same) {
  last_op(m).opcode_index = add_operator_code(m, code);
  if (same) {
    const tflite::TensorT& input = tensor(m, last_op(m).inputs.at(0));
    last_output(m).quantization->scale = input.quantization->scale;
    last_output(m).quantization->zero_point = input.quantization->zero_point;
  }
}

// An int8 LEAKY_RELU with `alpha` in place of the LOGISTIC, its output quantized as the LOGISTIC's.
void leaky_relu_for_logistic(tflite::ModelT& m, float alpha) {
  last_op(m).opcode_index = add_operator_code(m, tflite::BuiltinOperator::LEAKY_RELU);
  last_op(m).builtin_options.Set(tflite::LeakyReluOptionsT{});
  last_op(m).builtin_options.AsLeakyReluOptions()->alpha = alpha;
}

// A changed fixture that imports with an int8 activation step of kind `op` last.
BadInput relu_step(const std::string& title, const std::string& bytes,
                   const std::function<void(tflite::ModelT&)>& change, const std::string& op) {
  BadInput row = tflite_row(title, bytes, change, "");
  row.expected = std::string(accepted) + "5 int8 Dense layers, then an int8 " + op + " step";
  row.describe = [](const tinymlp::ModelDescription& model) {
    const tinymlp::Layer& last = model.layers.back();
    return std::string(accepted) + std::to_string(model.layers.size() - 1) + " int8 Dense layers, then an int8 " +
           (last.int8_activation() ? tinymlp::tflite_activation_name(last.activation) : "(none)") + " step";
  };
  return row;
}

std::vector<BadInput> int8_activation_rows() {
  const std::string& logistic = public_fixture("maintenance_int8_logistic.tflite");
  const std::string& softmax = public_fixture("har_int8_softmax.tflite");
  BadInput fused_relu = tflite_row(
      "int8 RELU keeping its input's quantization (valid)", logistic,
      [](tflite::ModelT& m) { relu_for_logistic(m, tflite::BuiltinOperator::RELU, true); }, "");
  fused_relu.expected = std::string(accepted) + "5 int8 Dense layers, the last with ReLU fused";
  fused_relu.describe = [](const tinymlp::ModelDescription& model) {
    const tinymlp::Layer& last = model.layers.back();
    return std::string(accepted) + std::to_string(model.layers.size()) + " int8 Dense layers, the last with " +
           tinymlp::activation_name(last.activation) + " fused";
  };
  return {
      tflite_row(
          "int8 LOGISTIC with an output scale other than 1/256", logistic,
          [](tflite::ModelT& m) { last_output(m).quantization->scale = {1.0f / 128.0f}; },
          "model.tflite: operator 5 (LOGISTIC): the output of int8 LOGISTIC has scale 0.0078125 and "
          "zero point -128; TFLite fixes them at 1/256 and -128 (tensor 16 "
          "'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 LOGISTIC with an output zero point other than -128", logistic,
          [](tflite::ModelT& m) { last_output(m).quantization->zero_point = {0}; },
          "model.tflite: operator 5 (LOGISTIC): the output of int8 LOGISTIC has scale 0.00390625 "
          "and zero point 0; TFLite fixes them at 1/256 and -128 (tensor 16 "
          "'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 TANH with LOGISTIC's output quantization", logistic,
          [](tflite::ModelT& m) { last_op(m).opcode_index = add_operator_code(m, tflite::BuiltinOperator::TANH); },
          "model.tflite: operator 5 (TANH): the output of int8 TANH has scale 0.00390625 and zero "
          "point -128; TFLite fixes them at 1/128 and 0 (tensor 16 'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 SOFTMAX with an output scale other than 1/256", softmax,
          [](tflite::ModelT& m) { last_output(m).quantization->scale = {1.0f / 255.0f}; },
          "model.tflite: operator 4 (SOFTMAX): the output of int8 SOFTMAX has scale 0.00392156886 "
          "and zero point -128; TFLite fixes them at 1/256 and -128 (tensor 13 "
          "'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 SOFTMAX with an output zero point other than -128", softmax,
          [](tflite::ModelT& m) { last_output(m).quantization->zero_point = {-127}; },
          "model.tflite: operator 4 (SOFTMAX): the output of int8 SOFTMAX has scale 0.00390625 and "
          "zero point -127; TFLite fixes them at 1/256 and -128 (tensor 13 "
          "'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 SOFTMAX with beta other than 1", softmax,
          [](tflite::ModelT& m) { last_op(m).builtin_options.AsSoftmaxOptions()->beta = 2.0f; },
          "model.tflite: operator 4 (SOFTMAX) has beta 2.000000; tinymlp's Softmax has beta 1"),
      tflite_row(
          "int8 activation whose output is not int8", softmax,
          [](tflite::ModelT& m) { last_output(m).type = tflite::TensorType::UINT8; },
          "model.tflite: operator 4 (SOFTMAX)'s output tensor 13 'StatefulPartitionedCall:0' is "
          "UINT8, expected INT8"),
      relu_step(
          "int8 RELU whose output quantization differs from its input's (valid: an int8 RELU step)", logistic,
          [](tflite::ModelT& m) { relu_for_logistic(m, tflite::BuiltinOperator::RELU, false); }, "RELU"),
      relu_step(
          "int8 RELU6 whose output quantization differs from its input's (valid: an int8 RELU6 step)", logistic,
          [](tflite::ModelT& m) { relu_for_logistic(m, tflite::BuiltinOperator::RELU6, false); }, "RELU6"),
      relu_step(
          "int8 RELU after a FULLY_CONNECTED that fuses RELU (valid: an int8 RELU step)", logistic,
          [](tflite::ModelT& m) {
            relu_for_logistic(m, tflite::BuiltinOperator::RELU, true);
            const auto& ops = graph(m).operators;
            ops[ops.size() - 2]->builtin_options.AsFullyConnectedOptions()->fused_activation_function =
                tflite::ActivationFunctionType::RELU;
          },
          "RELU"),
      relu_step(
          "int8 LEAKY_RELU (valid: an int8 LEAKY_RELU step)", logistic,
          [](tflite::ModelT& m) { leaky_relu_for_logistic(m, 0.2f); }, "LEAKY_RELU"),
      tflite_row(
          "int8 RELU whose output scale is 2^40 times finer than its input's", logistic,
          [](tflite::ModelT& m) {
            relu_for_logistic(m, tflite::BuiltinOperator::RELU, false);
            last_output(m).quantization->scale = {0.064835079f / 1.1e12f};
          },
          "model.tflite: operator 5 (RELU): the ratio input scale / output scale = 1.1e+12 is outside what "
          "int8 requantization can represent (2^-32 to 2^31) (tensor 16 'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 LEAKY_RELU whose alpha makes a ratio below 2^-32", logistic,
          [](tflite::ModelT& m) {
            leaky_relu_for_logistic(m, 1e-10f);
            last_output(m).quantization->scale = {1.0f};
          },
          "model.tflite: operator 5 (LEAKY_RELU): the ratio input scale * alpha / output scale = 6.48350817e-12 is "
          "outside what int8 requantization can represent (2^-32 to 2^31) (tensor 16 'StatefulPartitionedCall:0')"),
      tflite_row(
          "int8 LEAKY_RELU with alpha 1.5", logistic, [](tflite::ModelT& m) { leaky_relu_for_logistic(m, 1.5f); },
          "model.tflite: operator 5 (LEAKY_RELU) has alpha 1.5; tinymlp's LeakyReLU takes 0 <= alpha < 1 (and not "
          "below 2^-38 unless 0)"),
      tflite_row(
          "int8 LEAKY_RELU whose output is UINT8", logistic,
          [](tflite::ModelT& m) {
            leaky_relu_for_logistic(m, 0.2f);
            last_output(m).type = tflite::TensorType::UINT8;
          },
          "model.tflite: operator 5 (LEAKY_RELU)'s output tensor 16 'StatefulPartitionedCall:0' is UINT8, expected "
          "INT8"),
      fused_relu,
  };
}

// Issue 13's operators, in the order of the pipeline: arithmetic by a constant (broadcast shapes,
// constants, options), LEAKY_RELU's alpha, DENSIFY's sparsity metadata, and the pruning wrapper.
std::vector<BadInput> normalization_and_sparse_rows() {
  const std::string& h = normalization_model();
  const std::string& s = sparse_model();
  const std::string densify_input =
      "model.tflite: operator 0 (DENSIFY)'s input tensor 'sequential_1/dense_4/MatMul;sequential_1/dense_4/Relu;"
      "sequential_1/dense_4/BiasA': sparse weights: ";
  const auto set_float = [](tflite::ModelT& m, int t, std::size_t k, float value) {
    std::memcpy(m.buffers[tensor(m, t).buffer]->data.data() + 4 * k, &value, 4);
  };
  return {
      tflite_row(
          "SUB: shapes that do not broadcast (input [1, 3], constant [1, 8])", h,
          [](tflite::ModelT& m) {
            tensor(m, 0).shape = {1, 3};
          },
          "model.tflite: operator 0 (SUB) cannot broadcast [1, 3] (tensor 0 'serving_default_normalization_1_input:0') "
          "and [1, 8] (tensor 2 'Const')"),
      tflite_row(
          "SUB: an input whose dimensions multiply past the largest tensor (4096 x 4096 x 4096)", h,
          [](tflite::ModelT& m) {
            tensor(m, 0).shape = {4096, 4096, 4096};
          },
          "model.tflite: tensor 0 'serving_default_normalization_1_input:0' is too large"),
      tflite_row(
          "SUB: a broadcast that repeats the values (input [2, 1], constant [1, 8])", h,
          [](tflite::ModelT& m) {
            tensor(m, 0).shape = {2, 1};
          },
          "model.tflite: operator 0 (SUB) broadcasts [2, 1] and [1, 8] to [2, 8]: tinymlp imports a constant spread "
          "over the values, or one value over a constant, not values repeated"),
      tflite_row(
          "SUB: an output of another size than the broadcast gives", h,
          [](tflite::ModelT& m) {
            tensor(m, 7).shape = {1, 4};
          },
          "model.tflite: operator 0 (SUB)'s output tensor 7 'sequential_1/normalization_1/sub' holds 4 values, the "
          "broadcast gives 8"),
      tflite_row(
          "SUB: a constant that is NaN", h, [&](tflite::ModelT& m) { set_float(m, 2, 3, NAN); },
          "model.tflite: operator 0 (SUB)'s constant tensor 2 'Const' holds a value that is not a finite number"),
      tflite_row(
          "MUL: a constant that is infinite", h, [&](tflite::ModelT& m) { set_float(m, 1, 0, INFINITY); },
          "model.tflite: operator 1 (MUL)'s constant tensor 1 "
          "'sequential_1/normalization_1/truediv;sequential_1/normalization_1/Sqrt' holds a value that is not a finite "
          "number"),
      tflite_row(
          "DIV by a constant holding 0", h,
          [&](tflite::ModelT& m) {
            op(m, 1).opcode_index = add_operator_code(m, tflite::BuiltinOperator::DIV);
            set_float(m, 1, 5, 0.0f);
          },
          "model.tflite: operator 1 (DIV)'s constant tensor 1 "
          "'sequential_1/normalization_1/truediv;sequential_1/normalization_1/Sqrt' holds a 0 to divide by"),
      tflite_row(
          "DIV of a constant by the values", h,
          [](tflite::ModelT& m) {
            op(m, 1).opcode_index = add_operator_code(m, tflite::BuiltinOperator::DIV);
            op(m, 1).inputs = {1, 7};
          },
          "model.tflite: operator 1 (DIV) divides a constant by the values; tinymlp imports DIV of the values by a "
          "constant only"),
      tflite_row(
          "MUL by a tensor that is not a constant", h,
          [](tflite::ModelT& m) {
            op(m, 1).inputs = {7, 0};
          },
          "model.tflite: operator 1 (MUL)'s other operand tensor 0 'serving_default_normalization_1_input:0' is not a "
          "constant: tinymlp imports ADD, SUB, MUL and DIV by a constant only (a Keras Normalization)"),
      tflite_row(
          "SUB with a fused activation", h,
          [](tflite::ModelT& m) {
            op(m, 0).builtin_options.AsSubOptions()->fused_activation_function = tflite::ActivationFunctionType::RELU;
          },
          "model.tflite: operator 0 (SUB) fuses RELU; tinymlp imports ADD, SUB, MUL and DIV by a constant without a "
          "fused activation"),
      tflite_row(
          "SUB: a constant buffer shorter than its shape", h,
          [](tflite::ModelT& m) { m.buffers[tensor(m, 2).buffer]->data.resize(28); },
          "model.tflite: operator 0 (SUB)'s constant tensor 2 'Const' has 28 bytes of data, its shape needs 32"),
      tflite_row(
          "LEAKY_RELU with alpha 1.5 (tinymlp's LeakyReLU takes 0 <= alpha < 1)", h,
          [](tflite::ModelT& m) {
            op(m, 4).opcode_index = add_operator_code(m, tflite::BuiltinOperator::LEAKY_RELU);
            tflite::LeakyReluOptionsT options;
            options.alpha = 1.5f;
            op(m, 4).builtin_options.Set(std::move(options));
          },
          "model.tflite: operator 4 (LEAKY_RELU) has alpha 1.5; tinymlp's LeakyReLU takes 0 <= alpha < 1 (and not "
          "below 2^-38 unless 0)"),
      tflite_row(
          "LEAKY_RELU with alpha NaN", h,
          [](tflite::ModelT& m) {
            op(m, 4).opcode_index = add_operator_code(m, tflite::BuiltinOperator::LEAKY_RELU);
            tflite::LeakyReluOptionsT options;
            options.alpha = NAN;
            op(m, 4).builtin_options.Set(std::move(options));
          },
          "model.tflite: operator 4 (LEAKY_RELU) has alpha nan; tinymlp's LeakyReLU takes 0 <= alpha < 1 (and not "
          "below 2^-38 unless 0)"),
      tflite_row(
          "DENSIFY: traversal_order not a permutation of the dimensions", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).sparsity->traversal_order = {1, 1};
          },
          densify_input + "traversal_order entry 1 (1) is not a dimension in order: dimensions first, each once, then "
                          "block dimensions"),
      tflite_row(
          "DENSIFY: a block_map entry outside the dimensions", s,
          [](tflite::ModelT& m) {
            tflite::SparsityParametersT& sparsity = *tensor(m, 2).sparsity;
            sparsity.traversal_order = {0, 1, 2};
            sparsity.block_map = {5};
            auto block = std::make_unique<tflite::DimensionMetadataT>();
            block->dense_size = 1;
            sparsity.dim_metadata.push_back(std::move(block));
          },
          densify_input + "block_map entry 0 (5) is not a dimension blocked once"),
      tflite_row(
          "DENSIFY: dim_metadata with fewer entries than traversal_order", s,
          [](tflite::ModelT& m) { tensor(m, 2).sparsity->dim_metadata.pop_back(); },
          densify_input + "dim_metadata has 1 entries, traversal_order 2"),
      tflite_row(
          "DENSIFY: a DENSE dimension of another size than the shape's", s,
          [](tflite::ModelT& m) { tensor(m, 2).sparsity->dim_metadata[0]->dense_size = 255; },
          densify_input + "stored dimension 0 is DENSE of size 255, the shape says 256"),
      tflite_row(
          "DENSIFY: array_segments that stop short of the array_indices", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).sparsity->dim_metadata[1]->array_segments.AsUint16Vector()->values.back() -= 1;
          },
          densify_input + "stored dimension 1: array_segments must run from 0 to the 45749 array_indices"),
      tflite_row(
          "DENSIFY: array_segments that decrease", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).sparsity->dim_metadata[1]->array_segments.AsUint16Vector()->values[2] = 0;
          },
          densify_input + "stored dimension 1: array_segments decrease at entry 2"),
      tflite_row(
          "DENSIFY: an array_segments entry past the array_indices (a later one decreases)", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).sparsity->dim_metadata[1]->array_segments.AsUint16Vector()->values[1] = 60000;
          },
          densify_input + "stored dimension 1: array_segments entry 1 (60000) is past the 45749 array_indices"),
      tflite_row(
          "DENSIFY: an array_indices entry outside the dimension", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).sparsity->dim_metadata[1]->array_indices.AsUint16Vector()->values[0] = 600;
          },
          densify_input + "stored dimension 1: array_indices entry 0 (600) is outside 0 .. 560"),
      tflite_row(
          "DENSIFY: an array_indices entry that repeats", s,
          [](tflite::ModelT& m) {
            auto& indices = tensor(m, 2).sparsity->dim_metadata[1]->array_indices.AsUint16Vector()->values;
            indices[1] = indices[0];
          },
          densify_input + "stored dimension 1: array_indices entry 1 (3) repeats or goes back within its segment"),
      tflite_row(
          "DENSIFY: a SPARSE_CSR dimension without array_segments", s,
          [](tflite::ModelT& m) { tensor(m, 2).sparsity->dim_metadata[1]->array_segments.Reset(); },
          densify_input + "stored dimension 1 has 0 array_segments, its 256 parent positions want 257"),
      tflite_row(
          "DENSIFY: sparse data that is not a whole number of floats", s,
          [](tflite::ModelT& m) { m.buffers[tensor(m, 2).buffer]->data.pop_back(); },
          "model.tflite: operator 0 (DENSIFY)'s input tensor 2 "
          "'sequential_1/dense_4/MatMul;sequential_1/dense_4/Relu;sequential_1/dense_4/BiasA' has 182995 bytes of "
          "sparse data, not a whole number of FLOAT32 values"),
      tflite_row(
          "DENSIFY: fewer stored values than the metadata says", s,
          [](tflite::ModelT& m) { m.buffers[tensor(m, 2).buffer]->data.resize(4 * 45748); },
          densify_input + "the sparsity metadata stores 45749 values, the buffer holds 45748"),
      tflite_row(
          "DENSIFY of a sparse INT8 constant", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).type = tflite::TensorType::INT8;
            tensor(m, op(m, 0).outputs[0]).type = tflite::TensorType::INT8;
          },
          "model.tflite: operator 0 (DENSIFY)'s input tensor 2 "
          "'sequential_1/dense_4/MatMul;sequential_1/dense_4/Relu;sequential_1/dense_4/BiasA' is sparse INT8: tinymlp "
          "decompresses sparse FLOAT32 and FLOAT16 weights with DENSIFY (sparse INT8 weights read by FULLY_CONNECTED "
          "itself); convert the pruned model with float32, float16 or int8 weights"),
      tflite_row(
          "DENSIFY of a sparse FLOAT16 constant into a FLOAT32 tensor", s,
          [](tflite::ModelT& m) { tensor(m, 2).type = tflite::TensorType::FLOAT16; },
          "model.tflite: operator 0 (DENSIFY)'s output tensor 3 "
          "'sequential_1/dense_4/MatMul;sequential_1/dense_4/Relu;sequential_1/dense_4/BiasA' is FLOAT32, expected "
          "FLOAT16"),
      tflite_row(
          "DENSIFY: sparse FLOAT16 data that is not a whole number of halves", s,
          [](tflite::ModelT& m) {
            tensor(m, 2).type = tflite::TensorType::FLOAT16;
            tensor(m, op(m, 0).outputs[0]).type = tflite::TensorType::FLOAT16;
            m.buffers[tensor(m, 2).buffer]->data.pop_back();
          },
          "model.tflite: operator 0 (DENSIFY)'s input tensor 2 "
          "'sequential_1/dense_4/MatMul;sequential_1/dense_4/Relu;sequential_1/dense_4/BiasA' has 182995 bytes of "
          "sparse data, not a whole number of FLOAT16 values"),
      tflite_row(
          "a sparse INT8 kernel whose metadata puts a value past its row", hello_world_int8_sparse(),
          [](tflite::ModelT& m) {
            for (auto& candidate : graph(m).operators)
              if (m.operator_codes[candidate->opcode_index]->builtin_code == tflite::BuiltinOperator::FULLY_CONNECTED) {
                tensor(m, candidate->inputs[1]).sparsity->dim_metadata[1]->array_indices.AsInt32Vector()->values[0] = 7;
                break;
              }
          },
          "model.tflite: operator 0 (FULLY_CONNECTED)'s weights tensor 'sequential/dense/MatMul': sparse weights: "
          "stored dimension 1: array_indices entry 0 (7) is outside 0 .. 0"),
      tflite_row(
          "DENSIFY of a constant without sparsity parameters", s,
          [](tflite::ModelT& m) { tensor(m, 2).sparsity.reset(); },
          "model.tflite: operator 0 (DENSIFY)'s input tensor 2 "
          "'sequential_1/dense_4/MatMul;sequential_1/dense_4/Relu;sequential_1/dense_4/BiasA' has no sparsity "
          "parameters: DENSIFY decompresses a sparse tensor"),
      tflite_row(
          "a model saved with tfmot's pruning wrapper on (an initializer graph: VAR_HANDLE, ASSIGN_VARIABLE)", s,
          [](tflite::ModelT& m) {
            auto initializer = std::make_unique<tflite::SubGraphT>();
            for (auto code : {tflite::BuiltinOperator::VAR_HANDLE, tflite::BuiltinOperator::ASSIGN_VARIABLE}) {
              auto variable = std::make_unique<tflite::OperatorT>();
              variable->opcode_index = add_operator_code(m, code);
              initializer->operators.push_back(std::move(variable));
            }
            m.subgraphs.push_back(std::move(initializer));
          },
          "model.tflite: the model keeps its weights in variables (CALL_ONCE, VAR_HANDLE, READ_VARIABLE, "
          "ASSIGN_VARIABLE): it was saved with the pruning wrapper still on; apply tfmot.sparsity.keras.strip_pruning "
          "to the Keras model before converting it"),
  };
}

std::vector<BadInput> model_file_rows() {
  const Format file = Format::model_file;
  const std::string start = "tinymlp-model 1\ninput 2\n";
  return {
      text_row(file, "empty file", "", "model.tinymlp:1:1: expected \"tinymlp-model 1\" as the first line"),
      text_row(file, "another format version", "tinymlp-model 2\n",
               "model.tinymlp:1:1: expected \"tinymlp-model 1\" as the first line"),
      text_row(file, "an input width that is no number", "tinymlp-model 1\ninput x\n",
               "model.tinymlp:2:7: the input width must be a whole number from 1 to 16777216, found 'x'"),
      text_row(file, "an input width of 0", "tinymlp-model 1\ninput 0\n",
               "model.tinymlp:2:7: the input width must be a whole number from 1 to 16777216, found '0'"),
      text_row(file, "a row with too few weights", start + "dense 1 relu\nrow 1\n",
               "model.tinymlp:4:6: \"row\" needs 2 numbers, found 1"),
      text_row(file, "a row with too many weights", start + "dense 1 relu\nrow 1 2 3\n",
               "model.tinymlp:4:9: unexpected '3' at the end of the line"),
      text_row(file, "a bad number", start + "dense 1 none\nrow 1 0.5.5\n",
               "model.tinymlp:4:7: '0.5.5' is not a number"),
      text_row(file, "NaN weight", start + "dense 1 none\nrow nan 1\n",
               "model.tinymlp:4:5: 'nan' is not a finite number"),
      text_row(file, "a weight that overflows a float", start + "dense 1 none\nrow 1e39 1\n",
               "model.tinymlp:4:5: '1e39' is too large for a float"),
      text_row(file, "an activation TFLite cannot fuse, given as fused", start + "dense 1 sigmoid\n",
               "model.tinymlp:3:9: 'sigmoid' is not none, relu, relu6 or tanh"),
      text_row(file, "unknown layer type", start + "conv 3\n",
               "model.tinymlp:3:1: expected \"dense\", \"activation\", \"normalization\" or \"end\", found 'conv'"),
      text_row(file, "cut short (no \"end\")", start + "dense 1 none\nrow 1 2\nbias 0\n",
               "model.tinymlp:6:1: the file ends without \"end\""),
      text_row(file, "text after \"end\"", start + "dense 1 none\nrow 1 2\nbias 0\nend\nmore\n",
               "model.tinymlp:7:1: text after \"end\""),
      text_row(file, "a model with no layers (readable, but no .tflite can hold it)", "tinymlp-model 1\ninput 2\nend\n",
               "saved.tflite: the model has no layers; a .tflite needs at least one, and tinymlp reads none without"),
      text_row(file, "a layer wider than the readers take", start + "dense 16777217 none\n",
               "model.tinymlp:3:7: the number of outputs must be a whole number from 1 to 16777216, found "
               "'16777217'"),
      // Hybrid layers (issue 13 item 2).
      text_row(file, "a hybrid layer (valid)",
               start + "dense 1 relu hybrid asymmetric 0.01\nrow 127 -128\nbias 0.5\nend\n",
               "accepted: Dense<2, 1>, ReLU"),
      text_row(file, "a hybrid layer with an unknown input variant", start + "dense 1 relu hybrid dynamic 0.01\n",
               "model.tinymlp:3:21: 'dynamic' is not symmetric or asymmetric (how the hybrid layer quantizes inputs)"),
      text_row(file, "a hybrid layer without its weight scale", start + "dense 1 relu hybrid symmetric\n",
               "model.tinymlp:3:30: expected the hybrid layer's weight scale after 'symmetric'"),
      text_row(file, "a hybrid layer with a weight scale of 0", start + "dense 1 relu hybrid symmetric 0\n",
               "model.tinymlp:3:31: '0' is not a weight scale in [1e-30, 1e30]"),
      text_row(file, "a hybrid weight out of int8's range", start + "dense 1 relu hybrid symmetric 0.01\nrow 128 0\n",
               "model.tinymlp:4:5: '128' is not an int8 weight (an integer from -128 to 127)"),
      text_row(file, "a hybrid weight that is no integer", start + "dense 1 relu hybrid symmetric 0.01\nrow 0.5 0\n",
               "model.tinymlp:4:5: '0.5' is not an int8 weight (an integer from -128 to 127)"),
      text_row(file, "a hybrid row with too few weights", start + "dense 1 relu hybrid symmetric 0.01\nrow 1\n",
               "model.tinymlp:4:6: \"row\" needs 2 numbers, found 1"),
      place_row(file, "a file that does not exist", Place::missing,
                "model.tinymlp: cannot open it for reading: No such file or directory"),
      place_row(file, "a folder", Place::directory, "model.tinymlp: cannot read it: Is a directory"),
      text_row(file, "a leaky_relu without its alpha", start + "activation leaky_relu\n",
               "model.tinymlp:3:22: leaky_relu needs its alpha, a number in [0, 1)"),
      text_row(file, "a leaky_relu alpha of 1 (tinymlp's LeakyReLU takes 0 <= alpha < 1)",
               start + "activation leaky_relu 1\n",
               "model.tinymlp:3:23: leaky_relu's alpha '1' is not in [0, 1) (or is below 2^-38 and not 0)"),
      text_row(file, "a normalization that changes the width", start + "normalization 3\n",
               "model.tinymlp:3:15: a normalization keeps the width before (2) or broadcasts one input, not 3 outputs"),
      text_row(file, "a normalization with an infinite scale", start + "normalization 2\nscale 1 inf\n",
               "model.tinymlp:4:9: 'inf' is not a finite number"),
  };
}

std::vector<BadInput> header_rows() {
  const Format h = Format::header;
  const std::string& text = float_header();
  const std::string type = "tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>";
  const std::size_t first_row = text.find('\n', text.find("// layer 0")) + 1 + 4;  // after the indent
  const std::string first_number = text.substr(first_row, text.find("f,", first_row) - first_row);
  BadInput round_trip = text_row(h, "a header tinymlp-convert wrote (valid)", text, "");
  round_trip.expected = std::string(accepted) + "exported again, it gives the bytes the .tflite gives";
  round_trip.describe = same_tflite_bytes;
  std::string sequential = replaced(text, type, "tinymlp::Sequential<tinymlp::Dense<1, 16>, tinymlp::Dense<8, 1>>");
  const tinymlp::ModelDescription int8 = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
  const std::string leaky = replaced(text, "Mlp<tinymlp::ReLU", "Mlp<tinymlp::LeakyReLU<3, 2>");
  const std::string& hybrid = hybrid_header();
  BadInput hybrid_round_trip = text_row(h, "a hybrid header tinymlp-convert wrote (valid)", hybrid, "");
  hybrid_round_trip.expected =
      std::string(accepted) + "exported again, it gives the bytes of the hybrid .tflite it was made from";
  hybrid_round_trip.describe = same_hybrid_tflite_bytes;
  // The first weight of the first kernel row (" N,") and the first layer's weight scale.
  const std::size_t row_start = hybrid.find('\n', hybrid.find("{\n", hybrid.find("// layer 0"))) + 1;
  const std::size_t first_weight = hybrid.find_first_not_of(' ', row_start);
  const std::string hybrid_first_row =
      " " + hybrid.substr(first_weight, hybrid.find(',', first_weight) + 1 - first_weight);
  const std::size_t scale_line = hybrid.find(" },\n", row_start) + 4;
  const std::size_t scale_start = hybrid.find_first_not_of(' ', scale_line);
  const std::string hybrid_scale = hybrid.substr(scale_start, hybrid.find("f,", scale_start) - scale_start);
  std::string hybrid_number_too_many = hybrid;
  hybrid_number_too_many.insert(hybrid.rfind("\n};"), ", 1.0f");
  return {
      round_trip,
      text_row(h, "cut short inside the weights", first_lines(text, 30),
               "model.hpp:31:1: the header ends inside the parameter array, after 9 of 321 numbers (is it cut short?)"),
      text_row(h, "cut short before its last line", first_lines(text, 63),
               "model.hpp:64:1: the header ends before the end of its include guard (is it cut short?)"),
      text_row(h, "cut short before the typedef", first_lines(text, 8),
               "model.hpp:9:1: the header ends before its typedef (is it cut short?)"),
      text_row(h, "a weight missing", replaced(text, first_number + "f,", ""),
               "model.hpp:60:1: the array ends after 320 numbers; " + type + " has 321 parameters"),
      text_row(h, "a weight too many", replaced(text, first_number + "f,", first_number + "f, 1.0f,"),
               "model.hpp:59:5: more numbers than the 321 parameters of " + type),
      text_row(h, "an array size that disagrees with the type",
               replaced(text, "parameters[321] TINYMLP", "parameters[320] TINYMLP"),
               "model.hpp:20:47: the array holds 320 parameters, " + type + " has 321"),
      text_row(h, "unknown layer type", replaced(text, "Mlp<tinymlp::ReLU", "Mlp<tinymlp::Swish"),
               "model.hpp:12:31: unknown layer type 'Swish'; a header's layers are Dense<IN, OUT>, "
               "Normalization<IN, OUT>, ReLU, ReLU6, LeakyReLU<N, D>, Tanh, Sigmoid, Softmax and Identity"),
      text_row(h, "layers whose sizes disagree", sequential,
               "model.hpp:12:67: a Dense of 8 inputs after a layer of 16 outputs"),
      text_row(h, "a bad number", replaced(text, first_number + "f,", "0.2x5f,"),
               "model.hpp:22:5: '0.2x5' is not a number"),
      text_row(h, "NaN weight", replaced(text, first_number + "f,", "NANf,"),
               "model.hpp:22:5: 'NAN' is not a finite number"),
      text_row(h, "a number without its f suffix", replaced(text, first_number + "f,", first_number + ","),
               "model.hpp:22:5: '" + first_number + ",' is not a float literal and a comma, like \"0.25f,\""),
      text_row(h, "an int8 header (Int8Model)", tinymlp::model_header(int8, "model", "model.tflite"),
               "model.hpp:1:1: an int8 header cannot be read back: it holds requantization multipliers, not the "
               "scales a model needs; convert the .tflite or model file it was made from"),
      text_row(h, "a header tinymlp-convert did not write", "#pragma once\nconst float weights[3] = {1, 2, 3};\n",
               "model.hpp:1:1: not a header written by tinymlp-convert: its first line is not \"// NAME: a tinymlp "
               "model generated by tinymlp-convert from ...\""),
      text_row(h, "LeakyReLU<3, 2>: an alpha of 1.5", leaky,
               "model.hpp:12:45: LeakyReLU<3, 2> needs 0 <= alpha = numerator / denominator < 1"),
      text_row(h, "Normalization<2, 3>: a normalization that neither keeps its width nor broadcasts one input",
               replaced(text, type, "tinymlp::Sequential<tinymlp::Normalization<2, 3>, tinymlp::Dense<3, 1>>"),
               "model.hpp:12:56: a Normalization keeps its width or broadcasts one input, not 2 into 3"),
      // Hybrid headers (HybridModel, issue 13 item 2).
      hybrid_round_trip,
      text_row(h, "a hybrid header cut short inside its parameters", first_lines(hybrid, 20),
               "model.hpp:21:1: the header ends inside the parameter block (is it cut short?)"),
      text_row(h, "a hybrid header with an int8 weight out of range", replaced(hybrid, hybrid_first_row, " 300,"),
               "model.hpp:20:1: '300' where an int8 weight (an integer from -128 to 127) belongs"),
      text_row(h, "a hybrid header with a float where an int8 weight belongs",
               replaced(hybrid, hybrid_first_row, " 0.5f,"),
               "model.hpp:20:1: '0.5f' where an int8 weight (an integer from -128 to 127) belongs"),
      text_row(h, "a hybrid header with a weight scale that is no float literal",
               replaced(hybrid, hybrid_scale + "f,", hybrid_scale + ","),
               "model.hpp:37:1: '0.00547734322' where a float literal like \"0.25f\" belongs"),
      text_row(h, "a hybrid header with an unknown input variant",
               replaced(hybrid, "quant::AsymmetricInputs", "quant::RoundedInputs"),
               "model.hpp:10:89: expected SymmetricInputs or AsymmetricInputs"),
      text_row(
          h, "a hybrid header whose FloatDenseAt names no Dense layer",
          replaced(hybrid, "quant::AsymmetricInputs>", "quant::AsymmetricInputs, tinymlp::quant::FloatDenseAt<3>>"),
          "model.hpp:67:1: FloatDenseAt names Dense layer 3 of 3"),
      text_row(h, "a hybrid header with a number too many", hybrid_number_too_many,
               "model.hpp:69:1: more numbers than tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> has parameters"),
  };
}

// tinymlp-convert MODEL -o saved.hpp --int8 --calibrate data.csv: the CSV's first columns calibrate a
// float model of three inputs (unless the row gives another model).
BadInput calibration_row(std::string input, std::string content, std::string expected,
                         std::string arguments = "--int8 --calibrate {CSV}") {
  BadInput row = text_row(Format::calibration, std::move(input), std::move(content), std::move(expected));
  tinymlp::ModelDescription model;
  model.input_size = 3;
  tinymlp::Layer hidden = tinymlp::sequence_layer(tinymlp::LayerKind::dense, tinymlp::Activation::relu, 3, 4);
  hidden.kernel.assign(12, 0.25f);
  hidden.bias.assign(4, 0.5f);
  tinymlp::Layer last = tinymlp::sequence_layer(tinymlp::LayerKind::dense, tinymlp::Activation::none, 4, 2);
  last.kernel.assign(8, -0.5f);
  last.bias.assign(2, 1.0f);
  model.layers = {hidden, last};
  row.model_name = "model.tinymlp";
  row.model_bytes = tinymlp::model_file_text(model);
  row.arguments = std::move(arguments);
  return row;
}

// The same with a Normalization (scale 1, offset `offset` per feature) before the first Dense.
BadInput normalized_calibration_row(std::string input, std::string content, std::string expected, float offset) {
  BadInput row = calibration_row(std::move(input), std::move(content), std::move(expected));
  tinymlp::ModelDescription model = tinymlp::parse_model_file(row.model_bytes, "model.tinymlp");
  tinymlp::Layer normalization =
      tinymlp::sequence_layer(tinymlp::LayerKind::normalization, tinymlp::Activation::none, 3, 3);
  normalization.kernel.assign(3, 1.0f);
  normalization.bias.assign(3, offset);
  model.layers.insert(model.layers.begin(), normalization);
  row.model_bytes = tinymlp::model_file_text(model);
  return row;
}

std::vector<BadInput> calibration_rows() {
  BadInput int8_input = calibration_row("an int8 model to quantize (hello_world_int8.tflite)", "1\n2\n",
                                        "model.tflite is quantized already; --int8 quantizes a float model");
  int8_input.model_name = "model.tflite";
  int8_input.model_bytes = int8_model();
  return {
      calibration_row("a CSV with fewer columns than the model's inputs (2 for 3)", "1,2\n3,4\n",
                      "data.csv: the lines have 2 fields, and the model takes 3 inputs (calibration reads the first "
                      "3 columns of each line)"),
      calibration_row("a field that is no number", "1,2,3\n4,x5,6\n", "data.csv:2:3: field 2 is not a number: 'x5'"),
      calibration_row("an empty file", "", "data.csv:1:1: no data: the file is empty"),
      calibration_row("a header line, without --header", "a,b,c\n1,2,3\n",
                      "data.csv:1:1: field 1 is not a number: 'a' (if line 1 names the columns, give --header)"),
      calibration_row("a header line with --header, and a label column after the inputs", "a,b,c,label\n1,2,3,0\n",
                      "accepted: calibrated on 1 sample of data.csv", "--int8 --calibrate {CSV} --header"),
      normalized_calibration_row("a model with a Normalization of inputs near 0 (valid: folded into the Dense)",
                                 "1,2,3\n4,5,6\n", "accepted: calibrated on 2 samples of data.csv", -3.0f),
      normalized_calibration_row("a model with a Normalization of raw inputs far from 0 (offset -1000)",
                                 "1001,1002,1003\n999,998,997\n",
                                 "model.tinymlp: layer 0 (Normalization<3, 3>) maps a raw 0 of feature 0 to -1000: its "
                                 "raw inputs lie too far from 0 for int8 (folded, the rounded weights times the raw "
                                 "values, and the int8 input, lose their digits); normalize the inputs before the "
                                 "model for an int8 version, or keep it float or hybrid",
                                 -1000.0f),
      calibration_row("--calibrate without --int8", "1,2,3\n",
                      "--calibrate is for --int8: give --int8 to quantize the model", "--calibrate {CSV}"),
      int8_input,
  };
}

std::vector<BadInput> all_rows() {
  std::vector<BadInput> rows;
  for (auto part : {csv_rows, tflite_rows, int8_activation_rows, normalization_and_sparse_rows, model_file_rows,
                    header_rows, calibration_rows})
    for (BadInput& row : part()) rows.push_back(std::move(row));
  return rows;
}

// --- Running a row ---------------------------------------------------------------------------------

class Folder {
 public:
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "tinymlp_bad_input_XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~Folder() {
    std::error_code ignored;
    fs::permissions(path_ / "data.csv", fs::perms::owner_all, ignored);
    fs::remove_all(path_, ignored);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }
  std::set<std::string> names() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) names.insert(entry.path().filename().string());
    return names;
  }

 private:
  fs::path path_;
};

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

std::string dataset_summary(const tinymlp::Dataset& data) {
  auto values = [](const float* first, std::size_t count) {
    std::string text;
    for (std::size_t k = 0; k < count && k < 3; ++k) text += (k ? ", " : "") + tinymlp::float_text(first[k]);
    return count > 3 ? text + ", ..." : text;
  };
  auto counted = [](std::size_t count, const char* what) {
    return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
  };
  std::string text = counted(data.size(), "sample") + " of " + counted(data.features, "input") + " and " +
                     counted(data.targets, "target") + ":";
  for (std::size_t s = 0; s < data.size() && s < 2; ++s)
    text += (s ? ", " : " ") + values(data.input(s), data.features) + " -> " + values(data.output(s), data.targets);
  return text;
}

std::string model_summary(const tinymlp::ModelDescription& model) {
  std::string layers;
  for (const tinymlp::Layer& layer : tinymlp::layer_sequence(model))
    layers += (layers.empty() ? "" : ", ") + tinymlp::sequence_layer_name(layer);
  return std::string(accepted) + layers;
}

// tinymlp-convert run as the calibration row says: the first line of what it says on standard error
// after its name, or "accepted: " and the first line it prints.
std::string convert_outcome(const BadInput& row, const std::string& input, const std::string& output) {
  const std::string model = (fs::path(input).parent_path() / row.model_name).string();
  const std::string log =
      (fs::temp_directory_path() / ("tinymlp_bad_input_convert_" + std::to_string(getpid()))).string();
  const std::string command = std::string(TINYMLP_CONVERT) + " " + model + " -o " + output + " " +
                              replaced(row.arguments, "{CSV}", input) + " > " + log + " 2>&1";
  const int status = std::system(command.c_str());
  std::string said = tinymlp::read_whole_file<tinymlp::ModelError>(log);
  fs::remove(log);
  said = said.substr(0, said.find('\n'));
  const std::string name = "tinymlp-convert: ";
  if (status == 0) return accepted + said;
  return said.compare(0, name.size(), name) == 0 ? said.substr(name.size()) : said;
}

// The outcome of reading the input as the format's job does: the error's message, or what was read.
std::string outcome(const BadInput& row, const std::string& input, const std::string& output) {
  if (row.format == Format::calibration) return convert_outcome(row, input, output);
  if (row.format == Format::csv) {
    tinymlp::CsvOptions options;
    options.header = true;
    if (row.csv_options) row.csv_options(options);
    try {
      const tinymlp::Dataset data = tinymlp::read_csv(input, options);
      if (row.then) row.then(data);
      tinymlp::write_file_atomically(output, tinymlp::to_csv(data));
      return accepted + dataset_summary(data);
    } catch (const tinymlp::DataError& error) {
      return error.what();
    }
  }
  try {
    const tinymlp::ModelDescription model = tinymlp::tflite::read_any_model(input);
    tinymlp::tflite::write_any_model(output, model, "", input);
    return row.describe ? row.describe(model) : model_summary(model);
  } catch (const tinymlp::ModelError& error) {
    return error.what();
  }
}

bool running_as_root() { return geteuid() == 0; }

// Runs the row once for each n in a fresh folder, where the format's output was saved before.
void check_row(const BadInput& row) {
  CAPTURE(row.input);
  Folder folder;
  std::string input = folder.file(input_name(row.format));
  // What was saved before: an hour old, so that a rewrite would show in its time.
  const std::string output = folder.file(output_name(row.format));
  const std::string saved = "saved before\n";
  write_bytes(output, saved);
  const auto saved_time = fs::last_write_time(output) - std::chrono::hours(1);
  fs::last_write_time(output, saved_time);
  switch (row.place) {
    case Place::file: write_bytes(input, row.bytes(row.first)); break;
    case Place::missing: break;
    case Place::directory: fs::create_directory(input); break;
    case Place::unreadable_file:
      write_bytes(input, row.bytes(0));
      fs::permissions(input, fs::perms::none);
      break;
    case Place::failing_read: input = "/proc/self/mem"; break;
  }
  if (!row.model_name.empty()) write_bytes(folder.file(row.model_name), row.model_bytes);
  const std::set<std::string> names_before = folder.names();
  for (std::size_t n = row.first; n <= row.last; ++n) {
    CAPTURE(n);
    if (row.place == Place::file) {
      fs::remove(input);  // a new file: truncating one makes ext4 flush it to disk at close
      write_bytes(input, row.bytes(n));
    }
    std::string result = outcome(row, input, output);
    for (std::size_t at; (at = result.find(folder.path() + "/")) != std::string::npos;)
      result.erase(at, folder.path().size() + 1);
    CHECK(result == with_n(row.expected, n));
    CHECK(folder.names() == names_before);  // no temporary file left, nothing else written
    if (result.compare(0, std::string(accepted).size(), accepted) != 0) {
      CHECK(tinymlp::read_whole_file<tinymlp::ModelError>(output) == saved);
      CHECK(fs::last_write_time(output) == saved_time);
    }
  }
}

void check_rows(const std::vector<BadInput>& rows) {
  for (const BadInput& row : rows) {
    if (row.place == Place::unreadable_file && running_as_root()) {
      MESSAGE("running as root, who may read any file: '" << row.input << "' is left out");
      continue;
    }
    check_row(row);
  }
}

// --- The table in docs/reliability.md --------------------------------------------------------------

std::string markdown_code(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return "`" + escaped + "`";
}

std::string reliability_table() {
  std::string table = "| format | input | what tinymlp says |\n|---|---|---|\n";
  for (const BadInput& row : all_rows()) {
    std::string input = row.input;
    if (row.last > row.first)
      input += " to N = " + std::to_string(row.first) + "–" + std::to_string(row.last) + " bytes";
    std::string said = row.expected;
    for (std::size_t at; (at = said.find("{N}")) != std::string::npos;) said.replace(at, 3, "N");
    table += std::string("| ") + format_name(row.format) + " | " + input + " | " + markdown_code(said) + " |\n";
  }
  return table;
}

const char* const table_begin =
    "<!-- bad-input table: printed by tests/bad_input, which checks that it is current -->\n";
const char* const table_end = "<!-- end of the bad-input table -->\n";

}  // namespace

TEST_CASE("bad CSV data") { check_rows(csv_rows()); }

TEST_CASE("bad .tflite files") { check_rows(tflite_rows()); }

TEST_CASE("bad int8 activations in .tflite files") { check_rows(int8_activation_rows()); }

TEST_CASE("bad .tflite files: arithmetic by a constant, LEAKY_RELU, DENSIFY, the pruning wrapper") {
  check_rows(normalization_and_sparse_rows());
}

TEST_CASE("bad model files") { check_rows(model_file_rows()); }

TEST_CASE("bad headers read back") { check_rows(header_rows()); }

TEST_CASE("bad calibration data and requests of tinymlp-convert --int8") { check_rows(calibration_rows()); }

TEST_CASE("every single flipped byte of a .tflite file is either imported or refused with a ModelError") {
  const std::string& bytes = float_model();
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string broken = bytes;
    broken[at] = static_cast<char>(broken[at] ^ 0x5a);
    try {
      tinymlp::tflite::import_tflite(reinterpret_cast<const std::uint8_t*>(broken.data()), broken.size(), "m.tflite");
    } catch (const tinymlp::ModelError&) {
    }
  }
}

TEST_CASE("the table in docs/reliability.md is this suite's table") {
  const std::string page = tinymlp::read_whole_file<tinymlp::ModelError>(TINYMLP_RELIABILITY_PAGE);
  const std::size_t begin = page.find(table_begin), end = page.find(table_end);
  const std::string expected = reliability_table();
  const std::string printed = std::string(TINYMLP_BAD_INPUT_TABLE);
  write_bytes(printed, table_begin + expected + table_end);
  REQUIRE_MESSAGE(begin != std::string::npos, "docs/reliability.md lacks the line " << table_begin);
  REQUIRE(end != std::string::npos);
  const std::size_t first = begin + std::string(table_begin).size();
  CHECK_MESSAGE(page.substr(first, end - first) == expected,
                "docs/reliability.md's table differs from the suite's: put " << printed << " in its place");
}

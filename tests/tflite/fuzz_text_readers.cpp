// libFuzzer target for the three text readers: every input goes to the CSV reader, the model file
// reader and the header reader. Each either reads it or throws its documented error (DataError,
// ModelError); anything else (another exception, a crash, a sanitizer report) is a finding. What
// reads must round-trip through the matching writer: to_csv, model_file_text, model_header.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tinymlp/host/csv.hpp"
#include "tinymlp/host/header_reader.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/errors.hpp"
#include "tinymlp/host/model_file.hpp"

namespace {

void check_csv(const std::string& text) {
  tinymlp::Dataset data;
  try {
    std::istringstream in(text);
    data = tinymlp::parse_csv(in, "fuzz.csv", tinymlp::CsvOptions());
  } catch (const tinymlp::DataError&) {
    return;
  }
  tinymlp::CsvOptions written;  // to_csv writes a header line
  written.header = true;
  written.targets = data.targets;
  std::istringstream again_in(tinymlp::to_csv(data));
  const tinymlp::Dataset again = tinymlp::parse_csv(again_in, "written.csv", written);
  if (again.features != data.features || again.inputs != data.inputs || again.outputs != data.outputs) std::abort();
}

void check_model_file(const std::string& text) {
  tinymlp::ModelDescription model;
  try {
    model = tinymlp::parse_model_file(text, "fuzz.tinymlp");
  } catch (const tinymlp::ModelError&) {
    return;
  }
  const std::string written = tinymlp::model_file_text(model);
  if (tinymlp::model_file_text(tinymlp::parse_model_file(written, "written.tinymlp")) != written) std::abort();
}

void check_header(const std::string& text) {
  tinymlp::ModelDescription model;
  try {
    model = tinymlp::parse_model_header(text, "fuzz.hpp");
  } catch (const tinymlp::ModelError&) {
    return;
  }
  const tinymlp::ModelDescription again =
      tinymlp::parse_model_header(tinymlp::model_header(model, "fuzz", "fuzz"), "written.hpp");
  if (tinymlp::model_file_text(again) != tinymlp::model_file_text(model)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  check_csv(text);
  check_model_file(text);
  check_header(text);
  return 0;
}

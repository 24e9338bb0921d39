// libFuzzer target: any bytes given to the importer either import or fail with a ModelError; no
// crash, hang, leak or out-of-bounds read (built with AddressSanitizer and UBSan). What imports is
// also run, exported and imported again, which must give the same bytes.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "tinymlp_tools/description_inference.hpp"
#include "tinymlp_tools/header_writer.hpp"
#include "tinymlp_tools/model_error.hpp"
#include "tinymlp_tools/tflite_export.hpp"
#include "tinymlp_tools/tflite_import.hpp"

namespace tools = tinymlp::tools;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tools::ModelDescription model;
  try {
    model = tools::import_tflite(data, size, "fuzz");
  } catch (const tools::ModelError&) {
    return 0;
  }
  tools::predict_float(model, std::vector<float>(model.input_size, 0.5f));
  if (model.is_quantized()) {
    try {
      tools::predict_int8(model, std::vector<std::int8_t>(model.input_size, 3));
    } catch (const tools::ModelError&) {
    }
    return 0;
  }
  try {
    tools::model_header(model, "fuzz", "fuzz");
  } catch (const tools::ModelError&) {  // layers tinymlp has no type for
  }
  const std::string exported = tools::export_tflite(model);
  const tools::ModelDescription again =
      tools::import_tflite(reinterpret_cast<const std::uint8_t*>(exported.data()), exported.size(), "exported");
  if (tools::export_tflite(again) != exported) std::abort();
  return 0;
}

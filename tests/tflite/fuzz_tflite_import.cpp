// libFuzzer target: any bytes given to the importer either import or fail with a ModelError; no
// crash, hang, leak, out-of-bounds read or outsized allocation (built with AddressSanitizer and UBSan,
// run with -rss_limit_mb and -malloc_limit_mb). What imports is also run, written as a header (float,
// or int8 for a full-integer model), exported and imported again, which must give the same bytes.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "tinymlp/host/quantize.hpp"
#include "tinymlp_tools/description_inference.hpp"
#include "tinymlp_tools/header_writer.hpp"
#include "tinymlp_tools/model_error.hpp"
#include "tinymlp_tools/quantized_description.hpp"
#include "tinymlp_tools/tflite_export.hpp"
#include "tinymlp_tools/tflite_import.hpp"

namespace tools = tinymlp::tools;

namespace {

// Export, import, export: the same bytes twice.
void export_round_trip(const tools::ModelDescription& model) {
  const std::string exported = tools::export_tflite(model);
  const tools::ModelDescription again =
      tools::import_tflite(reinterpret_cast<const std::uint8_t*>(exported.data()), exported.size(), "exported");
  if (tools::export_tflite(again) != exported) std::abort();
}

}  // namespace

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
      tools::int8_header(model, "fuzz", "fuzz");
      export_round_trip(model);
    } catch (const tools::ModelError&) {           // layers tinymlp's int8 kernels do not run
    } catch (const tinymlp::QuantizationError&) {  // requantization out of int32's range
    }
    return 0;
  }
  try {
    tools::model_header(model, "fuzz", "fuzz");
  } catch (const tools::ModelError&) {  // layers tinymlp has no type for
  }
  export_round_trip(model);
  return 0;
}

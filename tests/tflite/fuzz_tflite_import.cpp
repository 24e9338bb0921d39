// libFuzzer target: any bytes given to the importer either import or fail with a ModelError; no
// crash, hang, leak, out-of-bounds read or outsized allocation (built with AddressSanitizer and UBSan,
// run with -rss_limit_mb and -malloc_limit_mb). What imports is also run, written as a header (float,
// int8 for a full-integer model, hybrid for a hybrid one), exported and imported again, which must give the same bytes.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "../support/description_inference.hpp"
#include "tinymlp/host/errors.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

// Export, import, export: the same bytes twice.
void export_round_trip(const tinymlp::ModelDescription& model) {
  const std::string exported = tinymlp::tflite::export_tflite(model);
  const tinymlp::ModelDescription again = tinymlp::tflite::import_tflite(
      reinterpret_cast<const std::uint8_t*>(exported.data()), exported.size(), "exported");
  if (tinymlp::tflite::export_tflite(again) != exported) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tinymlp::ModelDescription model;
  try {
    model = tinymlp::tflite::import_tflite(data, size, "fuzz");
  } catch (const tinymlp::ModelError&) {
    return 0;
  }
  tinymlp_tests::predict_float(model, std::vector<float>(model.input_size, 0.5f));
  if (model.has_hybrid_layers()) {
    tinymlp_tests::predict_hybrid(model, std::vector<float>(model.input_size, 0.5f));
    try {
      tinymlp::model_header(model, "fuzz", "fuzz");
    } catch (const tinymlp::ModelError&) {  // layers tinymlp has no type for, or inputs quantized two ways
    }
    export_round_trip(model);
    return 0;
  }
  if (model.is_quantized()) {
    try {
      tinymlp_tests::predict_int8(model, std::vector<std::int8_t>(model.input_size, 3));
      tinymlp::model_header(model, "fuzz", "fuzz");
      export_round_trip(model);
    } catch (const tinymlp::ModelError&) {         // layers tinymlp's int8 kernels do not run
    } catch (const tinymlp::QuantizationError&) {  // requantization out of int32's range
    }
    return 0;
  }
  try {
    tinymlp::model_header(model, "fuzz", "fuzz");
  } catch (const tinymlp::ModelError&) {  // layers tinymlp has no type for
  }
  export_round_trip(model);
  return 0;
}

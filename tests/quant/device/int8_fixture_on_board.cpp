// A public int8 fixture's header, written by tinymlp-convert --int8-runtime tflite-cpu, run over the
// fixture's own inputs (in flash), printing each row's int8 outputs as the fixture's *.tflite_wasm.txt
// prints TFLite's: built for the host and for a board (tests/quant/CMakeLists.txt), whose lines must
// be the host's, and the host's TFLite's. -DMAINTENANCE: maintenance_int8_logistic (fits an Uno);
// -DHAR: har_int8_softmax (561-256-128-64-6, for a 32-bit board).
#include <tinymlp.hpp>

#include "fixture_inputs.hpp"
#if defined(MAINTENANCE)
#include "maintenance_int8_logistic.hpp"
#define FIXTURE_MODEL maintenance_int8_logistic
#define FIXTURE_TYPE maintenance_int8_logistic_type
#elif defined(HAR)
#include "har_int8_softmax.hpp"
#define FIXTURE_MODEL har_int8_softmax
#define FIXTURE_TYPE har_int8_softmax_type
#endif

#include "console_text.hpp"

namespace {

typedef FIXTURE_TYPE Model;
static_assert(Model::input_size == fixture_width, "the inputs are not the model's");

}  // namespace

int main() {
  console_begin();
  int8_t x[Model::input_size];
  int8_t y[Model::output_size];
  for (unsigned row = 0; row < fixture_rows; ++row) {
    for (unsigned i = 0; i < fixture_width; ++i)
      x[i] = tinymlp::FlashReader::load(fixture_inputs + row * fixture_width + i);
    FIXTURE_MODEL.predict(x, y);
    for (unsigned o = 0; o < Model::output_size; ++o) {
      if (o) console_write(' ');
      console_print_int32(y[o]);
    }
    console_write('\n');
  }
  console_end();
  return 0;
}

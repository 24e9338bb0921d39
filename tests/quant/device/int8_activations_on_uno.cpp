// On the ATmega328P (run-on-uno): the int8 activations from tables in flash, each call a measured region
// (GPIOR0 1 .. 2), and their outputs against the host's (activation_probe_tables.hpp, written by
// write_activation_probe_tables). PROBE_KIND 0: LOGISTIC (Int8Lookup, 16 values a region); 1: SOFTMAX
// over 6 classes in the CPU runtime's arithmetic; 2: the same in TensorFlow Lite Micro's; 3: a hybrid
// 1-16-16-1 model (HybridDense, symmetric inputs), whose float outputs must be the host's exactly. Prints
// activation_mismatches=M (0 to pass). Built with plain avr-g++ (no Arduino core, no interrupts).
#include "activation_probe_tables.hpp"
#include "simavr/uno_console.hpp"

namespace {

volatile int8_t sink;

}  // namespace

int main() {
  uint32_t mismatches = 0;
#if PROBE_KIND == 0
  for (int start = 0; start < 256; start += 16) {
    int8_t x[16], y[16];
    for (int k = 0; k < 16; ++k) x[k] = static_cast<int8_t>(start + k - 128);
    GPIOR0 = 1;
    tinymlp::Int8Lookup<16>::forward<tinymlp::quant::SingleRounding, tinymlp::FlashReader>(logistic, x, y);
    GPIOR0 = 2;
    for (int k = 0; k < 16; ++k)
      if (y[k] != tinymlp::FlashReader::load(expected_logistic + start + k)) ++mismatches;
    sink = y[0];
  }
#elif PROBE_KIND == 3
  for (int s = 0; s < 32; ++s) {
    const float x = tinymlp::FlashReader::load(hybrid_inputs + s);
    float h1[16], h2[16], y = 0.0f;
    GPIOR0 = 1;
    tinymlp::HybridDense<1, 16, tinymlp::quant::SymmetricInputs, true>::forward<tinymlp::FlashReader>(hybrid_first, &x,
                                                                                                      h1);
    tinymlp::HybridDense<16, 16, tinymlp::quant::SymmetricInputs, true>::forward<tinymlp::FlashReader>(hybrid_second,
                                                                                                       h1, h2);
    tinymlp::HybridDense<16, 1>::forward<tinymlp::FlashReader>(hybrid_third, h2, &y);
    GPIOR0 = 2;
    const float expected = tinymlp::FlashReader::load(hybrid_outputs + s);
    if (!(y == expected)) ++mismatches;
    sink = static_cast<int8_t>(y);
  }
#else
  for (int row = 0; row < probe_rows; ++row) {
    int8_t x[6], y[6];
    for (int k = 0; k < 6; ++k) x[k] = tinymlp::FlashReader::load(probe_inputs + row * 6 + k);
    GPIOR0 = 1;
#if PROBE_KIND == 1
    tinymlp::quant::FloatTableSoftmax::forward<6, tinymlp::FlashReader>(softmax_cpu, x, y);
    const int8_t* expected = expected_cpu;
#else
    tinymlp::quant::FixedPointSoftmax::forward<6, tinymlp::FlashReader>(softmax_micro, x, y);
    const int8_t* expected = expected_micro;
#endif
    GPIOR0 = 2;
    for (int k = 0; k < 6; ++k)
      if (y[k] != tinymlp::FlashReader::load(expected + row * 6 + k)) ++mismatches;
    sink = y[0];
  }
#endif
  uno_console_begin();
  uno_console_figure("activation_mismatches", static_cast<int32_t>(mismatches));
  uno_console_end();
  return 0;
}

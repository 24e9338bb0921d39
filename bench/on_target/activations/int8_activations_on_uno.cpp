// On the ATmega328P (run-on-uno): the int8 activations from tables in flash, each call a measured region
// (GPIOR0 1 .. 2), and their outputs against the host's (activation_probe_tables.hpp, written by
// write_activation_probe_tables). PROBE_KIND 0: LOGISTIC (Int8Lookup, 16 values a region); 1: SOFTMAX
// over 6 classes in the CPU runtime's arithmetic; 2: the same in TensorFlow Lite Micro's; 3: a hybrid
// 1-16-16-1 model (HybridDense, symmetric inputs), whose float outputs must be the host's exactly. Then,
// untimed, each fast path against the portable C++ it must equal: for LOGISTIC the assembly lookup
// (int8_lookup_avr.hpp) against the portable loop on every input, in widths that use groups and single
// values; for the CPU runtime's SOFTMAX the integer path against the float path on 4,000 random rows
// whose values lie close together (where outputs fall between the two roundings). Prints
// activation_mismatches=M (0 to pass). Built with plain avr-g++ (no Arduino core, no interrupts).
#include "activation_probe_tables.hpp"
#include "simavr/uno_console.hpp"

namespace {

volatile int8_t sink;

#if PROBE_KIND == 1
// A small linear congruential generator (the device has no <random>).
uint32_t random_state = 12345;
uint8_t random_byte() {
  random_state = random_state * 1103515245u + 12345u;
  return static_cast<uint8_t>(random_state >> 16);
}
#endif

#if PROBE_KIND == 0
// Width values from `start` on through the assembly lookup and the portable loop: how many differ.
template <size_t Width>
uint32_t lookup_mismatches(int start) {
  int8_t x[Width], fast[Width], portable[Width];
  for (size_t k = 0; k < Width; ++k) x[k] = static_cast<int8_t>(static_cast<uint8_t>(start + static_cast<int>(k)));
  tinymlp::Int8Lookup<Width>::template forward<tinymlp::quant::SingleRounding, tinymlp::FlashReader>(logistic, x, fast);
  tinymlp::Int8Lookup<Width>::template forward_portable<tinymlp::FlashReader>(logistic, x, portable);
  uint32_t mismatches = 0;
  for (size_t k = 0; k < Width; ++k)
    if (fast[k] != portable[k]) ++mismatches;
  return mismatches;
}
#endif

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
  for (int start = 0; start < 256; ++start)
    mismatches += lookup_mismatches<7>(start) + lookup_mismatches<1>(start) + lookup_mismatches<12>(start);
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
#if PROBE_KIND == 1
  for (int row = 0; row < 4000; ++row) {
    int8_t x[6], by_integers[6], by_float[6];
    const uint8_t spread = static_cast<uint8_t>(1 + row % 64), low = random_byte();
    for (int k = 0; k < 6; ++k) x[k] = static_cast<int8_t>(static_cast<uint8_t>(low + random_byte() % spread));
    tinymlp::quant::FloatTableSoftmax::forward_in_integers<6, tinymlp::FlashReader>(softmax_cpu, x, by_integers);
    tinymlp::quant::FloatTableSoftmax::forward_in_float<6, tinymlp::FlashReader>(softmax_cpu, x, by_float);
    for (int k = 0; k < 6; ++k)
      if (by_integers[k] != by_float[k]) ++mismatches;
  }
#endif
#endif
  uno_console_begin();
  uno_console_figure("activation_mismatches", static_cast<int32_t>(mismatches));
  uno_console_end();
  return 0;
}

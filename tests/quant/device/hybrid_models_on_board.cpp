// Hybrid (dynamic-range) models from the headers tinymlp-convert writes, on a board and on the host,
// whose lines the board's must equal (tests/quant/CMakeLists.txt):
//   - by default, the sine model made hybrid (1-16-16-1), both input variants: "k symmetric asymmetric"
//     for 41 inputs x = 0.17 k, each output as its float's bits, so equal means bit for bit;
//   - with HYBRID_HAR (boards with the flash for it: not the Uno, see tinymlp-convert --info), the public
//     fixture har_dynamic_range (561-256-128-64-6, 188 KB of parameters) on its 64 input rows: "har s"
//     and its 6 outputs in units of 1e-12, held to the host's within 1e-5 (its float Dense layer sums
//     in another order on the host's vectors).
#include <tinymlp.hpp>

#ifdef HYBRID_HAR
#include "har_dynamic_range.hpp"
#include "har_dynamic_range_rows.hpp"
#else
#include "sine_hybrid.hpp"
#include "sine_hybrid_asymmetric.hpp"
#endif

#include "console_text.hpp"

namespace {

#ifndef HYBRID_HAR
uint32_t bits_of(float value) {
  uint32_t bits;
  __builtin_memcpy(&bits, &value, sizeof bits);
  return bits;
}

__attribute__((noinline)) float sine_symmetric(float x) { return sine_hybrid.predict(x); }
__attribute__((noinline)) float sine_asymmetric(float x) { return sine_hybrid_asymmetric.predict(x); }
#endif

}  // namespace

int main() {
  console_begin();
#ifndef HYBRID_HAR
  for (int k = -20; k <= 20; ++k) {
    const float x = 0.17f * static_cast<float>(k);
    console_print_int32(k);
    console_write(' ');
    console_print_uint32(bits_of(sine_symmetric(x)));
    console_write(' ');
    console_print_uint32(bits_of(sine_asymmetric(x)));
    console_write('\n');
  }
#else
  for (int s = 0; s < har_dynamic_range_row_count; ++s) {
    float y[6];
    har_dynamic_range.predict(har_dynamic_range_rows[s], y);
    console_print("har ");
    console_print_int32(s);
    for (int o = 0; o < 6; ++o) {
      console_write(' ');
      console_print_int64(static_cast<int64_t>(static_cast<double>(y[o]) * 1e12));
    }
    console_write('\n');
  }
#endif
  console_end();
  return 0;
}

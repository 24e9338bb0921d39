// On the Cortex-M4 (QEMU): the SMLAD row products (quant/int8_row_products_cortex_m4.hpp) against the
// portable OffsetRowProducts they replace, for several row lengths, on pseudo-random int8 weights, inputs
// (with the extremes -128 and 127) and biases. Prints row_products_checked=N and
// row_products_mismatches=M (0 to pass).
#include <tinymlp.hpp>

#include "console_text.hpp"

namespace {

uint32_t random_state = 12345;
uint32_t next_random() {  // a 32-bit linear congruential generator (Numerical Recipes' constants)
  random_state = random_state * 1664525u + 1013904223u;
  return random_state;
}
int8_t next_int8() {
  const uint32_t kind = next_random() % 8;
  if (kind == 0) return -128;
  if (kind == 1) return 127;
  return static_cast<int8_t>(next_random() >> 24);
}

uint32_t checked = 0, mismatches = 0;

template <size_t In>
void check_length() {
  const size_t rows = 5;
  int8_t kernel[rows * In], x[In];
  for (int round = 0; round < 300; ++round) {
    for (size_t k = 0; k < rows * In; ++k) kernel[k] = next_int8();
    for (size_t i = 0; i < In; ++i) x[i] = next_int8();
    uint8_t offsets[In];
    for (size_t i = 0; i < In; ++i) offsets[i] = tinymlp::quant::input_offset(x[i]);
    const tinymlp::quant::cortex_m4::PairedInputs<In> inputs(x);
    for (size_t o = 0; o < rows; ++o) {
      const int32_t bias = static_cast<int32_t>(next_random());
      const int32_t portable =
          tinymlp::quant::OffsetRowProducts<In, tinymlp::RamReader>::add_to(bias, kernel + o * In, offsets);
      ++checked;
      if (inputs.add_row_to(bias, kernel + o * In) != portable) ++mismatches;
    }
  }
}

}  // namespace

int main() {
  check_length<1>();
  check_length<4>();
  check_length<7>();
  check_length<16>();
  check_length<50>();
  console_print("row_products_checked=");
  console_print_uint32(checked);
  console_print("\nrow_products_mismatches=");
  console_print_uint32(mismatches);
  console_print("\n");
  console_exit(0);
}

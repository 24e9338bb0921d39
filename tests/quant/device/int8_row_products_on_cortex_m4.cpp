// On the Cortex-M4 (QEMU): the SMLAD row products (quant/int8_row_products_cortex_m4.hpp) against the
// portable RowProducts they replace, one row and two rows at a time, for row lengths of every
// kind the kernel treats differently, at every alignment, on pseudo-random int8 weights, inputs (with
// the extremes -128 and 127) and biases. Prints row_products_checked=N and
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
int32_t portable_row(int32_t bias, const int8_t* row, const int8_t* x) {
  uint8_t offsets[In];
  for (size_t i = 0; i < In; ++i) offsets[i] = tinymlp::quant::input_offset(x[i]);
  return tinymlp::quant::RowProducts<In, tinymlp::RamReader, uint8_t>::add_to(bias, row, offsets);
}

template <size_t In>
void check_length() {
  const size_t rows = 5;
  static int8_t kernel[rows * In + 3], x[In + 3];
  const int rounds = In > 256 ? 30 : 300;
  for (int round = 0; round < rounds; ++round) {
    // Rows and inputs at every alignment: a layer's rows start wherever In puts them.
    const size_t offset = static_cast<size_t>(round) % 4;
    int8_t* rows_at = kernel + offset;
    int8_t* x_at = x + (offset + 1) % 4;
    for (size_t k = 0; k < rows * In; ++k) rows_at[k] = next_int8();
    for (size_t i = 0; i < In; ++i) x_at[i] = next_int8();
    const tinymlp::quant::cortex_m4::PairedInputs<In> inputs(x_at);
    for (size_t o = 0; o < rows; ++o) {  // one row at a time
      const int32_t bias = static_cast<int32_t>(next_random());
      ++checked;
      if (inputs.add_row_to(bias, rows_at + o * In) != portable_row<In>(bias, rows_at + o * In, x_at)) ++mismatches;
    }
    for (size_t o = 0; o + 2 <= rows; o += 2) {  // two at a time
      int32_t first = static_cast<int32_t>(next_random()), second = static_cast<int32_t>(next_random());
      const int32_t portable_first = portable_row<In>(first, rows_at + o * In, x_at);
      const int32_t portable_second = portable_row<In>(second, rows_at + (o + 1) * In, x_at);
      inputs.add_two_rows_to(first, second, rows_at + o * In);
      checked += 2;
      if (first != portable_first) ++mismatches;
      if (second != portable_second) ++mismatches;
    }
  }
}

}  // namespace

int main() {
  // Short rows (unrolled) and long ones (the assembly loop: an even and an odd count of words), with
  // every tail of 1 to 3 inputs.
  check_length<1>();
  check_length<3>();
  check_length<4>();
  check_length<7>();
  check_length<16>();
  check_length<32>();
  check_length<35>();
  check_length<36>();
  check_length<41>();
  check_length<50>();
  check_length<714>();
  console_print("row_products_checked=");
  console_print_uint32(checked);
  console_print("\nrow_products_mismatches=");
  console_print_uint32(mismatches);
  console_print("\n");
  console_exit(0);
}

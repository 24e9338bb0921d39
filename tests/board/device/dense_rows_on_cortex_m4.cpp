// On the Cortex-M4F (QEMU): the assembly rows of a float Dense layer (detail/dense_rows_cortex_m4.hpp),
// with and without the ReLU after them, against the portable kernel they replace (the unrolled dot
// product GCC fuses into VFMAs, then ReLU::value), bit for bit, for each of its kernels (inputs in
// registers, one input, long rows with every tail and an odd last row), on
// pseudo-random weights, biases and inputs of mixed magnitudes and signs, with zeros, subnormals,
// infinities and NaNs. Prints dense_rows_checked=N and dense_rows_mismatches=M (0 to pass).
#include <tinymlp.hpp>

#include "console_text.hpp"

namespace {

uint32_t random_state = 12345;
uint32_t next_random() {  // a 32-bit linear congruential generator (Numerical Recipes' constants)
  random_state = random_state * 1664525u + 1013904223u;
  return random_state;
}
// Mostly values in a layer's range; some zeros, subnormals, and (one round in four) infinities and NaNs.
bool special_values = false;
float next_value() {
  const uint32_t kind = next_random() % 64;
  uint32_t bits;
  if (kind < 4) {
    bits = kind == 0 ? 0 : kind == 1 ? 0x80000000u : next_random() & 0x807fffffu;  // zeros, subnormals
  } else if (special_values && kind == 4) {
    bits = (next_random() & 0x80000000u) | 0x7f800000u;  // an infinity
  } else if (special_values && kind == 5) {
    bits = (next_random() & 0x807fffffu) | 0x7fc00000u;  // a quiet NaN
  } else if (kind == 6) {
    bits = next_random() & 0x807fffffu;  // subnormal
  } else {
    const uint32_t exponent = 110 + next_random() % 25;  // about 2^-17 to 2^7
    bits = (next_random() & 0x807fffffu) | (exponent << 23);
  }
  float value;
  __builtin_memcpy(&value, &bits, sizeof value);
  return value;
}
uint32_t bits_of(float value) {
  uint32_t bits;
  __builtin_memcpy(&bits, &value, sizeof bits);
  return bits;
}

uint32_t checked = 0, mismatches = 0;

template <size_t In, size_t Out, bool ReLU>
void check_kernel() {
  static_assert(tinymlp::detail::cortex_m4::HasDenseRows<In, Out>::value, "a shape the assembly serves");
  static float kernel[In * Out], bias[Out], x[In], fast[Out];
  const int rounds = In * Out > 4096 ? 40 : 400;
  for (int round = 0; round < rounds; ++round) {
    special_values = round % 4 == 3;
    for (size_t k = 0; k < In * Out; ++k) kernel[k] = next_value();
    for (size_t o = 0; o < Out; ++o) bias[o] = next_value();
    for (size_t i = 0; i < In; ++i) x[i] = next_value();
    tinymlp::detail::cortex_m4::DenseRows<In, Out, ReLU>::run(kernel, bias, x, fast);
    for (size_t o = 0; o < Out; ++o) {
      float portable = tinymlp::detail::add_dot_product<In>(bias[o], kernel + o * In, x);
      if (ReLU) portable = tinymlp::ReLU::value(portable);
      ++checked;
      if (bits_of(portable) != bits_of(fast[o])) ++mismatches;
    }
  }
}

template <size_t In, size_t Out>
void check_shape() {
  check_kernel<In, Out, false>();
  check_kernel<In, Out, true>();
}

}  // namespace

int main() {
  check_shape<16, 16>();
  check_shape<16, 1>();
  check_shape<16, 5>();
  check_shape<8, 3>();
  check_shape<8, 16>();
  check_shape<1, 16>();
  check_shape<1, 8>();
  check_shape<1, 24>();
  // Long rows: two at a time, an odd last row alone, every tail of 16 and of 8 inputs.
  check_shape<17, 1>();
  check_shape<17, 2>();
  check_shape<23, 3>();
  check_shape<24, 5>();
  check_shape<31, 4>();
  check_shape<32, 2>();
  check_shape<33, 7>();
  check_shape<40, 1>();
  check_shape<47, 6>();
  check_shape<50, 15>();
  check_shape<714, 3>();
  console_print("dense_rows_checked=");
  console_print_uint32(checked);
  console_print("\ndense_rows_mismatches=");
  console_print_uint32(mismatches);
  console_print("\n");
  console_exit(0);
}

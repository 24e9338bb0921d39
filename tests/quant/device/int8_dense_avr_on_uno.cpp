// On the ATmega328P (run-on-uno): the AVR's int8 Dense kernel (quant/int8_dense_avr.hpp: the listed
// inputs, the row products in assembly one row or two at a time, the requantization inline) against
// the portable forward it replaces, both reading the same parameters from flash. Layers of several
// shapes (one input to 255; one output to 32, odd and even; narrow layers and wide ones, which take
// the two-pass kernel), each with pseudo-random kernels (-128 and 127 among them), biases (some
// beyond 24 bits), multipliers, shifts (a left one among them) and zero points, a ReLU fused or not,
// in both roundings; inputs drawn with none, some, most or all at -128 (the listed inputs' zero) and
// the extremes. Prints dense_checked=N (outputs compared) and dense_mismatches=M (0 to pass), the first
// few mismatches as "inputs outputs seed output".
#include <tinymlp.hpp>

#include "simavr/uno_console.hpp"

namespace {

constexpr uint32_t next(uint32_t state) { return state * 1664525u + 1013904223u; }

// Parameters whose every value comes from `seed`, computed by the compiler (they go to flash).
template <size_t In, size_t Out>
constexpr tinymlp::Int8DenseParameters<In, Out> random_parameters(uint32_t seed) {
  tinymlp::Int8DenseParameters<In, Out> p{};
  uint32_t state = seed;
  for (size_t k = 0; k < In * Out; ++k) {
    state = next(state);
    const uint32_t kind = (state >> 8) % 16;
    p.kernel[k] = kind == 0 ? -128 : kind == 1 ? 127 : static_cast<int8_t>(state >> 24);
  }
  for (size_t o = 0; o < Out; ++o) {
    state = next(state);
    // Around the products' own size, so that rows fall on both sides of 0; now and then far beyond 2^23.
    const int32_t spread = static_cast<int32_t>(In) * 128 * 64;
    const int32_t bias = static_cast<int32_t>(state % static_cast<uint32_t>(2 * spread + 1)) - spread;
    p.bias[o] = (state >> 28) == 0 ? bias * 64 : bias;
    state = next(state);
    p.multiplier[o] = (state >> 28) == 0 ? 0 : static_cast<int32_t>((state >> 1) | 0x40000000u);
    state = next(state);
    const uint32_t shift_kind = (state >> 24) % 32;
    p.shift[o] = shift_kind == 0   ? 1
                 : shift_kind == 1 ? 0
                                   : static_cast<int8_t>(-1 - static_cast<int>(shift_kind % 16));
  }
  state = next(state);
  p.output_zero_point = (state >> 30) == 0 ? -128 : static_cast<int8_t>(state >> 24);
  return p;
}

template <size_t In, size_t Out, uint32_t Seed>
struct RandomLayer {
  static const tinymlp::Int8DenseParameters<In, Out> parameters;
};
template <size_t In, size_t Out, uint32_t Seed>
const tinymlp::Int8DenseParameters<In, Out> RandomLayer<In, Out, Seed>::parameters TINYMLP_PROGMEM =
    random_parameters<In, Out>(Seed);

uint32_t random_state = 12345;
uint32_t next_random() {
  random_state = next(random_state);
  return random_state;
}

int32_t checked = 0, mismatches = 0;

template <size_t In, size_t Out, bool ReLU, class Rounding, uint32_t Seed>
__attribute__((noinline)) void check_inputs(const int8_t* x) {
  typedef tinymlp::Int8Dense<In, Out, ReLU> Layer;
  int8_t fast[Out], portable[Out];
  Layer::template forward<Rounding, tinymlp::FlashReader>(RandomLayer<In, Out, Seed>::parameters, x, fast);
  Layer::template portable_forward<Rounding, tinymlp::FlashReader>(RandomLayer<In, Out, Seed>::parameters, x, portable);
  for (size_t o = 0; o < Out; ++o) {
    ++checked;
    if (fast[o] == portable[o]) continue;
    if (mismatches++ < 5) {
      uno_console_print(static_cast<int32_t>(In));
      uno_console_write(' ');
      uno_console_print(static_cast<int32_t>(Out));
      uno_console_write(' ');
      uno_console_print(static_cast<int32_t>(Seed));
      uno_console_write(' ');
      uno_console_print(static_cast<int32_t>(o));
      uno_console_write('\n');
    }
  }
}

// Rounds of inputs, each with a share of -128 from none to all (the 1 and 127 ends among the rest).
template <size_t In, size_t Out, bool ReLU, class Rounding, uint32_t Seed>
void check_layer(int rounds) {
  int8_t x[In];
  for (int round = 0; round < rounds; ++round) {
    const uint32_t zeros_in_16 = static_cast<uint32_t>(round) % 17;  // 0/16 to 16/16 of the inputs at -128
    for (size_t i = 0; i < In; ++i) {
      const uint32_t bits = next_random();
      const uint32_t kind = (bits >> 4) % 16;
      x[i] = kind < zeros_in_16 ? -128 : (bits >> 12) % 8 == 0 ? 127 : static_cast<int8_t>(bits >> 24);
    }
    check_inputs<In, Out, ReLU, Rounding, Seed>(x);
  }
}

template <size_t In, size_t Out, uint32_t Seed>
void check_shape(int rounds) {
  check_layer<In, Out, true, tinymlp::quant::DoubleRounding, Seed>(rounds);
  check_layer<In, Out, false, tinymlp::quant::DoubleRounding, Seed>(rounds);
}

}  // namespace

int main() {
  uno_console_begin();
  check_shape<1, 16, 1>(150);
  check_shape<16, 16, 2>(80);
  check_shape<16, 1, 3>(300);
  check_shape<7, 5, 4>(150);
  check_shape<33, 7, 5>(60);
  check_shape<64, 32, 6>(12);
  check_shape<255, 3, 7>(12);
  // TFLite's single rounding, which the AVR requantizes out of line, on a narrow and a wide layer.
  check_layer<16, 16, true, tinymlp::quant::SingleRounding, 2>(40);
  check_layer<33, 7, false, tinymlp::quant::SingleRounding, 5>(40);
  uno_console_figure("dense_checked", checked);
  uno_console_figure("dense_mismatches", mismatches);
  uno_console_end();
  return 0;
}

// The int8 models, each called through a function of its own (as a program that predicts in one
// place and reads sensors in another does), printed as "x sine_double sine_single hello_world" for
// every int8 input x: SineInt8's model with TFLite's two roundings and the fixture's converted header.
// Built for the Uno at several optimization levels (tests/quant/CMakeLists.txt) and for the host,
// whose lines the Uno's must equal: inline assembly that hides what it reads from the compiler shows
// at -O1 and above, where the input's store moves past the kernel (every output was 127).
#include <tinymlp.hpp>

#include "hello_world_int8.hpp"
#include "sine_int8.hpp"

#include "console_text.hpp"

namespace {

// The same parameters with TFLite's single rounding: the block's layout does not depend on the rounding.
typedef tinymlp::Int8Model<sine_int8_type::float_model_type, tinymlp::quant::SingleRounding> sine_single_rounding_type;
const sine_single_rounding_type sine_single_rounding(
    reinterpret_cast<const sine_single_rounding_type::Parameters*>(&sine_int8_weights<>::parameters));

__attribute__((noinline)) int8_t sine_double(int8_t x) { return sine_int8.predict(x); }
__attribute__((noinline)) int8_t sine_single(int8_t x) { return sine_single_rounding.predict(x); }
__attribute__((noinline)) int8_t hello_world(int8_t x) { return hello_world_int8.predict(x); }

}  // namespace

int main() {
  console_begin();
  for (int x = -128; x <= 127; ++x) {
    const int8_t input = static_cast<int8_t>(x);
    console_print_int32(x);
    console_write(' ');
    console_print_int32(sine_double(input));
    console_write(' ');
    console_print_int32(sine_single(input));
    console_write(' ');
    console_print_int32(hello_world(input));
    console_write('\n');
  }
  console_end();
  return 0;
}

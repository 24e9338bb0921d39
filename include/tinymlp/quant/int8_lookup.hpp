/// \file
/// Int8Lookup<Width>: an int8 operator that maps each value alone (TFLite's int8 LOGISTIC, TANH, RELU,
/// RELU6, LEAKY_RELU) as a 256-entry table in flash. The converter fills the table by running the
/// chosen runtime's own arithmetic on every int8 input (host/int8_activation_tables.hpp), so the device
/// is exact in either mode and spends one flash read a value (on an AVR, 11 cycles a value:
/// int8_lookup_avr.hpp).
#ifndef TINYMLP_QUANT_INT8_LOOKUP_HPP
#define TINYMLP_QUANT_INT8_LOOKUP_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../flash.hpp"
#if defined(__AVR__) && TINYMLP_USE_PROGMEM
#include "int8_lookup_avr.hpp"
#endif

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// The table of an Int8Lookup: `output[k]` is the output for the input k - 128.
struct Int8LookupParameters {
  int8_t output[256];        ///< By input, from -128 to 127.
  int8_t output_zero_point;  ///< The output's zero point (for the float predict after a last layer).
};

/// An int8 operator on each of Width values, read from a 256-entry table (see the file's description).
template <size_t Width>
struct Int8Lookup {
  static_assert(Width > 0, "Int8Lookup<Width> needs at least one value");
  static constexpr size_t input_size = Width;   ///< int8 values in.
  static constexpr size_t output_size = Width;  ///< int8 values out.
  static constexpr bool fused_relu = false;     ///< No Dense to fuse into.
  typedef Int8LookupParameters Parameters;      ///< The table, in flash.

  /// y[i] = table[x[i] + 128]. Rounding plays no part: the table holds the runtime's integers.
  template <class Rounding, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y) {
    look_up(parameters, x, y, Reader());
  }

  /// The same in portable C++, whatever the target (what the AVR's assembly is tested against).
  template <class Reader>
  static void forward_portable(const Parameters& parameters, const int8_t* x, int8_t* y) {
    for (size_t i = 0; i < Width; ++i)
      y[i] = Reader::load(parameters.output + static_cast<uint8_t>(static_cast<uint8_t>(x[i]) ^ 0x80u));
  }

 private:
  template <class Reader>
  static void look_up(const Parameters& parameters, const int8_t* x, int8_t* y, Reader) {
    forward_portable<Reader>(parameters, x, y);
  }
#if defined(__AVR__) && TINYMLP_USE_PROGMEM
  static void look_up(const Parameters& parameters, const int8_t* x, int8_t* y, FlashReader) {
    detail::look_up_in_flash<Width>(parameters.output, x, y);
  }
#endif
};

#if __cplusplus < 201703L
template <size_t Width>
constexpr size_t Int8Lookup<Width>::input_size;
template <size_t Width>
constexpr size_t Int8Lookup<Width>::output_size;
template <size_t Width>
constexpr bool Int8Lookup<Width>::fused_relu;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

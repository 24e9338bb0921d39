/// \file
/// Where parameters are read from. Kernels take a reader type so that one kernel serves weights in
/// RAM (training, host) and weights in flash (a FlashModel, with pgm_read on AVR).
#ifndef TINYMLP_FLASH_HPP
#define TINYMLP_FLASH_HPP

#include "config.hpp"
#include "detail/integers.hpp"

#if TINYMLP_USE_PROGMEM
#include <avr/pgmspace.h>
#define TINYMLP_PROGMEM PROGMEM
#else
#define TINYMLP_PROGMEM
#endif
/// \def TINYMLP_PROGMEM
/// Put on a parameter array to keep it in flash: PROGMEM on AVR, nothing elsewhere.

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Reads parameters held in RAM (a Sequential's own array).
struct RamReader {
  /// True: the parameters can be read through ordinary pointers (so vector loads work).
  static const bool plain_memory = true;
  static float load(const float* address) { return *address; }      ///< The float at `address`.
  static int8_t load(const int8_t* address) { return *address; }    ///< The int8 at `address`.
  static int32_t load(const int32_t* address) { return *address; }  ///< The int32 at `address`.
};

/// Reads parameters held in flash (a FlashModel's or an Int8Model's, declared TINYMLP_PROGMEM):
/// pgm_read_* on AVR, plain loads elsewhere. int8 models (quant/) keep int8 kernels and shifts and
/// int32 biases and multipliers in flash too.
struct FlashReader {
  /// Whether the parameters can be read through ordinary pointers: everywhere but AVR.
  static const bool plain_memory = !TINYMLP_USE_PROGMEM;
#if TINYMLP_USE_PROGMEM
  static float load(const float* address) { return pgm_read_float(address); }
  static int8_t load(const int8_t* address) { return static_cast<int8_t>(pgm_read_byte(address)); }
  static int32_t load(const int32_t* address) { return static_cast<int32_t>(pgm_read_dword(address)); }
#else
  static float load(const float* address) { return *address; }      ///< The float at `address` in flash.
  static int8_t load(const int8_t* address) { return *address; }    ///< The int8 at `address` in flash.
  static int32_t load(const int32_t* address) { return *address; }  ///< The int32 at `address` in flash.
#endif
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

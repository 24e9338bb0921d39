// Where parameters are read from. Kernels take a reader type so that one kernel serves weights in
// RAM (training, host) and weights in flash (a FlashModel, with pgm_read on AVR).
#ifndef TINYMLP_DETAIL_FLASH_HPP
#define TINYMLP_DETAIL_FLASH_HPP

#include "../config.hpp"
#include "integers.hpp"

#if TINYMLP_USE_PROGMEM
#include <avr/pgmspace.h>
#define TINYMLP_PROGMEM PROGMEM
#else
#define TINYMLP_PROGMEM
#endif

namespace tinymlp {

// `plain_memory`: the parameters can be read through ordinary pointers (so vector loads work).
struct RamReader {
  static const bool plain_memory = true;
  static float load(const float* address) { return *address; }
  static int8_t load(const int8_t* address) { return *address; }
  static int32_t load(const int32_t* address) { return *address; }
};

// int8 models (quant/) keep int8 kernels and shifts and int32 biases and multipliers in flash too.
struct FlashReader {
  static const bool plain_memory = !TINYMLP_USE_PROGMEM;
#if TINYMLP_USE_PROGMEM
  static float load(const float* address) { return pgm_read_float(address); }
  static int8_t load(const int8_t* address) { return static_cast<int8_t>(pgm_read_byte(address)); }
  static int32_t load(const int32_t* address) { return static_cast<int32_t>(pgm_read_dword(address)); }
#else
  static float load(const float* address) { return *address; }
  static int8_t load(const int8_t* address) { return *address; }
  static int32_t load(const int32_t* address) { return *address; }
#endif
};

}  // namespace tinymlp

#endif

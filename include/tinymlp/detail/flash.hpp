// Where parameters are read from. Kernels take a reader type so that one kernel serves weights in
// RAM (training, host) and weights in flash (a FlashModel, with pgm_read on AVR).
#ifndef TINYMLP_DETAIL_FLASH_HPP
#define TINYMLP_DETAIL_FLASH_HPP

#include "../config.hpp"

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
};

struct FlashReader {
  static const bool plain_memory = !TINYMLP_USE_PROGMEM;
#if TINYMLP_USE_PROGMEM
  static float load(const float* address) { return pgm_read_float(address); }
#else
  static float load(const float* address) { return *address; }
#endif
};

}  // namespace tinymlp

#endif

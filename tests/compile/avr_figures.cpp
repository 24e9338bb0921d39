// Size and memory figures on AVR, whose size_t has 16 bits: compiled by avr-g++ (tests/CMakeLists.txt)
// as is, where the exact figures must hold, and with each define, where the library must refuse.
#include "tinymlp.hpp"

using namespace tinymlp;

// 8,097 parameters: 32,388 bytes, one array's worth on AVR (at most 32,767 bytes); with Rmsprop's mean
// squares and the in-place workspace, 66,904 bytes, which a 16-bit figure would wrap to 1,368.
typedef Mlp<ReLU, 1, 88, 88, 1> Wide;
typedef InPlaceTrainingMemory<Wide, Rmsprop<Wide>> WideMemory;
static_assert(Wide::parameter_count == 8097ul, "");
static_assert(Wide::parameter_bytes == 32388ul, "");
static_assert(Rmsprop<Wide>::bytes == 32400ul, "");
static_assert(InPlaceWorkspace<Wide>::bytes == 2116ul, "");
static_assert(WideMemory::bytes == 66904ul, "");
static_assert(fits_in_ram<WideMemory::bytes, 70000ul>::value, "");

#if defined(TINYMLP_TEST_WIDE_MODEL_ON_AN_UNO)
// Must fail: 66,904 bytes do not fit the Uno's 2,048 (a wrapped figure, 1,368, would have).
static_assert(fits_in_ram<WideMemory::bytes, 2048>::value, "");
#endif

#if defined(TINYMLP_TEST_MODEL_OVER_ONE_ARRAY)
// Must fail: 16,638 parameters, 66,552 bytes, more than one array on AVR (a 16-bit figure said 1,016).
static_assert(Mlp<ReLU, 1, 127, 127, 1>::parameter_bytes > 0, "");
#endif

#if defined(TINYMLP_TEST_HEADER_OF_A_MODEL_OVER_65535_PARAMETERS)
// A generated header's first check, for a model of 91,201 parameters: the count is exact (a 16-bit
// one, 25,665, would fire "for a different model type"), and the model is refused as too large for
// one array, which it is on AVR.
typedef Mlp<ReLU, 1, 300, 300, 1> Large;
static_assert(Large::parameter_count == 91201ul, "the weights below are for a different model type");
#endif

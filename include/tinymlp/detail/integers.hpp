// Fixed-width integers and size_t from the C headers that every toolchain ships (avr-libc has no
// <cstdint> or <cstddef>, but it does have these), and the integer type of tinymlp's size and memory
// figures.
#ifndef TINYMLP_DETAIL_INTEGERS_HPP
#define TINYMLP_DETAIL_INTEGERS_HPP

#include "../config.hpp"
#include <stddef.h>
#include <stdint.h>

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
typedef ::size_t size_t;  ///< Sizes and counts: the C library's size_t, in tinymlp's namespace.
/// The type of every parameter count and memory figure of a model type (parameter_count,
/// parameter_bytes, TrainingMemory::bytes, ...): at least 32 bits and at least as wide as size_t on
/// every target, so that a figure is exact on AVR too, whose size_t has 16 bits.
typedef unsigned long figure_t;
}  // namespace TINYMLP_CONFIGURATION

namespace detail {
inline namespace TINYMLP_CONFIGURATION {
// The largest object the target can hold, in bytes (PTRDIFF_MAX: 32,767 on AVR), which avr-libc only
// defines for C++ under __STDC_LIMIT_MACROS.
constexpr figure_t largest_object_bytes = static_cast<size_t>(-1) / 2;
}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

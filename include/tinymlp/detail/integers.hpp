// Fixed-width integers and size_t from the C headers that every toolchain ships (avr-libc has no
// <cstdint> or <cstddef>, but it does have these).
#ifndef TINYMLP_DETAIL_INTEGERS_HPP
#define TINYMLP_DETAIL_INTEGERS_HPP

#include <stddef.h>
#include <stdint.h>

namespace tinymlp {
typedef ::size_t size_t;  ///< Sizes and counts: the C library's size_t, in tinymlp's namespace.
}  // namespace tinymlp

#endif

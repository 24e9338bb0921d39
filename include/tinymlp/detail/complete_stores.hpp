// complete_stores(object): the stores made into `object` so far stay, even where the compiler would
// drop them. GCC 12.2 at -O2 for x86-64 dropped the store of a setting into a fresh optimizer that it
// then copied as a block: after `optimizer = Rmsprop<Model>();` epsilon was 0 (and the Nesterov flag of
// momentum false). An empty asm that may read the object keeps every store before it; the optimizers'
// constructors end with one. Other compilers and targets have not shown the fault: nothing there.
#ifndef TINYMLP_DETAIL_COMPLETE_STORES_HPP
#define TINYMLP_DETAIL_COMPLETE_STORES_HPP

#include "../config.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

inline void complete_stores(const void* object) {
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
  __asm__ volatile("" : : "r"(object) : "memory");
#else
  (void)object;
#endif
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

// A dot product whose length is a compile-time constant, unrolled: for cores that multiply-add in
// one instruction but have no vectors (a Cortex-M4F), where a loop's counter, compare and branch
// would cost as much again as the multiply-adds. Blocks of eight keep the code small for long rows.
// The sum runs in index order from `sum`, as a plain loop's would.
#ifndef TINYMLP_DETAIL_UNROLLED_DOT_HPP
#define TINYMLP_DETAIL_UNROLLED_DOT_HPP

#include "../config.hpp"
#include "integers.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

template <size_t Count>
struct UnrolledDot {
  __attribute__((always_inline)) static float add_to(float sum, const float* a, const float* b) {
    return UnrolledDot<Count - 1>::add_to(sum + a[0] * b[0], a + 1, b + 1);
  }
};
template <>
struct UnrolledDot<0> {
  __attribute__((always_inline)) static float add_to(float sum, const float*, const float*) { return sum; }
};

// sum + the dot product of a[0, Length) and b[0, Length).
template <size_t Length>
inline float add_dot_product(float sum, const float* a, const float* b) {
  const size_t block = 8;
  for (size_t i = 0; i + block <= Length; i += block) sum = UnrolledDot<block>::add_to(sum, a + i, b + i);
  const size_t done = Length - Length % block;
  return UnrolledDot<Length % block>::add_to(sum, a + done, b + done);
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

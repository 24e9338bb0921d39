// Sums over the samples of a batch. Eight running partial sums let the compiler vectorize the
// loop without -ffast-math (a single float accumulator forbids reordering the additions).
#ifndef TINYMLP_DETAIL_REDUCTIONS_HPP
#define TINYMLP_DETAIL_REDUCTIONS_HPP

#include "integers.hpp"

namespace tinymlp {
namespace detail {

static const size_t reduction_lanes = 8;

inline float sum_of_lanes(const float (&partial)[reduction_lanes]) {
  return ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
         ((partial[4] + partial[5]) + (partial[6] + partial[7]));
}

inline float sum_of_products(const float* a, const float* b, size_t count) {
  if (count == 1) return a[0] * b[0];
  float partial[reduction_lanes] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t index = 0;
  for (; index + reduction_lanes <= count; index += reduction_lanes)
    for (size_t lane = 0; lane < reduction_lanes; ++lane) partial[lane] += a[index + lane] * b[index + lane];
  for (size_t lane = 0; lane < reduction_lanes && index + lane < count; ++lane) partial[lane] += a[index + lane] * b[index + lane];
  return sum_of_lanes(partial);
}

inline float sum_of(const float* values, size_t count) {
  if (count == 1) return values[0];
  float partial[reduction_lanes] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t index = 0;
  for (; index + reduction_lanes <= count; index += reduction_lanes)
    for (size_t lane = 0; lane < reduction_lanes; ++lane) partial[lane] += values[index + lane];
  for (size_t lane = 0; lane < reduction_lanes && index + lane < count; ++lane) partial[lane] += values[index + lane];
  return sum_of_lanes(partial);
}

}  // namespace detail
}  // namespace tinymlp

#endif

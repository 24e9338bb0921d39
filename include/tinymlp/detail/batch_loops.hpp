// Loops over the samples of a batch (feature-major: one row of `samples` values per feature).
// Samples go in blocks of `batch_block`, held in one vector register where the host has SIMD (GCC and
// clang vector extensions: portable, and without them GCC's vectorizer turns these small fixed loops
// into shuffles that run ten times slower). Microcontrollers use blocks of 1: plain floats. The
// fewer than batch_block samples left over go one by one.
#ifndef TINYMLP_DETAIL_BATCH_LOOPS_HPP
#define TINYMLP_DETAIL_BATCH_LOOPS_HPP

#include "../config.hpp"
#include "integers.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

static const size_t batch_block = TINYMLP_BATCH_BLOCK;

#if TINYMLP_BATCH_BLOCK > 1
typedef float block_vector __attribute__((vector_size(TINYMLP_BATCH_BLOCK * sizeof(float))));

// The sum of a vector's lanes by halving: add the two halves as vectors, and again, down to two lanes.
template <size_t Lanes>
struct LaneSum {
  typedef float whole __attribute__((vector_size(Lanes * sizeof(float))));
  typedef float half __attribute__((vector_size(Lanes / 2 * sizeof(float))));
  static float of(whole v) {
    half low, high;
    __builtin_memcpy(&low, &v, sizeof low);
    __builtin_memcpy(&high, reinterpret_cast<const char*>(&v) + sizeof low, sizeof high);
    return LaneSum<Lanes / 2>::of(low + high);
  }
};
template <>
struct LaneSum<2> {
  typedef float whole __attribute__((vector_size(2 * sizeof(float))));
  static float of(whole v) { return v[0] + v[1]; }
};
inline float lane_sum(block_vector v) { return LaneSum<batch_block>::of(v); }
inline block_vector splat(float value) { return value - block_vector{}; }  // x - 0 is exactly x: folds away
#else
typedef float block_vector;
inline float lane_sum(block_vector v) { return v; }
inline block_vector splat(float value) { return value; }
#endif
inline block_vector load_block(const float* values) {
  block_vector v;
  __builtin_memcpy(&v, values, sizeof v);  // rows need not be aligned to a vector
  return v;
}
inline void store_block(float* values, block_vector v) { __builtin_memcpy(values, &v, sizeof v); }

// Calls body(s) for every s < samples (for loops simple enough that any compiler vectorizes them).
template <class Body>
inline void for_each_sample(size_t samples, Body body) {
  for (size_t s = 0; s < samples; ++s) body(s);
}

// out[s] += sum over t < terms of coefficient(t) * row(t)[s], for every s < count: the one
// multiply-accumulate pattern of a dense layer's forward and backward passes. Blocks of values sum
// in registers across all terms and are stored once; two blocks go together so that each coefficient
// is broadcast once for both and two independent sums hide the adder's latency.
template <class Coefficient, class Row>
inline void add_weighted_rows(size_t count, size_t terms, Coefficient coefficient, Row row, float* out) {
  size_t s = 0;
  for (; s + 2 * batch_block <= count; s += 2 * batch_block) {
    block_vector low = load_block(out + s), high = load_block(out + s + batch_block);
    for (size_t t = 0; t < terms; ++t) {
      const block_vector c = splat(coefficient(t));
      const float* values = row(t) + s;
      low += c * load_block(values);
      high += c * load_block(values + batch_block);
    }
    store_block(out + s, low);
    store_block(out + s + batch_block, high);
  }
  if (s + batch_block <= count) {
    block_vector sum = load_block(out + s);
    for (size_t t = 0; t < terms; ++t) sum += splat(coefficient(t)) * load_block(row(t) + s);
    store_block(out + s, sum);
    s += batch_block;
  }
  for (size_t k = 0; k < batch_block && s + k < count; ++k) {
    float sum = out[s + k];
    for (size_t t = 0; t < terms; ++t) sum += coefficient(t) * row(t)[s + k];
    out[s + k] = sum;
  }
}

// sum over s < samples of a[s] * b[s]: per-lane partial sums, added up once at the end (and no
// vector work at all for fewer samples than a block).
inline float sum_of_products(const float* a, const float* b, size_t samples) {
  float total = 0.0f;
  size_t s = 0;
  if (samples >= batch_block) {
    block_vector partial = load_block(a) * load_block(b);
    for (s = batch_block; s + batch_block <= samples; s += batch_block)
      partial += load_block(a + s) * load_block(b + s);
    total = lane_sum(partial);
  }
  for (size_t k = 0; k < batch_block && s + k < samples; ++k) total += a[s + k] * b[s + k];
  return total;
}

inline float sum_of(const float* values, size_t samples) {
  float total = 0.0f;
  size_t s = 0;
  if (samples >= batch_block) {
    block_vector partial = load_block(values);
    for (s = batch_block; s + batch_block <= samples; s += batch_block) partial += load_block(values + s);
    total = lane_sum(partial);
  }
  for (size_t k = 0; k < batch_block && s + k < samples; ++k) total += values[s + k];
  return total;
}

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

// Loops over the samples of a batch (feature-major: one row of `samples` values per feature).
// Samples go in blocks of `batch_block`, held in one vector register where the host has SIMD (GCC and
// clang vector extensions: portable, and without them GCC's vectorizer turns these small fixed loops
// into shuffles that run ten times slower). Microcontrollers use blocks of 1: plain floats. The
// fewer than batch_block samples left over go one by one.
#ifndef TINYMLP_DETAIL_BATCH_LOOPS_HPP
#define TINYMLP_DETAIL_BATCH_LOOPS_HPP

#include "../config.hpp"
#include "integers.hpp"
#include "math.hpp"
#include "traits.hpp"

#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX__)
#include <immintrin.h>  // the shuffles of eight_sums_of_products, the 512-bit square root, multiply_add
#endif

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

static const size_t batch_block = TINYMLP_BATCH_BLOCK;

// The kernels below and their small helpers are inlined whatever the optimization level: as calls
// (clang 14 leaves some so at -O2) they pass vectors through memory and stop the sums staying in registers.
#define TINYMLP_KERNEL_INLINE inline __attribute__((always_inline))

#if TINYMLP_BATCH_BLOCK > 1
typedef float block_vector __attribute__((vector_size(TINYMLP_BATCH_BLOCK * sizeof(float))));

// The sum of a vector's lanes by halving: add the two halves as vectors, and again, down to two lanes.
template <size_t Lanes>
struct LaneSum {
  typedef float whole __attribute__((vector_size(Lanes * sizeof(float))));
  typedef float half __attribute__((vector_size(Lanes / 2 * sizeof(float))));
  TINYMLP_KERNEL_INLINE static float of(whole v) {
    half low, high;
    __builtin_memcpy(&low, &v, sizeof low);
    __builtin_memcpy(&high, reinterpret_cast<const char*>(&v) + sizeof low, sizeof high);
    return LaneSum<Lanes / 2>::of(low + high);
  }
};
template <>
struct LaneSum<2> {
  typedef float whole __attribute__((vector_size(2 * sizeof(float))));
  TINYMLP_KERNEL_INLINE static float of(whole v) { return v[0] + v[1]; }
};
TINYMLP_KERNEL_INLINE float lane_sum(block_vector v) { return LaneSum<batch_block>::of(v); }
TINYMLP_KERNEL_INLINE block_vector splat(float value) {
  return value - block_vector{};
}  // x - 0 is exactly x: folds away
#else
typedef float block_vector;
TINYMLP_KERNEL_INLINE float lane_sum(block_vector v) { return v; }
TINYMLP_KERNEL_INLINE block_vector splat(float value) { return value; }
#endif
// The square root of each lane, correctly rounded as sqrtf's, and branch-free: sqrtf itself keeps a
// call for errno's sake unless the build says -fno-math-errno, and that call stops vectorization.
#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX__)
TINYMLP_KERNEL_INLINE block_vector square_root(block_vector v) { return __builtin_ia32_sqrtps256(v); }
#elif TINYMLP_BATCH_BLOCK == 4 && defined(__SSE2__)
TINYMLP_KERNEL_INLINE block_vector square_root(block_vector v) { return __builtin_ia32_sqrtps(v); }
#elif TINYMLP_BATCH_BLOCK > 1
TINYMLP_KERNEL_INLINE block_vector square_root(block_vector v) {
  for (size_t k = 0; k < batch_block; ++k) v[k] = sqrt_of(v[k]);
  return v;
}
#else
TINYMLP_KERNEL_INLINE block_vector square_root(block_vector v) { return sqrt_of(v); }
#endif
// The optimizers' vectors: a square root and a division per parameter, which the AVX-512 cores
// measured run twice as many lanes a cycle in 512-bit vectors as in 256-bit ones; elsewhere a block.
#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX512F__)
typedef float step_vector __attribute__((vector_size(16 * sizeof(float))));
// (The masked form with every lane on: GCC's _mm512_sqrt_ps passes an undefined vector that
// -Wmaybe-uninitialized reports.)
TINYMLP_KERNEL_INLINE step_vector square_root(step_vector v) { return _mm512_mask_sqrt_ps(v, 0xffff, v); }
#else
typedef block_vector step_vector;
#endif
static const size_t step_lanes = sizeof(step_vector) / sizeof(float);
// Loads a float or a vector of them from `values`, which need not be aligned to a vector.
template <class Vector>
TINYMLP_KERNEL_INLINE Vector load_vector(const float* values) {
  Vector v;
  __builtin_memcpy(&v, values, sizeof v);
  return v;
}
// Stores a float or a vector of them at `at`.
template <class Value>
TINYMLP_KERNEL_INLINE void store_value(float* at, Value value) {
  __builtin_memcpy(at, &value, sizeof value);
}
TINYMLP_KERNEL_INLINE step_vector load_step_vector(const float* values) { return load_vector<step_vector>(values); }
TINYMLP_KERNEL_INLINE void store_step_vector(float* values, step_vector v) { store_value(values, v); }
TINYMLP_KERNEL_INLINE step_vector splat_step_vector(float value) { return value - step_vector{}; }
TINYMLP_KERNEL_INLINE block_vector load_block(const float* values) { return load_vector<block_vector>(values); }
TINYMLP_KERNEL_INLINE void store_block(float* values, block_vector v) { store_value(values, v); }

// function(a[k], b[k], c[k]) in each lane k, as a vector: the activations' loops, written so that
// even -O2 turns a select such as ReLU's into a compare and a mask over whole blocks, whose stores
// are then as wide as the kernels' loads of them.
#if TINYMLP_BATCH_BLOCK > 1
template <class Function>
TINYMLP_KERNEL_INLINE block_vector each_lane(Function function, block_vector a, block_vector b, block_vector c) {
  for (size_t k = 0; k < batch_block; ++k) a[k] = function(a[k], b[k], c[k]);
  return a;
}
#else
template <class Function>
TINYMLP_KERNEL_INLINE block_vector each_lane(Function function, block_vector a, block_vector b, block_vector c) {
  return function(a, b, c);
}
#endif

// How weighted_row_sums stores each sum (a float, or a block of them): as it is by default. A Dense
// layer passes stores that also apply the ReLU after it, or before it (backward).
struct StoreAsIs {
  template <class Value>
  TINYMLP_KERNEL_INLINE void operator()(float* at, Value sums) const {
    store_value(at, sums);
  }
};

// The one multiply-accumulate pattern of a dense layer's forward and backward passes, for the rows
// out(j) of `outputs` outputs, every s < count:
//   out(j)[s] = first + sum over t < terms, in order, of coefficient(j, t) * row(t)[s],
// where first is out(j)[s] itself when Accumulate, else start(j). Every output's sum runs in this
// order whatever the grouping below, so the results do not depend on it.
// (A block, or a vector of blocks.)
template <bool Accumulate, class Vector = block_vector, class Start>
TINYMLP_KERNEL_INLINE Vector first_block(Start start, size_t j, const float* out) {
  return Accumulate ? load_vector<Vector>(out) : start(j) - Vector{};  // x - 0 is exactly x, as in splat
}
template <bool Accumulate, class Start>
TINYMLP_KERNEL_INLINE float first_value(Start start, size_t j, const float* out) {
  return Accumulate ? *out : start(j);
}

#if TINYMLP_BATCH_BLOCK > 1
// sum + a * b, rounded alike in every lane of a block and for each sample left over: once (a fused
// multiply-add) on an x86 host with FMA. Spelled out because GCC decides from a loop's shape whether to
// fuse `sum += a * b`: it fused the blocks' and not the samples left over, and a sample's prediction
// then depended on whether it fell in a block. Without FMA, twice; other hosts (NEON) as the compiler
// contracts it.
#if defined(__FMA__) && TINYMLP_BATCH_BLOCK == 8
TINYMLP_KERNEL_INLINE block_vector multiply_add(block_vector a, block_vector b, block_vector sum) {
  return _mm256_fmadd_ps(a, b, sum);
}
TINYMLP_KERNEL_INLINE float multiply_add(float a, float b, float sum) { return __builtin_fmaf(a, b, sum); }
#else
template <class Value>
TINYMLP_KERNEL_INLINE Value multiply_add(Value a, Value b, Value sum) {
  return sum + a * b;
}
#endif

// With vectors: Group outputs and Blocks blocks of samples per pass, summed in registers from their
// first value across all terms and stored once, so that each block of a row is loaded once for the
// whole group and each coefficient broadcast once for all the blocks; the Group x Blocks sums are
// independent, which hides the adder's latency. Where the core has AVX-512, two blocks ride in one
// 512-bit vector (a block_pair): a core with full-width 512-bit FMA units (Zen 5) runs twice the lanes
// a cycle. Each lane's multiply-add is the same fused one, so the floats are those of the blocks one by
// one. As many sums as the registers hold beside a row's blocks, counted in blocks: AVX-512's 32
// registers hold 16 pairs, AVX and SSE's 16 registers 8 blocks. Four outputs a pass, or on AVX-512 eight
// where fewer than four blocks of samples are left to sum: four outputs' sums would then leave the FMA
// units waiting (and over more blocks, GCC spills a row's vector when eight outputs share it).
#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX512F__)
typedef float block_pair __attribute__((vector_size(2 * TINYMLP_BATCH_BLOCK * sizeof(float))));
TINYMLP_KERNEL_INLINE block_pair multiply_add(block_pair a, block_pair b, block_pair sum) {
  return _mm512_fmadd_ps(a, b, sum);
}
static const size_t register_sums = 32;
static const size_t widest_group = 8;
// The vector of a pass of Blocks blocks: pairs of them where they pair up.
template <size_t Blocks>
struct PassVector {
  typedef typename conditional<Blocks % 2 == 0, block_pair, block_vector>::type type;
};
#else
static const size_t register_sums = 8;
static const size_t widest_group = 4;
template <size_t Blocks>
struct PassVector {
  typedef block_vector type;
};
#endif
// Fully unrolled loops over a pass's groups and blocks, so that its sums stay in registers.
#define TINYMLP_UNROLL _Pragma("GCC unroll 16")
// store(at, block) for each block of `sums`.
template <class Store>
TINYMLP_KERNEL_INLINE void store_blocks(Store store, float* at, block_vector sums) {
  store(at, sums);
}
#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX512F__)
// (Halves taken in registers: through memory, the upper half's load waits for the whole vector's store.
// The zero-masked form with every lane on: GCC's unmasked one passes an undefined vector that
// -Wmaybe-uninitialized reports.)
template <class Store>
TINYMLP_KERNEL_INLINE void store_blocks(Store store, float* at, block_pair sums) {
  store(at, _mm256_castpd_ps(_mm512_maskz_extractf64x4_pd(0xf, _mm512_castps_pd(sums), 0)));
  store(at + batch_block, _mm256_castpd_ps(_mm512_maskz_extractf64x4_pd(0xf, _mm512_castps_pd(sums), 1)));
}
#endif
// A vector loaded once for all the outputs of a pass: GCC's tuning for Zen otherwise folds the load into
// every multiply-add that uses it, loading each block Group times (a quarter slower on 1-16-16-1).
template <class Vector>
TINYMLP_KERNEL_INLINE Vector held_in_register(Vector v) {
#if defined(__AVX__)
  __asm__("" : "+v"(v));
#endif
  return v;
}

template <size_t Group, size_t Blocks, bool Accumulate, class Start, class Coefficient, class Row, class Store>
TINYMLP_KERNEL_INLINE void weighted_row_sums_pass(size_t s, size_t terms, Start start, Coefficient coefficient, Row row,
                                                  float* const* out, Store store) {
  typedef typename PassVector<Blocks>::type Vector;
  static const size_t lanes = sizeof(Vector) / sizeof(float), vectors = Blocks * batch_block / lanes;
  Vector sums[Group][vectors];
  TINYMLP_UNROLL for (size_t j = 0; j < Group; ++j) {
    TINYMLP_UNROLL for (size_t v = 0; v < vectors; ++v) {
      sums[j][v] = first_block<Accumulate, Vector>(start, j, out[j] + s + v * lanes);
    }
  }
  for (size_t t = 0; t < terms; ++t) {
    const float* values = row(t) + s;
    Vector loaded[vectors];
    TINYMLP_UNROLL for (size_t v = 0; v < vectors; ++v) loaded[v] =
        held_in_register(load_vector<Vector>(values + v * lanes));
    TINYMLP_UNROLL for (size_t j = 0; j < Group; ++j) {
      const Vector c = coefficient(j, t) - Vector{};
      TINYMLP_UNROLL for (size_t v = 0; v < vectors; ++v) sums[j][v] = multiply_add(c, loaded[v], sums[j][v]);
    }
  }
  TINYMLP_UNROLL for (size_t j = 0; j < Group; ++j) {
    TINYMLP_UNROLL for (size_t v = 0; v < vectors; ++v) store_blocks(store, out[j] + s + v * lanes, sums[j][v]);
  }
}

// Group outputs over all samples: passes of as many blocks as the registers allow, then of two and of
// one, and the samples left over one by one, four outputs side by side (or one, alone).
template <size_t Group, bool Accumulate, class Start, class Coefficient, class Row, class Out, class Store>
TINYMLP_KERNEL_INLINE void weighted_row_sums_of_group(size_t count, size_t terms, Start start, Coefficient coefficient,
                                                      Row row, Out out_of, Store store) {
  static const size_t blocks = register_sums / Group < 2 ? 2 : register_sums / Group > 8 ? 8 : register_sums / Group;
  float* out[Group < 4 ? 4 : Group];  // at least four for the leftover samples' code (one output: three unused)
  TINYMLP_UNROLL for (size_t j = 0; j < sizeof out / sizeof out[0]; ++j) out[j] = out_of(j < Group ? j : 0);
  size_t s = 0;
  for (; s + blocks * batch_block <= count; s += blocks * batch_block)
    weighted_row_sums_pass<Group, blocks, Accumulate>(s, terms, start, coefficient, row, out, store);
  for (; blocks > 2 && s + 2 * batch_block <= count; s += 2 * batch_block)
    weighted_row_sums_pass<Group, 2, Accumulate>(s, terms, start, coefficient, row, out, store);
  for (; s + batch_block <= count; s += batch_block)
    weighted_row_sums_pass<Group, 1, Accumulate>(s, terms, start, coefficient, row, out, store);
  if (Group == 1) {
    for (; s < count; ++s) {
      float sum = first_value<Accumulate>(start, 0, out[0] + s);
      for (size_t t = 0; t < terms; ++t) sum = multiply_add(coefficient(0, t), row(t)[s], sum);
      store(out[0] + s, sum);
    }
    return;
  }
  const size_t left_over = s;
  for (size_t j = 0; j < Group; j += 4)
    for (s = left_over; s < count; ++s) {
      float sum0 = first_value<Accumulate>(start, j, out[j] + s);
      float sum1 = first_value<Accumulate>(start, j + 1, out[j + 1] + s);
      float sum2 = first_value<Accumulate>(start, j + 2, out[j + 2] + s);
      float sum3 = first_value<Accumulate>(start, j + 3, out[j + 3] + s);
      for (size_t t = 0; t < terms; ++t) {
        const float value = row(t)[s];
        sum0 = multiply_add(coefficient(j, t), value, sum0);
        sum1 = multiply_add(coefficient(j + 1, t), value, sum1);
        sum2 = multiply_add(coefficient(j + 2, t), value, sum2);
        sum3 = multiply_add(coefficient(j + 3, t), value, sum3);
      }
      store(out[j] + s, sum0);
      store(out[j + 1] + s, sum1);
      store(out[j + 2] + s, sum2);
      store(out[j + 3] + s, sum3);
    }
}

// The outputs from `first` to `last` in groups of Group (last - first a multiple of Group).
template <size_t Group, bool Accumulate, class Start, class Coefficient, class Row, class Out, class Store>
TINYMLP_KERNEL_INLINE void weighted_row_sums_in_groups(size_t first, size_t last, size_t count, size_t terms,
                                                       Start start, Coefficient coefficient, Row row, Out out,
                                                       Store store) {
  for (size_t j = first; j < last; j += Group)
    weighted_row_sums_of_group<Group, Accumulate>(
        count, terms, [=](size_t k) { return start(j + k); },
        [=](size_t k, size_t term) { return coefficient(j + k, term); }, row, [=](size_t k) { return out(j + k); },
        store);
}

// coefficient(j, t), start(j) and out(j) take the output's number j < outputs. The samples go in chunks,
// each for all the outputs, so that a chunk's rows stay in cache from one group of outputs to the next;
// a chunk's outputs go in groups of the widest size where the chunk is short (one pass), else of four,
// then one by one. Each sum is stored by store(address, sum).
template <bool Accumulate, class Start, class Coefficient, class Row, class Out, class Store = StoreAsIs>
TINYMLP_KERNEL_INLINE void weighted_row_sums(size_t outputs, size_t count, size_t terms, Start start,
                                             Coefficient coefficient, Row row, Out out, Store store = Store()) {
  static const size_t chunk = 8 * batch_block;
  for (size_t first = 0; first < count; first += chunk) {
    const size_t samples = count - first < chunk ? count - first : chunk;
    const auto chunk_row = [=](size_t term) { return row(term) + first; };
    const auto chunk_out = [=](size_t output) { return out(output) + first; };
    const size_t in_widest_groups = samples < 4 * batch_block ? outputs - outputs % widest_group : 0;
    const size_t in_fours = outputs - outputs % 4;
    weighted_row_sums_in_groups<widest_group, Accumulate>(0, in_widest_groups, samples, terms, start, coefficient,
                                                          chunk_row, chunk_out, store);
    weighted_row_sums_in_groups<4, Accumulate>(in_widest_groups, in_fours, samples, terms, start, coefficient,
                                               chunk_row, chunk_out, store);
    weighted_row_sums_in_groups<1, Accumulate>(in_fours, outputs, samples, terms, start, coefficient, chunk_row,
                                               chunk_out, store);
  }
}
#else
// Without vectors (a microcontroller, whose few registers gain nothing from grouping outputs): one
// output at a time, two samples per pass.
template <bool Accumulate, class Start, class Coefficient, class Row, class Out, class Store>
TINYMLP_KERNEL_INLINE void weighted_row_sums_of_one(size_t count, size_t terms, Start start, Coefficient coefficient,
                                                    Row row, Out out, Store store) {
  float* const out0 = out(0);
  size_t s = 0;
  for (; s + 2 * batch_block <= count; s += 2 * batch_block) {
    block_vector low = first_block<Accumulate>(start, 0, out0 + s);
    block_vector high = first_block<Accumulate>(start, 0, out0 + s + batch_block);
    for (size_t t = 0; t < terms; ++t) {
      const block_vector c = splat(coefficient(0, t));
      const float* values = row(t) + s;
      low += c * load_block(values);
      high += c * load_block(values + batch_block);
    }
    store(out0 + s, low);
    store(out0 + s + batch_block, high);
  }
  if (s + batch_block <= count) {
    block_vector sum = first_block<Accumulate>(start, 0, out0 + s);
    for (size_t t = 0; t < terms; ++t) sum += splat(coefficient(0, t)) * load_block(row(t) + s);
    store(out0 + s, sum);
    s += batch_block;
  }
  for (; s < count; ++s) {
    float sum = first_value<Accumulate>(start, 0, out0 + s);
    for (size_t t = 0; t < terms; ++t) sum += coefficient(0, t) * row(t)[s];
    store(out0 + s, sum);
  }
}

template <bool Accumulate, class Start, class Coefficient, class Row, class Out, class Store = StoreAsIs>
TINYMLP_KERNEL_INLINE void weighted_row_sums(size_t outputs, size_t count, size_t terms, Start start,
                                             Coefficient coefficient, Row row, Out out, Store store = Store()) {
  for (size_t j = 0; j < outputs; ++j)
    weighted_row_sums_of_one<Accumulate>(
        count, terms, [=](size_t) { return start(j); }, [=](size_t, size_t term) { return coefficient(j, term); }, row,
        [=](size_t) { return out(j); }, store);
}
#endif

// sum over s < samples of a[s] * b[s]: per-lane partial sums, added up once at the end (and no
// vector work at all for fewer samples than a block). Always inlined where `samples` is known when
// compiling (one sample's dot product along a row): GCC fuses a multiply and its add in a loop of known
// length and not in one of unknown length, so an out-of-line call would give other floats, and whether
// it inlines a call changes from one program to the next.
TINYMLP_KERNEL_INLINE float inlined_sum_of_products(const float* a, const float* b, size_t samples) {
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
inline float sum_of_products(const float* a, const float* b, size_t samples) {
  return inlined_sum_of_products(a, b, samples);
}

#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX__)
#define TINYMLP_DETAIL_EIGHT_SUMS_OF_PRODUCTS 1
// sum_of_products's sums per lane of a and b's whole blocks (length >= batch_block).
TINYMLP_KERNEL_INLINE block_vector row_partial_sums(const float* a, const float* b, size_t length) {
  block_vector partial = load_block(a) * load_block(b);
  for (size_t s = batch_block; s + batch_block <= length; s += batch_block)
    partial += load_block(a + s) * load_block(b + s);
  return partial;
}
// lane_sum of each of eight vectors, as one vector (vector j's sum in lane j), in lane_sum's order: the
// upper four lanes onto the lower four, then the upper two of those onto the lower two, then the second
// lane onto the first. Where one vector at a time costs a horizontal add of its own, eight go together
// by a transposition. (Vectors j and j + 4 share a vector at first: [j's lower half | j + 4's upper
// half] + [j's upper | j + 4's lower], a blend and one permute.)
TINYMLP_KERNEL_INLINE block_vector eight_lane_sums(const block_vector (&partial)[8]) {
  __m256 halves[4];
  TINYMLP_UNROLL for (size_t j = 0; j < 4; ++j) halves[j] = _mm256_add_ps(
      _mm256_blend_ps(partial[j], partial[j + 4], 0xf0), _mm256_permute2f128_ps(partial[j], partial[j + 4], 0x21));
  const __m256 quarters01 =
      _mm256_add_ps(_mm256_shuffle_ps(halves[0], halves[1], 0x44), _mm256_shuffle_ps(halves[0], halves[1], 0xee));
  const __m256 quarters23 =
      _mm256_add_ps(_mm256_shuffle_ps(halves[2], halves[3], 0x44), _mm256_shuffle_ps(halves[2], halves[3], 0xee));
  return _mm256_add_ps(_mm256_shuffle_ps(quarters01, quarters23, 0x88),
                       _mm256_shuffle_ps(quarters01, quarters23, 0xdd));
}
// sum_of_products(row j, x, length) for eight rows j < 8 (`stride` floats apart), as one vector: the
// same floats, each row's sum in sum_of_products's order, but the eight sums run side by side (one
// load of x for all of them) and their lanes are added up together. A layer's inference for one
// sample is then a dot product per output at the speed of a matrix-vector product.
TINYMLP_KERNEL_INLINE block_vector eight_sums_of_products(const float* rows, size_t stride, const float* x,
                                                          size_t length) {
  block_vector total = splat(0.0f);
  size_t s = 0;
  if (length >= batch_block) {
    // One loop per row, each as sum_of_products runs it (a compiler decides whether to fuse a
    // multiply and its add by the shape of the loop: GCC's Zen tuning keeps a lone chain unfused).
    block_vector partial[8];
    TINYMLP_UNROLL for (size_t j = 0; j < 8; ++j) partial[j] = row_partial_sums(rows + j * stride, x, length);
    s = length - length % batch_block;
    total = eight_lane_sums(partial);
  }
  for (; s < length; ++s) {  // the products left over, one column of the eight rows at a time
    block_vector column;
    TINYMLP_UNROLL for (size_t j = 0; j < 8; ++j) column[j] = rows[j * stride + s];
    total += column * splat(x[s]);
  }
  return total;
}
// sum_of(row j, length) for eight rows j < 8 (`stride` floats apart) of whole blocks (length a
// multiple of batch_block), as one vector: the same floats, their lanes added up together.
TINYMLP_KERNEL_INLINE block_vector eight_sums_of(const float* rows, size_t stride, size_t length) {
  block_vector partial[8];
  TINYMLP_UNROLL for (size_t j = 0; j < 8; ++j) {
    partial[j] = load_block(rows + j * stride);
    for (size_t s = batch_block; s + batch_block <= length; s += batch_block)
      partial[j] += load_block(rows + j * stride + s);
  }
  return eight_lane_sums(partial);
}
// eight_sums_of(rows, stride, length) and eight_sums_of_products(rows, stride, x, length) together, each
// row loaded once for both: the same floats as the two (length a multiple of batch_block).
TINYMLP_KERNEL_INLINE void eight_sums_and_sums_of_products(const float* rows, size_t stride, const float* x,
                                                           size_t length, block_vector& sums,
                                                           block_vector& sums_of_products) {
  block_vector partial_sums[8], partial_products[8];
  TINYMLP_UNROLL for (size_t j = 0; j < 8; ++j) {
    const float* row = rows + j * stride;
    block_vector values = load_block(row);
    partial_sums[j] = values;
    partial_products[j] = values * load_block(x);
    for (size_t s = batch_block; s + batch_block <= length; s += batch_block) {
      values = load_block(row + s);
      partial_sums[j] += values;
      partial_products[j] += values * load_block(x + s);
    }
  }
  sums = eight_lane_sums(partial_sums);
  sums_of_products = eight_lane_sums(partial_products);
}
#endif

// out[k * out_stride + i] = rows[i * stride + k] for i < row_count, k < count: a batch's rows turned
// into one row per sample. Blocks of eight rows by eight samples go through registers (24 shuffles
// where element by element is 64 loads and 64 stores); the rest element by element.
inline void transpose_rows(const float* rows, size_t stride, size_t row_count, size_t count, float* out,
                           size_t out_stride) {
  size_t blocked_rows = 0, blocked_count = 0;
#if TINYMLP_BATCH_BLOCK == 8 && defined(__AVX__)
  blocked_rows = row_count - row_count % 8;
  blocked_count = count - count % 8;
  for (size_t i = 0; i < blocked_rows; i += 8)
    for (size_t k = 0; k < blocked_count; k += 8) {
      __m256 r[8], pairs[8], quads[8];
      TINYMLP_UNROLL for (size_t j = 0; j < 8; ++j) r[j] = _mm256_loadu_ps(rows + (i + j) * stride + k);
      TINYMLP_UNROLL for (size_t j = 0; j < 8; j += 2) {
        pairs[j] = _mm256_unpacklo_ps(r[j], r[j + 1]);
        pairs[j + 1] = _mm256_unpackhi_ps(r[j], r[j + 1]);
      }
      TINYMLP_UNROLL for (size_t j = 0; j < 8; j += 4) {
        quads[j] = _mm256_shuffle_ps(pairs[j], pairs[j + 2], 0x44);
        quads[j + 1] = _mm256_shuffle_ps(pairs[j], pairs[j + 2], 0xee);
        quads[j + 2] = _mm256_shuffle_ps(pairs[j + 1], pairs[j + 3], 0x44);
        quads[j + 3] = _mm256_shuffle_ps(pairs[j + 1], pairs[j + 3], 0xee);
      }
      TINYMLP_UNROLL for (size_t j = 0; j < 4; ++j) {
        _mm256_storeu_ps(out + (k + j) * out_stride + i, _mm256_permute2f128_ps(quads[j], quads[j + 4], 0x20));
        _mm256_storeu_ps(out + (k + j + 4) * out_stride + i, _mm256_permute2f128_ps(quads[j], quads[j + 4], 0x31));
      }
    }
#endif
  for (size_t i = 0; i < row_count; ++i)
    for (size_t k = i < blocked_rows ? blocked_count : 0; k < count; ++k)
      out[k * out_stride + i] = rows[i * stride + k];
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

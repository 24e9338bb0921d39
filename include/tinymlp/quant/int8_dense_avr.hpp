// quant/int8_dense.hpp's Int8Dense on an AVR with the parameters in flash: the same outputs as its
// portable forward (tests/quant holds the two equal on the simulated Uno over layers of many shapes,
// and the models at -Os, -O2 and -O3), faster, and in one body for all the layers of a model (the
// sizes are arguments, not template parameters). A layer's inputs are listed once, for all its rows:
// the nonzero offsets x + 128, each with the gap from the previous listed input. An input of -128 (a
// ReLU that is off, a pixel of 0) adds nothing to any row, so it is skipped exactly. Then, in
// assembly, each row's bias plus its products with the listed inputs (17.5 cycles a product; a wide
// layer sums two rows at a time first, 13.75), and a row that a fused ReLU clamps gives its lowest
// output without leaving the assembly; the others are requantized as the portable kernel does.
#ifndef TINYMLP_QUANT_INT8_DENSE_AVR_HPP
#define TINYMLP_QUANT_INT8_DENSE_AVR_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../flash.hpp"
#include "requantization.hpp"

#if defined(__AVR__) && TINYMLP_USE_PROGMEM
#define TINYMLP_QUANT_INT8_DENSE_AVR 1
#else
#define TINYMLP_QUANT_INT8_DENSE_AVR 0
#endif

#if TINYMLP_QUANT_INT8_DENSE_AVR
namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
namespace quant {
namespace avr {

/// The inputs' nonzero offsets x + 128, listed once for all the rows of a layer: (gap, offset) byte
/// pairs, each gap counted from the previous listed input (the first one's from input 0).
struct ListedInputs {
  uint8_t pairs;  ///< Listed inputs, halved and rounded up (the rows' loop does two a turn).
  bool odd;       ///< Whether their number is odd: the first turn does one.
};

/// Lists the nonzero offsets x + 128 of `in` (1 to 255) inputs `x` into `entries` (room for 2 * in + 3
/// bytes: their number, then the pairs), 9 cycles an input of -128 and 13 another. With none, one (0, 0)
/// pair, which adds nothing.
__attribute__((always_inline)) inline ListedInputs list_nonzero_offsets(const int8_t* x, uint8_t in, uint8_t* entries) {
  uint8_t count, gap, offset;
  uint8_t* entry = entries + 1;  // entries[0]: their number, for run_rows
  __asm__ volatile(
      "clr %[count]\n\t"
      "clr %[gap]\n"
      "1:\n\t"
      "ld %[offset], Z+\n\t"
      "subi %[offset], 0x80\n\t"  // x + 128
      "breq 2f\n\t"
      "st X+, %[gap]\n\t"
      "st X+, %[offset]\n\t"
      "inc %[count]\n\t"
      "clr %[gap]\n"
      "2:\n\t"
      "inc %[gap]\n\t"
      "dec %[in]\n\t"
      "brne 1b\n\t"
      "tst %[count]\n\t"
      "brne 3f\n\t"
      "st X+, %[count]\n\t"
      "st X+, %[count]\n\t"
      "inc %[count]\n"
      "3:"
      : [count] "=&r"(count), [gap] "=&r"(gap), [offset] "=&d"(offset), [in] "+r"(in), "+z"(x), "+x"(entry)
      :
      : "memory");
  entries[0] = count;
  const ListedInputs listed = {static_cast<uint8_t>((count + 1) / 2), (count & 1) != 0};
  return listed;
}

/// What run_rows leaves: the accumulator and shift of the row that needs requantizing.
struct RowToRequantize {
  int32_t accumulator;  ///< bias + the row's products.
  int8_t shift;         ///< The row's shift.
  bool found;           ///< Whether a row needs requantizing (else the rows are done).
};

// The parts the three row kernels below share, around each kernel's own products; their operands are
// named alike: the accumulator `sum`, the pointers `bias` and `shift`, the rows left `rows`, a zero
// byte `zero`, a scratch byte `byte` and `found`, which comes in as whether a ReLU is fused and goes
// out as whether a row needs requantizing.
// The head: T holds whether a ReLU is fused; each row (label 1) starts at its 32-bit bias.
#define TINYMLP_AVR_ROW_HEAD \
  "bst %[found], 0\n\t"      \
  "clr %[zero]\n"            \
  "1:\n\t"                   \
  "movw r30, %A[bias]\n\t"   \
  "lpm %A[sum], Z+\n\t"      \
  "lpm %B[sum], Z+\n\t"      \
  "lpm %C[sum], Z+\n\t"      \
  "lpm %D[sum], Z+\n\t"      \
  "movw %A[bias], r30\n\t"
// The tail, once a row's accumulator is summed: its shift into `byte`; a row with a fused ReLU whose
// accumulator is <= 0 and whose shift is <= 0 gives `low` (written beforehand) and the next row
// starts, any other leaves with `found` 1; after the last row, `found` is 0.
#define TINYMLP_AVR_ROW_TAIL                      \
  "movw r30, %A[shift]\n\t"                       \
  "lpm %[byte], Z+\n\t"                           \
  "movw %A[shift], r30\n\t"                       \
  "dec %[rows]\n\t"                               \
  "brtc 3f\n\t" /* no ReLU: requantize */         \
  "cp %[zero], %A[sum]\n\t"                       \
  "cpc %[zero], %B[sum]\n\t"                      \
  "cpc %[zero], %C[sum]\n\t"                      \
  "cpc %[zero], %D[sum]\n\t"                      \
  "brlt 3f\n\t" /* accumulator > 0: requantize */ \
  "cp %[zero], %[byte]\n\t"                       \
  "brlt 3f\n\t" /* shift > 0: requantize */       \
  "tst %[rows]\n\t"                               \
  "brne 1b\n\t"                                   \
  "clr %[found]\n\t"                              \
  "rjmp 4f\n"                                     \
  "3:\n\t"                                        \
  "clr %[found]\n\t"                              \
  "inc %[found]\n"                                \
  "4:\n\t"                                        \
  "clr __zero_reg__"

/// The rows of a layer from the one at `row`, until one needs requantizing: each row's accumulator is
/// its bias (from `bias`, in flash) plus the products of its weights (in flash) with the listed
/// inputs, 17.5 cycles a product: ld the gap and move Z past it, lpm the weight, ld the offset, mulsu
/// (signed weight times unsigned offset, product in r1:r0, its sign in the carry), sbc spreads that
/// sign over a byte, four adds; two products a loop iteration. A row with a fused ReLU whose
/// accumulator is <= 0 and whose shift (from `shift`) is <= 0 gives `low`, which the caller wrote to
/// every output beforehand (the portable forward's shortcut), and the loop goes on; any other row
/// stops it, with `rows` counting the rows after it. The pointers move past the rows done. The entries
/// are in RAM the caller wrote: the "memory" clobber keeps those stores before it.
__attribute__((always_inline)) inline RowToRequantize run_rows(const int8_t*& row, const int8_t*& bias,
                                                               const int8_t*& shift, uint8_t& rows, uint8_t in,
                                                               const uint8_t* entries, bool relu) {
  RowToRequantize result;
  uint8_t found = relu ? 1 : 0;
  uint8_t byte, offset, zero;
  const uint8_t* entry;
  const int8_t* flash;
  __asm__ volatile(  // the head, then this kernel's products, then the tail
      TINYMLP_AVR_ROW_HEAD
      "movw r30, %A[row]\n\t"
      "movw r26, %A[entries]\n\t"
      "ld %[found], X+\n\t"  // the number of entries, halved: two a turn
      "lsr %[found]\n\t"
      "brcc 2f\n\t"
      "inc %[found]\n\t"  // an odd number: the first turn does one
      "rjmp 5f\n"
      "2:\n\t"
      "ld %[byte], X+\n\t"
      "add r30, %[byte]\n\t"
      "adc r31, %[zero]\n\t"
      "lpm %[byte], Z\n\t"
      "ld %[offset], X+\n\t"
      "mulsu %[byte], %[offset]\n\t"
      "sbc %[offset], %[offset]\n\t"
      "add %A[sum], r0\n\t"
      "adc %B[sum], r1\n\t"
      "adc %C[sum], %[offset]\n\t"
      "adc %D[sum], %[offset]\n"
      "5:\n\t"
      "ld %[byte], X+\n\t"
      "add r30, %[byte]\n\t"
      "adc r31, %[zero]\n\t"
      "lpm %[byte], Z\n\t"
      "ld %[offset], X+\n\t"
      "mulsu %[byte], %[offset]\n\t"
      "sbc %[offset], %[offset]\n\t"
      "add %A[sum], r0\n\t"
      "adc %B[sum], r1\n\t"
      "adc %C[sum], %[offset]\n\t"
      "adc %D[sum], %[offset]\n\t"
      "dec %[found]\n\t"
      "brne 2b\n\t"
      "add %A[row], %[in]\n\t"
      "adc %B[row], %[zero]\n\t" TINYMLP_AVR_ROW_TAIL
      : [sum] "=&r"(result.accumulator), [byte] "=&a"(byte), [offset] "=&a"(offset), [zero] "=&r"(zero),
        [found] "+r"(found), [rows] "+r"(rows), [row] "+r"(row), [bias] "+r"(bias), [shift] "+r"(shift), "=&x"(entry),
        "=&z"(flash)
      : [entries] "r"(entries), [in] "r"(in)
      : "memory");
  result.shift = static_cast<int8_t>(byte);
  result.found = found != 0;
  return result;
}

/// The same for a layer of one input, whose offset is `offset`: no list, each row's one weight read in
/// turn (the kernel is a column), 31 cycles a row that a ReLU clamps.
__attribute__((always_inline)) inline RowToRequantize run_rows_of_one_input(const int8_t*& row, const int8_t*& bias,
                                                                            const int8_t*& shift, uint8_t& rows,
                                                                            uint8_t offset, bool relu) {
  RowToRequantize result;
  uint8_t found = relu ? 1 : 0;
  uint8_t byte, zero;
  const int8_t* flash;
  __asm__ volatile(  // the head, then this kernel's products, then the tail
      TINYMLP_AVR_ROW_HEAD
      "movw r30, %A[row]\n\t"
      "lpm %[byte], Z+\n\t"
      "movw %A[row], r30\n\t"
      "mulsu %[byte], %[offset]\n\t"
      "sbc %[byte], %[byte]\n\t"
      "add %A[sum], r0\n\t"
      "adc %B[sum], r1\n\t"
      "adc %C[sum], %[byte]\n\t"
      "adc %D[sum], %[byte]\n\t" TINYMLP_AVR_ROW_TAIL
      : [sum] "=&r"(result.accumulator), [byte] "=&a"(byte), [zero] "=&r"(zero), [found] "+r"(found), [rows] "+r"(rows),
        [row] "+r"(row), [bias] "+r"(bias), [shift] "+r"(shift), "=&z"(flash)
      : [offset] "a"(offset)
      : "memory");
  result.shift = static_cast<int8_t>(byte);
  result.found = found != 0;
  return result;
}

/// For a wide layer, the first of two passes: the sums of the products of each row's weights with
/// the listed inputs, two rows at a time, 13.75 cycles a product (against run_rows' 17.5): an entry's
/// gap and offset are read once for both rows, Z goes from one row's weight to the other's by the row
/// length, back and forth (row A then B for one entry, B then A for the next), and each sum is 24 bits
/// (at most 255 products of at most 128 * 255). Writes `(out + 1) / 2` pairs of sums at `sums`: with an
/// odd `out`, the last row's pair reads flash past the kernel (its biases) and its sum is not used.
__attribute__((noinline)) inline void sum_row_pairs(const int8_t* row, uint8_t out, uint8_t in, const uint8_t* entries,
                                                    ListedInputs listed, __int24* sums) {
  uint8_t row_pairs = static_cast<uint8_t>((out + 1) / 2);
  const uint8_t pairs = listed.pairs, odd = listed.odd ? 1 : 0;
  __int24 sum_a, sum_b;
  uint8_t weight, offset, zero, left;
  const uint8_t* entry;
  const int8_t* flash;
  __asm__ volatile(
      "clr %[zero]\n"
      "1:\n\t"
      "movw r30, %A[row]\n\t"
      "movw r26, %A[entries]\n\t"
      "clr %A[a]\n\t"
      "clr %B[a]\n\t"
      "clr %C[a]\n\t"
      "clr %A[b]\n\t"
      "clr %B[b]\n\t"
      "clr %C[b]\n\t"
      "mov %[left], %[pairs]\n\t"
      "sbrs %[odd], 0\n\t"
      "rjmp 2f\n\t"
      "add r30, %[in]\n\t"  // an odd number of entries: the first turn starts at row B
      "adc r31, %[zero]\n\t"
      "rjmp 3f\n"
      "2:\n\t"  // Z at row A
      "ld %[weight], X+\n\t"
      "add r30, %[weight]\n\t"
      "adc r31, %[zero]\n\t"
      "ld %[offset], X+\n\t"
      "lpm %[weight], Z\n\t"
      "mulsu %[weight], %[offset]\n\t"
      "sbc %[weight], %[weight]\n\t"
      "add %A[a], r0\n\t"
      "adc %B[a], r1\n\t"
      "adc %C[a], %[weight]\n\t"
      "add r30, %[in]\n\t"
      "adc r31, %[zero]\n\t"
      "lpm %[weight], Z\n\t"
      "mulsu %[weight], %[offset]\n\t"
      "sbc %[weight], %[weight]\n\t"
      "add %A[b], r0\n\t"
      "adc %B[b], r1\n\t"
      "adc %C[b], %[weight]\n"
      "3:\n\t"  // Z at row B
      "ld %[weight], X+\n\t"
      "add r30, %[weight]\n\t"
      "adc r31, %[zero]\n\t"
      "ld %[offset], X+\n\t"
      "lpm %[weight], Z\n\t"
      "mulsu %[weight], %[offset]\n\t"
      "sbc %[weight], %[weight]\n\t"
      "add %A[b], r0\n\t"
      "adc %B[b], r1\n\t"
      "adc %C[b], %[weight]\n\t"
      "sub r30, %[in]\n\t"
      "sbc r31, %[zero]\n\t"
      "lpm %[weight], Z\n\t"
      "mulsu %[weight], %[offset]\n\t"
      "sbc %[weight], %[weight]\n\t"
      "add %A[a], r0\n\t"
      "adc %B[a], r1\n\t"
      "adc %C[a], %[weight]\n\t"
      "dec %[left]\n\t"
      "brne 2b\n\t"
      "movw r26, %A[sums]\n\t"
      "st X+, %A[a]\n\t"
      "st X+, %B[a]\n\t"
      "st X+, %C[a]\n\t"
      "st X+, %A[b]\n\t"
      "st X+, %B[b]\n\t"
      "st X+, %C[b]\n\t"
      "movw %A[sums], r26\n\t"
      "add %A[row], %[in]\n\t"
      "adc %B[row], %[zero]\n\t"
      "add %A[row], %[in]\n\t"
      "adc %B[row], %[zero]\n\t"
      "dec %[row_pairs]\n\t"
      "breq 4f\n\t"
      "rjmp 1b\n"  // beyond a branch's reach
      "4:\n\t"
      "clr __zero_reg__"
      : [a] "=&r"(sum_a), [b] "=&r"(sum_b), [weight] "=&a"(weight), [offset] "=&a"(offset), [zero] "=&r"(zero),
        [left] "=&r"(left), [row_pairs] "+r"(row_pairs), [row] "+r"(row), [sums] "+r"(sums), "=&x"(entry), "=&z"(flash)
      : [entries] "r"(entries), [pairs] "r"(pairs), [odd] "r"(odd), [in] "r"(in)
      : "memory");
}

/// The second pass: as run_rows, with each row's products summed already, at `sum` (moved past the
/// rows done).
__attribute__((always_inline)) inline RowToRequantize run_rows_from_sums(const __int24*& sum, const int8_t*& bias,
                                                                         const int8_t*& shift, uint8_t& rows,
                                                                         bool relu) {
  RowToRequantize result;
  uint8_t found = relu ? 1 : 0;
  uint8_t byte, zero;
  const int8_t* flash;
  __asm__ volatile(  // the head, then this kernel's products, then the tail
      TINYMLP_AVR_ROW_HEAD
      "ld %[byte], X+\n\t"
      "add %A[sum], %[byte]\n\t"
      "ld %[byte], X+\n\t"
      "adc %B[sum], %[byte]\n\t"
      "ld %[byte], X+\n\t"
      "adc %C[sum], %[byte]\n\t"
      "sbrc %[byte], 7\n\t"  // the sum's sign, extended (dec keeps the carry)
      "dec %D[sum]\n\t"
      "adc %D[sum], %[zero]\n\t" TINYMLP_AVR_ROW_TAIL
      : [sum] "=&r"(result.accumulator), [byte] "=&r"(byte), [zero] "=&r"(zero), [found] "+r"(found), [rows] "+r"(rows),
        [bias] "+r"(bias), [shift] "+r"(shift), "+x"(sum), "=&z"(flash)
      :
      : "memory");
  result.shift = static_cast<int8_t>(byte);
  result.found = found != 0;
  return result;
}

/// requantize_to_int8 for the rows that need it, out of line: the rows' loop stays small.
template <class Rounding>
__attribute__((noinline)) int8_t requantize(Rounding, int32_t accumulator, int32_t multiplier, int8_t shift,
                                            int8_t zero_point, int8_t low) {
  return requantize_to_int8<Rounding>(accumulator, multiplier, shift, zero_point, low);
}
/// The accumulator of TFLite's default rounding beyond 24 bits, or with a left shift: its 32-bit
/// path, out of line (rare on an AVR), clamped as requantize_to_int8 clamps.
__attribute__((noinline)) inline int8_t requantize_in_32_bits(int32_t accumulator, int32_t multiplier, int8_t shift,
                                                              int8_t zero_point, int8_t low) {
  const int32_t scaled = DoubleRounding::multiply_in_32_bits(accumulator, multiplier, shift);
  const int32_t shifted =
      static_cast<int32_t>(static_cast<uint32_t>(scaled) + static_cast<uint32_t>(static_cast<int32_t>(zero_point)));
  if (shifted < low) return low;
  if (shifted > 127) return 127;
  return static_cast<int8_t>(shifted);
}
/// The same for TFLite's default rounding: the 24-bit assembly inline (a small model's accumulators),
/// and its result, 24 bits too, clamped in 16: beyond [-256, 255] it clamps whatever the zero point.
__attribute__((always_inline)) inline int8_t requantize(DoubleRounding, int32_t accumulator, int32_t multiplier,
                                                        int8_t shift, int8_t zero_point, int8_t low) {
  if (shift > 0 || !fits_in_24_bits(accumulator))
    return requantize_in_32_bits(accumulator, multiplier, shift, zero_point, low);
  const int32_t scaled = double_rounding_multiply_24_bit(accumulator, multiplier, static_cast<uint8_t>(-shift));
  if (scaled < -256) return low;
  if (scaled > 255) return 127;
  const int16_t shifted = static_cast<int16_t>(static_cast<int16_t>(scaled) + zero_point);
  if (shifted < low) return low;
  if (shifted > 127) return 127;
  return static_cast<int8_t>(shifted);
}

/// `count` (1 to 255) bytes at `target` set to `value`, 4 cycles each (memset's call costs more than
/// a layer's outputs take to fill).
__attribute__((always_inline)) inline void fill(int8_t* target, int8_t value, uint8_t count) {
  __asm__ volatile(
      "1:\n\t"
      "st X+, %[value]\n\t"
      "dec %[count]\n\t"
      "brne 1b"
      : [count] "+r"(count), "+x"(target)
      : [value] "r"(value)
      : "memory");
}

/// One Int8Dense layer of `in` (1 to 255) inputs and `out` (1 to 255) outputs whose Int8DenseParameters
/// start at `parameters` (in flash), a ReLU fused or not: the portable forward's outputs. `entries`
/// has room for 2 * in + 3 bytes.
template <class Rounding, bool Wide>
__attribute__((noinline)) void forward_dense(const int8_t* parameters, uint8_t in, uint8_t out, bool relu,
                                             const int8_t* x, int8_t* y, uint8_t* entries, __int24* sums) {
  // A layer of one input needs no list (and its kernel is read in order).
  const ListedInputs listed = in == 1 ? ListedInputs() : list_nonzero_offsets(x, in, entries);
  // Int8DenseParameters' arrays, one after the other (an AVR aligns nothing).
  const int8_t* row = parameters;
  const int8_t* bias = parameters + static_cast<uint16_t>(in * out);
  const int8_t* shift = bias + 8 * out;
  const int8_t zero_point = FlashReader::load(shift + out);
  // Where a found row's multiplier and output are, from the pointers the assembly leaves past it.
  const uint16_t bias_to_multiplier = static_cast<uint16_t>(4 * out - 4);
  const uintptr_t shift_to_output = reinterpret_cast<uintptr_t>(y) - reinterpret_cast<uintptr_t>(shift) - 1;
  const int8_t low = relu && zero_point > -128 ? zero_point : -128;
  fill(y, low, out);
  if (Wide) sum_row_pairs(row, out, in, entries + 1, listed, sums);
  const __int24* sum = sums;
  uint8_t rows = out;
  while (rows != 0) {
    const RowToRequantize found =
        Wide      ? run_rows_from_sums(sum, bias, shift, rows, relu)
        : in == 1 ? run_rows_of_one_input(row, bias, shift, rows, static_cast<uint8_t>(x[0] ^ 0x80), relu)
                  : run_rows(row, bias, shift, rows, in, entries, relu);
    if (!found.found) break;
    const int32_t multiplier = FlashReader::load(reinterpret_cast<const int32_t*>(bias + bias_to_multiplier));
    *reinterpret_cast<int8_t*>(reinterpret_cast<uintptr_t>(shift) + shift_to_output) =
        requantize(Rounding(), found.accumulator, multiplier, found.shift, zero_point, low);
  }
}

/// An Int8Dense<In, Out> layer's forward on the AVR, its list of inputs (and, for a layer of 32 inputs
/// or more, its rows' sums: the two passes then cost less than run_rows) on the stack.
template <size_t In, size_t Out>
struct DenseLayer {
  /// Whether the layer runs here: at most 255 inputs and outputs (one-byte gaps and counts).
  static constexpr bool fits = In <= 255 && Out <= 255;
  static constexpr bool wide = In >= 32;  ///< Whether the rows' products are summed in a pass of their own.
  template <class Rounding>
  __attribute__((always_inline)) static void forward(const int8_t* parameters, bool relu, const int8_t* x, int8_t* y) {
    uint8_t entries[2 * In + 3];
    __int24 sums[wide ? Out + 1 : 1];
    forward_dense<Rounding, wide>(parameters, static_cast<uint8_t>(In), static_cast<uint8_t>(Out), relu, x, y, entries,
                                  sums);
  }
};

}  // namespace avr
}  // namespace quant
}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#undef TINYMLP_AVR_ROW_HEAD
#undef TINYMLP_AVR_ROW_TAIL
#endif

#endif

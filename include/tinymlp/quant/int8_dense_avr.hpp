// quant/int8_dense.hpp's Int8Dense on an AVR with the parameters in flash: the same outputs as its
// portable forward (tests/quant holds the two equal on the simulated Uno over layers of many shapes,
// and the models at -Os, -O2 and -O3), faster, and in one body for all the layers of a model (the
// sizes are data, not template parameters); a model of Int8Dense layers only (quant/int8_model.hpp)
// runs them all in one call, which saves its registers once. In assembly, for each layer: its inputs
// listed once, for all its rows: the nonzero offsets x + 128, each with the gap from the previous
// listed input (an input of -128, a ReLU that is off or a pixel of 0, adds nothing to any row, so it
// is skipped exactly); each row's bias plus its products with the listed inputs (17.5 cycles a
// product; a wide layer sums two rows at a time first, 13.75, in C++'s call of sum_row_pairs); a row
// that a fused ReLU clamps gives its lowest output, any other is requantized with TFLite's default
// rounding in place (quant/requantization.hpp's 24-bit multiply) and stored. Only an accumulator
// beyond 24 bits, a left shift or the single rounding leave the assembly for C++'s requantization.
#ifndef TINYMLP_QUANT_INT8_DENSE_AVR_HPP
#define TINYMLP_QUANT_INT8_DENSE_AVR_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
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

/// For a wide layer, the first of two passes: the sums of the products of each row's weights with
/// the listed inputs, two rows at a time, 13.75 cycles a product (against the rows' loop's 17.5): an entry's
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

/// One Int8Dense layer for forward_dense, in flash: where its Int8DenseParameters start (from the
/// model's parameters), its sizes (1 to 255) and whether a ReLU is fused.
struct DenseLayerCall {
  uint16_t offset;  ///< Its Int8DenseParameters' offset in the model's parameters.
  uint8_t in;       ///< Its inputs.
  uint8_t out;      ///< Its outputs.
  bool relu;        ///< Whether a ReLU is fused.
};

/// The state of forward_dense's layers, in RAM: the assembly loads it into fixed registers (so that the
/// requantization's 24-bit multiply, quant/requantization.hpp's fragment, runs on them in place) and
/// writes it back when it leaves a row or a wide layer's sums to C++. The listed inputs follow it in RAM
/// (RowsBlock). C++ starts it (start): flags 0x80 (a layer to start), the calls, the layers after the
/// first, x, y, the two buffers and the base; the assembly sets the rest at each layer's start.
struct RowsState {
  const int8_t* row;            ///< The next row's weights, in flash (r2:r3).
  const int8_t* bias;           ///< The next row's bias, in flash (r4:r5).
  const int8_t* shift;          ///< The next row's shift, in flash (r6:r7).
  uint8_t rows;                 ///< Rows left (r8).
  uint8_t in;                   ///< Inputs (r9).
  int8_t zero_point;            ///< The output zero point (r13).
  uint8_t pairs;                ///< Listed inputs, halved and rounded up; a layer of one input: its offset (r14).
  uint8_t flags;                ///< Bit 0: an odd number listed; 1: one input; 2: a ReLU is fused; 7: start (r15).
  int8_t low;                   ///< The lowest output (r16).
  const __int24* sums;          ///< A wide layer's next row sum (X).
  int32_t accumulator;          ///< Out: the accumulator of the row left to C++.
  int8_t row_shift;             ///< Out: its shift.
  uint8_t found;                ///< Out: 0 done, 1 a row left to C++, 2 a wide layer's sums left to C++.
  const DenseLayerCall* call;   ///< The next layer, in flash.
  uint8_t layers_left;          ///< Layers after the current one.
  const int8_t* x;              ///< The current layer's inputs, then the next's.
  int8_t* y;                    ///< The last layer's outputs.
  int8_t* next_buffer;          ///< The next hidden layer's outputs.
  int8_t* other_buffer;         ///< The one after.
  const int8_t* base;           ///< The model's parameters, in flash (DenseLayerCall::offset).
  uint16_t bias_to_multiplier;  ///< From a bias pointer past its row to the row's multiplier.
  uint16_t shift_to_output;     ///< From a shift pointer past its row to the row's output (r24:r25 between rows).
};
static_assert(sizeof(RowsState) == 37, "the assembly below finds RowsState's fields 37 bytes before the entries");
/// A RowsState and the room for a layer's listed inputs right after it, where the assembly finds them.
template <size_t In>
struct RowsBlock {
  RowsState state;              ///< The loop's state.
  uint8_t entries[2 * In + 2];  ///< The listed inputs: (gap, offset) pairs (ListedInputs).
};

// The layers' loop in registers: r2..r9 and r13..r16 as RowsState says, r10:r11 the listed inputs (the
// state ends just before them), r12 zero, r17 a count, r18..r21 the row's accumulator, r22 a weight,
// then the row's shift, r23 an offset, r24:r25 shift_to_output, X and Z pointers, T: a ReLU is fused.
// The head: the state from RAM (Z); a layer to start (label 40), rows to go on with (label 1) or a
// layer done (label 41). At a layer's start (label 50, once it is listed): Int8DenseParameters' arrays
// one after the other (an AVR aligns nothing), and each row (label 1) starts at its 32-bit bias.
// clang-format off
#define TINYMLP_AVR_ROW_HEAD(WIDE_LEAVES)                                                          \
  "movw r10, r30\n\t"                                                                              \
  "ldi r24, 37\n\t"                                                                                \
  "add r10, r24\n\t"                                                                               \
  "adc r11, __zero_reg__\n\t"                                                                      \
  "ld r2, Z+\n\t"                                                                                  \
  "ld r3, Z+\n\t"                                                                                  \
  "ld r4, Z+\n\t"                                                                                  \
  "ld r5, Z+\n\t"                                                                                  \
  "ld r6, Z+\n\t"                                                                                  \
  "ld r7, Z+\n\t"                                                                                  \
  "ld r8, Z+\n\t"                                                                                  \
  "ld r9, Z+\n\t"                                                                                  \
  "ld r13, Z+\n\t"                                                                                 \
  "ld r14, Z+\n\t"                                                                                 \
  "ld r15, Z+\n\t"                                                                                 \
  "ld r16, Z+\n\t"                                                                                 \
  "ld r26, Z+\n\t"                                                                                 \
  "ld r27, Z+\n\t"                                                                                 \
  "movw r30, r10\n\t"                                                                              \
  "sbiw r30, 2\n\t"                                                                                \
  "ld r24, Z+\n\t"                                                                                 \
  "ld r25, Z\n\t"                                                                                  \
  "bst r15, 2\n\t"                                                                                 \
  "clr r12\n\t"                                                                                    \
  "sbrc r15, 7\n\t"                                                                                \
  "rjmp 40f\n\t"                                                                                   \
  "tst r8\n\t"                                                                                     \
  "brne 1f\n\t"                                                                                    \
  "rjmp 41f\n"                                                                                     \
  "50:\n\t"                                                                                        \
  "bst r15, 2\n\t"                                                                                 \
  "mul r9, r8\n\t"                                                                                 \
  "movw r4, r2\n\t"                                                                                \
  "add r4, r0\n\t"                                                                                 \
  "adc r5, r1\n\t" /* bias: after the in * out weights */                                          \
  "ldi r23, 8\n\t"                                                                                 \
  "mul r8, r23\n\t"                                                                                \
  "movw r6, r4\n\t"                                                                                \
  "add r6, r0\n\t"                                                                                 \
  "adc r7, r1\n\t" /* shift: after the biases and multipliers */                                   \
  "movw r30, r6\n\t"                                                                               \
  "add r30, r8\n\t"                                                                                \
  "adc r31, r12\n\t"                                                                               \
  "lpm r13, Z\n\t" /* the zero point: after the shifts */                                          \
  "ldi r16, 0x80\n\t"                                                                              \
  "brtc 29f\n\t"                                                                                   \
  "mov r16, r13\n" /* low: real 0 after a fused ReLU, else -128 */                                 \
  "29:\n\t"                                                                                        \
  "sub r24, r6\n\t"                                                                                \
  "sbc r25, r7\n\t"                                                                                \
  "sbiw r24, 1\n\t" /* shift_to_output: y - shift - 1 */                                           \
  "mov r22, r8\n\t"                                                                                \
  "clr r23\n\t"                                                                                    \
  "lsl r22\n\t"                                                                                    \
  "rol r23\n\t"                                                                                    \
  "lsl r22\n\t"                                                                                    \
  "rol r23\n\t"                                                                                    \
  "subi r22, 4\n\t"                                                                                \
  "sbc r23, r12\n\t" /* bias_to_multiplier: 4 * out - 4 */                                         \
  "movw r30, r10\n\t"                                                                              \
  "sbiw r30, 4\n\t"                                                                                \
  "st Z+, r22\n\t"                                                                                 \
  "st Z+, r23\n\t"                                                                                 \
  "st Z+, r24\n\t"                                                                                 \
  "st Z, r25\n\t"                                                                                  \
  WIDE_LEAVES                                                                                      \
  "1:\n\t"                                                                                         \
  "movw r30, r4\n\t"                                                                               \
  "lpm r18, Z+\n\t"                                                                                \
  "lpm r19, Z+\n\t"                                                                                \
  "lpm r20, Z+\n\t"                                                                                \
  "lpm r21, Z+\n\t"                                                                                \
  "movw r4, r30\n\t"
// A layer of 32 inputs or more (flags bit 3) leaves its sums to C++ (sum_row_pairs), then goes on with
// its rows, whose products are its sums (label 31, back to 7).
#define TINYMLP_AVR_WIDE_LEAVES                                                                    \
  "mov r23, r9\n\t"                                                                                \
  "cpi r23, 32\n\t"                                                                                \
  "brlo 1f\n\t"                                                                                    \
  "mov r23, r15\n\t"                                                                               \
  "ori r23, 8\n\t"                                                                                 \
  "mov r15, r23\n\t" /* flags bit 3: a wide layer */                                               \
  "ldi r17, 2\n\t"                                                                                 \
  "rjmp 53f\n"
// A layer's start (label 40): its call; its outputs (y for the last, else the next buffer, the two
// buffers then swapped); its inputs listed once for all its rows as (gap, offset) pairs, the nonzero
// offsets x + 128 each with the gap from the previous listed input (7.5 cycles an input of -128, 12.5
// another, two a turn; with none, one (0, 0) pair, which adds nothing), or, for one input, its offset;
// then label 50. A layer's end (label 41): the next layer, or done (found 0).
#define TINYMLP_AVR_LAYERS                                                                         \
  "41:\n\t"                                                                                        \
  "movw r30, r10\n\t"                                                                              \
  "sbiw r30, 15\n\t" /* layers_left */                                                             \
  "ld r23, Z\n\t"                                                                                  \
  "subi r23, 1\n\t"                                                                                \
  "brcc 42f\n\t"                                                                                   \
  "sbiw r30, 3\n\t" /* none: found 0 */                                                            \
  "st Z, r12\n\t"                                                                                  \
  "rjmp 8f\n"                                                                                      \
  "42:\n\t"                                                                                        \
  "st Z, r23\n"                                                                                    \
  "40:\n\t"                                                                                        \
  "movw r26, r10\n\t"                                                                              \
  "sbiw r26, 17\n\t" /* call */                                                                    \
  "ld r30, X+\n\t"                                                                                 \
  "ld r31, X+\n\t"                                                                                 \
  "lpm r2, Z+\n\t"                                                                                 \
  "lpm r3, Z+\n\t"                                                                                 \
  "lpm r9, Z+\n\t"                                                                                 \
  "lpm r8, Z+\n\t"                                                                                 \
  "lpm r23, Z+\n\t"                                                                                \
  "st -X, r31\n\t"                                                                                 \
  "st -X, r30\n\t"                                                                                 \
  "movw r30, r26\n\t"                                                                              \
  "ldd r24, Z+11\n\t"                                                                              \
  "ldd r25, Z+12\n\t"                                                                              \
  "add r2, r24\n\t"                                                                                \
  "adc r3, r25\n\t" /* base + offset */                                                            \
  "ldi r22, 4\n\t"                                                                                 \
  "sbrs r23, 0\n\t"                                                                                \
  "clr r22\n\t" /* the flags: a ReLU */                                                            \
  "ldd r24, Z+5\n\t"                                                                               \
  "ldd r25, Z+6\n\t" /* y */                                                                       \
  "ldd r23, Z+2\n\t"                                                                               \
  "tst r23\n\t"                                                                                    \
  "breq 43f\n\t"                                                                                   \
  "ldd r24, Z+7\n\t"                                                                               \
  "ldd r25, Z+8\n\t"                                                                               \
  "ldd r16, Z+9\n\t"                                                                               \
  "ldd r17, Z+10\n\t"                                                                              \
  "std Z+7, r16\n\t"                                                                               \
  "std Z+8, r17\n\t"                                                                               \
  "std Z+9, r24\n\t"                                                                               \
  "std Z+10, r25\n"                                                                                \
  "43:\n\t"                                                                                        \
  "ldd r26, Z+3\n\t"                                                                               \
  "ldd r27, Z+4\n\t" /* x */                                                                       \
  "std Z+3, r24\n\t"                                                                               \
  "std Z+4, r25\n\t" /* the next layer's x */                                                      \
  "mov r23, r9\n\t"                                                                                \
  "cpi r23, 1\n\t"                                                                                 \
  "brne 44f\n\t"                                                                                   \
  "ld r14, X\n\t"                                                                                  \
  "ldi r23, 0x80\n\t"                                                                              \
  "eor r14, r23\n\t"                                                                               \
  "ori r22, 2\n\t"                                                                                 \
  "rjmp 45f\n"                                                                                     \
  "44:\n\t"                                                                                        \
  "movw r30, r26\n\t"                                                                              \
  "movw r26, r10\n\t"                                                                              \
  "mov r17, r9\n\t"                                                                                \
  "clr r14\n\t"                                                                                    \
  "clr r23\n\t"                                                                                    \
  "lsr r17\n\t" /* two inputs a turn */                                                            \
  "brcc 46f\n\t"                                                                                   \
  "inc r17\n\t" /* an odd number: the first turn does one */                                       \
  "rjmp 57f\n"                                                                                     \
  "46:\n\t"                                                                                        \
  "ld r21, Z+\n\t"                                                                                 \
  "subi r21, 0x80\n\t" /* x + 128 */                                                               \
  "breq 47f\n\t"                                                                                   \
  "st X+, r23\n\t"                                                                                 \
  "st X+, r21\n\t"                                                                                 \
  "inc r14\n\t"                                                                                    \
  "clr r23\n"                                                                                      \
  "47:\n\t"                                                                                        \
  "inc r23\n"                                                                                      \
  "57:\n\t"                                                                                        \
  "ld r21, Z+\n\t"                                                                                 \
  "subi r21, 0x80\n\t"                                                                             \
  "breq 58f\n\t"                                                                                   \
  "st X+, r23\n\t"                                                                                 \
  "st X+, r21\n\t"                                                                                 \
  "inc r14\n\t"                                                                                    \
  "clr r23\n"                                                                                      \
  "58:\n\t"                                                                                        \
  "inc r23\n\t"                                                                                    \
  "dec r17\n\t"                                                                                    \
  "brne 46b\n\t"                                                                                   \
  "tst r14\n\t"                                                                                    \
  "brne 48f\n\t"                                                                                   \
  "st X+, r14\n\t"                                                                                 \
  "st X+, r14\n\t"                                                                                 \
  "inc r14\n"                                                                                      \
  "48:\n\t"                                                                                        \
  "sbrc r14, 0\n\t"                                                                                \
  "ori r22, 1\n\t" /* an odd number */                                                             \
  "lsr r14\n\t"                                                                                    \
  "adc r14, r12\n" /* halved, rounded up */                                                        \
  "45:\n\t"                                                                                        \
  "mov r15, r22\n\t"                                                                               \
  "rjmp 50b\n"
// One listed input's product, added to the row's sum (r18-r21): the two turns of a narrow layer's loop.
#define TINYMLP_AVR_LISTED_PRODUCT                                                                 \
  "ld r22, X+\n\t"                                                                                 \
  "add r30, r22\n\t"                                                                               \
  "adc r31, r12\n\t"                                                                               \
  "lpm r22, Z\n\t"                                                                                 \
  "ld r23, X+\n\t"                                                                                 \
  "mulsu r22, r23\n\t"                                                                             \
  "sbc r23, r23\n\t"                                                                               \
  "add r18, r0\n\t"                                                                                \
  "adc r19, r1\n\t"                                                                                \
  "adc r20, r23\n\t"                                                                               \
  "adc r21, r23\n\t"
// A narrow layer's products, 17.5 cycles each: ld the gap and move Z past it, lpm the weight, ld the
// offset, mulsu (signed weight times unsigned offset, product in r1:r0, its sign in the carry), sbc
// spreads that sign over a byte, four adds; two products a turn, the first turn one for an odd number.
// A layer of one input reads its column of weights in turn instead (out of line).
#define TINYMLP_AVR_NARROW_PRODUCTS                                                                \
  "movw r30, r2\n\t"                                                                               \
  "sbrc r15, 1\n\t"                                                                                \
  "rjmp 30f\n\t" /* one input */                                                                   \
  "movw r26, r10\n\t"                                                                              \
  "mov r17, r14\n\t"                                                                               \
  "sbrc r15, 0\n\t"                                                                                \
  "rjmp 5f\n"                                                                                      \
  "2:\n\t"                                                                                         \
  TINYMLP_AVR_LISTED_PRODUCT                                                                       \
  "5:\n\t"                                                                                         \
  TINYMLP_AVR_LISTED_PRODUCT                                                                       \
  "dec r17\n\t"                                                                                    \
  "brne 2b\n\t"                                                                                    \
  "add r2, r9\n\t"                                                                                 \
  "adc r3, r12\n"                                                                                  \
  "7:\n\t"
// A layer of one input, out of the loop's way (label 30, back to 7).
#define TINYMLP_AVR_ONE_INPUT_PRODUCT                                                              \
  "30:\n\t"                                                                                        \
  "lpm r22, Z+\n\t"                                                                                \
  "movw r2, r30\n\t"                                                                               \
  "mov r23, r14\n\t"                                                                               \
  "mulsu r22, r23\n\t"                                                                             \
  "sbc r22, r22\n\t"                                                                               \
  "add r18, r0\n\t"                                                                                \
  "adc r19, r1\n\t"                                                                                \
  "adc r20, r22\n\t"                                                                               \
  "adc r21, r22\n\t"                                                                               \
  "rjmp 7b\n"
// A wide layer's second pass: the row's products, summed by sum_row_pairs (24 bits at X), added.
#define TINYMLP_AVR_PRODUCTS_FROM_SUMS                                                             \
  "31:\n\t"                                                                                        \
  "ld r22, X+\n\t"                                                                                 \
  "add r18, r22\n\t"                                                                               \
  "ld r22, X+\n\t"                                                                                 \
  "adc r19, r22\n\t"                                                                               \
  "ld r22, X+\n\t"                                                                                 \
  "adc r20, r22\n\t"                                                                               \
  "sbrc r22, 7\n\t" /* the sum's sign, extended (dec keeps the carry) */                           \
  "dec r21\n\t"                                                                                    \
  "adc r21, r12\n\t"                                                                               \
  "rjmp 7b\n"
// A row for C++ to requantize (label 9 writes the state back).
#define TINYMLP_AVR_ROW_LEAVE "rjmp 9f\n"
// TFLite's default rounding in place (label 3: a row to requantize, its shift in r22), for a shift
// <= 0 and an accumulator of 24 bits (a small model's); any other is left to C++. The multiplier from
// flash into r24..r27, the 24-bit result into r31:r17:r30, clamped to [low, 127] as requantize_to_int8
// clamps (beyond [-256, 255] it clamps whatever the zero point), stored. SAVE and RESTORE keep X where
// a kernel walks it across rows.
#define TINYMLP_AVR_ROW_REQUANTIZE(SAVE, RESTORE)                                                  \
  "cp r12, r22\n\t"                                                                                \
  "brge 28f\n\t"                                                                                   \
  "rjmp 9f\n" /* a left shift */                                                                   \
  "28:\n\t"                                                                                        \
  "mov r23, r20\n\t"                                                                               \
  "lsl r23\n\t"                                                                                    \
  "sbc r23, r23\n\t"                                                                               \
  "cp r23, r21\n\t"                                                                                \
  "breq 27f\n\t"                                                                                   \
  "rjmp 9f\n" /* beyond 24 bits */                                                                 \
  "27:\n\t"                                                                                        \
  SAVE                                                                                             \
  "movw r30, r10\n\t"                                                                              \
  "sbiw r30, 4\n\t"                                                                                \
  "ld r24, Z+\n\t"                                                                                 \
  "ld r25, Z\n\t"                                                                                  \
  "movw r30, r4\n\t"                                                                               \
  "add r30, r24\n\t"                                                                               \
  "adc r31, r25\n\t"                                                                               \
  "lpm r24, Z+\n\t"                                                                                \
  "lpm r25, Z+\n\t"                                                                                \
  "lpm r26, Z+\n\t"                                                                                \
  "lpm r27, Z\n\t"                                                                                 \
  "neg r22\n\t"                                                                                    \
  TINYMLP_AVR_DOUBLE_ROUNDING_MULTIPLY_24_BIT("r18", "r19", "r20", "r24", "r25", "r26", "r27",     \
                                              "r30", "r17", "r31", "r23", "r17", "r21", "r23",     \
                                              "r12", "r22")                                        \
  "mov r23, r17\n\t"                                                                               \
  "subi r23, 0xFF\n\t"                                                                             \
  "cpi r23, 2\n\t"                                                                                 \
  "brsh 21f\n\t" /* r31:r17 not 0 or -1 (the top bytes differ, or are not the sign) */             \
  "cp r17, r31\n\t"                                                                                \
  "brne 21f\n\t"                                                                                   \
  "mov r23, r13\n\t" /* + the zero point, in 16 bits */                                            \
  "lsl r23\n\t"                                                                                    \
  "sbc r23, r23\n\t"                                                                               \
  "add r30, r13\n\t"                                                                               \
  "adc r17, r23\n\t"                                                                               \
  "tst r17\n\t"                                                                                    \
  "brmi 23f\n\t"                                                                                   \
  "brne 24f\n\t"                                                                                   \
  "cpi r30, 0x80\n\t"                                                                              \
  "brsh 24f\n\t"                                                                                   \
  "cp r30, r16\n\t"                                                                                \
  "brlt 25f\n\t"                                                                                   \
  "rjmp 26f\n"                                                                                     \
  "23:\n\t"                                                                                        \
  "cpi r17, 0xFF\n\t"                                                                              \
  "brne 25f\n\t"                                                                                   \
  "cpi r30, 0x80\n\t"                                                                              \
  "brlo 25f\n\t"                                                                                   \
  "cp r30, r16\n\t"                                                                                \
  "brlt 25f\n\t"                                                                                   \
  "rjmp 26f\n"                                                                                     \
  "21:\n\t"                                                                                        \
  "sbrc r31, 7\n\t"                                                                                \
  "rjmp 25f\n"                                                                                     \
  "24:\n\t"                                                                                        \
  "ldi r30, 127\n\t"                                                                               \
  "rjmp 26f\n"                                                                                     \
  "25:\n\t"                                                                                        \
  "mov r30, r16\n"                                                                                 \
  "26:\n\t"                                                                                        \
  "movw r26, r10\n\t"                                                                              \
  "sbiw r26, 2\n\t"                                                                                \
  "ld r24, X+\n\t"                                                                                 \
  "ld r25, X\n\t"                                                                                  \
  "movw r26, r6\n\t"                                                                               \
  "add r26, r24\n\t"                                                                               \
  "adc r27, r25\n\t"                                                                               \
  "st X, r30\n\t"                                                                                  \
  RESTORE                                                                                          \
  "tst r8\n\t"                                                                                     \
  "breq 41f\n\t"                                                                                   \
  "rjmp 1b\n"
// The tail, once a row's accumulator is summed: its shift into r22; a row with a fused ReLU whose
// accumulator is <= 0 and whose shift is <= 0 gives `low` (the portable forward's shortcut), stored,
// and the next row starts; any other is requantized by REQUANTIZE, or left to C++ (label 9: the state
// written back, found 1). After the last row, the layer's end (label 41). One tail for every kernel
// (the listed inputs, one input, a wide layer's sums), as one head.
#define TINYMLP_AVR_ROW_TAIL(REQUANTIZE, OUT_OF_LINE)                                              \
  "movw r30, r6\n\t"                                                                               \
  "lpm r22, Z+\n\t"                                                                                \
  "movw r6, r30\n\t"                                                                               \
  "dec r8\n\t"                                                                                     \
  "brtc 3f\n\t" /* no ReLU: requantize */                                                          \
  "sbrc r21, 7\n\t"                                                                                \
  "rjmp 32f\n\t" /* accumulator < 0 */                                                             \
  "cp r12, r18\n\t"                                                                                \
  "cpc r12, r19\n\t"                                                                               \
  "cpc r12, r20\n\t"                                                                               \
  "cpc r12, r21\n\t"                                                                               \
  "brlt 3f\n" /* accumulator > 0: requantize */                                                    \
  "32:\n\t"                                                                                        \
  "cp r12, r22\n\t"                                                                                \
  "brlt 3f\n\t" /* shift > 0: requantize */                                                        \
  "add r30, r24\n\t"                                                                               \
  "adc r31, r25\n\t"                                                                               \
  "st Z, r16\n\t"                                                                                  \
  "tst r8\n\t"                                                                                     \
  "brne 1b\n\t"                                                                                    \
  "rjmp 41f\n"                                                                                     \
  "3:\n\t"                                                                                         \
  REQUANTIZE                                                                                       \
  "9:\n\t"                                                                                         \
  "ldi r17, 1\n"                                                                                   \
  "53:\n\t"                                                                                        \
  "movw r30, r10\n\t"                                                                              \
  "sbiw r30, 37\n\t"                                                                               \
  "st Z+, r2\n\t"                                                                                  \
  "st Z+, r3\n\t"                                                                                  \
  "st Z+, r4\n\t"                                                                                  \
  "st Z+, r5\n\t"                                                                                  \
  "st Z+, r6\n\t"                                                                                  \
  "st Z+, r7\n\t"                                                                                  \
  "st Z+, r8\n\t"                                                                                  \
  "st Z+, r9\n\t"                                                                                  \
  "st Z+, r13\n\t"                                                                                 \
  "st Z+, r14\n\t"                                                                                 \
  "mov r23, r15\n\t"                                                                               \
  "andi r23, 0x7F\n\t"                                                                             \
  "st Z+, r23\n\t"                                                                                 \
  "st Z+, r16\n\t"                                                                                 \
  "st Z+, r26\n\t"                                                                                 \
  "st Z+, r27\n\t"                                                                                 \
  "st Z+, r18\n\t"                                                                                 \
  "st Z+, r19\n\t"                                                                                 \
  "st Z+, r20\n\t"                                                                                 \
  "st Z+, r21\n\t"                                                                                 \
  "st Z+, r22\n\t"                                                                                 \
  "st Z, r17\n\t"                                                                                  \
  "rjmp 8f\n"                                                                                      \
  OUT_OF_LINE                                                                                      \
  TINYMLP_AVR_LAYERS                                                                               \
  "8:\n\t"                                                                                         \
  "clr __zero_reg__"
// The layers from the state at `state_pointer` until the last is done, or a row or sums are left to C++.
#define TINYMLP_AVR_ROWS(WIDE_LEAVES, PRODUCTS, REQUANTIZE, OUT_OF_LINE)                           \
  __asm__ volatile(TINYMLP_AVR_ROW_HEAD(WIDE_LEAVES) PRODUCTS TINYMLP_AVR_ROW_TAIL(REQUANTIZE, OUT_OF_LINE) \
                   : "+z"(state_pointer)                                                           \
                   :                                                                               \
                   : "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13",   \
                     "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24",  \
                     "r25", "r26", "r27", "memory")
// clang-format on

/// A row's output where the assembly leaves it to C++: TFLite's default rounding beyond 24 bits or
/// with a left shift (its 32-bit path, rare on an AVR), clamped as requantize_to_int8 clamps.
__attribute__((noinline)) inline int8_t requantize_in_32_bits(int32_t accumulator, int32_t multiplier, int8_t shift,
                                                              int8_t zero_point, int8_t low) {
  return offset_and_clamp(DoubleRounding::multiply_in_32_bits(accumulator, multiplier, shift), zero_point, low);
}
/// The same for every row of the single rounding: requantize_to_int8, out of line.
template <class Rounding>
__attribute__((noinline)) int8_t requantize_in_c(Rounding, int32_t accumulator, int32_t multiplier, int8_t shift,
                                                 int8_t zero_point, int8_t low) {
  return requantize_to_int8<Rounding>(accumulator, multiplier, shift, zero_point, low);
}
inline int8_t requantize_in_c(DoubleRounding, int32_t accumulator, int32_t multiplier, int8_t shift, int8_t zero_point,
                              int8_t low) {
  return requantize_in_32_bits(accumulator, multiplier, shift, zero_point, low);
}

/// Starts `state` for forward_dense: `count` layers described by `calls` (in flash) from `base`, the
/// first reading `x`, the last writing `y`, those between buffer0, buffer1, buffer0... Stored in place
/// by the caller (the compiler's stores through a pointer held in memory cost twice as much, and the
/// values are at hand here).
__attribute__((always_inline)) inline void start(RowsState& state, const DenseLayerCall* calls, const int8_t* base,
                                                 uint8_t count, const int8_t* x, int8_t* y, int8_t* buffer0,
                                                 int8_t* buffer1) {
  static_assert(offsetof(RowsState, flags) == 10 && offsetof(RowsState, call) == 20 && offsetof(RowsState, base) == 31,
                "the stores below follow RowsState's layout");
  __asm__ volatile(
      "std Z+10, %[flags]\n\t"
      "std Z+20, %A[calls]\n\t"
      "std Z+21, %B[calls]\n\t"
      "std Z+22, %[left]\n\t"
      "std Z+23, %A[x]\n\t"
      "std Z+24, %B[x]\n\t"
      "std Z+25, %A[y]\n\t"
      "std Z+26, %B[y]\n\t"
      "std Z+27, %A[buffer0]\n\t"
      "std Z+28, %B[buffer0]\n\t"
      "std Z+29, %A[buffer1]\n\t"
      "std Z+30, %B[buffer1]\n\t"
      "std Z+31, %A[base]\n\t"
      "std Z+32, %B[base]"
      :
      : "z"(&state), [flags] "r"(static_cast<uint8_t>(0x80)), [calls] "r"(calls),
        [left] "r"(static_cast<uint8_t>(count - 1)), [x] "r"(x), [y] "r"(y), [buffer0] "r"(buffer0),
        [buffer1] "r"(buffer1), [base] "r"(base)
      : "memory");
}

/// The layers `state` describes (start), one after the other in one call (its registers saved once,
/// not once a layer), each giving the portable forward's outputs. The listed inputs follow `state` in
/// RAM, as in a RowsBlock (room for 2 * in + 2 bytes of the widest layer); `sums` has room for out + 1
/// sums of the widest layer of 32 inputs or more (Wide: whether there is one: its rows' products are
/// summed in a pass of their own, which costs less than the rows' loop then).
template <class Rounding, bool Wide>
__attribute__((noinline)) void forward_dense(RowsState& state, __int24* sums) {
  uint8_t* const entries = reinterpret_cast<uint8_t*>(&state) + sizeof(RowsState);
  const bool in_assembly = detail::is_same<Rounding, DoubleRounding>::value;
  for (;;) {
    RowsState* state_pointer = &state;
    if (Wide && in_assembly)
      TINYMLP_AVR_ROWS(TINYMLP_AVR_WIDE_LEAVES, "sbrc r15, 3\n\trjmp 31f\n\t" TINYMLP_AVR_NARROW_PRODUCTS,
                       TINYMLP_AVR_ROW_REQUANTIZE("push r26\n\tpush r27\n\t", "pop r27\n\tpop r26\n\t"),
                       TINYMLP_AVR_ONE_INPUT_PRODUCT TINYMLP_AVR_PRODUCTS_FROM_SUMS);
    else if (Wide)
      TINYMLP_AVR_ROWS(TINYMLP_AVR_WIDE_LEAVES, "sbrc r15, 3\n\trjmp 31f\n\t" TINYMLP_AVR_NARROW_PRODUCTS,
                       TINYMLP_AVR_ROW_LEAVE, TINYMLP_AVR_ONE_INPUT_PRODUCT TINYMLP_AVR_PRODUCTS_FROM_SUMS);
    else if (in_assembly)
      TINYMLP_AVR_ROWS("", TINYMLP_AVR_NARROW_PRODUCTS, TINYMLP_AVR_ROW_REQUANTIZE("", ""),
                       TINYMLP_AVR_ONE_INPUT_PRODUCT);
    else
      TINYMLP_AVR_ROWS("", TINYMLP_AVR_NARROW_PRODUCTS, TINYMLP_AVR_ROW_LEAVE, TINYMLP_AVR_ONE_INPUT_PRODUCT);
    if (state.found == 0) break;
    if (Wide && state.found == 2) {  // a wide layer's sums
      const ListedInputs listed = {state.pairs, (state.flags & 1) != 0};
      sum_row_pairs(state.row, state.rows, state.in, entries, listed, sums);
      state.sums = sums;
      continue;
    }
    const int32_t multiplier =
        FlashReader::load(reinterpret_cast<const int32_t*>(state.bias + state.bias_to_multiplier));
    *reinterpret_cast<int8_t*>(reinterpret_cast<uintptr_t>(state.shift) + state.shift_to_output) =
        requantize_in_c(Rounding(), state.accumulator, multiplier, state.row_shift, state.zero_point, state.low);
  }
}

/// A chain of Int8Dense layers on the AVR in one forward_dense call: `calls` (in flash) describes them
/// from `base`, WidestIn and WideOut (the widest output of a layer of 32 inputs or more, 0 if none)
/// size the lists and sums on the stack.
template <size_t WidestIn, size_t WideOut>
struct DenseChain {
  template <class Rounding>
  __attribute__((always_inline)) static void forward(const DenseLayerCall* calls, const int8_t* base, uint8_t count,
                                                     const int8_t* x, int8_t* y, int8_t* buffer0, int8_t* buffer1) {
    RowsBlock<WidestIn> block;
    static_assert(offsetof(RowsBlock<WidestIn>, entries) == sizeof(RowsState), "the entries follow the state");
    __int24 sums[WideOut + 1];
    start(block.state, calls, base, count, x, y, buffer0, buffer1);
    forward_dense<Rounding, (WideOut > 0)>(block.state, sums);
  }
};

/// An Int8Dense<In, Out> layer on the AVR: whether it runs here, its call, and its forward alone (a
/// chain of one layer).
template <size_t In, size_t Out>
struct DenseLayer {
  /// Whether the layer runs here: at most 255 inputs and outputs (one-byte gaps and counts).
  static constexpr bool fits = In <= 255 && Out <= 255;
  /// Its outputs if its rows' products are summed in a pass of their own (32 inputs or more), else 0.
  static constexpr size_t wide_output = In >= 32 ? Out : 0;
  /// Its call, its parameters at `offset` from the model's.
  static constexpr DenseLayerCall call_at(uint16_t offset, bool relu) {
    return {offset, static_cast<uint8_t>(In), static_cast<uint8_t>(Out), relu};
  }
  /// Its call alone, in flash.
  template <bool ReLU>
  struct Call {
    static const DenseLayerCall call;  ///< Offset 0: its parameters are the base.
  };
  template <class Rounding, bool ReLU>
  __attribute__((always_inline)) static void forward(const int8_t* parameters, const int8_t* x, int8_t* y) {
    DenseChain<In, wide_output>::template forward<Rounding>(&Call<ReLU>::call, parameters, 1, x, y, nullptr, nullptr);
  }
};
template <size_t In, size_t Out>
template <bool ReLU>
const DenseLayerCall DenseLayer<In, Out>::Call<ReLU>::call TINYMLP_PROGMEM = DenseLayer<In, Out>::call_at(0, ReLU);

}  // namespace avr
}  // namespace quant
}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#undef TINYMLP_AVR_ROW_HEAD
#undef TINYMLP_AVR_WIDE_LEAVES
#undef TINYMLP_AVR_LAYERS
#undef TINYMLP_AVR_LISTED_PRODUCT
#undef TINYMLP_AVR_NARROW_PRODUCTS
#undef TINYMLP_AVR_ONE_INPUT_PRODUCT
#undef TINYMLP_AVR_PRODUCTS_FROM_SUMS
#undef TINYMLP_AVR_ROW_LEAVE
#undef TINYMLP_AVR_ROW_REQUANTIZE
#undef TINYMLP_AVR_ROW_TAIL
#undef TINYMLP_AVR_ROWS
#endif

#endif

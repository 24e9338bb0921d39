// The int8 row products of quant/int8_dense.hpp on a Cortex-M4 (its DSP extension): each word of four
// int8 weights is sign-extended into two words of 16-bit pairs (SXTB16: bytes 0 and 2, and rotated,
// bytes 1 and 3), each word of four inputs made offsets x + 128 (the sign bits flipped) and
// zero-extended the same way (UXTB16), and SMLAD adds both products of a pair to the sum in one
// instruction. A layer's inputs are spread into pairs once, for all its rows; each row's weights as
// they are read, two rows at a time so that each pair of inputs is loaded once for both. The sum
// is the same int32 in any order (integer addition wraps the same way), so the result is the
// portable RowProducts' exactly; tests/quant holds the two equal on the simulated board.
#ifndef TINYMLP_QUANT_INT8_ROW_PRODUCTS_CORTEX_M4_HPP
#define TINYMLP_QUANT_INT8_ROW_PRODUCTS_CORTEX_M4_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"

#if defined(__ARM_ARCH_7EM__) && defined(__ARM_FEATURE_DSP) && !TINYMLP_USE_PROGMEM
#define TINYMLP_QUANT_INT8_ROW_PRODUCTS_CORTEX_M4 1
#else
#define TINYMLP_QUANT_INT8_ROW_PRODUCTS_CORTEX_M4 0
#endif

#if TINYMLP_QUANT_INT8_ROW_PRODUCTS_CORTEX_M4
namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
namespace quant {
namespace cortex_m4 {

__attribute__((always_inline)) inline uint32_t word_at(const int8_t* bytes) {
  uint32_t word;
  __builtin_memcpy(&word, bytes, sizeof word);
  return word;
}
// The rotation of a word that brings two of its bytes to positions 0 and 2, where SXTB16 and UXTB16
// take them from.
const unsigned even_bytes = 0;  // bytes 0 and 2
const unsigned odd_bytes = 8;   // bytes 1 and 3
// The bytes of `word` that Rotation names, each extended to 16 bits: sign-extended if Signed (SXTB16),
// else zero-extended (UXTB16).
template <bool Signed, unsigned Rotation>
__attribute__((always_inline)) inline uint32_t byte_pairs(uint32_t word) {
  uint32_t pairs;
  if (Signed)
    __asm__("sxtb16 %0, %1, ror %2" : "=r"(pairs) : "r"(word), "n"(Rotation));
  else
    __asm__("uxtb16 %0, %1, ror %2" : "=r"(pairs) : "r"(word), "n"(Rotation));
  return pairs;
}
// sum + a.low b.low + a.high b.high (16-bit halves, signed).
inline int32_t add_pair_products(int32_t sum, uint32_t a, uint32_t b) {
  int32_t result;
  __asm__("smlad %0, %1, %2, %3" : "=r"(result) : "r"(a), "r"(b), "r"(sum));
  return result;
}
// Each of `sums` + the products of a word of four int8 weights (at `rows[r]`) with the inputs' offsets of
// the same word, spread into pairs: `even` (bytes 0 and 2) and `odd` (bytes 1 and 3). The rows' words
// are loaded first, then their even products added, then their odd ones: row by row, GCC's code for
// two rows reloads the pairs from the stack.
template <unsigned Rows>
__attribute__((always_inline)) inline void add_word_products(int32_t (&sums)[Rows], const int8_t* const (&rows)[Rows],
                                                             uint32_t even, uint32_t odd) {
  uint32_t weights[Rows];
#pragma GCC unroll 2
  for (unsigned r = 0; r < Rows; ++r) weights[r] = word_at(rows[r]);
#pragma GCC unroll 2
  for (unsigned r = 0; r < Rows; ++r)
    sums[r] = add_pair_products(sums[r], byte_pairs<true, even_bytes>(weights[r]), even);
#pragma GCC unroll 2
  for (unsigned r = 0; r < Rows; ++r)
    sums[r] = add_pair_products(sums[r], byte_pairs<true, odd_bytes>(weights[r]), odd);
}

/// A layer's In int8 inputs as 16-bit pairs of offsets x + 128, and the row products against them, one
/// row or two at a time: two rows share each load of the inputs' pairs.
template <size_t In>
class PairedInputs {
 public:
  static const size_t rows_at_once = 2;  ///< add_two_rows_to serves.

  __attribute__((always_inline)) explicit PairedInputs(const int8_t* inputs) {
#pragma GCC unroll 16
    for (size_t k = 0; k < In / 4; ++k) {
      const uint32_t offsets = word_at(inputs + 4 * k) ^ 0x80808080u;  // x + 128 in each byte
      pairs_[2 * k] = byte_pairs<false, even_bytes>(offsets);
      pairs_[2 * k + 1] = byte_pairs<false, odd_bytes>(offsets);
    }
    for (size_t i = 0; i < In % 4; ++i) last_[i] = inputs[In - In % 4 + i] + 128;
  }
  /// sum + the products of the In weights of `row` with the inputs' offsets.
  __attribute__((always_inline)) int32_t add_row_to(int32_t sum, const int8_t* row) const {
#pragma GCC unroll 16
    for (size_t k = 0; k < In / 4; ++k) {
      int32_t sums[1] = {sum};
      const int8_t* const row_words[1] = {row + 4 * k};
      add_word_products(sums, row_words, pairs_[2 * k], pairs_[2 * k + 1]);
      sum = sums[0];
    }
    return add_last_products(sum, row);
  }
  /// first and second + the products of the rows at `rows` and `rows + In` with the inputs' offsets.
  __attribute__((always_inline)) void add_two_rows_to(int32_t& first, int32_t& second, const int8_t* rows) const {
    if (words > words_unrolled)
      add_two_long_rows(first, second, rows);
    else
      add_two_short_rows(first, second, rows);
    first = add_last_products(first, rows);
    second = add_last_products(second, rows + In);
  }

 private:
  static const unsigned words = In / 4;
  // Up to this many words a row, GCC's code with the loop unrolled (it addresses the pairs and weights by
  // offsets and sets up nothing); beyond, its code keeps neither the sums nor the pointers of a loop in
  // registers at -Os, and the assembly below serves.
  static const unsigned words_unrolled = 8;

  // The In / 4 whole words of both rows, unrolled.
  __attribute__((always_inline)) void add_two_short_rows(int32_t& first, int32_t& second, const int8_t* rows) const {
#pragma GCC unroll 8
    for (size_t k = 0; k < words && k < words_unrolled; ++k) {
      const uint32_t even = pairs_[2 * k], odd = pairs_[2 * k + 1];
      int32_t sums[2] = {first, second};
      const int8_t* const row_words[2] = {rows + 4 * k, rows + In + 4 * k};
      add_word_products(sums, row_words, even, odd);
      first = sums[0];
      second = sums[1];
    }
  }

  // The same in a loop of two words a pass (an odd count enters it at its second word). Each word: its
  // inputs' two pairs (LDRD), a word of each row, and per row SXTB16 and SMLAD twice: 11 instructions
  // for 8 products.
  __attribute__((always_inline)) void add_two_long_rows(int32_t& first, int32_t& second, const int8_t* rows) const {
    const uint32_t* pairs = pairs_;
    const int8_t* row0 = rows;
    const int8_t* row1 = rows + In;
    unsigned count = (words + 1) / 2;
    uint32_t even, odd, weights0, weights1, spread;
    __asm__(
        ".if %c[odd_words]\n\t"
        "b 2f\n\t"
        ".endif\n"
        "1:\n\t"
        ".rept 2\n\t"
        "ldrd %[even], %[odd], [%[pairs]], #8\n\t"
        "ldr %[w0], [%[row0]], #4\n\t"
        "ldr %[w1], [%[row1]], #4\n\t"
        "sxtb16 %[spread], %[w0]\n\t"
        "smlad %[sum0], %[spread], %[even], %[sum0]\n\t"
        "sxtb16 %[w0], %[w0], ror #8\n\t"
        "smlad %[sum0], %[w0], %[odd], %[sum0]\n\t"
        "sxtb16 %[spread], %[w1]\n\t"
        "smlad %[sum1], %[spread], %[even], %[sum1]\n\t"
        "sxtb16 %[w1], %[w1], ror #8\n\t"
        "smlad %[sum1], %[w1], %[odd], %[sum1]\n"
        "2:\n\t"
        ".endr\n\t"
        "subs %[count], #1\n\t"
        "bne 1b"
        : [sum0] "+r"(first), [sum1] "+r"(second), [pairs] "+r"(pairs), [row0] "+r"(row0), [row1] "+r"(row1),
          [count] "+r"(count), [even] "=&r"(even), [odd] "=&r"(odd), [w0] "=&r"(weights0), [w1] "=&r"(weights1),
          [spread] "=&r"(spread)
        : [odd_words] "n"(words % 2), "m"(*reinterpret_cast<const uint32_t(*)[2 * (words > 0 ? words : 1)]>(pairs_)),
          "m"(*reinterpret_cast<const int8_t(*)[2 * In]>(rows))
        : "cc");
  }

  // The In % 4 products after the last whole word.
  __attribute__((always_inline)) int32_t add_last_products(int32_t sum, const int8_t* row) const {
    for (size_t i = 0; i < In % 4; ++i) sum += static_cast<int32_t>(row[In - In % 4 + i]) * last_[i];
    return sum;
  }

  uint32_t pairs_[In / 4 > 0 ? 2 * (In / 4) : 1];  // even then odd offsets of each input word
  int32_t last_[In % 4 > 0 ? In % 4 : 1];          // the offsets after the last whole word
};

}  // namespace cortex_m4
}  // namespace quant
}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp
#endif

#endif

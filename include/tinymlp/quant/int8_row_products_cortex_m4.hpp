// The int8 row products of quant/int8_dense.hpp on a Cortex-M4 (its DSP extension): each word of four
// int8 weights is sign-extended into two words of 16-bit pairs (SXTB16: bytes 0 and 2, and rotated,
// bytes 1 and 3), each word of four inputs made offsets x + 128 (the sign bits flipped) and
// zero-extended the same way (UXTB16), and SMLAD adds both products of a pair to the sum in one
// instruction. A layer's inputs are spread into pairs once, for all its rows; each row's weights as
// they are read. The sum
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
// Bytes 0 and 2 of `word`, each sign-extended to 16 bits.
inline uint32_t even_bytes(uint32_t word) {
  uint32_t pairs;
  __asm__("sxtb16 %0, %1" : "=r"(pairs) : "r"(word));
  return pairs;
}
// Bytes 1 and 3 of `word`, each sign-extended to 16 bits.
inline uint32_t odd_bytes(uint32_t word) {
  uint32_t pairs;
  __asm__("sxtb16 %0, %1, ror #8" : "=r"(pairs) : "r"(word));
  return pairs;
}
// Bytes 0 and 2 of `word`, each zero-extended to 16 bits.
inline uint32_t even_unsigned_bytes(uint32_t word) {
  uint32_t pairs;
  __asm__("uxtb16 %0, %1" : "=r"(pairs) : "r"(word));
  return pairs;
}
// Bytes 1 and 3 of `word`, each zero-extended to 16 bits.
inline uint32_t odd_unsigned_bytes(uint32_t word) {
  uint32_t pairs;
  __asm__("uxtb16 %0, %1, ror #8" : "=r"(pairs) : "r"(word));
  return pairs;
}
// sum + a.low b.low + a.high b.high (16-bit halves, signed).
inline int32_t add_pair_products(int32_t sum, uint32_t a, uint32_t b) {
  int32_t result;
  __asm__("smlad %0, %1, %2, %3" : "=r"(result) : "r"(a), "r"(b), "r"(sum));
  return result;
}

/// A layer's In int8 inputs as 16-bit pairs of offsets x + 128, and the row products against them.
template <size_t In>
class PairedInputs {
 public:
  __attribute__((always_inline)) explicit PairedInputs(const int8_t* inputs) : x_(inputs) {
#pragma GCC unroll 16
    for (size_t k = 0; k < In / 4; ++k) {
      const uint32_t offsets = word_at(inputs + 4 * k) ^ 0x80808080u;  // x + 128 in each byte
      even_[k] = even_unsigned_bytes(offsets);
      odd_[k] = odd_unsigned_bytes(offsets);
    }
  }
  /// sum + the products of the In weights of `row` with the inputs' offsets.
  __attribute__((always_inline)) int32_t add_row_to(int32_t sum, const int8_t* row) const {
#pragma GCC unroll 16
    for (size_t k = 0; k < In / 4; ++k) {
      const uint32_t weights = word_at(row + 4 * k);
      sum = add_pair_products(sum, even_bytes(weights), even_[k]);
      sum = add_pair_products(sum, odd_bytes(weights), odd_[k]);
    }
    for (size_t i = In - In % 4; i < In; ++i) sum += static_cast<int32_t>(row[i]) * (x_[i] + 128);
    return sum;
  }

 private:
  const int8_t* x_;
  uint32_t even_[In / 4 > 0 ? In / 4 : 1];
  uint32_t odd_[In / 4 > 0 ? In / 4 : 1];
};

}  // namespace cortex_m4
}  // namespace quant
}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp
#endif

#endif

/// \file
/// Int8Dense<In, Out, FusedReLU>: TFLite's int8 FULLY_CONNECTED, integer for integer. Every output is
/// \code{.unparsed}
///   clamp(requantize(bias[o] + sum_i kernel[o][i] * (x[i] + 128)) + output zero point, low, 127)
/// \endcode
/// where the bias already holds the input's zero point (folded in when the model was converted:
/// bias = TFLite's int32 bias - (input zero point + 128) * sum_i kernel[o][i]), and `low` is -128,
/// or max(-128, output zero point) when a ReLU is fused (the quantized value of real 0). The inputs
/// enter as unsigned offsets x + 128 (0 to 255): an input of -128, which is real 0 after a ReLU or for
/// any input whose range starts at 0 (a pixel, a distance), adds nothing, and a kernel may skip it
/// exactly (the AVR's does: int8_dense_avr.hpp). Each product is a signed weight times an unsigned
/// offset, one hardware multiply on an AVR (MULSU). No float anywhere.
#ifndef TINYMLP_QUANT_INT8_DENSE_HPP
#define TINYMLP_QUANT_INT8_DENSE_HPP

#include "../config.hpp"
#include "../flash.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "int8_dense_avr.hpp"
#include "int8_row_products_cortex_m4.hpp"
#include "requantization.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// The parameters of one int8 Dense layer, as the converter writes them to flash. Kernels are
/// symmetric (zero point 0); multiplier and shift are per output (per-tensor quantization repeats them).
template <size_t In, size_t Out>
struct Int8DenseParameters {
  int8_t kernel[Out * In];   ///< [out][in], TFLite's order.
  int32_t bias[Out];         ///< TFLite's int32 bias with the input zero point folded in (see above).
  int32_t multiplier[Out];   ///< input scale * weight scale / output scale = multiplier * 2^(shift - 31).
  int8_t shift[Out];         ///< The power of two of that product, per output.
  int8_t output_zero_point;  ///< The int8 value of real 0 at the output.
};

namespace quant {

/// bias + the products of a row of In int8 weights with In inputs of type Input: the int8 inputs
/// themselves (HybridDense's, whose inputs are symmetric: |w x| <= 2^14) or their unsigned offsets
/// x + 128 (Int8Dense's, see input_offset: |w (x + 128)| <= 128 * 255). Either product fits in 16 bits;
/// the sum is int32, as TFLite's is.
template <size_t In, class Reader, class Input>
struct RowProducts {
  /// `bias` plus the products of the In weights of `row` (read through Reader) with the In inputs `x`.
  /// Four products at a time, so that a core that multiply-accumulates in one instruction (a Cortex-M4's
  /// MLA) spends little on the loop. Each product is an int (16 bits on an AVR: enough for one); they
  /// are summed in int32.
  static int32_t add_to(int32_t bias, const int8_t* row, const Input* x) {
    int32_t sum = bias;
    size_t i = 0;
    for (; i + 4 <= In; i += 4)
      sum += static_cast<int32_t>(Reader::load(row + i) * x[i]) + Reader::load(row + i + 1) * x[i + 1] +
             Reader::load(row + i + 2) * x[i + 2] + Reader::load(row + i + 3) * x[i + 3];
    for (; i < In; ++i) sum += static_cast<int16_t>(Reader::load(row + i) * x[i]);
    return sum;
  }
};

#if defined(__AVR__) && TINYMLP_USE_PROGMEM
// The same for int8 inputs on an AVR with the row in flash, 12 cycles a product: lpm the weight, ld the
// input, muls (the 8 x 8 hardware multiply, product in r1:r0, its sign in the carry), sbc spreads that
// sign over a byte, and four adds put the product into the 32-bit sum. Products go `Group` to a loop iteration
// (.rept), so that the loop's dec and brne cost 3 cycles per group. The Group * Groups inputs read
// through X are a memory operand: without it the compiler may keep the inputs' stores for later, or
// drop them, at -O1 and above (the weights are in flash, which no store changes).
template <unsigned Group, unsigned Groups>
__attribute__((always_inline)) inline int32_t add_products_in_groups(int32_t sum, const int8_t*& row,
                                                                     const int8_t*& x) {
  static_assert(Groups > 0 && Groups <= 255, "add_products_in_groups counts its groups in one byte");
  const int8_t(&inputs)[Group * Groups] = *reinterpret_cast<const int8_t(*)[Group * Groups]>(x);
  uint8_t groups = Groups;
  int8_t weight, input;
  uint8_t sign;
  __asm__(
      "1:\n\t"
      ".rept %[group]\n\t"
      "lpm %[weight], Z+\n\t"
      "ld %[input], X+\n\t"
      "muls %[weight], %[input]\n\t"
      "sbc %[sign], %[sign]\n\t"
      "add %A[sum], r0\n\t"
      "adc %B[sum], r1\n\t"
      "adc %C[sum], %[sign]\n\t"
      "adc %D[sum], %[sign]\n\t"
      ".endr\n\t"
      "dec %[groups]\n\t"
      "brne 1b\n\t"
      "clr __zero_reg__"
      : [sum] "+r"(sum), [groups] "+r"(groups), [weight] "=&a"(weight), [input] "=&a"(input), [sign] "=&r"(sign),
        "+z"(row), "+x"(x)
      : [group] "n"(Group), "m"(inputs));
  return sum;
}

// Groups of `Group` products, in calls of at most 255 groups.
template <unsigned Group, size_t Groups, bool Any = (Groups > 0)>
struct ProductsInGroups {
  __attribute__((always_inline)) static int32_t add_to(int32_t sum, const int8_t*&, const int8_t*&) { return sum; }
};
template <unsigned Group, size_t Groups>
struct ProductsInGroups<Group, Groups, true> {
  __attribute__((always_inline)) static int32_t add_to(int32_t sum, const int8_t*& row, const int8_t*& x) {
    const unsigned now = Groups < 255 ? static_cast<unsigned>(Groups) : 255u;
    sum = add_products_in_groups<Group, now>(sum, row, x);
    return ProductsInGroups<Group, Groups - now>::add_to(sum, row, x);
  }
};

template <size_t In>
struct RowProducts<In, FlashReader, int8_t> {
  static int32_t add_to(int32_t sum, const int8_t* row, const int8_t* x) {
    // Groups of four, then the rest one by one.
    sum = ProductsInGroups<4, In / 4>::add_to(sum, row, x);
    return ProductsInGroups<1, In % 4>::add_to(sum, row, x);
  }
};
#endif

/// An int8 input as the kernels multiply it: x + 128, an unsigned offset in [0, 255] (0 for -128, the
/// zero point of every ReLU output and of most non-negative inputs, so that its product is skipped).
inline uint8_t input_offset(int8_t x) { return static_cast<uint8_t>(x ^ 0x80); }

/// A layer's inputs, read by each of its rows: bias + the row's products with them. Their offsets are
/// made once, for all the rows; on a Cortex-M4 they are spread into 16-bit pairs for SMLAD
/// (int8_row_products_cortex_m4.hpp).
template <size_t In, class Reader>
class RowInputs {
 public:
  /// The layer's In inputs.
  explicit RowInputs(const int8_t* inputs) {
    for (size_t i = 0; i < In; ++i) offsets_[i] = input_offset(inputs[i]);
  }
  /// bias + the products of the In weights of `row` (read through Reader) with the inputs' offsets.
  int32_t add_row_to(int32_t bias, const int8_t* row) const {
    return RowProducts<In, Reader, uint8_t>::add_to(bias, row, offsets_);
  }
  static const size_t rows_at_once = 1;  ///< Rows add_two_rows_to does in one pass (1: it adds them in turn).
  /// The same for the rows at `rows` and `rows + In`, into `first` and `second`.
  void add_two_rows_to(int32_t& first, int32_t& second, const int8_t* rows) const {
    first = add_row_to(first, rows);
    second = add_row_to(second, rows + In);
  }

 private:
  uint8_t offsets_[In];
};
#if TINYMLP_QUANT_INT8_ROW_PRODUCTS_CORTEX_M4
template <size_t In>
class RowInputs<In, FlashReader> : public cortex_m4::PairedInputs<In> {
 public:
  __attribute__((always_inline)) explicit RowInputs(const int8_t* inputs) : cortex_m4::PairedInputs<In>(inputs) {}
};
#endif

}  // namespace quant

/// TFLite's int8 FULLY_CONNECTED with In inputs and Out outputs, a ReLU fused or not (see the file's
/// description). The layer type has no data: its parameters are an Int8DenseParameters in flash.
template <size_t In, size_t Out, bool FusedReLU>
struct Int8Dense {
  static_assert(In > 0 && Out > 0, "Int8Dense<In, Out, FusedReLU> needs at least one input and one output");
  static constexpr size_t input_size = In;          ///< int8 values in.
  static constexpr size_t output_size = Out;        ///< int8 values out.
  static constexpr bool fused_relu = FusedReLU;     ///< Whether outputs are clamped at real 0.
  typedef Int8DenseParameters<In, Out> Parameters;  ///< This layer's parameter block.

  /// The smallest output: real 0 after a fused ReLU, else the int8 minimum.
  static int8_t lowest_output(int8_t zero_point) { return FusedReLU && zero_point > -128 ? zero_point : -128; }

  /// Writes the Out int8 outputs to `y` from the In int8 inputs `x`, reading `parameters` through
  /// Reader and requantizing with Rounding (quant::DoubleRounding or quant::SingleRounding).
  template <class Rounding, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y) {
#if TINYMLP_QUANT_INT8_DENSE_AVR
    if (detail::is_same<Reader, FlashReader>::value && quant::avr::DenseLayer<In, Out>::fits) {
      quant::avr::DenseLayer<In, Out>::template forward<Rounding, FusedReLU>(parameters.kernel, x, y);
      return;
    }
#endif
    portable_forward<Rounding, Reader>(parameters, x, y);
  }

  /// The same in portable C++, which every core but the AVR runs (and tests hold the AVR's against).
  template <class Rounding, class Reader>
  static void portable_forward(const Parameters& parameters, const int8_t* x, int8_t* y) {
    const int8_t zero_point = Reader::load(&parameters.output_zero_point);
    const int8_t low = lowest_output(zero_point);
    typedef quant::RowInputs<In, Reader> Inputs;
    const Inputs inputs(x);
    size_t o = 0;
    for (; Inputs::rows_at_once == 2 && o + 2 <= Out; o += 2) {  // where a core does two rows in one pass
      int32_t first = Reader::load(parameters.bias + o), second = Reader::load(parameters.bias + o + 1);
      inputs.add_two_rows_to(first, second, parameters.kernel + o * In);
      y[o] = output<Rounding, Reader>(parameters, o, first, zero_point, low);
      y[o + 1] = output<Rounding, Reader>(parameters, o + 1, second, zero_point, low);
    }
    for (; o < Out; ++o) {
      const int32_t accumulator = inputs.add_row_to(Reader::load(parameters.bias + o), parameters.kernel + o * In);
      y[o] = output<Rounding, Reader>(parameters, o, accumulator, zero_point, low);
    }
  }

 private:
  // Output o from its accumulator.
  template <class Rounding, class Reader>
  __attribute__((always_inline)) static int8_t output(const Parameters& parameters, size_t o, int32_t accumulator,
                                                      int8_t zero_point, int8_t low) {
    const int8_t shift = Reader::load(parameters.shift + o);
    // A ReLU clamps every accumulator <= 0 to `low`: without a left shift (which could wrap) such an
    // accumulator requantizes to <= 0, so its output is zero point or less, which the clamp raises to low.
    if (FusedReLU && accumulator <= 0 && shift <= 0) return low;
    return quant::requantize_to_int8<Rounding>(accumulator, Reader::load(parameters.multiplier + o), shift, zero_point,
                                               low);
  }
};

#if __cplusplus < 201703L
template <size_t In, size_t Out, bool R>
constexpr size_t Int8Dense<In, Out, R>::input_size;
template <size_t In, size_t Out, bool R>
constexpr size_t Int8Dense<In, Out, R>::output_size;
template <size_t In, size_t Out, bool R>
constexpr bool Int8Dense<In, Out, R>::fused_relu;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

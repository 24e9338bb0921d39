/// \file
/// HybridDense<In, Out, Inputs, FusedReLU>: TFLite's dynamic-range ("hybrid") FULLY_CONNECTED, what the
/// converter makes with Optimize.DEFAULT and no representative data: int8 weights (one scale for the
/// kernel) kept in flash, float inputs, outputs and biases. As TFLite's EvalHybrid computes it:
///   1. the input row quantized to int8 at run time:
///        SymmetricInputs   (TFLite's default) scale = max |x| / 127, q = round(x * 127 / max |x|) in
///                          [-127, 127], no offset (SymmetricQuantizeFloats, all in float);
///        AsymmetricInputs  (asymmetric_quantize_inputs) the range widened to 0, TFLite's
///                          zero-point choice in double, q = round(offset + x / scale) in [-128, 127]
///                          (AsymmetricQuantizeFloats);
///      a row of zeros gets scale 1 and all-zero q;
///   2. per output, dot = sum w q in int32 (less offset * sum w for asymmetric inputs);
///   3. y = bias + float(dot) * (input scale * weight scale), in float; a fused ReLU after.
/// Rounding is half away from zero, as TFLite's TfLiteRound. The asymmetric variant's scale and zero
/// point are computed in double, which is TFLite's arithmetic only where double has 64 bits: on an AVR,
/// whose double is a float, a row whose scale or zero point falls at a rounding boundary may get the
/// neighbouring one (rare; the symmetric variant is all float, and gives the same bits on every board). TFLite skips the
/// products of an all-zero row; they are all 0 here, which gives the same outputs.
#ifndef TINYMLP_QUANT_HYBRID_DENSE_HPP
#define TINYMLP_QUANT_HYBRID_DENSE_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "int8_dense.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// The parameter block of a HybridDense<In, Out>, in flash.
template <size_t In, size_t Out>
struct HybridDenseParameters {
  int8_t kernel[Out * In];  ///< [out][in], TFLite's order; symmetric, zero point 0.
  float weight_scale;       ///< The real value of one weight step.
  float bias[Out];          ///< Float biases.
};

namespace quant {

/// A float's bits.
inline uint32_t bits_of(float value) {
  uint32_t bits;
  __builtin_memcpy(&bits, &value, sizeof bits);
  return bits;
}

/// The float of the given bits.
inline float float_of_bits(uint32_t bits) {
  float value;
  __builtin_memcpy(&value, &bits, sizeof value);
  return value;
}

/// Rounding half away from zero, as roundf (std::round), of a value that is then clamped to int8: the
/// result is exact for |value| < 2^15, and beyond it (infinities and NaN too) a number of that
/// magnitude and the value's sign. Done on the float's bits: without an FPU, integer shifts cost a
/// fraction of a float-to-int conversion, its inverse and a float subtraction.
inline int32_t round_half_away(float value) {
  const uint32_t bits = bits_of(value);
  const uint8_t exponent = static_cast<uint8_t>(bits >> 23);  // the sign bit is shifted out of the byte
  if (exponent < 126) return 0;                               // |value| < 0.5
  int32_t magnitude = 1 << 15;
  if (exponent < 126 + 16) {
    // |value| = mantissa * 2^(exponent - 150), mantissa in [2^23, 2^24), exponent - 150 in [-24, -9]:
    // the mantissa shifted right by all but one of the dropped bits, plus 1, halved, rounds half up.
    const uint32_t mantissa = (bits & 0x7fffffu) | 0x800000u;
    const uint8_t shift = static_cast<uint8_t>(149 - exponent);  // all but one dropped bit
    magnitude = static_cast<int32_t>(((mantissa >> shift) + 1u) >> 1);
  }
  return (bits & 0x80000000u) ? -magnitude : magnitude;
}

/// The same for a double (for the asymmetric variant's zero point).
inline int32_t round_half_away(double value) {
  int32_t truncated = static_cast<int32_t>(value);
  const double dropped = value - static_cast<double>(truncated);
  return truncated + (dropped >= 0.5 ? 1 : dropped <= -0.5 ? -1 : 0);
}

/// TFLite's SymmetricQuantizeFloats: the int8 row q and its scale; offset 0.
struct SymmetricInputs {
  static constexpr bool has_offset = false;  ///< The zero point is always 0.

  /// Quantizes the In values of x into q; scale is the row's scale, offset its zero point (0).
  template <size_t In>
  static void quantize(const float* x, int8_t* q, float* scale, int32_t* offset) {
    // max(|min x|, |max x|) is the largest |x|: for floats other than NaN, the order of the magnitudes'
    // bits (sign cleared) is the order of the magnitudes, and integers compare faster without an FPU.
    uint32_t largest = 0;
    for (size_t i = 0; i < In; ++i) {
      const uint32_t magnitude = bits_of(x[i]) & 0x7fffffffu;
      if (magnitude > largest) largest = magnitude;
    }
    *offset = 0;
    const float range = float_of_bits(largest);
    if (range == 0.0f) {
      for (size_t i = 0; i < In; ++i) q[i] = 0;
      *scale = 1.0f;
      return;
    }
    *scale = range / 127.0f;
    const float inverse = 127.0f / range;
    for (size_t i = 0; i < In; ++i) {
      // A zero (as a ReLU leaves many) quantizes to 0 without the float product.
      if ((bits_of(x[i]) << 1) == 0) {
        q[i] = 0;
        continue;
      }
      const int32_t v = round_half_away(x[i] * inverse);
      q[i] = static_cast<int8_t>(v > 127 ? 127 : v < -127 ? -127 : v);
    }
  }
};

/// TFLite's AsymmetricQuantizeFloats: the int8 row q, its scale and its zero point (offset).
struct AsymmetricInputs {
  static constexpr bool has_offset = true;  ///< The zero point is the row's own.

  /// Quantizes the In values of x into q; scale is the row's scale, offset its zero point.
  template <size_t In>
  static void quantize(const float* x, int8_t* q, float* scale, int32_t* offset) {
    float low = x[0], high = x[0];
    for (size_t i = 1; i < In; ++i) {
      if (x[i] < low) low = x[i];
      if (x[i] > high) high = x[i];
    }
    const double real_low = static_cast<double>(low < 0.0f ? low : 0.0f);
    const double real_high = static_cast<double>(high > 0.0f ? high : 0.0f);
    if (real_low == real_high) {
      for (size_t i = 0; i < In; ++i) q[i] = 0;
      *scale = 1.0f;
      *offset = 0;
      return;
    }
    const double qmin = -128.0, qmax = 127.0;
    const double step = (real_high - real_low) / (qmax - qmin);
    const double zero_point_from_min = qmin - real_low / step;
    const double zero_point_from_max = qmax - real_high / step;
    const double error_from_min = fabs(qmin) + fabs(real_low / step);
    const double error_from_max = fabs(qmax) + fabs(real_high / step);
    const double zero_point = error_from_min < error_from_max ? zero_point_from_min : zero_point_from_max;
    *offset = zero_point <= qmin ? -128 : zero_point >= qmax ? 127 : round_half_away(zero_point);
    *scale = static_cast<float>(step);
    const float inverse = 1.0f / *scale;
    for (size_t i = 0; i < In; ++i) {
      const int32_t v = round_half_away(static_cast<float>(*offset) + x[i] * inverse);
      q[i] = static_cast<int8_t>(v > 127 ? 127 : v < -128 ? -128 : v);
    }
  }
};

}  // namespace quant

/// TFLite's hybrid FULLY_CONNECTED with In inputs and Out outputs (see the file's description): Inputs
/// is quant::SymmetricInputs or quant::AsymmetricInputs; FusedReLU clamps outputs at 0.
template <size_t In, size_t Out, class Inputs = quant::SymmetricInputs, bool FusedReLU = false>
struct HybridDense {
  static_assert(In > 0 && Out > 0, "HybridDense<In, Out> needs at least one input and one output");
  static constexpr size_t input_size = In;            ///< float values in.
  static constexpr size_t output_size = Out;          ///< float values out.
  static constexpr size_t scratch_bytes = In;         ///< The quantized input row, on the stack.
  typedef HybridDenseParameters<In, Out> Parameters;  ///< This layer's parameter block.

  /// Writes the Out outputs to `y` from the In inputs `x`, reading `parameters` through Reader.
  template <class Reader>
  static void forward(const Parameters& parameters, const float* x, float* y) {
    int8_t q[In];
    float input_scale = 1.0f;
    int32_t offset = 0;
    Inputs::template quantize<In>(x, q, &input_scale, &offset);
    const float scale = input_scale * Reader::load(&parameters.weight_scale);
    const int8_t* row = parameters.kernel;
    for (size_t o = 0; o < Out; ++o, row += In) {
      int32_t dot = quant::RowProducts<In, Reader, int8_t>::add_to(0, row, q);
      if (Inputs::has_offset) {
        int32_t row_sum = 0;
        for (size_t i = 0; i < In; ++i) row_sum += Reader::load(row + i);
        dot -= row_sum * offset;
      }
      const float value = Reader::load(parameters.bias + o) + static_cast<float>(dot) * scale;
      y[o] = FusedReLU && !(value > 0.0f) ? 0.0f : value;
    }
  }
};

#if __cplusplus < 201703L
template <size_t In, size_t Out, class I, bool R>
constexpr size_t HybridDense<In, Out, I, R>::input_size;
template <size_t In, size_t Out, class I, bool R>
constexpr size_t HybridDense<In, Out, I, R>::output_size;
template <size_t In, size_t Out, class I, bool R>
constexpr size_t HybridDense<In, Out, I, R>::scratch_bytes;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

// The rows of a float Dense layer on a Cortex-M4F, and the ReLU after it if there is one:
//   y[o] = bias[o] + kernel[o][0] x[0] + ... + kernel[o][In - 1] x[In - 1]   (then y[o] > 0 ? y[o] : 0)
// with every product fused into the sum (VFMA) in index order: the same floats as the portable
// kernel (Dense::forward_one_sample with detail/unrolled_dot.hpp) compiled with GCC's default
// -ffp-contract=fast, which fuses them the same way, and the ReLU's compare as ReLU::value's. For 8
// or 16 inputs they stay in FPU registers (s16 up) for all the rows, 8 rows at a time keep their sums
// in registers (s8-s15), each row's weights come 8 at a time with one VLDMIA and each product is one
// VFMA; for one input, 8 outputs at a time; for more than 16 inputs, two rows at a time share each
// load of 16 inputs. tests/board holds the kernels to the portable kernel's bits.
#ifndef TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4_HPP
#define TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4_HPP

#include "integers.hpp"

// Only where the portable kernel's products are fused: a strict ISO mode (-std=c++11) turns
// contraction off, and the portable kernel then rounds each product.
#if defined(__ARM_ARCH_7EM__) && defined(__ARM_FP) && defined(__ARM_FEATURE_FMA) && !defined(__STRICT_ANSI__)
#define TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4 1
#else
#define TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4 0
#endif

#if TINYMLP_DETAIL_DENSE_ROWS_CORTEX_M4
namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {
namespace cortex_m4 {

/// Which kernel DenseRows<In, Out, ...> runs: none (the portable one serves), the inputs held in
/// registers for all the rows (8 or 16 inputs), one input (8 outputs at a time), or long rows (two at a time).
enum DenseRowsKind { no_dense_rows, inputs_in_registers, one_input, long_rows };
template <size_t In, size_t Out>
struct DenseRowsKindOf {
  static const DenseRowsKind value = In == 16 || In == 8       ? inputs_in_registers
                                     : In == 1 && Out % 8 == 0 ? one_input
                                     : In > 16                 ? long_rows
                                                               : no_dense_rows;
};

/// Whether DenseRows<In, Out, ...> has a kernel here (else the portable one serves).
template <size_t In, size_t Out>
struct HasDenseRows {
  static const bool value = DenseRowsKindOf<In, Out>::value != no_dense_rows;
};

// clang-format off
// Stores the 8 sums in s8-s15 at %[y] (advanced past them), with the ReLU if %c[relu] (%[a] to %[d]:
// scratch registers). Where no sum is a NaN (their sum is not), each one with its sign bit set (-0
// too) becomes +0 by its bits before the store; else, after it, each stored one not above zero (by its
// bits: not in (0, +infinity]) becomes +0, as ReLU::value makes it.
#define TINYMLP_DETAIL_STORE_8_SUMS                    \
  ".if %c[relu]\n\t"                                   \
  "vadd.f32 s0, s8, s9\n\t"                            \
  "vadd.f32 s0, s0, s10\n\t"                           \
  "vadd.f32 s0, s0, s11\n\t"                           \
  "vadd.f32 s0, s0, s12\n\t"                           \
  "vadd.f32 s0, s0, s13\n\t"                           \
  "vadd.f32 s0, s0, s14\n\t"                           \
  "vadd.f32 s0, s0, s15\n\t"                           \
  "vcmp.f32 s0, s0\n\t"                                \
  "vmrs APSR_nzcv, fpscr\n\t"                          \
  "bvs 2f\n\t"                                         \
  ".irp pair, \"s8, s9\", \"s10, s11\", \"s12, s13\", \"s14, s15\"\n\t" \
  "vmov %[a], %[b], \\pair\n\t"                        \
  "bic %[a], %[a], %[a], asr #31\n\t"                  \
  "bic %[b], %[b], %[b], asr #31\n\t"                  \
  "vmov \\pair, %[a], %[b]\n\t"                        \
  ".endr\n"                                            \
  "2:\n\t"                                             \
  ".endif\n\t"                                         \
  "vstmia %[y]!, {s8-s15}\n\t"                         \
  ".if %c[relu]\n\t"                                   \
  "bvc 3f\n\t"                                         \
  "sub %[a], %[y], #32\n\t"                            \
  "mov %[c], #8\n\t"                                   \
  "4:\n\t"                                             \
  "ldr %[b], [%[a]]\n\t"                               \
  "sub %[d], %[b], #1\n\t"                             \
  "cmp %[d], #0x7f800000\n\t"                          \
  "it cs\n\t"                                          \
  "movcs %[b], #0\n\t"                                 \
  "str %[b], [%[a]], #4\n\t"                           \
  "subs %[c], #1\n\t"                                  \
  "bne 4b\n"                                           \
  "3:\n\t"                                             \
  ".endif\n\t"
// The ReLU on one sum (zero: a register holding +0): not above zero (NaN too) becomes +0.
#define TINYMLP_DETAIL_RELU_ON_ONE_SUM(sum, zero) \
  "vcmpe.f32 " sum ", #0.0\n\t"                  \
  "vmrs APSR_nzcv, fpscr\n\t"                     \
  "it le\n\t"                                     \
  "vmovle.f32 " sum ", " zero "\n\t"
// The %c[in] (8 or 16) inputs at %[x] into s16 up.
#define TINYMLP_DETAIL_LOAD_HELD_INPUTS \
  ".if %c[in] == 16\n\t"              \
  "vldmia %[x], {s16-s31}\n\t"        \
  ".else\n\t"                         \
  "vldmia %[x], {s16-s23}\n\t"        \
  ".endif\n"
// sum += the products of the row at %[w] (advanced past it, 8 weights at a time in s0-s7) with the
// inputs held in s16 up, in index order.
#define TINYMLP_DETAIL_ADD_ROW_OF_HELD_INPUTS(sum) \
  "vldmia %[w]!, {s0-s7}\n\t"                    \
  "vfma.f32 " sum ", s0, s16\n\t"                \
  "vfma.f32 " sum ", s1, s17\n\t"                \
  "vfma.f32 " sum ", s2, s18\n\t"                \
  "vfma.f32 " sum ", s3, s19\n\t"                \
  "vfma.f32 " sum ", s4, s20\n\t"                \
  "vfma.f32 " sum ", s5, s21\n\t"                \
  "vfma.f32 " sum ", s6, s22\n\t"                \
  "vfma.f32 " sum ", s7, s23\n\t"                \
  ".if %c[in] == 16\n\t"                         \
  "vldmia %[w]!, {s0-s7}\n\t"                    \
  "vfma.f32 " sum ", s0, s24\n\t"                \
  "vfma.f32 " sum ", s1, s25\n\t"                \
  "vfma.f32 " sum ", s2, s26\n\t"                \
  "vfma.f32 " sum ", s3, s27\n\t"                \
  "vfma.f32 " sum ", s4, s28\n\t"                \
  "vfma.f32 " sum ", s5, s29\n\t"                \
  "vfma.f32 " sum ", s6, s30\n\t"                \
  "vfma.f32 " sum ", s7, s31\n\t"                \
  ".endif\n\t"
// clang-format on

/// y[o] = bias[o] + the fused products of row o of `kernel` ([Out][In]) with x, each clamped at 0
/// with ReLU: run() where HasDenseRows, else nothing (the portable kernel serves).
template <size_t In, size_t Out, bool ReLU, DenseRowsKind Kind = DenseRowsKindOf<In, Out>::value>
struct DenseRows {
  static void run(const float*, const float*, const float*, float*) {}
};

// 8 or 16 inputs, held in s16 up for all the rows: 8 rows at a time, then the rest one by one.
template <size_t In, size_t Out, bool ReLU>
struct DenseRows<In, Out, ReLU, inputs_in_registers> {
  __attribute__((noinline)) static void run(const float* kernel, const float* bias, const float* x, float* y) {
    const float* w = kernel;
    const float* b = bias;
    float* out = y;
    uint32_t a, b2, c, d;  // scratch
    unsigned count = Out / 8;
    if (count > 0)  // 8 rows at a time: their biases and sums in s8-s15
      __asm__(TINYMLP_DETAIL_LOAD_HELD_INPUTS
              "1:\n\t"
              "vldmia %[bias]!, {s8-s15}\n\t"
              ".irp sum, 8, 9, 10, 11, 12, 13, 14, 15\n\t" TINYMLP_DETAIL_ADD_ROW_OF_HELD_INPUTS(
                  "s\\sum") ".endr\n\t" TINYMLP_DETAIL_STORE_8_SUMS
                            "subs %[count], #1\n\t"
                            "bne 1b"
              : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2),
                [c] "=&r"(c), [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
              : [x] "r"(x), "m"(*reinterpret_cast<const float(*)[In]>(x)),
                "m"(*reinterpret_cast<const float(*)[In * Out]>(kernel)),
                "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [in] "n"(In)
              : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15",
                "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30",
                "s31", "cc");
    count = Out % 8;
    if (count > 0)  // the rest one by one
      __asm__(
          TINYMLP_DETAIL_LOAD_HELD_INPUTS
          "1:\n\t"
          "vldmia %[bias]!, {s8}\n\t"
          TINYMLP_DETAIL_ADD_ROW_OF_HELD_INPUTS("s8")
          ".if %c[relu]\n\t"
          "vmov s0, %[zero]\n\t" TINYMLP_DETAIL_RELU_ON_ONE_SUM("s8", "s0") ".endif\n\t"
          "vstmia %[y]!, {s8}\n\t"
          "subs %[count], #1\n\t"
          "bne 1b"
          : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), "=m"(*reinterpret_cast<float(*)[Out]>(y))
          : [x] "r"(x), "m"(*reinterpret_cast<const float(*)[In]>(x)),
            "m"(*reinterpret_cast<const float(*)[In * Out]>(kernel)),
            "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [in] "n"(In), [zero] "r"(0u)
          : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
            "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31",
            "cc");
  }
};

// One input: y = bias + kernel x, 8 outputs at a time.
template <size_t Out, bool ReLU>
struct DenseRows<1, Out, ReLU, one_input> {
  __attribute__((noinline)) static void run(const float* kernel, const float* bias, const float* x, float* y) {
    const float* w = kernel;
    const float* b = bias;
    float* out = y;
    uint32_t a, b2, c, d;  // scratch
    unsigned count = Out / 8;
    __asm__(
        "1:\n\t"
        "vldmia %[w]!, {s0-s7}\n\t"
        "vldmia %[bias]!, {s8-s15}\n\t"
        "vfma.f32 s8, %[x], s0\n\t"
        "vfma.f32 s9, %[x], s1\n\t"
        "vfma.f32 s10, %[x], s2\n\t"
        "vfma.f32 s11, %[x], s3\n\t"
        "vfma.f32 s12, %[x], s4\n\t"
        "vfma.f32 s13, %[x], s5\n\t"
        "vfma.f32 s14, %[x], s6\n\t"
        "vfma.f32 s15, %[x], s7\n\t" TINYMLP_DETAIL_STORE_8_SUMS
        "subs %[count], #1\n\t"
        "bne 1b"
        : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2), [c] "=&r"(c),
          [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
        : [x] "w"(*x), "m"(*reinterpret_cast<const float(*)[Out]>(kernel)),
          "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0)
        : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "cc");
  }
};

// Long rows (more than 16 inputs): two rows at a time, their sums in s8 and s9, each 16 inputs loaded
// once for both (s10-s17 and s20-s27) and each row's weights 8 at a time (s0-s7); then 8 inputs, then
// the last In % 8 one by one; an odd last row alone.
template <size_t In, size_t Out, bool ReLU>
struct DenseRows<In, Out, ReLU, long_rows> {
  __attribute__((noinline)) static void run(const float* kernel, const float* bias, const float* x, float* y) {
    size_t o = 0;
    for (; o + 2 <= Out; o += 2) rows<2>(kernel + o * In, bias + o, x, y + o);
    if (Out % 2 != 0) rows<1>(kernel + o * In, bias + o, x, y + o);
  }

 private:
  // sum += the products of the next 8 weights at `weights` (loaded into s0-s7, the pointer advanced)
  // with 8 inputs, in s<digit>0 to s<digit>7.
#define TINYMLP_DETAIL_FMA_8_WEIGHTS(weights, sum, digit) \
  "vldmia " weights                                       \
  "!, {s0-s7}\n\t"                                        \
  ".irp i, 0, 1, 2, 3, 4, 5, 6, 7\n\t"                    \
  "vfma.f32 " sum ", s\\i, s" digit                       \
  "\\i\n\t"                                               \
  ".endr\n\t"
  template <size_t Rows>
  __attribute__((always_inline)) static void rows(const float* kernel, const float* bias, const float* x, float* y) {
    const float* w0 = kernel;
    const float* w1 = kernel + In;
    const float* inputs = x;
    unsigned count = In / 16;
    __asm__(
        "vldr.32 s8, [%[bias]]\n\t"
        ".if %c[rows] == 2\n\t"
        "vldr.32 s9, [%[bias], #4]\n\t"
        ".endif\n\t"
        "1:\n\t"
        "vldmia %[x]!, {s10-s17}\n\t"
        "vldmia %[x]!, {s20-s27}\n\t"
        TINYMLP_DETAIL_FMA_8_WEIGHTS("%[w0]", "s8", "1") TINYMLP_DETAIL_FMA_8_WEIGHTS("%[w0]", "s8", "2")
        ".if %c[rows] == 2\n\t"
        TINYMLP_DETAIL_FMA_8_WEIGHTS("%[w1]", "s9", "1") TINYMLP_DETAIL_FMA_8_WEIGHTS("%[w1]", "s9", "2")
        ".endif\n\t"
        "subs %[count], #1\n\t"
        "bne 1b\n\t"
        ".if %c[in] %% 16 >= 8\n\t"
        "vldmia %[x]!, {s10-s17}\n\t"
        TINYMLP_DETAIL_FMA_8_WEIGHTS("%[w0]", "s8", "1")
        ".if %c[rows] == 2\n\t"
        TINYMLP_DETAIL_FMA_8_WEIGHTS("%[w1]", "s9", "1")
        ".endif\n\t"
        ".endif\n\t"
        ".rept %c[in] %% 8\n\t"
        "vldmia %[x]!, {s10}\n\t"
        "vldmia %[w0]!, {s0}\n\t"
        "vfma.f32 s8, s0, s10\n\t"
        ".if %c[rows] == 2\n\t"
        "vldmia %[w1]!, {s1}\n\t"
        "vfma.f32 s9, s1, s10\n\t"
        ".endif\n\t"
        ".endr\n\t"
        ".if %c[relu]\n\t"
        "vmov s0, %[zero]\n\t" TINYMLP_DETAIL_RELU_ON_ONE_SUM("s8", "s0")
        ".if %c[rows] == 2\n\t" TINYMLP_DETAIL_RELU_ON_ONE_SUM("s9", "s0") ".endif\n\t"
        ".endif\n\t"
        "vstr.32 s8, [%[y]]\n\t"
        ".if %c[rows] == 2\n\t"
        "vstr.32 s9, [%[y], #4]\n\t"
        ".endif"
        : [w0] "+r"(w0), [w1] "+r"(w1), [x] "+r"(inputs), [count] "+r"(count),
          "=m"(*reinterpret_cast<float(*)[Rows]>(y))
        : [y] "r"(y), "m"(*reinterpret_cast<const float(*)[In]>(x)),
          "m"(*reinterpret_cast<const float(*)[In * Rows]>(kernel)), "m"(*reinterpret_cast<const float(*)[Rows]>(bias)),
          [bias] "r"(bias), [relu] "n"(ReLU ? 1 : 0), [in] "n"(In), [rows] "n"(Rows), [zero] "r"(0u)
        : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
          "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "cc");
  }
#undef TINYMLP_DETAIL_FMA_8_WEIGHTS
};

#undef TINYMLP_DETAIL_STORE_8_SUMS
#undef TINYMLP_DETAIL_LOAD_HELD_INPUTS
#undef TINYMLP_DETAIL_ADD_ROW_OF_HELD_INPUTS
#undef TINYMLP_DETAIL_RELU_ON_ONE_SUM

}  // namespace cortex_m4
}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp
#endif

#endif

// The rows of a float Dense layer on a Cortex-M4F, and the ReLU after it if there is one:
//   y[o] = bias[o] + kernel[o][0] x[0] + ... + kernel[o][In - 1] x[In - 1]   (then y[o] > 0 ? y[o] : 0)
// with every product fused into the sum (VFMA) in index order: the same floats as the portable
// kernel (Dense::forward_one_sample with detail/unrolled_dot.hpp) compiled with GCC's default
// -ffp-contract=fast, which fuses them the same way, and the ReLU's compare as ReLU::value's. For 8
// or 16 inputs they stay in FPU registers (s16 up) for all the rows, 8 rows at a time keep their sums
// in registers (s8-s15), each row's weights come 8 at a time with one VLDMIA and each product is one
// VFMA; for one input, 8 outputs at a time. tests/board holds both kernels to the same bits.
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

/// Whether DenseRows<In, Out, ...> has a kernel here (else the portable one serves).
template <size_t In, size_t Out>
struct HasDenseRows {
  static const bool value = In == 16 || In == 8 || (In == 1 && Out % 8 == 0);
};

/// y[o] = bias[o] + the fused products of row o of `kernel` ([Out][In]) with x, each clamped at 0
/// with ReLU: run() where HasDenseRows, else nothing (the portable kernel serves).
template <size_t In, size_t Out, bool ReLU, bool Has = HasDenseRows<In, Out>::value>
struct DenseRows {
  static void run(const float*, const float*, const float*, float*) {}
};

template <size_t Out, bool ReLU>
struct DenseRows<16, Out, ReLU, true> {
  __attribute__((noinline)) static void run(const float* kernel, const float* bias, const float* x, float* y) {
    const float* w = kernel;
    const float* b = bias;
    float* out = y;
    uint32_t a, b2, c, d;  // scratch
    unsigned count = Out / 8;
    if (count > 0)  // 8 rows at a time: their biases and sums in s8-s15
      __asm__(
          "vldmia %[x], {s16-s31}\n\t"
          "1:\n\t"
          "vldmia %[bias]!, {s8-s15}\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s8, s0, s16\n\t"
          "vfma.f32 s8, s1, s17\n\t"
          "vfma.f32 s8, s2, s18\n\t"
          "vfma.f32 s8, s3, s19\n\t"
          "vfma.f32 s8, s4, s20\n\t"
          "vfma.f32 s8, s5, s21\n\t"
          "vfma.f32 s8, s6, s22\n\t"
          "vfma.f32 s8, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s8, s0, s24\n\t"
          "vfma.f32 s8, s1, s25\n\t"
          "vfma.f32 s8, s2, s26\n\t"
          "vfma.f32 s8, s3, s27\n\t"
          "vfma.f32 s8, s4, s28\n\t"
          "vfma.f32 s8, s5, s29\n\t"
          "vfma.f32 s8, s6, s30\n\t"
          "vfma.f32 s8, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s9, s0, s16\n\t"
          "vfma.f32 s9, s1, s17\n\t"
          "vfma.f32 s9, s2, s18\n\t"
          "vfma.f32 s9, s3, s19\n\t"
          "vfma.f32 s9, s4, s20\n\t"
          "vfma.f32 s9, s5, s21\n\t"
          "vfma.f32 s9, s6, s22\n\t"
          "vfma.f32 s9, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s9, s0, s24\n\t"
          "vfma.f32 s9, s1, s25\n\t"
          "vfma.f32 s9, s2, s26\n\t"
          "vfma.f32 s9, s3, s27\n\t"
          "vfma.f32 s9, s4, s28\n\t"
          "vfma.f32 s9, s5, s29\n\t"
          "vfma.f32 s9, s6, s30\n\t"
          "vfma.f32 s9, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s10, s0, s16\n\t"
          "vfma.f32 s10, s1, s17\n\t"
          "vfma.f32 s10, s2, s18\n\t"
          "vfma.f32 s10, s3, s19\n\t"
          "vfma.f32 s10, s4, s20\n\t"
          "vfma.f32 s10, s5, s21\n\t"
          "vfma.f32 s10, s6, s22\n\t"
          "vfma.f32 s10, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s10, s0, s24\n\t"
          "vfma.f32 s10, s1, s25\n\t"
          "vfma.f32 s10, s2, s26\n\t"
          "vfma.f32 s10, s3, s27\n\t"
          "vfma.f32 s10, s4, s28\n\t"
          "vfma.f32 s10, s5, s29\n\t"
          "vfma.f32 s10, s6, s30\n\t"
          "vfma.f32 s10, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s11, s0, s16\n\t"
          "vfma.f32 s11, s1, s17\n\t"
          "vfma.f32 s11, s2, s18\n\t"
          "vfma.f32 s11, s3, s19\n\t"
          "vfma.f32 s11, s4, s20\n\t"
          "vfma.f32 s11, s5, s21\n\t"
          "vfma.f32 s11, s6, s22\n\t"
          "vfma.f32 s11, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s11, s0, s24\n\t"
          "vfma.f32 s11, s1, s25\n\t"
          "vfma.f32 s11, s2, s26\n\t"
          "vfma.f32 s11, s3, s27\n\t"
          "vfma.f32 s11, s4, s28\n\t"
          "vfma.f32 s11, s5, s29\n\t"
          "vfma.f32 s11, s6, s30\n\t"
          "vfma.f32 s11, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s12, s0, s16\n\t"
          "vfma.f32 s12, s1, s17\n\t"
          "vfma.f32 s12, s2, s18\n\t"
          "vfma.f32 s12, s3, s19\n\t"
          "vfma.f32 s12, s4, s20\n\t"
          "vfma.f32 s12, s5, s21\n\t"
          "vfma.f32 s12, s6, s22\n\t"
          "vfma.f32 s12, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s12, s0, s24\n\t"
          "vfma.f32 s12, s1, s25\n\t"
          "vfma.f32 s12, s2, s26\n\t"
          "vfma.f32 s12, s3, s27\n\t"
          "vfma.f32 s12, s4, s28\n\t"
          "vfma.f32 s12, s5, s29\n\t"
          "vfma.f32 s12, s6, s30\n\t"
          "vfma.f32 s12, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s13, s0, s16\n\t"
          "vfma.f32 s13, s1, s17\n\t"
          "vfma.f32 s13, s2, s18\n\t"
          "vfma.f32 s13, s3, s19\n\t"
          "vfma.f32 s13, s4, s20\n\t"
          "vfma.f32 s13, s5, s21\n\t"
          "vfma.f32 s13, s6, s22\n\t"
          "vfma.f32 s13, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s13, s0, s24\n\t"
          "vfma.f32 s13, s1, s25\n\t"
          "vfma.f32 s13, s2, s26\n\t"
          "vfma.f32 s13, s3, s27\n\t"
          "vfma.f32 s13, s4, s28\n\t"
          "vfma.f32 s13, s5, s29\n\t"
          "vfma.f32 s13, s6, s30\n\t"
          "vfma.f32 s13, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s14, s0, s16\n\t"
          "vfma.f32 s14, s1, s17\n\t"
          "vfma.f32 s14, s2, s18\n\t"
          "vfma.f32 s14, s3, s19\n\t"
          "vfma.f32 s14, s4, s20\n\t"
          "vfma.f32 s14, s5, s21\n\t"
          "vfma.f32 s14, s6, s22\n\t"
          "vfma.f32 s14, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s14, s0, s24\n\t"
          "vfma.f32 s14, s1, s25\n\t"
          "vfma.f32 s14, s2, s26\n\t"
          "vfma.f32 s14, s3, s27\n\t"
          "vfma.f32 s14, s4, s28\n\t"
          "vfma.f32 s14, s5, s29\n\t"
          "vfma.f32 s14, s6, s30\n\t"
          "vfma.f32 s14, s7, s31\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s15, s0, s16\n\t"
          "vfma.f32 s15, s1, s17\n\t"
          "vfma.f32 s15, s2, s18\n\t"
          "vfma.f32 s15, s3, s19\n\t"
          "vfma.f32 s15, s4, s20\n\t"
          "vfma.f32 s15, s5, s21\n\t"
          "vfma.f32 s15, s6, s22\n\t"
          "vfma.f32 s15, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s15, s0, s24\n\t"
          "vfma.f32 s15, s1, s25\n\t"
          "vfma.f32 s15, s2, s26\n\t"
          "vfma.f32 s15, s3, s27\n\t"
          "vfma.f32 s15, s4, s28\n\t"
          "vfma.f32 s15, s5, s29\n\t"
          "vfma.f32 s15, s6, s30\n\t"
          "vfma.f32 s15, s7, s31\n\t"
          ".if %c[relu]\n\t"
          "vadd.f32 s0, s8, s9\n\t"
          "vadd.f32 s0, s0, s10\n\t"
          "vadd.f32 s0, s0, s11\n\t"
          "vadd.f32 s0, s0, s12\n\t"
          "vadd.f32 s0, s0, s13\n\t"
          "vadd.f32 s0, s0, s14\n\t"
          "vadd.f32 s0, s0, s15\n\t"
          "vcmp.f32 s0, s0\n\t"
          "vmrs APSR_nzcv, fpscr\n\t"
          "bvs 2f\n\t"
          "vmov %[a], %[b], s8, s9\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s8, s9, %[a], %[b]\n\t"
          "vmov %[a], %[b], s10, s11\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s10, s11, %[a], %[b]\n\t"
          "vmov %[a], %[b], s12, s13\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s12, s13, %[a], %[b]\n\t"
          "vmov %[a], %[b], s14, s15\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s14, s15, %[a], %[b]\n\t"
          "2:\n\t"
          ".endif\n\t"
          "vstmia %[y]!, {s8-s15}\n\t"
          ".if %c[relu]\n\t"
          "bvc 3f\n\t"
          "sub %[a], %[y], #32\n\t"
          "mov %[c], #8\n\t"
          "4:\n\t"
          "ldr %[b], [%[a]]\n\t"
          "sub %[d], %[b], #1\n\t"
          "cmp %[d], #0x7f800000\n\t"
          "it cs\n\t"
          "movcs %[b], #0\n\t"
          "str %[b], [%[a]], #4\n\t"
          "subs %[c], #1\n\t"
          "bne 4b\n\t"
          "3:\n\t"
          ".endif\n\t"
          "subs %[count], #1\n\t"
          "bne 1b"
          : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2), [c] "=&r"(c),
            [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
          : [x] "r"(x), "m"(*reinterpret_cast<const float(*)[16]>(x)),
            "m"(*reinterpret_cast<const float(*)[16 * Out]>(kernel)),
            "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [zero] "r"(0u)
          : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
            "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31",
            "cc");
    count = Out % 8;
    if (count > 0)  // the rest one by one
      __asm__(
          "vldmia %[x], {s16-s31}\n\t"
          "1:\n\t"
          "vldmia %[bias]!, {s8}\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s8, s0, s16\n\t"
          "vfma.f32 s8, s1, s17\n\t"
          "vfma.f32 s8, s2, s18\n\t"
          "vfma.f32 s8, s3, s19\n\t"
          "vfma.f32 s8, s4, s20\n\t"
          "vfma.f32 s8, s5, s21\n\t"
          "vfma.f32 s8, s6, s22\n\t"
          "vfma.f32 s8, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s8, s0, s24\n\t"
          "vfma.f32 s8, s1, s25\n\t"
          "vfma.f32 s8, s2, s26\n\t"
          "vfma.f32 s8, s3, s27\n\t"
          "vfma.f32 s8, s4, s28\n\t"
          "vfma.f32 s8, s5, s29\n\t"
          "vfma.f32 s8, s6, s30\n\t"
          "vfma.f32 s8, s7, s31\n\t"
          ".if %c[relu]\n\t"
          "vmov s0, %[zero]\n\t"
          "vcmpe.f32 s8, #0.0\n\t"
          "vmrs APSR_nzcv, fpscr\n\t"
          "it le\n\t"
          "vmovle.f32 s8, s0\n\t"
          ".endif\n\t"
          "vstmia %[y]!, {s8}\n\t"
          "subs %[count], #1\n\t"
          "bne 1b"
          : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2), [c] "=&r"(c),
            [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
          : [x] "r"(x), "m"(*reinterpret_cast<const float(*)[16]>(x)),
            "m"(*reinterpret_cast<const float(*)[16 * Out]>(kernel)),
            "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [zero] "r"(0u)
          : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
            "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31",
            "cc");
  }
};

template <size_t Out, bool ReLU>
struct DenseRows<8, Out, ReLU, true> {
  __attribute__((noinline)) static void run(const float* kernel, const float* bias, const float* x, float* y) {
    const float* w = kernel;
    const float* b = bias;
    float* out = y;
    uint32_t a, b2, c, d;  // scratch
    unsigned count = Out / 8;
    if (count > 0)  // 8 rows at a time: their biases and sums in s8-s15
      __asm__(
          "vldmia %[x], {s16-s23}\n\t"
          "1:\n\t"
          "vldmia %[bias]!, {s8-s15}\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s8, s0, s16\n\t"
          "vfma.f32 s8, s1, s17\n\t"
          "vfma.f32 s8, s2, s18\n\t"
          "vfma.f32 s8, s3, s19\n\t"
          "vfma.f32 s8, s4, s20\n\t"
          "vfma.f32 s8, s5, s21\n\t"
          "vfma.f32 s8, s6, s22\n\t"
          "vfma.f32 s8, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s9, s0, s16\n\t"
          "vfma.f32 s9, s1, s17\n\t"
          "vfma.f32 s9, s2, s18\n\t"
          "vfma.f32 s9, s3, s19\n\t"
          "vfma.f32 s9, s4, s20\n\t"
          "vfma.f32 s9, s5, s21\n\t"
          "vfma.f32 s9, s6, s22\n\t"
          "vfma.f32 s9, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s10, s0, s16\n\t"
          "vfma.f32 s10, s1, s17\n\t"
          "vfma.f32 s10, s2, s18\n\t"
          "vfma.f32 s10, s3, s19\n\t"
          "vfma.f32 s10, s4, s20\n\t"
          "vfma.f32 s10, s5, s21\n\t"
          "vfma.f32 s10, s6, s22\n\t"
          "vfma.f32 s10, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s11, s0, s16\n\t"
          "vfma.f32 s11, s1, s17\n\t"
          "vfma.f32 s11, s2, s18\n\t"
          "vfma.f32 s11, s3, s19\n\t"
          "vfma.f32 s11, s4, s20\n\t"
          "vfma.f32 s11, s5, s21\n\t"
          "vfma.f32 s11, s6, s22\n\t"
          "vfma.f32 s11, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s12, s0, s16\n\t"
          "vfma.f32 s12, s1, s17\n\t"
          "vfma.f32 s12, s2, s18\n\t"
          "vfma.f32 s12, s3, s19\n\t"
          "vfma.f32 s12, s4, s20\n\t"
          "vfma.f32 s12, s5, s21\n\t"
          "vfma.f32 s12, s6, s22\n\t"
          "vfma.f32 s12, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s13, s0, s16\n\t"
          "vfma.f32 s13, s1, s17\n\t"
          "vfma.f32 s13, s2, s18\n\t"
          "vfma.f32 s13, s3, s19\n\t"
          "vfma.f32 s13, s4, s20\n\t"
          "vfma.f32 s13, s5, s21\n\t"
          "vfma.f32 s13, s6, s22\n\t"
          "vfma.f32 s13, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s14, s0, s16\n\t"
          "vfma.f32 s14, s1, s17\n\t"
          "vfma.f32 s14, s2, s18\n\t"
          "vfma.f32 s14, s3, s19\n\t"
          "vfma.f32 s14, s4, s20\n\t"
          "vfma.f32 s14, s5, s21\n\t"
          "vfma.f32 s14, s6, s22\n\t"
          "vfma.f32 s14, s7, s23\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s15, s0, s16\n\t"
          "vfma.f32 s15, s1, s17\n\t"
          "vfma.f32 s15, s2, s18\n\t"
          "vfma.f32 s15, s3, s19\n\t"
          "vfma.f32 s15, s4, s20\n\t"
          "vfma.f32 s15, s5, s21\n\t"
          "vfma.f32 s15, s6, s22\n\t"
          "vfma.f32 s15, s7, s23\n\t"
          ".if %c[relu]\n\t"
          "vadd.f32 s0, s8, s9\n\t"
          "vadd.f32 s0, s0, s10\n\t"
          "vadd.f32 s0, s0, s11\n\t"
          "vadd.f32 s0, s0, s12\n\t"
          "vadd.f32 s0, s0, s13\n\t"
          "vadd.f32 s0, s0, s14\n\t"
          "vadd.f32 s0, s0, s15\n\t"
          "vcmp.f32 s0, s0\n\t"
          "vmrs APSR_nzcv, fpscr\n\t"
          "bvs 2f\n\t"
          "vmov %[a], %[b], s8, s9\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s8, s9, %[a], %[b]\n\t"
          "vmov %[a], %[b], s10, s11\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s10, s11, %[a], %[b]\n\t"
          "vmov %[a], %[b], s12, s13\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s12, s13, %[a], %[b]\n\t"
          "vmov %[a], %[b], s14, s15\n\t"
          "bic %[a], %[a], %[a], asr #31\n\t"
          "bic %[b], %[b], %[b], asr #31\n\t"
          "vmov s14, s15, %[a], %[b]\n\t"
          "2:\n\t"
          ".endif\n\t"
          "vstmia %[y]!, {s8-s15}\n\t"
          ".if %c[relu]\n\t"
          "bvc 3f\n\t"
          "sub %[a], %[y], #32\n\t"
          "mov %[c], #8\n\t"
          "4:\n\t"
          "ldr %[b], [%[a]]\n\t"
          "sub %[d], %[b], #1\n\t"
          "cmp %[d], #0x7f800000\n\t"
          "it cs\n\t"
          "movcs %[b], #0\n\t"
          "str %[b], [%[a]], #4\n\t"
          "subs %[c], #1\n\t"
          "bne 4b\n\t"
          "3:\n\t"
          ".endif\n\t"
          "subs %[count], #1\n\t"
          "bne 1b"
          : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2), [c] "=&r"(c),
            [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
          : [x] "r"(x), "m"(*reinterpret_cast<const float(*)[8]>(x)),
            "m"(*reinterpret_cast<const float(*)[8 * Out]>(kernel)),
            "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [zero] "r"(0u)
          : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
            "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31",
            "cc");
    count = Out % 8;
    if (count > 0)  // the rest one by one
      __asm__(
          "vldmia %[x], {s16-s23}\n\t"
          "1:\n\t"
          "vldmia %[bias]!, {s8}\n\t"
          "vldmia %[w]!, {s0-s7}\n\t"
          "vfma.f32 s8, s0, s16\n\t"
          "vfma.f32 s8, s1, s17\n\t"
          "vfma.f32 s8, s2, s18\n\t"
          "vfma.f32 s8, s3, s19\n\t"
          "vfma.f32 s8, s4, s20\n\t"
          "vfma.f32 s8, s5, s21\n\t"
          "vfma.f32 s8, s6, s22\n\t"
          "vfma.f32 s8, s7, s23\n\t"
          ".if %c[relu]\n\t"
          "vmov s0, %[zero]\n\t"
          "vcmpe.f32 s8, #0.0\n\t"
          "vmrs APSR_nzcv, fpscr\n\t"
          "it le\n\t"
          "vmovle.f32 s8, s0\n\t"
          ".endif\n\t"
          "vstmia %[y]!, {s8}\n\t"
          "subs %[count], #1\n\t"
          "bne 1b"
          : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2), [c] "=&r"(c),
            [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
          : [x] "r"(x), "m"(*reinterpret_cast<const float(*)[8]>(x)),
            "m"(*reinterpret_cast<const float(*)[8 * Out]>(kernel)),
            "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [zero] "r"(0u)
          : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
            "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31",
            "cc");
  }
};

// One input: y = bias + kernel x, 8 outputs at a time.
template <size_t Out, bool ReLU>
struct DenseRows<1, Out, ReLU, true> {
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
        "vfma.f32 s15, %[x], s7\n\t"
        ".if %c[relu]\n\t"
        "vadd.f32 s0, s8, s9\n\t"
        "vadd.f32 s0, s0, s10\n\t"
        "vadd.f32 s0, s0, s11\n\t"
        "vadd.f32 s0, s0, s12\n\t"
        "vadd.f32 s0, s0, s13\n\t"
        "vadd.f32 s0, s0, s14\n\t"
        "vadd.f32 s0, s0, s15\n\t"
        "vcmp.f32 s0, s0\n\t"
        "vmrs APSR_nzcv, fpscr\n\t"
        "bvs 2f\n\t"
        "vmov %[a], %[b], s8, s9\n\t"
        "bic %[a], %[a], %[a], asr #31\n\t"
        "bic %[b], %[b], %[b], asr #31\n\t"
        "vmov s8, s9, %[a], %[b]\n\t"
        "vmov %[a], %[b], s10, s11\n\t"
        "bic %[a], %[a], %[a], asr #31\n\t"
        "bic %[b], %[b], %[b], asr #31\n\t"
        "vmov s10, s11, %[a], %[b]\n\t"
        "vmov %[a], %[b], s12, s13\n\t"
        "bic %[a], %[a], %[a], asr #31\n\t"
        "bic %[b], %[b], %[b], asr #31\n\t"
        "vmov s12, s13, %[a], %[b]\n\t"
        "vmov %[a], %[b], s14, s15\n\t"
        "bic %[a], %[a], %[a], asr #31\n\t"
        "bic %[b], %[b], %[b], asr #31\n\t"
        "vmov s14, s15, %[a], %[b]\n\t"
        "2:\n\t"
        ".endif\n\t"
        "vstmia %[y]!, {s8-s15}\n\t"
        ".if %c[relu]\n\t"
        "bvc 3f\n\t"
        "sub %[a], %[y], #32\n\t"
        "mov %[c], #8\n\t"
        "4:\n\t"
        "ldr %[b], [%[a]]\n\t"
        "sub %[d], %[b], #1\n\t"
        "cmp %[d], #0x7f800000\n\t"
        "it cs\n\t"
        "movcs %[b], #0\n\t"
        "str %[b], [%[a]], #4\n\t"
        "subs %[c], #1\n\t"
        "bne 4b\n\t"
        "3:\n\t"
        ".endif\n\t"
        "subs %[count], #1\n\t"
        "bne 1b"
        : [w] "+r"(w), [bias] "+r"(b), [y] "+r"(out), [count] "+r"(count), [a] "=&r"(a), [b] "=&r"(b2), [c] "=&r"(c),
          [d] "=&r"(d), "=m"(*reinterpret_cast<float(*)[Out]>(y))
        : [x] "w"(*x), "m"(*reinterpret_cast<const float(*)[Out]>(kernel)),
          "m"(*reinterpret_cast<const float(*)[Out]>(bias)), [relu] "n"(ReLU ? 1 : 0), [zero] "r"(0u)
        : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "cc");
  }
};

}  // namespace cortex_m4
}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp
#endif

#endif

// Float maths from <math.h>, the one maths header avr-libc, newlib and glibc all ship. Every
// function is float in and float out so that no double sneaks into device code.
#ifndef TINYMLP_DETAIL_MATH_HPP
#define TINYMLP_DETAIL_MATH_HPP

#include "../config.hpp"
#include <math.h>

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

inline float exp_of(float x) { return ::expf(x); }
inline float log_of(float x) { return ::logf(x); }
inline float sqrt_of(float x) { return ::sqrtf(x); }
inline float tanh_of(float x) { return ::tanhf(x); }
inline float cos_of(float x) { return ::cosf(x); }
inline float magnitude_of(float x) { return x < 0.0f ? -x : x; }
inline bool is_finite(float x) { return x == x && x - x == 0.0f; }

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

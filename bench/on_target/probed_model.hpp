// The model the inference probes time: SineInference's float model, with TINYMLP_PROBE_INT8 its
// int8 version (examples/SineInt8), or with TINYMLP_PROBE_HYBRID its hybrid version (symmetric inputs),
// which tinymlp-convert --hybrid writes at build time. `Value` is what goes in and out of an inference; the int8 model
// takes the same sweep of x as integers, -128 + x / (15 / 255) rounded, as its input quantization
// (scale 15 / 255 over [0, 15]) gives them and as an integer sensor reading would arrive. With
// TINYMLP_PROBE_NO_MODEL as well, the int8 or hybrid probe runs no model: the flash and RAM of the
// model are the difference.
#ifndef TINYMLP_BENCH_PROBED_MODEL_HPP
#define TINYMLP_BENCH_PROBED_MODEL_HPP

#include "probe_inputs.hpp"

#if defined(TINYMLP_PROBE_HYBRID)
#include "sine_hybrid.hpp"
typedef float Value;
typedef sine_hybrid_type probed_model_type;
inline Value probe_input(int point) { return probe_x(point); }
#ifndef TINYMLP_PROBE_NO_MODEL
__attribute__((noinline)) Value infer(Value x) { return sine_hybrid.predict(x); }
#endif
#elif defined(TINYMLP_PROBE_CLASSIFIER)
// The 714-50-15-4 classifier (bench/on_target/classifier): x replaces its input 0, the rest stays one
// random input; the figure is its first output.
#include "gesture_input.hpp"
#ifdef TINYMLP_PROBE_INT8
#include "gesture_int8.hpp"
typedef int8_t Value;
typedef gesture_int8_type probed_model_type;
inline Value probe_input(int point) { return gesture_int8_input[point]; }
__attribute__((noinline)) Value infer(Value x) {
  gesture_int8_input[0] = x;
  int8_t y[4];
  gesture_int8.predict(gesture_int8_input, y);
  return y[0];
}
#else
#include "gesture_float.hpp"
typedef float Value;
typedef gesture_float_type probed_model_type;
inline Value probe_input(int point) { return gesture_float_input[point]; }
__attribute__((noinline)) Value infer(Value x) {
  gesture_float_input[0] = x;
  float y[4];
  gesture_float.predict(gesture_float_input, y);
  return y[0];
}
#endif
#elif defined(TINYMLP_PROBE_INT8)
#include "sine_int8.hpp"
typedef int8_t Value;
typedef sine_int8_type probed_model_type;
inline Value probe_input(int point) {
  return static_cast<Value>(-128 + (point * 255 * 2 + probe_points) / (2 * probe_points));
}
#ifndef TINYMLP_PROBE_NO_MODEL
__attribute__((noinline)) Value infer(Value x) { return sine_int8.predict(x); }
#endif
#else
#include "sine_model.hpp"
typedef float Value;
typedef sine_model_type probed_model_type;
inline Value probe_input(int point) { return probe_x(point); }
__attribute__((noinline)) Value infer(Value x) { return sine_model.predict(x); }
#endif

#ifdef TINYMLP_PROBE_NO_MODEL
// The int8 or hybrid probe without its model: the same call, with no work.
__attribute__((noinline)) Value infer(Value x) {
  __asm volatile("" : "+r"(x));
  return x;
}
#endif

// The same call with no work, for the call's own cost: the asm keeps the compiler from seeing that
// (with the value where the calling convention has it: a floating-point register for a float on a
// Cortex-M4F).
#if defined(__ARM_FP) && !defined(TINYMLP_PROBE_INT8)
#define TINYMLP_PROBE_VALUE_REGISTER "+t"
#else
#define TINYMLP_PROBE_VALUE_REGISTER "+r"
#endif
__attribute__((noinline)) Value do_nothing(Value x) {
  __asm volatile("" : TINYMLP_PROBE_VALUE_REGISTER(x));
  return x;
}

#endif

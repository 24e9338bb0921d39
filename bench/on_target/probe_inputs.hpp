// The inputs the on-target measurements run the sine model on: SineInference's pass over x in
// [0, 15). The cost of an inference depends on x where zero inputs are skipped (AVR), so the
// figures are means over the pass.
#ifndef TINYMLP_BENCH_PROBE_INPUTS_HPP
#define TINYMLP_BENCH_PROBE_INPUTS_HPP

const int probe_points = 30;
inline float probe_x(int point) { return 15.0f * static_cast<float>(point) / static_cast<float>(probe_points); }

#endif

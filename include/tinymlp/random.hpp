/// \file
/// A small seeded generator (xoshiro128**): same seed, same numbers on every target, 32-bit
/// arithmetic only so that it is cheap on an 8-bit core too.
#ifndef TINYMLP_RANDOM_HPP
#define TINYMLP_RANDOM_HPP

#include "config.hpp"
#include "detail/integers.hpp"
#include "detail/math.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// A seeded xoshiro128** generator: the same seed gives the same numbers on every target. 16 bytes
/// of state.
class Random {
 public:
  /// A generator started from `seed`.
  explicit Random(uint32_t seed = 1u) { reseed(seed); }

  /// Starts over from `seed`, as a new generator would.
  void reseed(uint32_t seed) {
    // Spread the seed over the four words (SplitMix32 finalizer) so that nearby seeds diverge.
    for (uint32_t& word : state_) {
      seed += 0x9E3779B9u;
      uint32_t z = seed;
      z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
      z = (z ^ (z >> 13)) * 0xC2B2AE35u;
      word = z ^ (z >> 16);
    }
    if ((state_[0] | state_[1] | state_[2] | state_[3]) == 0u) state_[0] = 1u;  // all-zero is a fixed point
  }

  /// The next 32 random bits.
  uint32_t next() {
    const uint32_t result = rotate_left(state_[1] * 5u, 7) * 9u;
    const uint32_t shifted = state_[1] << 9;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = rotate_left(state_[3], 11);
    return result;
  }

  /// Uniform in [0, 1): the top 24 bits, exactly representable in a float.
  float uniform() { return static_cast<float>(next() >> 8) * (1.0f / 16777216.0f); }

  /// Uniform in [low, high).
  float uniform(float low, float high) { return low + (high - low) * uniform(); }

  /// Uniform integer in [0, bound) without modulo bias worth caring about for bound << 2^32.
  uint32_t below(uint32_t bound) { return static_cast<uint32_t>((static_cast<uint64_t>(next()) * bound) >> 32); }

  /// Standard normal by the Box-Muller transform (one of the pair is used, keeping the state simple).
  float normal() {
    const float u1 = 1.0f - uniform();  // in (0, 1], so the logarithm is finite
    const float u2 = uniform();
    return detail::sqrt_of(-2.0f * detail::log_of(u1)) * detail::cos_of(6.28318530718f * u2);
  }

 private:
  static uint32_t rotate_left(uint32_t value, int bits) { return (value << bits) | (value >> (32 - bits)); }
  uint32_t state_[4];
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

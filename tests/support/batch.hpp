// Feature-major batches for the tests, laid out as the kernels expect (feature f of sample s at
// [f * stride + s]). The columns past `samples` are padding filled with NaN: a kernel that reads
// them poisons its result, and one that writes them is caught by padding_untouched().
#ifndef TINYMLP_TESTS_SUPPORT_BATCH_HPP
#define TINYMLP_TESTS_SUPPORT_BATCH_HPP

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "tinymlp/random.hpp"

namespace tinymlp_tests {

inline std::vector<float> nan_filled(std::size_t count) {
  return std::vector<float>(count, std::numeric_limits<float>::quiet_NaN());
}

class Batch {
 public:
  Batch(std::size_t width, std::size_t samples, std::size_t stride)
      : width_(width), samples_(samples), stride_(stride), values_(nan_filled(width * stride)) {}

  float& at(std::size_t feature, std::size_t sample) { return values_[feature * stride_ + sample]; }
  float at(std::size_t feature, std::size_t sample) const { return values_[feature * stride_ + sample]; }
  float* data() { return values_.data(); }
  const float* data() const { return values_.data(); }
  std::size_t width() const { return width_; }
  std::size_t samples() const { return samples_; }
  std::size_t stride() const { return stride_; }

  // Sets every used entry to `value_of(feature, sample)`.
  template <class ValueOf>
  void fill(ValueOf value_of) {
    for (std::size_t f = 0; f < width_; ++f)
      for (std::size_t s = 0; s < samples_; ++s) at(f, s) = value_of(f, s);
  }
  void fill_uniform(tinymlp::Random& random, float low, float high) {
    fill([&](std::size_t, std::size_t) { return random.uniform(low, high); });
  }

  // One sample's features, contiguous (the layout predict takes).
  std::vector<float> sample(std::size_t s) const {
    std::vector<float> features(width_);
    for (std::size_t f = 0; f < width_; ++f) features[f] = at(f, s);
    return features;
  }

  // The used entries, feature by feature, as one contiguous array, and back.
  std::vector<float> used_values() const {
    std::vector<float> values;
    for (std::size_t f = 0; f < width_; ++f)
      for (std::size_t s = 0; s < samples_; ++s) values.push_back(at(f, s));
    return values;
  }
  void set_used_values(const std::vector<float>& values) {
    std::size_t next = 0;
    fill([&](std::size_t, std::size_t) { return values[next++]; });
  }

  bool padding_untouched() const {
    for (std::size_t f = 0; f < width_; ++f)
      for (std::size_t s = samples_; s < stride_; ++s)
        if (!std::isnan(at(f, s))) return false;
    return true;
  }

 private:
  std::size_t width_, samples_, stride_;
  std::vector<float> values_;
};

// The batch shapes every layout-sensitive test runs through: one sample alone and in a wider
// buffer, and several samples packed and with spare columns.
struct BatchShape {
  std::size_t samples, stride;
};
static const BatchShape batch_shapes[] = {{1, 1}, {1, 4}, {5, 5}, {5, 8}};

}  // namespace tinymlp_tests

#endif

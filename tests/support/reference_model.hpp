// A plain double-precision forward pass, written straight from the layer definitions, to hold the
// library's inference against: Reference(parameters, x).dense(2, 8).map(sigmoid).values().
#ifndef TINYMLP_TESTS_SUPPORT_REFERENCE_MODEL_HPP
#define TINYMLP_TESTS_SUPPORT_REFERENCE_MODEL_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace tinymlp_tests {

typedef std::vector<double> Values;

inline double relu(double x) { return x > 0 ? x : 0; }
inline double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }
inline double hyperbolic_tangent(double x) { return std::tanh(x); }
inline double identity(double x) { return x; }
inline double relu6(double x) { return x < 0 ? 0 : x > 6 ? 6 : x; }

class Reference {
 public:
  Reference(const float* parameters, const std::vector<float>& x) : next_(parameters), values_(x.begin(), x.end()) {}

  // y[o] = b[o] + sum_i W[o][i] x[i], W stored row by row ([out][in], TFLite's order), then b.
  Reference& dense(std::size_t in, std::size_t out) {
    Values y(out);
    for (std::size_t o = 0; o < out; ++o) {
      double sum = next_[in * out + o];
      for (std::size_t i = 0; i < in; ++i) sum += static_cast<double>(next_[o * in + i]) * values_.at(i);
      y[o] = sum;
    }
    next_ += in * out + out;
    values_ = y;
    return *this;
  }
  // y[o] = (x[o] + offset[o]) * scale[o] (x[0] for every o when in is 1): the scales, then the offsets.
  Reference& normalization(std::size_t in, std::size_t out) {
    Values y(out);
    for (std::size_t o = 0; o < out; ++o)
      y[o] = (values_.at(in == 1 ? 0 : o) + static_cast<double>(next_[out + o])) * static_cast<double>(next_[o]);
    next_ += 2 * out;
    values_ = y;
    return *this;
  }
  // x > 0 ? x : alpha x.
  Reference& leaky_relu(double alpha) {
    for (double& value : values_) value = value > 0 ? value : alpha * value;
    return *this;
  }
  Reference& map(double (*function)(double)) {
    for (double& value : values_) value = function(value);
    return *this;
  }
  Reference& softmax() {
    double total = 0;
    for (double& value : values_) total += value = std::exp(value);
    for (double& value : values_) value /= total;
    return *this;
  }
  const Values& values() const { return values_; }

 private:
  const float* next_;
  Values values_;
};

}  // namespace tinymlp_tests

#endif

/// \file
/// Input standardization: (x - mean) / deviation per feature, fitted on training data. Training on
/// standardized inputs keeps a ReLU network out of the regime where a raw input range like [0, 15)
/// leaves most units dead. fold_into_first_layer() then moves the scaling into the first Dense
/// layer's weights, so the deployed model takes raw inputs and costs nothing extra on the device.
#ifndef TINYMLP_HOST_STANDARDIZER_HPP
#define TINYMLP_HOST_STANDARDIZER_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../model/sequential_kernels.hpp"
#include "dataset.hpp"
#include "errors.hpp"

namespace tinymlp {

/// Per-feature means and standard deviations, and what can be done with them.
class Standardizer {
 public:
  /// The means and (population) standard deviations of `data`'s inputs; a constant feature gets
  /// deviation 1 (it is left centred at zero), and a deviation below Keras's epsilon (1e-7, as a
  /// denormal one) is raised to it, as Keras's Normalization divides by max(sqrt(variance), epsilon).
  /// DataError for an empty dataset.
  static Standardizer fit(const Dataset& data) {
    if (data.empty()) throw DataError("standardizer: no samples to fit on");
    Standardizer result;
    result.mean_.assign(data.features, 0.0f);
    result.deviation_.assign(data.features, 1.0f);
    for (std::size_t f = 0; f < data.features; ++f) {
      double sum = 0, square_sum = 0;
      for (std::size_t s = 0; s < data.size(); ++s) sum += data.input(s)[f];
      const double mean = sum / static_cast<double>(data.size());
      for (std::size_t s = 0; s < data.size(); ++s) square_sum += (data.input(s)[f] - mean) * (data.input(s)[f] - mean);
      const double deviation = std::sqrt(square_sum / static_cast<double>(data.size()));
      result.mean_[f] = static_cast<float>(mean);
      // A constant feature carries no information: leave it centred at zero instead of dividing by 0.
      // A tiny deviation (one a float cannot even hold, rounding to 0) would scale by infinity.
      result.deviation_[f] = deviation > 0 ? static_cast<float>(std::max(deviation, double{epsilon})) : 1.0f;
    }
    return result;
  }

  /// A copy of `data` with standardized inputs (DataError for another number of features).
  Dataset apply(const Dataset& data) const {
    if (data.features != mean_.size())
      throw DataError("standardizer: fitted on " + std::to_string(mean_.size()) + " features, given " +
                      std::to_string(data.features));
    Dataset scaled = data;
    for (std::size_t s = 0; s < data.size(); ++s)
      for (std::size_t f = 0; f < data.features; ++f)
        scaled.inputs[s * data.features + f] = (data.input(s)[f] - mean_[f]) / deviation_[f];
    return scaled;
  }

  /// A model trained on standardized inputs becomes one that takes raw inputs:
  /// W'[o][i] = W[o][i] / deviation_i, b'[o] = b[o] - sum_i W[o][i] mean_i / deviation_i.
  template <class Model>
  void fold_into_first_layer(Model& model) const {
    typedef typename SequentialKernels<Model>::first_layer FirstDense;
    if (mean_.size() != FirstDense::input_size)
      throw DataError("standardizer: fitted on " + std::to_string(mean_.size()) + " features, the model takes " +
                      std::to_string(FirstDense::input_size));
    Model folded = model;  // the model is changed only when every folded parameter is finite
    float* kernel = folded.parameters;
    float* bias = folded.parameters + FirstDense::kernel_count;
    for (std::size_t o = 0; o < FirstDense::output_size; ++o) {
      double shift = 0;
      for (std::size_t i = 0; i < FirstDense::input_size; ++i) {
        float& w = kernel[o * FirstDense::input_size + i];
        w /= deviation_[i];
        shift += static_cast<double>(w) * mean_[i];
      }
      bias[o] = static_cast<float>(bias[o] - shift);
    }
    for (std::size_t k = 0; k < FirstDense::parameter_count; ++k)
      if (!std::isfinite(folded.parameters[k]))
        throw DataError("standardizer: folding the feature scales into the first layer would make parameter " +
                        std::to_string(k) + " infinite (a feature's deviation is tiny against its weights)");
    model = folded;
  }

  /// The smallest deviation divided by: Keras's backend epsilon.
  static constexpr float epsilon = 1e-7f;

  const std::vector<float>& mean() const { return mean_; }            ///< Per feature.
  const std::vector<float>& deviation() const { return deviation_; }  ///< Per feature.

 private:
  std::vector<float> mean_, deviation_;
};

}  // namespace tinymlp

#endif

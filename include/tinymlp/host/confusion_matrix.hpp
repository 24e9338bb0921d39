/// \file
/// A classifier's confusion matrix: how many samples of each true class were predicted as each
/// class. The true class is the largest target's index (with one target: the target above 0.5; with
/// one target beside several outputs: the class label), the
/// predicted one the largest output's (with one output: the output above 0.5), as the accuracies count.
#ifndef TINYMLP_HOST_CONFUSION_MATRIX_HPP
#define TINYMLP_HOST_CONFUSION_MATRIX_HPP

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "metrics.hpp"

namespace tinymlp {

/// Counts of (true class, predicted class); rows are true classes, as scikit-learn prints them.
class ConfusionMatrix {
 public:
  ConfusionMatrix() = default;
  /// Zero counts over `classes` classes.
  explicit ConfusionMatrix(std::size_t classes) : classes_(classes), counts_(classes * classes, 0) {}

  std::size_t classes() const { return classes_; }  ///< 0 when none was counted (no accuracy metric asked for).
  /// Samples of class `truth` predicted as `predicted`.
  std::size_t count(std::size_t truth, std::size_t predicted) const { return counts_.at(truth * classes_ + predicted); }
  /// All samples counted.
  std::size_t total() const {
    std::size_t sum = 0;
    for (std::size_t c : counts_) sum += c;
    return sum;
  }
  /// The share on the diagonal.
  double accuracy() const {
    std::size_t right = 0;
    for (std::size_t c = 0; c < classes_; ++c) right += count(c, c);
    return total() ? static_cast<double>(right) / static_cast<double>(total()) : 0.0;
  }

  /// Counts `samples` samples of outputs y and targets t of `width` values (feature-major, `stride`).
  void add(std::size_t width, const float* y, const float* t, std::size_t samples, std::size_t stride) {
    add(width, width, y, t, samples, stride);
  }
  /// Counts `samples` samples of `width` outputs y and targets t (feature-major, `stride`): `width`
  /// targets, or with target_width 1 and several outputs each sample's class label.
  void add(std::size_t width, std::size_t target_width, const float* y, const float* t, std::size_t samples,
           std::size_t stride) {
    for (std::size_t s = 0; s < samples; ++s) {
      const std::size_t truth =
          width == 1 ? (t[s] > 0.5f ? 1 : 0) : detail::label_of_sample(t, width, target_width, s, stride);
      const std::size_t predicted = width == 1 ? (y[s] > 0.5f ? 1 : 0) : detail::argmax_of_sample(y, width, s, stride);
      ++counts_[truth * classes_ + predicted];
    }
  }

  /// A table: a header of predicted classes, then one row per true class.
  std::string to_string() const {
    const std::size_t width = std::max<std::size_t>(std::to_string(std::max<std::size_t>(total(), classes_)).size(), 3);
    std::string text = "true\\predicted";
    const auto cell = [width](const std::string& value) { return std::string(width + 1 - value.size(), ' ') + value; };
    for (std::size_t p = 0; p < classes_; ++p) text += cell(std::to_string(p));
    text += '\n';
    for (std::size_t truth = 0; truth < classes_; ++truth) {
      const std::string label = std::to_string(truth);
      text += std::string(14 - label.size(), ' ') + label;
      for (std::size_t p = 0; p < classes_; ++p) text += cell(std::to_string(count(truth, p)));
      text += '\n';
    }
    return text;
  }

 private:
  std::size_t classes_ = 0;
  std::vector<std::size_t> counts_;
};

}  // namespace tinymlp

#endif

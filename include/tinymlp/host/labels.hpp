/// \file
/// Class labels: integer labels turned into the one-hot targets a softmax model trains on, and the
/// count of samples per class that splitting and its checks use.
#ifndef TINYMLP_HOST_LABELS_HPP
#define TINYMLP_HOST_LABELS_HPP

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "errors.hpp"

namespace tinymlp {

namespace detail {

// The reason `label` is no class index below `classes`, or "" if it is one.
inline std::string bad_label_reason(float label, std::size_t classes) {
  if (!(label == std::floor(label))) return "is not an integer class label";
  if (label < 0) return "is a negative class label";
  if (label >= static_cast<float>(classes))
    return "is at or above the class count " + std::to_string(classes) + " (labels run from 0 to " +
           std::to_string(classes - 1) + ")";
  return "";
}

}  // namespace detail

/// `data` with its one target, an integer class label in [0, classes), replaced by `classes` one-hot
/// targets; the result's `classes` is set. DataError naming the sample and the label for anything
/// else (a non-integer, a negative label, one at or above the class count), or for data with more
/// than one target or fewer than 2 classes.
inline Dataset one_hot(const Dataset& data, std::size_t classes) {
  data.check_shape("one_hot");
  if (data.targets != 1)
    throw DataError("one_hot: the data has " + std::to_string(data.targets) +
                    " targets per sample; one_hot takes one, the class label");
  if (classes < 2) throw DataError("one_hot: " + std::to_string(classes) + " classes; a classifier needs at least 2");
  Dataset coded;
  coded.features = data.features;
  coded.targets = classes;
  coded.classes = classes;
  coded.inputs = data.inputs;
  coded.outputs.assign(data.size() * classes, 0.0f);
  for (std::size_t s = 0; s < data.size(); ++s) {
    const float label = data.output(s)[0];
    const std::string reason = detail::bad_label_reason(label, classes);
    if (!reason.empty())
      throw DataError("one_hot: sample " + std::to_string(s) + ": the label " + std::to_string(label) + " " + reason);
    coded.outputs[s * classes + static_cast<std::size_t>(label)] = 1.0f;
  }
  return coded;
}

/// How many samples of each class `data` holds (DataError unless it is classification data).
inline std::vector<std::size_t> class_counts(const Dataset& data) {
  if (data.classes == 0)
    throw DataError("class_counts: the data has no classes (read it with CsvOptions::classes, or call one_hot)");
  std::vector<std::size_t> counts(data.classes, 0);
  for (std::size_t s = 0; s < data.size(); ++s) {
    const std::size_t c = data.class_of(s);
    if (c < counts.size()) ++counts[c];
  }
  return counts;
}

}  // namespace tinymlp

#endif

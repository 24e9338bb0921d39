/// \file
/// Class labels: integer labels turned into the one-hot targets a softmax model trains on, the losses
/// that take the labels themselves (SparseCategoricalCrossEntropy) and the check of such labels, and
/// the count of samples per class that splitting and its checks use.
#ifndef TINYMLP_HOST_LABELS_HPP
#define TINYMLP_HOST_LABELS_HPP

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../train/losses.hpp"
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

/// Whether Loss takes one target per sample, the class's index (as Keras's sparse losses do), rather
/// than one target per output. Specialize it for a loss of one's own that does.
template <class Loss>
struct TakesClassLabels {
  static constexpr bool value = false;  ///< One target per output.
};
/// SparseCategoricalCrossEntropy takes the class's index.
template <>
struct TakesClassLabels<SparseCategoricalCrossEntropy> {
  static constexpr bool value = true;  ///< One target: the class label.
};

/// The targets per sample that fit and evaluate take for Loss and Model: 1 (the class label) for a loss
/// that takes class labels, else the model's outputs.
template <class Loss, class Model>
constexpr std::size_t target_width() {
  return TakesClassLabels<Loss>::value ? 1 : Model::output_size;
}

/// Throws DataError naming `where`, the sample and the label unless every sample's one target is an
/// integer class label in [0, classes).
inline void check_class_labels(const Dataset& data, std::size_t classes, const std::string& where) {
  for (std::size_t s = 0; s < data.size(); ++s) {
    const float label = data.output(s)[0];
    const std::string reason = detail::bad_label_reason(label, classes);
    if (!reason.empty())
      throw DataError(where + ": sample " + std::to_string(s) + ": the label " + std::to_string(label) + " " + reason);
  }
}

/// Fails to compile, naming the model's outputs, unless a loss that takes class labels has a model with
/// an output per class, at least 2.
template <std::size_t Outputs>
struct ClassLabelsNeedAnOutputPerClass {
  static_assert(Outputs >= 2,
                "a loss that takes class labels (SparseCategoricalCrossEntropy) needs a model with an output per "
                "class, at least 2 (the number is the model's outputs): end the model with Dense<N, classes> and "
                "Softmax, or use BinaryCrossEntropy for one sigmoid output");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

/// check_fits_model for training or evaluating with Loss: with a loss that takes class labels, the data
/// holds one target per sample (DataError naming the role and the widths otherwise).
template <class Model, class Loss>
void check_fits_model_and_loss(const Dataset& data, const char* role) {
  static_assert(!TakesClassLabels<Loss>::value || ClassLabelsNeedAnOutputPerClass < TakesClassLabels<Loss>::value
                    ? Model::output_size
                    : 2 > ::value,
                "");
  if (!TakesClassLabels<Loss>::value) return check_fits_model<Model>(data, role);
  data.check_shape(std::string(role) + " data");
  if (data.features != Model::input_size || data.targets != 1)
    throw DataError(std::string(role) + " data has " + std::to_string(data.features) + " inputs and " +
                    std::to_string(data.targets) + " targets per sample; the model takes " +
                    std::to_string(Model::input_size) + " inputs, and a loss that takes class labels " +
                    "(SparseCategoricalCrossEntropy) one target, the class's index (for one-hot targets use " +
                    "CategoricalCrossEntropy; read labels with CsvOptions::one_hot = false)");
}

/// With a loss that takes class labels, check_class_labels against the model's classes (its outputs).
template <class Model, class Loss>
void check_labels_for_loss(const Dataset& data, const std::string& where) {
  if (TakesClassLabels<Loss>::value) check_class_labels(data, Model::output_size, where);
}

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
  check_class_labels(data, classes, "one_hot");
  coded.outputs.assign(data.size() * classes, 0.0f);
  for (std::size_t s = 0; s < data.size(); ++s)
    coded.outputs[s * classes + static_cast<std::size_t>(data.output(s)[0])] = 1.0f;
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

/// \file
/// A dataset in memory: samples of `features` inputs and `targets` outputs, sample by sample.
#ifndef TINYMLP_HOST_DATASET_HPP
#define TINYMLP_HOST_DATASET_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "../detail/math.hpp"
#include "errors.hpp"

namespace tinymlp {

/// Samples for training or evaluation, held on the heap (host only).
struct Dataset {
  std::size_t features = 0;    ///< Inputs per sample.
  std::size_t targets = 0;     ///< Outputs per sample.
  std::vector<float> inputs;   ///< size() * features values, sample-major.
  std::vector<float> outputs;  ///< size() * targets values, sample-major.
  /// For classification data, the number of classes (0 otherwise): each sample's targets are then
  /// one-hot over `classes` outputs, or with one target the class index itself (a binary label for a
  /// sigmoid output). Set by CsvOptions::classes and one_hot(); shuffled splits can stratify by it.
  std::size_t classes = 0;

  std::size_t size() const { return features == 0 ? 0 : inputs.size() / features; }  ///< The number of samples.
  bool empty() const { return size() == 0; }                                         ///< Whether it has none.
  /// The `features` inputs of sample `sample` (no bounds check).
  const float* input(std::size_t sample) const { return inputs.data() + sample * features; }
  /// The `targets` outputs of sample `sample` (no bounds check).
  const float* output(std::size_t sample) const { return outputs.data() + sample * targets; }

  /// The class of sample `sample` of classification data: the index of its largest target (the first
  /// of equal ones, as an argmax), or with one target that target's value.
  std::size_t class_of(std::size_t sample) const {
    const float* t = output(sample);
    if (targets == 1) return t[0] > 0.0f ? static_cast<std::size_t>(t[0]) : 0;
    std::size_t best = 0;
    for (std::size_t f = 1; f < targets; ++f)
      if (t[f] > t[best]) best = f;
    return best;
  }

  /// Copies `count` samples from sample-major arrays, checking that every value is finite.
  static Dataset from_arrays(const float* inputs, const float* outputs, std::size_t count, std::size_t features,
                             std::size_t targets) {
    Dataset data;
    data.features = features;
    data.targets = targets;
    data.inputs.assign(inputs, inputs + count * features);
    data.outputs.assign(outputs, outputs + count * targets);
    data.check_finite("dataset from arrays");
    return data;
  }

  /// Samples [first, first + count) as a new dataset; DataError past the end.
  Dataset slice(std::size_t first, std::size_t count) const {
    if (first + count > size())
      throw DataError("slice [" + std::to_string(first) + ", " + std::to_string(first + count) +
                      ") is past the end of a dataset of " + std::to_string(size()) + " samples");
    Dataset part;
    part.features = features;
    part.targets = targets;
    part.classes = classes;
    part.inputs.assign(input(first), input(first) + count * features);
    part.outputs.assign(output(first), output(first) + count * targets);
    return part;
  }

  /// Copies whole samples from sample-major vectors: DataError naming the sizes unless `inputs` holds a
  /// whole number of samples of `features` and `outputs` as many samples of `targets`, or for a value
  /// that is not finite (naming the sample).
  static Dataset from_arrays(const std::vector<float>& inputs, const std::vector<float>& outputs, std::size_t features,
                             std::size_t targets) {
    if (features == 0 || targets == 0) throw DataError("dataset from arrays: features and targets must be at least 1");
    const std::size_t count = inputs.size() / features;
    if (inputs.size() % features != 0 || outputs.size() != count * targets)
      throw DataError("dataset from arrays: " + std::to_string(inputs.size()) + " inputs and " +
                      std::to_string(outputs.size()) + " targets are not the same number of samples of " +
                      std::to_string(features) + " inputs and " + std::to_string(targets) + " targets");
    return from_arrays(inputs.data(), outputs.data(), count, features, targets);
  }

  /// Throws DataError naming `where` unless the arrays hold size() whole samples of `features` inputs
  /// and `targets` targets (a Dataset filled by hand may not).
  void check_shape(const std::string& where) const {
    if (features == 0 || targets == 0 || inputs.size() % features != 0 || outputs.size() != size() * targets)
      throw DataError(where + ": the dataset holds " + std::to_string(inputs.size()) + " inputs and " +
                      std::to_string(outputs.size()) + " targets, which are not whole samples of " +
                      std::to_string(features) + " inputs and " + std::to_string(targets) + " targets");
  }

  /// Throws DataError naming `where`, the sample and the value unless every value is finite.
  void check_finite(const std::string& where) const {
    for (std::size_t s = 0; s < size(); ++s) {
      for (std::size_t f = 0; f < features; ++f)
        if (!detail::is_finite(input(s)[f]))
          throw DataError(where + ": sample " + std::to_string(s) + ", input " + std::to_string(f) + " is not finite");
      for (std::size_t f = 0; f < targets; ++f)
        if (!detail::is_finite(output(s)[f]))
          throw DataError(where + ": sample " + std::to_string(s) + ", target " + std::to_string(f) + " is not finite");
    }
  }
};

/// Throws DataError, naming the data's `role` ("training", ...), unless the dataset has the model's
/// input and output widths.
template <class Model>
void check_fits_model(const Dataset& data, const char* role) {
  data.check_shape(std::string(role) + " data");
  if (data.features != Model::input_size || data.targets != Model::output_size)
    throw DataError(std::string(role) + " data has " + std::to_string(data.features) + " inputs and " +
                    std::to_string(data.targets) + " targets per sample; the model takes " +
                    std::to_string(Model::input_size) + " and gives " + std::to_string(Model::output_size));
}

}  // namespace tinymlp

#endif

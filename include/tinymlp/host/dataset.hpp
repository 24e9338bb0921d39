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

  std::size_t size() const { return features == 0 ? 0 : inputs.size() / features; }  ///< The number of samples.
  bool empty() const { return size() == 0; }                                         ///< Whether it has none.
  /// The `features` inputs of sample `sample` (no bounds check).
  const float* input(std::size_t sample) const { return inputs.data() + sample * features; }
  /// The `targets` outputs of sample `sample` (no bounds check).
  const float* output(std::size_t sample) const { return outputs.data() + sample * targets; }

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
    part.inputs.assign(input(first), input(first) + count * features);
    part.outputs.assign(output(first), output(first) + count * targets);
    return part;
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
  if (data.features != Model::input_size || data.targets != Model::output_size)
    throw DataError(std::string(role) + " data has " + std::to_string(data.features) + " inputs and " +
                    std::to_string(data.targets) + " targets per sample; the model takes " +
                    std::to_string(Model::input_size) + " and gives " + std::to_string(Model::output_size));
}

}  // namespace tinymlp

#endif

/// \file
/// Calibration data for quantization from a CSV file (tinymlp-convert --calibrate): the first
/// `inputs` columns of each line are a sample of the model's inputs, and the columns after them
/// (labels, targets) are left out, so the training CSV itself calibrates. The file is read as read_csv
/// reads it, with the same errors naming the file, line and column.
#ifndef TINYMLP_HOST_CALIBRATION_DATA_HPP
#define TINYMLP_HOST_CALIBRATION_DATA_HPP

#include <cstddef>
#include <string>

#include "csv.hpp"
#include "dataset.hpp"
#include "errors.hpp"

namespace tinymlp {

/// The samples of the CSV file at `path` for a model of `inputs` inputs: each line's first `inputs`
/// values (the dataset has no targets); `header`: line 1 names the columns. Throws DataError for a
/// file read_csv refuses, or whose lines have fewer than `inputs` fields.
inline Dataset read_calibration_data(const std::string& path, std::size_t inputs, bool header = false) {
  CsvOptions options;
  options.targets = 0;
  options.header = header;
  const Dataset all = read_csv(path, options);
  if (all.features < inputs)
    throw DataError(path + ": the lines have " + std::to_string(all.features) + " fields, and the model takes " +
                    std::to_string(inputs) + " inputs (calibration reads the first " + std::to_string(inputs) +
                    " columns of each line)");
  Dataset samples;
  samples.features = inputs;
  samples.inputs.reserve(all.size() * inputs);
  for (std::size_t s = 0; s < all.size(); ++s)
    samples.inputs.insert(samples.inputs.end(), all.input(s), all.input(s) + inputs);
  return samples;
}

}  // namespace tinymlp

#endif

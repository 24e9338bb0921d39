/// \file
/// Exceptions of the host layer. Each message names where the problem is: the file, line and
/// column of bad data, or the epoch where training diverged.
#ifndef TINYMLP_HOST_ERRORS_HPP
#define TINYMLP_HOST_ERRORS_HPP

#include <stdexcept>
#include <string>

namespace tinymlp {

/// Bad input data: a CSV file, a dataset whose shape does not fit the model, an unreadable file.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A model that cannot be read, converted or written (a .tflite file, a model file, a header): the
/// message names the file (and line), the operator or tensor, or the layer concerned.
class ModelError : public DataError {
 public:
  using DataError::DataError;
};

/// Training produced a loss that is NaN or infinite.
class DivergenceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tinymlp

#endif

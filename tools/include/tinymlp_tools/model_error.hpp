/// \file
/// The one exception of the converter library: a model that cannot be read, converted or written.
/// Its message names the file (and line), the operator or tensor, or the layer concerned.
#ifndef TINYMLP_TOOLS_MODEL_ERROR_HPP
#define TINYMLP_TOOLS_MODEL_ERROR_HPP

#include "tinymlp/host/errors.hpp"

namespace tinymlp {
namespace tools {

/// A model that cannot be read, converted or written; the message says where.
class ModelError : public DataError {
 public:
  using DataError::DataError;
};

}  // namespace tools
}  // namespace tinymlp

#endif

#include "tinymlp_tools/file_bytes.hpp"

#include "tinymlp/host/read_file.hpp"
#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {

std::string read_file_bytes(const std::string& path) { return read_whole_file<ModelError>(path); }

}  // namespace tools
}  // namespace tinymlp

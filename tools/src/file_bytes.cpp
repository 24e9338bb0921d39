#include "tinymlp_tools/file_bytes.hpp"

#include <fstream>
#include <iterator>

#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {

std::string read_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot open it for reading");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw ModelError(path + ": reading failed");
  return bytes;
}

}  // namespace tools
}  // namespace tinymlp

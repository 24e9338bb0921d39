/// \file
/// Whole files as bytes, with errors that name the file.
#ifndef TINYMLP_TOOLS_FILE_BYTES_HPP
#define TINYMLP_TOOLS_FILE_BYTES_HPP

#include <string>

namespace tinymlp {
namespace tools {

/// The whole file at `path`; ModelError naming it when it cannot be read.
std::string read_file_bytes(const std::string& path);

}  // namespace tools
}  // namespace tinymlp

#endif

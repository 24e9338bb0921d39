/// \file
/// A whole file as bytes, or an exception that names the file and says why it cannot be read, in the
/// system's words: "data.csv: cannot open it for reading: No such file or directory",
/// "models: cannot read it: Is a directory".
#ifndef TINYMLP_HOST_READ_FILE_HPP
#define TINYMLP_HOST_READ_FILE_HPP

#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

#include "errors.hpp"

namespace tinymlp {

/// The bytes of the file at `path`. Throws `Error` (the converter library throws its own type) naming
/// the file and the system's reason when it cannot be opened or read.
template <class Error = DataError>
std::string read_whole_file(const std::string& path) {
  // stdio rather than a stream: it reports why a read failed (errno), where a stream only sets a flag.
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  const auto reason = [] { return std::generic_category().message(errno ? errno : EIO); };
  if (!file) throw Error(path + ": cannot open it for reading: " + reason());
  std::string bytes;
  char block[65536];
  std::size_t count = 0;
  while ((count = std::fread(block, 1, sizeof block, file.get())) > 0) bytes.append(block, count);
  if (std::ferror(file.get())) throw Error(path + ": cannot read it: " + reason());
  return bytes;
}

}  // namespace tinymlp

#endif

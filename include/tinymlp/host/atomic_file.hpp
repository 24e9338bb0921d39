/// \file
/// Writes a file so that readers see either the old content or the complete new one, never a
/// half-written file: write a temporary file beside it, then rename it over the target.
#ifndef TINYMLP_HOST_ATOMIC_FILE_HPP
#define TINYMLP_HOST_ATOMIC_FILE_HPP

#include <cstdio>
#include <fstream>
#include <string>

#include "errors.hpp"

namespace tinymlp {

/// Replaces the file at `path` with `content` (bytes as given), through `path`.tmp. Throws DataError
/// naming the file when it cannot be written; the old file, if any, is then left as it was.
inline void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw DataError(path + ": cannot open " + temporary + " for writing");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      std::remove(temporary.c_str());
      throw DataError(path + ": writing " + temporary + " failed (disk full?)");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw DataError(path + ": cannot replace it with " + temporary);
  }
}

}  // namespace tinymlp

#endif

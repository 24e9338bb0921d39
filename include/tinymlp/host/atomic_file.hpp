/// \file
/// Writes a file so that readers see either the old content or the complete new one, never a
/// half-written file: write a temporary file beside it, flush it to the disk, then rename it over the
/// target.
///
/// The temporary file is created exclusively ("x": O_CREAT|O_EXCL, which also refuses to follow a
/// symbolic link planted at its name), under a name no other file has, in the target's folder, so a
/// planted link or an existing file is never written through and a target name of any legal length
/// works. Only regular files are replaced: a device (`-o /dev/null`), a FIFO, a folder or a socket at
/// the path is refused, where a rename would put a regular file in its place. A symbolic link at the
/// path is followed: the file it points to is replaced and the link kept, as an editor saving through
/// it does.
#ifndef TINYMLP_HOST_ATOMIC_FILE_HPP
#define TINYMLP_HOST_ATOMIC_FILE_HPP

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <system_error>

#include "errors.hpp"

#if defined(_WIN32)
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace tinymlp {

namespace detail {

inline std::string system_reason(int error) { return std::generic_category().message(error ? error : EIO); }

// What stands at `status`, for a message: "a directory", "a character device".
inline const char* file_kind(const std::filesystem::file_status& status) {
  switch (status.type()) {
    case std::filesystem::file_type::directory: return "a directory";
    case std::filesystem::file_type::character: return "a character device";
    case std::filesystem::file_type::block: return "a block device";
    case std::filesystem::file_type::fifo: return "a FIFO";
    case std::filesystem::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

// The file that writing to `path` replaces: `path` itself, or the file a symbolic link there points to.
// Throws when something other than a regular file (or nothing) stands there.
inline std::filesystem::path replaced_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path target = path;
  if (fs::is_symlink(fs::symlink_status(target, error))) {
    target = fs::canonical(path, error);
    if (error) throw DataError(path + ": is a symbolic link to nothing that can be written: " + error.message());
  }
  const fs::file_status status = fs::status(target, error);
  if (status.type() != fs::file_type::not_found && status.type() != fs::file_type::none && !fs::is_regular_file(status))
    throw DataError(path + ": is " + std::string(file_kind(status)) +
                    "; tinymlp replaces only regular files (write to a file, then copy it there)");
  return target;
}

// Flushes the file's bytes to the disk, so a crash after the rename cannot leave an empty file.
inline bool flushed_to_disk(std::FILE* file) {
  if (std::fflush(file) != 0) return false;
#if defined(_WIN32)
  return _commit(_fileno(file)) == 0;
#else
  return fsync(fileno(file)) == 0;
#endif
}

// After the rename, the folder's entry too (best effort: not every file system lets a folder be synced).
inline void flush_folder(const std::filesystem::path& folder) {
#if !defined(_WIN32)
  const int descriptor = open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (descriptor < 0) return;
  fsync(descriptor);
  close(descriptor);
#else
  (void)folder;
#endif
}

}  // namespace detail

/// Replaces the file at `path` with `content` (bytes as given). Throws DataError naming the file and
/// the system's reason when it cannot be written; the old file, if any, is then left as it was and no
/// temporary file remains.
inline void write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target = detail::replaced_file(path);
  const fs::path folder = target.parent_path();
  // ".NAME.XXXXXXXX.tmp", its NAME cut so that the whole stays within the 255 bytes a name may have.
  const std::string stem = "." + target.filename().string().substr(0, 200) + ".";
  std::random_device entropy;
  std::mt19937_64 random((static_cast<std::uint64_t>(entropy()) << 32) ^ entropy());
  using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
  File file(nullptr, &std::fclose);
  fs::path temporary;
  for (int attempt = 0; attempt < 100 && !file; ++attempt) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, "%08llx.tmp", static_cast<unsigned long long>(random() & 0xffffffffu));
    temporary = folder / (stem + suffix);
    errno = 0;
    file = File(std::fopen(temporary.string().c_str(), "wbx"), &std::fclose);
    if (!file && errno != EEXIST) break;
  }
  if (!file) throw DataError(path + ": cannot create a temporary file in its folder: " + detail::system_reason(errno));
  const auto give_up = [&](const std::string& what, int error) {
    file.reset();
    std::remove(temporary.string().c_str());
    throw DataError(path + ": " + what + ": " + detail::system_reason(error));
  };
  errno = 0;
  if (std::fwrite(content.data(), 1, content.size(), file.get()) != content.size() ||
      !detail::flushed_to_disk(file.get()))
    give_up("cannot write it", errno);
  const int closed = std::fclose(file.release());
  if (closed != 0) give_up("cannot write it", errno);
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) give_up("cannot replace it", error.value());
  detail::flush_folder(folder);
}

}  // namespace tinymlp

#endif

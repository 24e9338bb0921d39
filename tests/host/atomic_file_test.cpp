// write_file_atomically against what a careless or hostile folder holds: a symbolic link or a file
// planted at the old temporary name, a name as long as a file name may be, a device or FIFO at the
// path, a symbolic link at the path.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "host_test_support.hpp"
#include "tinymlp/host/atomic_file.hpp"

namespace {

namespace fs = std::filesystem;
using host_tests::message_of;
using host_tests::read_text_file;
using host_tests::write_text_file;

std::size_t entries_in(const std::string& folder) {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(folder)) count += !entry.path().empty();
  return count;
}

TEST_CASE("a symbolic link planted at the temporary name is not followed: its target keeps its bytes") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("model.hpp"), victim = folder.file("victim.txt");
  write_text_file(victim, "precious\n");
  fs::create_symlink(victim, path + ".tmp");
  tinymlp::write_file_atomically(path, "new\n");
  CHECK(read_text_file(path) == "new\n");
  CHECK(read_text_file(victim) == "precious\n");
  CHECK(fs::is_symlink(path + ".tmp"));
  CHECK(entries_in(folder.file("")) == 3);  // the output, the victim and the link: no temporary file left
}

TEST_CASE("a file already at the temporary name is left as it was") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("data.csv");
  write_text_file(path + ".tmp", "someone else's file\n");
  tinymlp::write_file_atomically(path, "1,2\n");
  CHECK(read_text_file(path) == "1,2\n");
  CHECK(read_text_file(path + ".tmp") == "someone else's file\n");
}

TEST_CASE("a file name of 255 bytes, the most a name may have, is written") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file(std::string(251, 'm') + ".hpp");
  tinymlp::write_file_atomically(path, "long\n");
  CHECK(read_text_file(path) == "long\n");
  tinymlp::write_file_atomically(path, "replaced\n");
  CHECK(read_text_file(path) == "replaced\n");
  CHECK(entries_in(folder.file("")) == 1);
}

TEST_CASE("a FIFO at the path is refused and stays a FIFO") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("pipe.csv");
  REQUIRE(mkfifo(path.c_str(), 0600) == 0);
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::write_file_atomically(path, "x\n"); }) ==
        path + ": is a FIFO; tinymlp replaces only regular files (write to a file, then copy it there)");
  CHECK(fs::is_fifo(path));
  CHECK(entries_in(folder.file("")) == 1);
}

// As /dev/null is, made in a temporary folder so that a failing test cannot replace the machine's.
TEST_CASE("as root, a device node at the path (a copy of /dev/null) is refused and stays a device") {
  if (geteuid() != 0) {
    MESSAGE("not root: a device node cannot be made, and an ordinary user cannot replace /dev/null anyway");
    return;
  }
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("null");
  REQUIRE(mknod(path.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
  CHECK(message_of<tinymlp::DataError>([&] { tinymlp::write_file_atomically(path, "x\n"); }) ==
        path + ": is a character device; tinymlp replaces only regular files (write to a file, then copy it there)");
  CHECK(fs::is_character_file(path));
}

TEST_CASE("a symbolic link at the path is kept: the file it points to is replaced") {
  host_tests::TemporaryFolder folder;
  fs::create_directory(folder.file("models"));
  const std::string real = folder.file("models/sine.hpp"), link = folder.file("sine.hpp");
  write_text_file(real, "old\n");
  fs::create_symlink("models/sine.hpp", link);
  tinymlp::write_file_atomically(link, "new\n");
  CHECK(fs::is_symlink(link));
  CHECK(read_text_file(real) == "new\n");
  CHECK(entries_in(folder.file("models")) == 1);
}

TEST_CASE("a new file gets the usual permissions (the umask's), not a temporary file's 0600") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("out.csv");
  const mode_t mask = umask(022);
  tinymlp::write_file_atomically(path, "1\n");
  umask(mask);
  CHECK((fs::status(path).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
}

}  // namespace

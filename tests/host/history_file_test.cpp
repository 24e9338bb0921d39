// History::write_csv through write_file_atomically: the documented columns, and on failure a
// DataError naming the path with the previous file left as it was and no temporary file left over.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using host_tests::message_of;
using host_tests::read_text_file;
using tinymlp::History;

History two_epochs(bool has_validation) {
  History history;
  history.has_validation = has_validation;
  history.metric_names = {"mae"};
  tinymlp::EpochRecord first, second;
  first.loss = 1.5f;
  first.metrics = {0.75f};
  first.val_loss = 2.0f;
  first.val_metrics = {1.0f};
  first.learning_rate = 0.01f;
  second.loss = 0.25f;
  second.metrics = {0.125f};
  second.val_loss = 0.5f;
  second.val_metrics = {0.375f};
  second.learning_rate = 0.005f;
  history.epochs = {first, second};
  return history;
}

// No temporary file left beside `path`: its folder holds it alone.
bool alone_in_its_folder(const std::string& path) {
  const std::filesystem::path file(path);
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) entries += entry.path() != file;
  return entries == 0;
}

bool exists(const std::string& path) { return std::filesystem::exists(path); }

// What write_csv leaves at a new path; no temporary file may remain beside it.
std::string written_csv(const History& history) {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("history.csv");
  history.write_csv(path);
  CHECK(alone_in_its_folder(path));
  return read_text_file(path);
}

TEST_CASE("History::write_csv with validation: epoch,loss,mae,val_loss,val_mae,learning_rate, epochs from 1") {
  CHECK(written_csv(two_epochs(true)) ==
        "epoch,loss,mae,val_loss,val_mae,learning_rate\n"
        "1,1.5,0.75,2,1,0.00999999978\n"
        "2,0.25,0.125,0.5,0.375,0.00499999989\n");
}

TEST_CASE("History::write_csv without validation leaves the validation columns out") {
  CHECK(written_csv(two_epochs(false)) ==
        "epoch,loss,mae,learning_rate\n"
        "1,1.5,0.75,0.00999999978\n"
        "2,0.25,0.125,0.00499999989\n");
}

TEST_CASE("History::write_csv replaces an existing file") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("history.csv");
  host_tests::write_text_file(
      path, "old content that is longer than the new one ..........................................\n");
  two_epochs(false).write_csv(path);
  CHECK(read_text_file(path) == two_epochs(false).to_csv());
  CHECK(alone_in_its_folder(path));
}

TEST_CASE("write_csv into a folder that does not exist throws a DataError naming the path") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("missing_folder/history.csv");
  CHECK(message_of<tinymlp::DataError>([&] { two_epochs(true).write_csv(path); }) ==
        path + ": cannot create a temporary file in its folder: No such file or directory");
  CHECK_FALSE(exists(path));
}

TEST_CASE("a folder at the path is refused, and left as it was") {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("history.csv");
  std::filesystem::create_directories(path + "/inside");
  CHECK(message_of<tinymlp::DataError>([&] { two_epochs(true).write_csv(path); }) ==
        path + ": is a directory; tinymlp replaces only regular files (write to a file, then copy it there)");
  CHECK(std::filesystem::is_directory(path + "/inside"));
}

}  // namespace

// read_csv: what it accepts (header, CRLF, byte order mark, spaces, '+', exponents, several
// targets, very long lines). What it rejects, with the exact messages: tests/bad_input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "host_test_support.hpp"
#include "tinymlp/host.hpp"

namespace {

using tinymlp::CsvOptions;
using tinymlp::Dataset;

CsvOptions with_header() {
  CsvOptions options;
  options.header = true;
  return options;
}

// A CSV file in a temporary folder.
struct CsvFile {
  host_tests::TemporaryFolder folder;
  const std::string path = folder.file("data.csv");

  Dataset read(const std::string& text, const CsvOptions& options = CsvOptions()) {
    host_tests::write_text_file(path, text);
    return tinymlp::read_csv(path, options);
  }
};

// `columns` comma-separated copies of "0.5", and a line end.
std::string line_of_halves(std::size_t columns) {
  std::string line = "0.5";
  for (std::size_t c = 1; c < columns; ++c) line += ",0.5";
  return line + "\n";
}

void check_dataset(const Dataset& data, std::size_t features, std::size_t targets, const std::vector<float>& inputs,
                   const std::vector<float>& outputs) {
  CHECK(data.features == features);
  CHECK(data.targets == targets);
  CHECK(data.inputs == inputs);
  CHECK(data.outputs == outputs);
}

TEST_CASE("read_csv: plain lines, the last column is the target") {
  CsvFile file;
  check_dataset(file.read("1,2\n3,4\n"), 1, 1, {1, 3}, {2, 4});
}

TEST_CASE("read_csv: a header line is skipped when asked for, with or without a byte order mark") {
  CsvFile file;
  check_dataset(file.read("x,y\n1,2\n", with_header()), 1, 1, {1}, {2});
  check_dataset(file.read("\xEF\xBB\xBFx,y\n1,2\n", with_header()), 1, 1, {1}, {2});
  check_dataset(file.read("\xEF\xBB\xBF"
                          "1,2\n"),
                1, 1, {1}, {2});
}

TEST_CASE("read_csv: CRLF line ends, blank lines and a missing final line end") {
  CsvFile file;
  check_dataset(file.read("x,y\r\n1,2\r\n\r\n3,4", with_header()), 1, 1, {1, 3}, {2, 4});
}

TEST_CASE("read_csv: spaces and tabs around fields, '+' signs, exponents and decimal forms") {
  CsvFile file;
  check_dataset(file.read(" 1 ,\t+2.5\t\n-3e2, 1.5E-3\n.5,5.\n+1e+2,-0.25\n"), 1, 1, {1, -300, 0.5f, 100},
                {2.5f, 1.5e-3f, 5, -0.25f});
}

TEST_CASE("read_csv: several targets are the last columns") {
  CsvFile file;
  CsvOptions options;
  options.targets = 2;
  check_dataset(file.read("1,2,3,4\n5,6,7,8\n", options), 2, 2, {1, 2, 5, 6}, {3, 4, 7, 8});
}

TEST_CASE("read_csv: a value too small for a float reads as zero") {
  CsvFile file;
  check_dataset(file.read("1e-50,-1e-50\n"), 1, 1, {0.0f}, {-0.0f});
}

TEST_CASE("read_csv: 100000 columns on every line are read") {
  CsvFile file;
  const Dataset data = file.read(line_of_halves(100000) + line_of_halves(100000));
  CHECK(data.size() == 2);
  CHECK(data.features == 99999);
  CHECK(data.inputs == std::vector<float>(2 * 99999, 0.5f));
}

TEST_CASE("to_csv writes what read_csv reads back exactly") {
  CsvFile file;
  CsvOptions options = with_header();
  options.targets = 2;
  const Dataset original = file.read("a,b,c,d\n0.1,-2.5e-7,3.14159274,1e30\n1,2,3,4\n", options);
  const Dataset again = file.read(tinymlp::to_csv(original), options);
  check_dataset(again, 2, 2, original.inputs, original.outputs);
}

}  // namespace

// Helpers shared by the host layer's tests: a temporary folder that cleans up after itself, whole
// files as strings, the message of an expected exception, and small datasets made from a function.
#ifndef TINYMLP_TESTS_HOST_TEST_SUPPORT_HPP
#define TINYMLP_TESTS_HOST_TEST_SUPPORT_HPP

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "tinymlp/host.hpp"

namespace host_tests {

// A fresh folder under the system's temporary directory (mkdtemp: unique even when CTest runs
// test cases in parallel), removed with everything in it at the end of the test.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tinymlp_host_test_XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder from " + pattern);
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline void write_text_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Everything written to a stdio stream so far (e.g. a tmpfile() given to fit as its progress output).
inline std::string contents_of(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
  return text;
}

// The what() of the Error that `action` throws; fails the test if it throws nothing.
template <class Error, class Action>
std::string message_of(Action action) {
  try {
    action();
  } catch (const Error& error) {
    return error.what();
  }
  FAIL_CHECK("expected an exception, none was thrown");
  return std::string();
}

template <class Model>
bool bit_identical(const Model& a, const Model& b) {
  return std::memcmp(a.parameters, b.parameters, sizeof a.parameters) == 0;
}

// `count` samples with inputs uniform in [low, high) and targets computed from them:
// target_of(inputs, targets) fills the sample's targets.
template <class TargetOf>
tinymlp::Dataset make_dataset(std::size_t count, std::size_t features, std::size_t targets, float low, float high,
                              std::uint32_t seed, TargetOf target_of) {
  tinymlp::Random random(seed);
  tinymlp::Dataset data;
  data.features = features;
  data.targets = targets;
  data.inputs.resize(count * features);
  data.outputs.resize(count * targets);
  for (std::size_t s = 0; s < count; ++s) {
    float* x = data.inputs.data() + s * features;
    for (std::size_t f = 0; f < features; ++f) x[f] = random.uniform(low, high);
    target_of(static_cast<const float*>(x), data.outputs.data() + s * targets);
  }
  return data;
}

}  // namespace host_tests

#endif

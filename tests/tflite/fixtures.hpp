// Where the tests find the shared TFLite fixtures (made by Keras and TFLite, not by tinymlp) and
// what TFLite computes for them, and the float comparison the fixtures' notes recommend.
#ifndef TINYMLP_TESTS_TFLITE_FIXTURES_HPP
#define TINYMLP_TESTS_TFLITE_FIXTURES_HPP

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fixtures {

inline std::string path(const std::string& name) { return std::string(TINYMLP_TFLITE_FIXTURES) + "/" + name; }

// The rows of numbers of an .expected.txt file (lines starting with # are comments).
inline std::vector<std::vector<double>> expected_rows(const std::string& name) {
  std::ifstream in(path(name));
  if (!in) throw std::runtime_error("cannot open " + path(name));
  std::vector<std::vector<double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream numbers(line);
    std::vector<double> row;
    for (double value; numbers >> value;) row.push_back(value);
    rows.push_back(row);
  }
  return rows;
}

// |a - b| <= tolerance * max(1, |b|): relative, but absolute near zero.
inline bool close(double a, double b, double tolerance = 1e-5) {
  return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

}  // namespace fixtures

#endif

/// \file
/// Datasets from CSV files: one sample per line, numbers separated by commas, the last `targets`
/// columns are the outputs. Errors name the file, line and column (both counted from 1).
#ifndef TINYMLP_HOST_CSV_HPP
#define TINYMLP_HOST_CSV_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "../detail/math.hpp"
#include "dataset.hpp"
#include "errors.hpp"

namespace tinymlp {

/// How read_csv and parse_csv read a file.
struct CsvOptions {
  std::size_t targets = 1;  ///< How many trailing columns are outputs.
  bool header = false;      ///< The first line names the columns and is skipped.
  char separator = ',';     ///< Between fields.
};

namespace detail {

inline std::string location(const std::string& path, std::size_t line, std::size_t column) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// std::from_chars, except that a value too small for a float (1e-50) reads as the nearest float,
// zero, as numpy's float32 does; from_chars reports it out of range like one too large.
inline std::from_chars_result float_from_chars(const char* first, const char* last, float& value) {
  const std::from_chars_result result = std::from_chars(first, last, value);
  if (result.ec != std::errc::result_out_of_range) return result;
  double wide = 0.0;
  const std::from_chars_result wide_result = std::from_chars(first, last, wide);
  if (wide_result.ec != std::errc() || !(std::fabs(wide) < 1.0)) return result;
  value = static_cast<float>(wide);
  return wide_result;
}

inline float parse_field(const std::string& text, const std::string& path, std::size_t line, std::size_t column) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (begin == end) throw DataError(location(path, line, column) + ": empty field");
  const std::string field = text.substr(begin, end - begin);  // as written, for the messages
  // from_chars takes no explicit plus sign; skip one, unless a minus follows ("+-1" is no number).
  if (text[begin] == '+' && begin + 1 < end && text[begin + 1] != '-') ++begin;
  float value = 0.0f;
  const auto result = float_from_chars(text.data() + begin, text.data() + end, value);
  if (result.ec == std::errc::result_out_of_range)
    throw DataError(location(path, line, column) + ": '" + field + "' is out of range for a float");
  if (result.ec != std::errc() || result.ptr != text.data() + end)
    throw DataError(location(path, line, column) + ": '" + field + "' is not a number");
  if (!is_finite(value)) throw DataError(location(path, line, column) + ": '" + field + "' is not a finite number");
  return value;
}

}  // namespace detail

/// A dataset from CSV text read from `in`; `path` names it in errors. Throws DataError naming the
/// line and column of the first bad field (not a number, not finite, missing or extra).
inline Dataset parse_csv(std::istream& in, const std::string& path, const CsvOptions& options = CsvOptions()) {
  Dataset data;
  data.targets = options.targets;
  std::size_t columns = 0;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // UTF-8 byte order mark
    if (!line.empty() && line.back() == '\r') line.pop_back();                     // CRLF line ends
    if (line.empty() || (number == 1 && options.header)) continue;
    std::vector<float> values;
    std::size_t start = 0;
    for (;;) {
      const std::size_t stop = line.find(options.separator, start);
      const std::size_t length = stop == std::string::npos ? std::string::npos : stop - start;
      values.push_back(detail::parse_field(line.substr(start, length), path, number, values.size() + 1));
      if (stop == std::string::npos) break;
      start = stop + 1;
    }
    if (columns == 0) {
      columns = values.size();
      if (columns <= options.targets)
        throw DataError(detail::location(path, number, 1) + ": " + std::to_string(columns) +
                        " columns leave no input besides the " + std::to_string(options.targets) + " target columns");
      data.features = columns - options.targets;
    } else if (values.size() != columns) {
      throw DataError(detail::location(path, number, values.size() < columns ? values.size() + 1 : columns + 1) +
                      ": expected " + std::to_string(columns) + " fields as on the first line, found " +
                      std::to_string(values.size()));
    }
    data.inputs.insert(data.inputs.end(), values.begin(), values.begin() + static_cast<std::ptrdiff_t>(data.features));
    data.outputs.insert(data.outputs.end(), values.begin() + static_cast<std::ptrdiff_t>(data.features), values.end());
  }
  if (in.bad()) throw DataError(path + ": read error");
  if (columns == 0) throw DataError(path + ": no data (the file is empty or has only a header)");
  return data;
}

/// A dataset from the CSV file at `path`, as parse_csv reads it. Throws DataError naming the file.
inline Dataset read_csv(const std::string& path, const CsvOptions& options = CsvOptions()) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot open for reading");
  return parse_csv(in, path, options);
}

/// Sample-major CSV text with a header line; floats printed with enough digits to read back exactly.
inline std::string to_csv(const Dataset& data) {
  std::ostringstream out;
  out.precision(9);
  for (std::size_t f = 0; f < data.features; ++f) out << (f ? "," : "") << "x" << f;
  for (std::size_t f = 0; f < data.targets; ++f) out << ",y" << f;
  out << "\n";
  for (std::size_t s = 0; s < data.size(); ++s) {
    for (std::size_t f = 0; f < data.features; ++f) out << (f ? "," : "") << data.input(s)[f];
    for (std::size_t f = 0; f < data.targets; ++f) out << "," << data.output(s)[f];
    out << "\n";
  }
  return out.str();
}

}  // namespace tinymlp

#endif

/// \file
/// Datasets from CSV files: one sample per line, numbers separated by commas, the last `targets`
/// columns are the outputs. Accepted as spreadsheets write them: a UTF-8 byte order mark, CRLF line
/// ends, blank lines, spaces around fields, lines of any length. Refused with a DataError that names
/// the file, line and column (both counted from 1; columns in bytes, after a byte order mark) and the
/// field: anything but a decimal number, NaN, infinities, values beyond a float's range, lines with
/// another number of fields than the first, UTF-16 files, files with no data.
#ifndef TINYMLP_HOST_CSV_HPP
#define TINYMLP_HOST_CSV_HPP

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "../detail/math.hpp"
#include "dataset.hpp"
#include "errors.hpp"
#include "read_file.hpp"

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

// A field as written, for messages: other bytes than printable ASCII as \xNN, and cut after 40.
inline std::string quoted_field(const std::string& field) {
  const std::size_t shown = 40;
  std::string text = "'";
  for (std::size_t k = 0; k < field.size() && k < shown; ++k) {
    const auto byte = static_cast<unsigned char>(field[k]);
    char escaped[5];
    std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
    text += byte >= 32 && byte < 127 ? std::string(1, field[k]) : std::string(escaped);
  }
  if (field.size() > shown) return text + "...' (" + std::to_string(field.size()) + " characters)";
  return text + "'";
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

// The field of `line` from byte `begin` to `end` (1-based field number `field`).
inline float parse_field(const std::string& line, std::size_t begin, std::size_t end, const std::string& path,
                         std::size_t line_number, std::size_t field) {
  while (begin < end && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
  while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  const std::string where = location(path, line_number, begin + 1) + ": field " + std::to_string(field);
  if (begin == end) throw DataError(where + " is empty");
  const std::string field_text = quoted_field(line.substr(begin, end - begin));  // as written
  // from_chars takes no explicit plus sign; skip one, unless a minus follows ("+-1" is no number).
  if (line[begin] == '+' && begin + 1 < end && line[begin + 1] != '-') ++begin;
  float value = 0.0f;
  const auto result = float_from_chars(line.data() + begin, line.data() + end, value);
  if (result.ec == std::errc::result_out_of_range)
    throw DataError(where + " is too large for a float: " + field_text + " (the largest is 3.40282347e+38)");
  if (result.ec != std::errc() || result.ptr != line.data() + end)
    throw DataError(where + " is not a number: " + field_text);
  if (value != value) throw DataError(where + " is NaN: " + field_text + "; tinymlp reads finite numbers only");
  if (!is_finite(value)) throw DataError(where + " is infinite: " + field_text + "; tinymlp reads finite numbers only");
  return value;
}

// UTF-16 files (as some spreadsheets save "Unicode text") start with the byte order mark FF FE or FE FF.
inline void refuse_utf16(const std::string& first_line, const std::string& path) {
  if (first_line.size() < 2) return;
  const auto first = static_cast<unsigned char>(first_line[0]), second = static_cast<unsigned char>(first_line[1]);
  if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF))
    throw DataError(location(path, 1, 1) + ": the file is UTF-16 (its byte order mark is " +
                    (first == 0xFF ? "FF FE" : "FE FF") + "); save it as UTF-8");
}

}  // namespace detail

/// A dataset from CSV text read from `in`; `path` names it in errors. Throws DataError naming the
/// line, column and field of the first bad one (see the file's description).
inline Dataset parse_csv(std::istream& in, const std::string& path, const CsvOptions& options = CsvOptions()) {
  Dataset data;
  data.targets = options.targets;
  std::size_t columns = 0, columns_line = 0;  // the number of fields, and the line that set it (the header's)
  std::string line;
  std::size_t number = 0;
  bool samples = false;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // UTF-8 byte order mark
      detail::refuse_utf16(line, path);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF line ends
    if (line.empty()) continue;
    const std::size_t fields = static_cast<std::size_t>(std::count(line.begin(), line.end(), options.separator)) + 1;
    if (columns == 0) {
      columns = fields;
      columns_line = number;
      if (columns <= options.targets) {
        const bool other_separator = line.find_first_of(";\t") != std::string::npos && options.separator == ',';
        throw DataError(
            detail::location(path, number, 1) + ": the line has " + std::to_string(columns) + " fields, and the last " +
            std::to_string(options.targets) + " are targets: no input is left" +
            (other_separator ? " (are the fields separated by ';' or tabs? see CsvOptions::separator)" : ""));
      }
      data.features = columns - options.targets;
    } else if (fields != columns) {
      // The column where the first missing field would start, or where the first extra one starts.
      std::size_t first_extra = 0;
      for (std::size_t k = 0; k < columns && fields > columns; ++k)
        first_extra = line.find(options.separator, first_extra) + 1;
      const std::size_t column = fields > columns ? first_extra + 1 : line.size() + 1;
      throw DataError(detail::location(path, number, column) + ": expected " + std::to_string(columns) +
                      " fields as on line " + std::to_string(columns_line) + ", found " + std::to_string(fields));
    }
    if (number == 1 && options.header) continue;
    std::size_t start = 0;
    for (std::size_t field = 1; field <= fields; ++field) {
      const std::size_t stop = std::min(line.find(options.separator, start), line.size());
      const float value = detail::parse_field(line, start, stop, path, number, field);
      (field <= data.features ? data.inputs : data.outputs).push_back(value);
      start = stop + 1;
    }
    samples = true;
  }
  if (in.bad()) throw DataError(path + ": cannot read it");
  if (!samples) {
    const char* why = number == 0                 ? "the file is empty"
                      : columns && options.header ? "the file has a header and no numbers"
                                                  : "the file has only blank lines";
    throw DataError(detail::location(path, number + 1, 1) + ": no data: " + why);
  }
  return data;
}

/// A dataset from the CSV file at `path`, as parse_csv reads it. Throws DataError naming the file.
inline Dataset read_csv(const std::string& path, const CsvOptions& options = CsvOptions()) {
  std::istringstream in(read_whole_file(path));
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

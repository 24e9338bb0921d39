/// \file
/// Datasets from CSV files: one sample per line, numbers separated by commas, the last `targets`
/// columns are the outputs. Accepted as spreadsheets write them: a UTF-8 byte order mark, CRLF line
/// ends, blank lines, spaces around fields, lines of any length. Refused with a DataError that names
/// the file, line and column (both counted from 1; columns in bytes, after a byte order mark) and the
/// field: anything but a decimal number, NaN, infinities, values beyond a float's range, lines with
/// another number of fields than the first, UTF-16 files, files with no data.
#ifndef TINYMLP_HOST_CSV_HPP
#define TINYMLP_HOST_CSV_HPP

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <locale>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "../detail/math.hpp"
#include "dataset.hpp"
#include "errors.hpp"
#include "labels.hpp"

namespace tinymlp {

/// How read_csv and parse_csv read a file.
struct CsvOptions {
  std::size_t targets = 1;  ///< How many trailing columns are outputs.
  bool header = false;      ///< The first line names the columns and is skipped.
  char separator = ',';     ///< Between fields.
  /// Classification data: with 2 or more, the last column (targets must be 1) is an integer class
  /// label in [0, classes), read as `classes` one-hot targets (Dataset::classes is set); a label that
  /// is no such integer is refused naming its line and column.
  std::size_t classes = 0;
  /// With `classes`: false keeps each label as the sample's one target, the class's index, as
  /// SparseCategoricalCrossEntropy takes it.
  bool one_hot = true;
};

namespace detail {

inline std::string location(const std::string& path, std::size_t line, std::size_t column) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// A field as written, for messages: other bytes than printable ASCII as \xNN, and cut after 40.
inline std::string quoted_field(std::string_view field) {
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

// The field of `line` from byte `begin` to `end` (1-based field number `field`). The messages are
// built only on the error paths: reading a million lines builds none.
inline float parse_field(std::string_view line, std::size_t begin, std::size_t end, const std::string& path,
                         std::size_t line_number, std::size_t field, bool hint_header = false) {
  while (begin < end && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
  while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  const auto where = [&] { return location(path, line_number, begin + 1) + ": field " + std::to_string(field); };
  const auto field_text = [&] { return quoted_field(std::string(line.substr(begin, end - begin))); };  // as written
  if (begin == end) throw DataError(where() + " is empty");
  std::size_t digits = begin;
  // from_chars takes no explicit plus sign; skip one, unless a minus follows ("+-1" is no number).
  if (line[digits] == '+' && digits + 1 < end && line[digits + 1] != '-') ++digits;
  float value = 0.0f;
  const auto result = float_from_chars(line.data() + digits, line.data() + end, value);
  if (result.ec == std::errc::result_out_of_range)
    throw DataError(where() + " is too large for a float: " + field_text() + " (the largest is 3.40282347e+38)");
  if (result.ec != std::errc() || result.ptr != line.data() + end)
    throw DataError(where() + " is not a number: " + field_text() +
                    (hint_header ? " (if line 1 names the columns, set CsvOptions::header)" : ""));
  if (value != value) throw DataError(where() + " is NaN: " + field_text() + "; tinymlp reads finite numbers only");
  if (!is_finite(value))
    throw DataError(where() + " is infinite: " + field_text() + "; tinymlp reads finite numbers only");
  return value;
}

// UTF-16 files (as some spreadsheets save "Unicode text") start with the byte order mark FF FE or FE FF.
inline void refuse_utf16(std::string_view first_line, const std::string& path) {
  if (first_line.size() < 2) return;
  const auto first = static_cast<unsigned char>(first_line[0]), second = static_cast<unsigned char>(first_line[1]);
  if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF))
    throw DataError(location(path, 1, 1) + ": the file is UTF-16 (its byte order mark is " +
                    (first == 0xFF ? "FF FE" : "FE FF") + "); save it as UTF-8");
}

// Reads CSV text line by line (each line without its '\n') into a Dataset.
class CsvReader {
 public:
  CsvReader(const std::string& path, const CsvOptions& options) : path_(path), options_(options) {
    if (options.classes != 0 && options.targets != 1)
      throw DataError(path + ": CsvOptions::classes reads one label column; targets is " +
                      std::to_string(options.targets));
    if (options.classes == 1) throw DataError(path + ": CsvOptions::classes is 1; a classifier needs at least 2");
    data_.targets = options.classes && options.one_hot ? options.classes : options.targets;
    data_.classes = options.classes;
  }

  // Space for about `samples` samples, once the width is known.
  void expect_bytes(std::size_t bytes) { expected_bytes_ = bytes; }

  void line(std::string_view line) {
    ++number_;
    if (number_ == 1) {
      if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 byte order mark
      refuse_utf16(line, path_);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF line ends
    if (line.empty()) return;
    const char separator = options_.separator;
    const std::size_t fields = static_cast<std::size_t>(std::count(line.begin(), line.end(), separator)) + 1;
    if (columns_ == 0) {
      first_width(line, fields);
    } else if (fields != columns_) {
      // The column where the first missing field would start, or where the first extra one starts.
      std::size_t first_extra = 0;
      for (std::size_t k = 0; k < columns_ && fields > columns_; ++k)
        first_extra = line.find(separator, first_extra) + 1;
      const std::size_t column = fields > columns_ ? first_extra + 1 : line.size() + 1;
      throw DataError(location(path_, number_, column) + ": expected " + std::to_string(columns_) +
                      " fields as on line " + std::to_string(columns_line_) + ", found " + std::to_string(fields));
    }
    if (number_ == 1 && options_.header) return;
    std::size_t start = 0;
    const bool hint_header = number_ == 1;  // a header the options do not announce
    for (std::size_t field = 1; field <= fields; ++field) {
      const std::size_t stop = std::min(line.find(separator, start), line.size());
      const float value = parse_field(line, start, stop, path_, number_, field, hint_header);
      if (field <= data_.features)
        data_.inputs.push_back(value);
      else if (options_.classes)
        push_label(value, line, start, field);
      else
        data_.outputs.push_back(value);
      start = stop + 1;
    }
    samples_ = true;
  }

  Dataset finish() {
    if (!samples_) {
      const char* why = number_ == 0                  ? "the file is empty"
                        : columns_ && options_.header ? "the file has a header and no numbers"
                                                      : "the file has only blank lines";
      throw DataError(location(path_, number_ + 1, 1) + ": no data: " + why);
    }
    return std::move(data_);
  }

 private:
  void first_width(std::string_view line, std::size_t fields) {
    columns_ = fields;
    columns_line_ = number_;
    if (columns_ <= options_.targets) {
      const bool other_separator = line.find_first_of(";\t") != std::string::npos && options_.separator == ',';
      throw DataError(location(path_, number_, 1) + ": the line has " + std::to_string(columns_) +
                      " fields, and the last " + std::to_string(options_.targets) + " are targets: no input is left" +
                      (other_separator ? " (are the fields separated by ';' or tabs? see CsvOptions::separator)" : ""));
    }
    data_.features = columns_ - options_.targets;
    if (expected_bytes_) {  // as many samples as lines of this one's length fit in the file
      const std::size_t samples = expected_bytes_ / (line.size() + 1) + 1;
      data_.inputs.reserve(samples * data_.features);
      data_.outputs.reserve(samples * data_.targets);
    }
  }

  void push_label(float label, std::string_view line, std::size_t start, std::size_t field) {
    const std::string reason = bad_label_reason(label, options_.classes);
    if (!reason.empty()) {
      while (line[start] == ' ' || line[start] == '\t') ++start;
      const std::size_t stop = std::min(line.find(options_.separator, start), line.size());
      std::string_view text = line.substr(start, stop - start);
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
      throw DataError(location(path_, number_, start + 1) + ": field " + std::to_string(field) + " " + reason + ": " +
                      quoted_field(std::string(text)) + " (CsvOptions::classes is " + std::to_string(options_.classes) +
                      ")");
    }
    if (!options_.one_hot) {
      data_.outputs.push_back(label);
      return;
    }
    const std::size_t first = data_.outputs.size();
    data_.outputs.resize(first + options_.classes, 0.0f);
    data_.outputs[first + static_cast<std::size_t>(label)] = 1.0f;
  }

  const std::string& path_;
  const CsvOptions& options_;
  Dataset data_;
  std::size_t columns_ = 0, columns_line_ = 0;  // the number of fields, and the line that set it (the header's)
  std::size_t number_ = 0;
  std::size_t expected_bytes_ = 0;
  bool samples_ = false;
};

}  // namespace detail

/// A dataset from CSV text read from `in`; `path` names it in errors. Throws DataError naming the
/// line, column and field of the first bad one (see the file's description).
inline Dataset parse_csv(std::istream& in, const std::string& path, const CsvOptions& options = CsvOptions()) {
  detail::CsvReader reader(path, options);
  std::string line;
  while (std::getline(in, line)) reader.line(line);
  if (in.bad()) throw DataError(path + ": cannot read it");
  return reader.finish();
}

/// A dataset from the CSV file at `path`, as parse_csv reads it. Throws DataError naming the file,
/// and the system's reason when it cannot be opened or read. The file is read in blocks: the memory
/// it takes is the dataset's and one block's (and the longest line's).
inline Dataset read_csv(const std::string& path, const CsvOptions& options = CsvOptions()) {
  detail::CsvReader reader(path, options);
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  const auto reason = [] { return std::generic_category().message(errno ? errno : EIO); };
  if (!file) throw DataError(path + ": cannot open it for reading: " + reason());
  struct stat status {};
  if (fstat(fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0)
    reader.expect_bytes(static_cast<std::size_t>(status.st_size));
  errno = 0;
  std::string carried;  // the start of a line that continues in the next block
  std::vector<char> block(1 << 16);
  std::size_t count = 0;
  while ((count = std::fread(block.data(), 1, block.size(), file.get())) > 0) {
    std::string_view text(block.data(), count);
    for (std::size_t end; (end = text.find('\n')) != std::string_view::npos; text.remove_prefix(end + 1)) {
      if (carried.empty()) {
        reader.line(text.substr(0, end));
      } else {
        carried.append(text.data(), end);
        reader.line(carried);
        carried.clear();
      }
    }
    carried.append(text.data(), text.size());
  }
  if (std::ferror(file.get())) throw DataError(path + ": cannot read it: " + reason());
  if (!carried.empty()) reader.line(carried);
  return reader.finish();
}

/// Sample-major CSV text with a header line; floats printed with enough digits to read back exactly.
inline std::string to_csv(const Dataset& data) {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // '.' and no digit grouping, whatever std::locale::global says
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

/// \file
/// The part the text formats' parsers share (model files, generated headers read back): the text a
/// line at a time and each line a piece at a time, with every error a ModelError naming
/// origin:line:column (counted from 1; columns in bytes).
#ifndef TINYMLP_HOST_TEXT_READER_HPP
#define TINYMLP_HOST_TEXT_READER_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include "csv.hpp"  // detail::quoted_field, detail::float_from_chars
#include "errors.hpp"

namespace tinymlp {
namespace detail {

/// A line-and-piece reader for the text formats (see the file's description).

class TextReader {
 public:
  // Lines starting with `comment` (if not empty) are skipped, as are blank lines when `skip_blank`.
  TextReader(std::string text, std::string origin, std::string comment, bool skip_blank);

  // Moves to the next line (a CR before its LF is dropped); false at the end of the text, where the
  // reader then stands, just after the last line.
  bool next_line();
  const std::string& line() const { return line_; }
  // Where the reader stands on the line (0 at its start), and the line from there.
  std::size_t position() const { return position_; }
  std::string rest() const { return line_.substr(position_); }

  // The next run of characters other than spaces and tabs ("" at the end of the line).
  std::string word();
  // Whether the line goes on with `literal` here; if so, the reader moves past it.
  bool skip(const std::string& literal);
  // The same, or fails with "expected `what`".
  void expect(const std::string& literal, const std::string& what);
  // Digits here, as a number from 1 to `largest`; fails naming `what` otherwise.
  std::size_t whole_number(const std::string& what, std::size_t largest);
  // `number` (just read) as a float; fails for anything but a finite float32 in decimal.
  float finite_float(const std::string& number) const;
  // Fails unless only spaces remain on the line.
  void expect_end_of_line();

  // "origin:line:column: message", at the start of the piece read last.
  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::string text_, origin_, comment_;
  bool skip_blank_;
  std::size_t next_ = 0;  // where the next line starts in text_
  std::string line_;
  std::size_t line_number_ = 0, position_ = 0, piece_ = 0;
};

inline TextReader::TextReader(std::string text, std::string origin, std::string comment, bool skip_blank)
    : text_(std::move(text)), origin_(std::move(origin)), comment_(std::move(comment)), skip_blank_(skip_blank) {}

inline bool TextReader::next_line() {
  while (next_ < text_.size()) {
    std::size_t end = text_.find('\n', next_);
    if (end == std::string::npos) end = text_.size();
    line_ = text_.substr(next_, end - next_);
    next_ = end + 1;
    ++line_number_;
    position_ = piece_ = 0;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    const bool blank = line_.find_first_not_of(" \t") == std::string::npos;
    if ((skip_blank_ && blank) || (!comment_.empty() && line_.compare(0, comment_.size(), comment_) == 0)) continue;
    return true;
  }
  // At the end: just after the last character (on a line of its own after a final line end).
  if (next_ == text_.size() && (text_.empty() || text_.back() == '\n')) {
    line_.clear();
    ++line_number_;
  }
  next_ = text_.size() + 1;
  position_ = piece_ = line_.size();
  return false;
}

inline std::string TextReader::word() {
  while (position_ < line_.size() && (line_[position_] == ' ' || line_[position_] == '\t')) ++position_;
  piece_ = position_;
  while (position_ < line_.size() && line_[position_] != ' ' && line_[position_] != '\t') ++position_;
  return line_.substr(piece_, position_ - piece_);
}

inline bool TextReader::skip(const std::string& literal) {
  piece_ = position_;
  if (line_.compare(position_, literal.size(), literal) != 0) return false;
  position_ += literal.size();
  return true;
}

inline void TextReader::expect(const std::string& literal, const std::string& what) {
  if (!skip(literal)) fail("expected " + what);
}

inline std::size_t TextReader::whole_number(const std::string& what, std::size_t largest) {
  while (position_ < line_.size() && (line_[position_] == ' ' || line_[position_] == '\t')) ++position_;
  piece_ = position_;
  std::size_t value = 0;
  const auto result = std::from_chars(line_.data() + position_, line_.data() + line_.size(), value);
  std::size_t end = position_;
  while (end < line_.size() && line_[end] != ' ' && line_[end] != ',' && line_[end] != '>' && line_[end] != ']') ++end;
  if (result.ec != std::errc() || result.ptr != line_.data() + end || value < 1 || value > largest)
    fail(what + " must be a whole number from 1 to " + std::to_string(largest) + ", found " +
         quoted_field(line_.substr(position_, end - position_)));
  position_ = end;
  return value;
}

inline float TextReader::finite_float(const std::string& number) const {
  float value = 0.0f;
  const auto result = detail::float_from_chars(number.data(), number.data() + number.size(), value);
  if (result.ec == std::errc::result_out_of_range) fail(quoted_field(number) + " is too large for a float");
  if (number.empty() || result.ec != std::errc() || result.ptr != number.data() + number.size())
    fail(quoted_field(number) + " is not a number");
  if (!std::isfinite(value)) fail(quoted_field(number) + " is not a finite number");
  return value;
}

inline void TextReader::expect_end_of_line() {
  const std::string extra = word();
  if (!extra.empty()) fail("unexpected " + quoted_field(extra) + " at the end of the line");
}

inline void TextReader::fail(const std::string& message) const {
  throw ModelError(origin_ + ":" + std::to_string(line_number_) + ":" + std::to_string(piece_ + 1) + ": " + message);
}

}  // namespace detail
}  // namespace tinymlp

#endif

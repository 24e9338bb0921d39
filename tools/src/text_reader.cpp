#include "text_reader.hpp"

#include <charconv>
#include <cmath>
#include <utility>

#include "tinymlp/host/csv.hpp"  // detail::float_from_chars
#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {

TextReader::TextReader(std::string text, std::string origin, std::string comment, bool skip_blank)
    : text_(std::move(text)), origin_(std::move(origin)), comment_(std::move(comment)), skip_blank_(skip_blank) {}

bool TextReader::next_line() {
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

std::string TextReader::word() {
  while (position_ < line_.size() && (line_[position_] == ' ' || line_[position_] == '\t')) ++position_;
  piece_ = position_;
  while (position_ < line_.size() && line_[position_] != ' ' && line_[position_] != '\t') ++position_;
  return line_.substr(piece_, position_ - piece_);
}

bool TextReader::skip(const std::string& literal) {
  piece_ = position_;
  if (line_.compare(position_, literal.size(), literal) != 0) return false;
  position_ += literal.size();
  return true;
}

void TextReader::expect(const std::string& literal, const std::string& what) {
  if (!skip(literal)) fail("expected " + what);
}

std::size_t TextReader::whole_number(const std::string& what, std::size_t largest) {
  while (position_ < line_.size() && (line_[position_] == ' ' || line_[position_] == '\t')) ++position_;
  piece_ = position_;
  std::size_t value = 0;
  const auto result = std::from_chars(line_.data() + position_, line_.data() + line_.size(), value);
  std::size_t end = position_;
  while (end < line_.size() && line_[end] != ' ' && line_[end] != ',' && line_[end] != '>' && line_[end] != ']') ++end;
  if (result.ec != std::errc() || result.ptr != line_.data() + end || value < 1 || value > largest)
    fail(what + " must be a whole number from 1 to " + std::to_string(largest) + ", found " +
         quoted(line_.substr(position_, end - position_)));
  position_ = end;
  return value;
}

float TextReader::finite_float(const std::string& number) const {
  float value = 0.0f;
  const auto result = detail::float_from_chars(number.data(), number.data() + number.size(), value);
  if (result.ec == std::errc::result_out_of_range) fail(quoted(number) + " is too large for a float");
  if (number.empty() || result.ec != std::errc() || result.ptr != number.data() + number.size())
    fail(quoted(number) + " is not a number");
  if (!std::isfinite(value)) fail(quoted(number) + " is not a finite number");
  return value;
}

void TextReader::expect_end_of_line() {
  const std::string extra = word();
  if (!extra.empty()) fail("unexpected " + quoted(extra) + " at the end of the line");
}

void TextReader::fail(const std::string& message) const {
  throw ModelError(origin_ + ":" + std::to_string(line_number_) + ":" + std::to_string(piece_ + 1) + ": " + message);
}

}  // namespace tools
}  // namespace tinymlp

// The part the text formats' parsers share (model files, generated headers read back): the text a
// line at a time and each line a piece at a time, with every error naming origin:line:column
// (counted from 1; columns in bytes).
#ifndef TINYMLP_TOOLS_TEXT_READER_HPP
#define TINYMLP_TOOLS_TEXT_READER_HPP

#include <cstddef>
#include <string>

#include "tinymlp/host/csv.hpp"  // detail::quoted_field

namespace tinymlp {
namespace tools {

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

// A word quoted for a message: "'abc'", shortened to its first 40 characters.
inline std::string quoted(const std::string& word) { return detail::quoted_field(word); }

}  // namespace tools
}  // namespace tinymlp

#endif

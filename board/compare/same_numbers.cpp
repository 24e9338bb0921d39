// same-numbers: checks that a program printed the same lines on a board as on the host: the same
// words, and numbers that agree within a tolerance (float arithmetic on an AVR or a Cortex-M4
// rounds differently from the host's vector code). Prints the two side by side. With --relative FLOOR
// the tolerance is a fraction of the larger of the two numbers' magnitudes, or of FLOOR if that is
// larger (rounding errors are absolute: a number near zero may carry those of larger terms).
//   same-numbers HOST_OUTPUT BOARD_OUTPUT [--tolerance 1e-5] [--relative FLOOR] [--quiet]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> read_lines(const char* path) {
  std::ifstream file(path);
  if (!file) {
    std::fprintf(stderr, "same-numbers: cannot read %s\n", path);
    std::exit(2);
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream stream(line);
  std::vector<std::string> words;
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

bool is_number(const std::string& word, double& value) {
  char* end = nullptr;
  value = std::strtod(word.c_str(), &end);
  return end != word.c_str() && *end == '\0';
}

// Same words; where both are numbers, within the tolerance. Returns the largest difference seen.
bool lines_agree(const std::string& host, const std::string& board, double tolerance, double relative_floor,
                 double& largest) {
  const std::vector<std::string> host_words = words_of(host), board_words = words_of(board);
  if (host_words.size() != board_words.size()) return false;
  for (std::size_t k = 0; k < host_words.size(); ++k) {
    double host_value = 0, board_value = 0;
    if (is_number(host_words[k], host_value) && is_number(board_words[k], board_value)) {
      const double scale = relative_floor > 0
                               ? std::fmax(relative_floor, std::fmax(std::fabs(host_value), std::fabs(board_value)))
                               : 1.0;
      const double difference = std::fabs(host_value - board_value) / scale;
      largest = difference > largest ? difference : largest;
      if (!(difference <= tolerance)) return false;
    } else if (host_words[k] != board_words[k]) {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: same-numbers HOST_OUTPUT BOARD_OUTPUT [--tolerance 1e-5] [--relative FLOOR] [--quiet]\n",
               stderr);
    return 2;
  }
  double tolerance = 1e-5;
  bool quiet = false;
  double relative_floor = 0;  // 0: absolute
  for (int k = 3; k < argc; ++k) {
    const std::string flag = argv[k];
    if (flag == "--tolerance" && k + 1 < argc)
      tolerance = std::atof(argv[++k]);
    else if (flag == "--quiet")
      quiet = true;
    else if (flag == "--relative" && k + 1 < argc)
      relative_floor = std::atof(argv[++k]);
  }
  const std::vector<std::string> host = read_lines(argv[1]), board = read_lines(argv[2]);
  const std::size_t rows = host.size() > board.size() ? host.size() : board.size();
  std::size_t disagreeing = 0;
  double largest = 0;
  if (!quiet) std::printf("%-36s | %-36s\n", "host", "board");
  for (std::size_t row = 0; row < rows; ++row) {
    const std::string host_line = row < host.size() ? host[row] : "(missing)";
    const std::string board_line = row < board.size() ? board[row] : "(missing)";
    const bool agree = row < host.size() && row < board.size() &&
                       lines_agree(host_line, board_line, tolerance, relative_floor, largest);
    disagreeing += !agree;
    if (!quiet || !agree)
      std::printf("%-36s | %-36s%s\n", host_line.c_str(), board_line.c_str(), agree ? "" : "  <- differs");
  }
  std::printf("%zu lines, %zu differ; largest %sdifference %.3g (tolerance %.3g)\n", rows, disagreeing,
              relative_floor > 0 ? "relative " : "", largest, tolerance);
  return disagreeing == 0 && rows > 0 ? 0 : 1;
}

// Writes, the way `tinymlp-convert model.tflite -o NAME.hpp` does, a float and an int8 header for
// every name a careless user could give as the output's name: each C++ keyword, each macro that
// tests/compile/arduino_macros.hpp (Arduino.h) defines, the functions a sketch already has; and headers
// whose source, written in their comment, holds a line end or ends in a backslash. Then writes one
// translation unit per kind that includes the Arduino macros and every header: it must compile.
//   write_sketch_name_headers <folder> <arduino_macros.hpp> <float.tflite> <int8.tflite>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tinymlp/host/read_file.hpp"
#include "tinymlp/tflite/model_files.hpp"

namespace {

// The names a #define line of the Arduino macro list defines.
std::vector<std::string> defined_macros(const std::string& path) {
  std::istringstream lines(tinymlp::read_whole_file(path));
  std::vector<std::string> names;
  for (std::string line; std::getline(lines, line);) {
    if (line.compare(0, 8, "#define ") != 0) continue;
    const std::string rest = line.substr(8);
    const std::size_t end = rest.find_first_of(" (");
    const std::string name = rest.substr(0, end);
    if (name.compare(0, 12, "TINYMLP_TEST") != 0) names.push_back(name);
  }
  return names;
}

const char* const cpp_keywords[] = {
    "alignas",   "alignof",  "and",      "and_eq",    "asm",          "auto",          "bitand",
    "bitor",     "bool",     "break",    "case",      "catch",        "char",          "char16_t",
    "char32_t",  "class",    "compl",    "const",     "const_cast",   "constexpr",     "continue",
    "decltype",  "default",  "delete",   "do",        "double",       "dynamic_cast",  "else",
    "enum",      "explicit", "export",   "extern",    "false",        "float",         "for",
    "friend",    "goto",     "if",       "inline",    "int",          "long",          "mutable",
    "namespace", "new",      "noexcept", "not",       "not_eq",       "nullptr",       "operator",
    "or",        "or_eq",    "private",  "protected", "public",       "register",      "reinterpret_cast",
    "return",    "short",    "signed",   "sizeof",    "static",       "static_assert", "static_cast",
    "struct",    "switch",   "template", "this",      "thread_local", "throw",         "true",
    "try",       "typedef",  "typeid",   "typename",  "union",        "unsigned",      "using",
    "virtual",   "void",     "volatile", "wchar_t",   "while",        "xor",           "xor_eq"};

// Names a sketch already has at global scope, and odd file names.
const char* const sketch_names[] = {"main",  "setup",      "loop",      "map",      "sin",    "exp",
                                    "byte",  "word",       "boolean",   "Serial",   "String", "random",
                                    "delay", "__reserved", "_Reserved", "my-model", "2nd",    "B10110011",
                                    "sq",    "abs",        "round",     "radians"};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s <folder> <arduino_macros.hpp> <float.tflite> <int8.tflite>\n", argv[0]);
    return 2;
  }
  const std::string folder = argv[1];
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder + "/float");
  std::filesystem::create_directories(folder + "/int8");
  std::set<std::string> names(std::begin(cpp_keywords), std::end(cpp_keywords));
  names.insert(std::begin(sketch_names), std::end(sketch_names));
  for (const std::string& macro : defined_macros(argv[2])) names.insert(macro);
  const struct {
    const char* kind;
    const char* model;
  } kinds[] = {{"float", argv[3]}, {"int8", argv[4]}};
  try {
    for (const auto& kind : kinds) {
      const tinymlp::ModelDescription model = tinymlp::tflite::read_any_model(kind.model);
      std::string unit = "#include \"arduino_macros.hpp\"\n";
      const auto write = [&](const std::string& file, const std::string& source) {
        const std::string path = folder + "/" + kind.kind + "/" + file + ".hpp";
        tinymlp::tflite::write_any_model(path, model, "", source);
        unit += "#include \"" + path + "\"\n";
      };
      for (const std::string& name : names) write(name, "a model named " + name);
      write("injected_line", "models/x\n#error a line end in the source ended the comment\n.tflite");
      write("continued_comment", "C:\\models\\");
      write("continued_comment_crlf", "C:\\models\\\r");
      std::ofstream(folder + "/" + kind.kind + "_headers.cpp") << unit;
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  std::printf("%zu names, a float and an int8 header each\n", names.size());
  return 0;
}

#include "tinymlp/tflite/model_files.hpp"

#include <filesystem>

#include "tinymlp/host/header_reader.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/host/read_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace tinymlp {
namespace tflite {
namespace {

bool is_header_name(const std::string& extension) { return extension == ".hpp" || extension == ".h"; }

}  // namespace

ModelDescription read_any_model(const std::string& path) {
  const std::string bytes = read_whole_file<ModelError>(path);
  const std::string extension = std::filesystem::path(path).extension().string();
  if (looks_like_tflite(bytes) || extension == ".tflite")
    return import_tflite(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), path);
  if (is_header_name(extension)) return parse_model_header(bytes, path);
  return parse_model_file(bytes, path);
}

void write_any_model(const std::string& path, const ModelDescription& model, const std::string& name,
                     const std::string& source, RoundingMode rounding) {
  const std::filesystem::path file(path);
  const std::string extension = file.extension().string();
  try {
    if (is_header_name(extension))
      write_model_header(path, model, name.empty() ? file.stem().string() : name, source, rounding);
    else if (extension == ".tflite")
      write_tflite(path, model);
    else
      write_model_file(path, model);
  } catch (const ModelError& error) {  // a model the format cannot hold: say which file was not written
    throw ModelError(path + ": " + error.what());
  }
}

}  // namespace tflite
}  // namespace tinymlp

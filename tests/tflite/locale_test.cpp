// Every writer and reader gives the same bytes and reads the same values in a decimal-comma locale:
// a program that calls setlocale(LC_ALL, "") or std::locale::global in Germany gets model files,
// headers (float literals), CSV and History CSV it can read back and compile. Its own program: the
// locale is global. The build makes de_DE.UTF-8 with localedef (LOCPATH points at it).
#include <doctest/doctest.h>

#include <clocale>
#include <cstdio>
#include <locale>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "tinymlp/host.hpp"
#include "tinymlp/host/read_file.hpp"
#include "tinymlp/host/header_reader.hpp"
#include "tinymlp/host/header_writer.hpp"
#include "tinymlp/host/model_file.hpp"
#include "tinymlp/tflite/export.hpp"
#include "tinymlp/tflite/import.hpp"

namespace {

struct Written {
  std::string model_file, float_header, int8_header, tflite, csv, history;
};

tinymlp::Dataset dataset() {
  tinymlp::Dataset data;
  data.features = 2;
  data.targets = 1;
  data.inputs = {0.5f, -1234567.0f, 1e-7f, 3.25f};
  data.outputs = {1000.5f, -0.125f};
  return data;
}

tinymlp::History history() {
  tinymlp::History history;
  history.has_validation = true;
  history.metric_names = {"mae"};
  for (int e = 0; e < 1200; e += 600) {
    tinymlp::EpochRecord record;
    record.loss = 0.5f + static_cast<float>(e);
    record.metrics = {0.25f};
    record.val_loss = 1234.5f;
    record.val_metrics = {0.75f};
    record.learning_rate = 0.001f;
    history.epochs.push_back(record);
  }
  return history;
}

Written write_everything() {
  const tinymlp::ModelDescription float_model =
      tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  const tinymlp::ModelDescription int8_model = tinymlp::tflite::read_tflite(fixtures::path("hello_world_int8.tflite"));
  return {tinymlp::model_file_text(float_model),
          tinymlp::model_header(float_model, "model", "model.tflite"),
          tinymlp::model_header(int8_model, "model", "model.tflite"),
          tinymlp::tflite::export_tflite(float_model),
          tinymlp::to_csv(dataset()),
          history().to_csv()};
}

TEST_CASE("under de_DE.UTF-8 (setlocale and std::locale::global) every writer gives the same bytes, read back") {
  const Written in_c = write_everything();
  const bool made = std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr;
  REQUIRE_MESSAGE(made,
                  "the locale de_DE.UTF-8 is missing: the test setup makes it with localedef (Debian's "
                  "locales package, scripts/install-debian-packages.sh) into LOCPATH");
  std::locale::global(std::locale("de_DE.UTF-8"));
  char probe[16];
  std::snprintf(probe, sizeof probe, "%.1f", 0.5);
  std::ostringstream grouped;
  grouped << 1234567;
  REQUIRE_MESSAGE(std::string(probe) == "0,5", "the locale does not write a decimal comma: " << probe);
  REQUIRE_MESSAGE(grouped.str() == "1.234.567", "the locale does not group digits: " << grouped.str());

  const Written in_german = write_everything();
  CHECK(in_german.model_file == in_c.model_file);
  CHECK(in_german.float_header == in_c.float_header);
  CHECK(in_german.int8_header == in_c.int8_header);
  CHECK(in_german.tflite == in_c.tflite);
  CHECK(in_german.csv == in_c.csv);
  CHECK(in_german.history == in_c.history);

  const tinymlp::ModelDescription original = tinymlp::tflite::read_tflite(fixtures::path("hello_world_float.tflite"));
  CHECK(tinymlp::parse_model_file(in_german.model_file, "model.tinymlp").layers[0].kernel == original.layers[0].kernel);
  CHECK(tinymlp::parse_model_header(in_german.float_header, "model.hpp").layers[2].kernel == original.layers[2].kernel);
  std::istringstream csv(in_german.csv);
  tinymlp::CsvOptions options;
  options.header = true;
  const tinymlp::Dataset back = tinymlp::parse_csv(csv, "data.csv", options);
  CHECK(back.inputs == dataset().inputs);
  CHECK(back.outputs == dataset().outputs);
  std::setlocale(LC_ALL, "C");
  std::locale::global(std::locale::classic());
}

}  // namespace

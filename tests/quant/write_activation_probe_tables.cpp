// Writes the header the Uno's int8 activation probe (device/int8_activations_on_uno.cpp) runs from: the
// tables of a LOGISTIC and of a 6-class SOFTMAX in both arithmetics (as the converter computes them),
// probe inputs, and the host's outputs for them, which the Uno must reproduce.
//   write_activation_probe_tables <header>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "tinymlp/detail/flash.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/quant/int8_lookup.hpp"
#include "tinymlp/quant/int8_softmax.hpp"

namespace {

const int rows = 64;

template <class Value>
void write_array(std::FILE* out, const Value* values, std::size_t count, const char* format) {
  for (std::size_t k = 0; k < count; ++k) std::fprintf(out, format, values[k], k + 1 < count ? ", " : "");
}
void write_array(std::FILE* out, const float* values, std::size_t count, const char* format) {
  for (std::size_t k = 0; k < count; ++k)
    std::fprintf(out, format, static_cast<double>(values[k]), k + 1 < count ? ", " : "");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::FILE* out = std::fopen(argv[1], "w");
  if (!out) return 1;
  // The maintenance fixture's LOGISTIC input quantization, and a classifier's logits quantization.
  const float logistic_input_scale = 0.0843694f, softmax_input_scale = 0.13f;
  const auto logistic = tinymlp::logistic_table("LOGISTIC", logistic_input_scale, 23, 1.0f / 256, -128,
                                                tinymlp::Int8Activations::tflite_cpu);
  tinymlp::quant::FloatTableSoftmax::Parameters cpu{};
  const auto cpu_table = tinymlp::softmax_float_table("SOFTMAX", softmax_input_scale, 1.0f, 1.0f / 256, -128);
  std::copy(cpu_table.begin(), cpu_table.end(), cpu.exp_of_difference);
  cpu.output_scale = 1.0f / 256;
  tinymlp::quant::FixedPointSoftmax::Parameters micro{};
  const auto micro_table = tinymlp::softmax_fixed_point_table("SOFTMAX", softmax_input_scale, 1.0f, 1.0f / 256, -128);
  std::copy(micro_table.begin(), micro_table.end(), micro.exp_of_difference);

  std::mt19937 random(17);
  std::uniform_int_distribution<int> value(-128, 127);
  std::vector<std::int8_t> inputs(rows * 6), expected_cpu(rows * 6), expected_micro(rows * 6);
  for (auto& v : inputs) v = static_cast<std::int8_t>(value(random));
  for (int r = 0; r < rows; ++r) {
    tinymlp::quant::FloatTableSoftmax::forward<6, tinymlp::RamReader>(cpu, &inputs[r * 6], &expected_cpu[r * 6]);
    tinymlp::quant::FixedPointSoftmax::forward<6, tinymlp::RamReader>(micro, &inputs[r * 6], &expected_micro[r * 6]);
  }
  std::fprintf(out,
               "// Written by write_activation_probe_tables: do not edit.\n#include <tinymlp/quant/int8_lookup.hpp>\n"
               "#include <tinymlp/quant/int8_softmax.hpp>\n#include <tinymlp/detail/flash.hpp>\n\n");
  std::fprintf(out, "const tinymlp::Int8LookupParameters logistic TINYMLP_PROGMEM = {{");
  const std::vector<int> logistic_values(logistic.begin(), logistic.end());
  write_array(out, logistic_values.data(), 256, "%d%s");
  std::fprintf(out, "}, -128};\nconst tinymlp::quant::FloatTableSoftmax::Parameters softmax_cpu TINYMLP_PROGMEM = {{");
  write_array(out, cpu.exp_of_difference, 256, "%.9ef%s");
  std::fprintf(out,
               "}, %.9ef};\nconst tinymlp::quant::FixedPointSoftmax::Parameters softmax_micro TINYMLP_PROGMEM = {{",
               static_cast<double>(cpu.output_scale));
  const std::vector<long> exps(micro.exp_of_difference, micro.exp_of_difference + 256);
  write_array(out, exps.data(), 256, "%ldL%s");
  std::fprintf(out, "}};\nconst int probe_rows = %d;\nconst int8_t probe_inputs[%d] TINYMLP_PROGMEM = {", rows,
               rows * 6);
  write_array(out, std::vector<int>(inputs.begin(), inputs.end()).data(), inputs.size(), "%d%s");
  std::fprintf(out, "};\nconst int8_t expected_cpu[%d] TINYMLP_PROGMEM = {", rows * 6);
  write_array(out, std::vector<int>(expected_cpu.begin(), expected_cpu.end()).data(), expected_cpu.size(), "%d%s");
  std::fprintf(out, "};\nconst int8_t expected_micro[%d] TINYMLP_PROGMEM = {", rows * 6);
  write_array(out, std::vector<int>(expected_micro.begin(), expected_micro.end()).data(), expected_micro.size(),
              "%d%s");
  std::fprintf(out, "};\nconst int8_t expected_logistic[256] TINYMLP_PROGMEM = {");
  write_array(out, logistic_values.data(), 256, "%d%s");
  std::fprintf(out, "};\n");
  return std::fclose(out) == 0 ? 0 : 1;
}

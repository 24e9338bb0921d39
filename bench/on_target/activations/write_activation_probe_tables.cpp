// Writes the header the Uno's int8 activation probe (int8_activations_on_uno.cpp) runs from: the
// tables of a LOGISTIC and of a 6-class SOFTMAX in both arithmetics (as the converter computes them),
// probe inputs, and the host's outputs for them, which the Uno must reproduce.
//   write_activation_probe_tables <header>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "tinymlp/flash.hpp"
#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/quant/hybrid_dense.hpp"
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
               "// Written by write_activation_probe_tables: do not edit.\n#include "
               "<tinymlp/quant/hybrid_dense.hpp>\n#include <tinymlp/quant/int8_lookup.hpp>\n"
               "#include <tinymlp/quant/int8_softmax.hpp>\n#include <tinymlp/flash.hpp>\n\n");
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

  // A hybrid 1-16-16-1 model (symmetric inputs, ReLUs fused): random int8 weights, and its outputs.
  tinymlp::HybridDenseParameters<1, 16> first{};
  tinymlp::HybridDenseParameters<16, 16> second{};
  tinymlp::HybridDenseParameters<16, 1> third{};
  std::uniform_real_distribution<float> real(-1.0f, 1.0f);
  auto fill = [&](auto& parameters, std::size_t kernel, std::size_t bias, const char* name) {
    for (std::size_t k = 0; k < kernel; ++k) parameters.kernel[k] = static_cast<std::int8_t>(value(random) | 1);
    parameters.weight_scale = 0.01f + 0.01f * std::fabs(real(random));
    for (std::size_t k = 0; k < bias; ++k) parameters.bias[k] = real(random);
    std::fprintf(out, "const tinymlp::HybridDenseParameters<%s> %s TINYMLP_PROGMEM = {{", name,
                 kernel == 16 && bias == 16 ? "hybrid_first"
                 : kernel == 16             ? "hybrid_third"
                                            : "hybrid_second");
    const std::vector<int> weights(parameters.kernel, parameters.kernel + kernel);
    write_array(out, weights.data(), kernel, "%d%s");
    std::fprintf(out, "}, %.9ef, {", static_cast<double>(parameters.weight_scale));
    write_array(out, parameters.bias, bias, "%.9ef%s");
    std::fprintf(out, "}};\n");
  };
  fill(first, 16, 16, "1, 16");
  fill(second, 256, 16, "16, 16");
  fill(third, 16, 1, "16, 1");
  std::vector<float> hybrid_inputs(32), hybrid_outputs(32);
  for (std::size_t s = 0; s < 32; ++s) {
    hybrid_inputs[s] = 3.0f * real(random);
    float h1[16], h2[16];
    tinymlp::HybridDense<1, 16, tinymlp::quant::SymmetricInputs, true>::forward<tinymlp::RamReader>(
        first, &hybrid_inputs[s], h1);
    tinymlp::HybridDense<16, 16, tinymlp::quant::SymmetricInputs, true>::forward<tinymlp::RamReader>(second, h1, h2);
    tinymlp::HybridDense<16, 1>::forward<tinymlp::RamReader>(third, h2, &hybrid_outputs[s]);
  }
  std::fprintf(out, "const float hybrid_inputs[32] TINYMLP_PROGMEM = {");
  write_array(out, hybrid_inputs.data(), 32, "%.9ef%s");
  std::fprintf(out, "};\nconst float hybrid_outputs[32] TINYMLP_PROGMEM = {");
  write_array(out, hybrid_outputs.data(), 32, "%.9ef%s");
  std::fprintf(out, "};\n");
  return std::fclose(out) == 0 ? 0 : 1;
}

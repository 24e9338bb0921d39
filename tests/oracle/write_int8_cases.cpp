// Writes the cases that check_int8_cases.js holds against TFLite's runtime: tinymlp's outputs, in the
// CPU runtime's mode (Int8Activations::tflite_cpu tables through Int8Lookup, FloatTableSoftmax through
// Int8Softmax), for int8 LOGISTIC, TANH, RELU and RELU6 on all 256 inputs and SOFTMAX on random rows,
// over random scales and zero points (a fixed seed) and a few found where the two runtimes differ.
//   write_int8_cases <cases.txt>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "tinymlp/host/int8_activation_tables.hpp"
#include "tinymlp/quant/int8_lookup.hpp"
#include "tinymlp/quant/int8_softmax.hpp"

namespace {

void write_values(std::ostream& out, const char* tag, const std::vector<std::int8_t>& values) {
  out << tag;
  for (std::int8_t v : values) out << ' ' << static_cast<int>(v);
  out << '\n';
}

void write_lookup_case(std::ostream& out, const std::string& op, float input_scale, int input_zero_point,
                       float output_scale, int output_zero_point, float alpha = 1.0f) {
  const tinymlp::Int8Activations cpu = tinymlp::Int8Activations::tflite_cpu;
  tinymlp::Int8Table table;
  if (op == "LOGISTIC")
    table = tinymlp::logistic_table(op, input_scale, input_zero_point, output_scale, output_zero_point, cpu);
  if (op == "TANH")
    table = tinymlp::tanh_table(op, input_scale, input_zero_point, output_scale, output_zero_point, cpu);
  if (op == "RELU" || op == "RELU6")
    table = tinymlp::relu_table(op, input_scale, input_zero_point, output_scale, output_zero_point,
                                op == "RELU" ? INFINITY : 6.0f, cpu);
  if (op == "LEAKY_RELU")
    table = tinymlp::leaky_relu_table(op, input_scale, input_zero_point, output_scale, output_zero_point, alpha, cpu);
  tinymlp::Int8LookupParameters parameters{};
  std::copy(table.begin(), table.end(), parameters.output);
  std::vector<std::int8_t> x(256), y(256);
  for (int k = 0; k < 256; ++k) x[static_cast<std::size_t>(k)] = static_cast<std::int8_t>(k - 128);
  tinymlp::Int8Lookup<256>::forward<tinymlp::quant::SingleRounding, tinymlp::RamReader>(parameters, x.data(), y.data());
  out.precision(9);
  out << "case " << op << ' ' << input_scale << ' ' << input_zero_point << ' ' << output_scale << ' '
      << output_zero_point << ' ' << alpha << " 256\n";
  write_values(out, "in", x);
  write_values(out, "out", y);
}

template <std::size_t Classes>
void write_softmax_case(std::ostream& out, float input_scale, float beta, std::mt19937& random) {
  tinymlp::quant::FloatTableSoftmax::Parameters parameters{};
  const auto table = tinymlp::softmax_float_table("SOFTMAX", input_scale, beta, 1.0f / 256, -128);
  std::copy(table.begin(), table.end(), parameters.exp_of_difference);
  parameters.output_scale = 1.0f / 256;
  out.precision(9);
  out << "case SOFTMAX " << input_scale << " 0 " << 1.0f / 256 << " -128 " << beta << ' ' << Classes << '\n';
  for (int row = 0; row < 300; ++row) {
    // Narrow rows too, where several classes share the probability.
    std::uniform_int_distribution<int> value(-128, row % 3 == 0 ? -108 : row % 3 == 1 ? -48 : 127);
    std::vector<std::int8_t> x(Classes), y(Classes);
    for (auto& v : x) v = static_cast<std::int8_t>(value(random));
    tinymlp::Int8Softmax<Classes, tinymlp::quant::FloatTableSoftmax>::template forward<tinymlp::quant::SingleRounding,
                                                                                       tinymlp::RamReader>(
        parameters, x.data(), y.data());
    write_values(out, "in", x);
    write_values(out, "out", y);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_int8_cases <cases.txt>\n";
    return 2;
  }
  std::ofstream out(argv[1]);
  std::mt19937 random(2026);
  std::uniform_real_distribution<float> scale(0.001f, 0.3f);
  std::uniform_int_distribution<int> zero_point(-128, 127);
  // Where XNNPACK's LOGISTIC table, TFLite's LUT and TensorFlow Lite Micro's fixed point part ways.
  write_lookup_case(out, "LOGISTIC", 0.124839611f, 10, 1.0f / 256, -128);
  write_lookup_case(out, "LOGISTIC", 0.133008376f, -99, 1.0f / 256, -128);
  write_lookup_case(out, "TANH", 0.080210954f, -95, 1.0f / 128, 0);
  write_lookup_case(out, "TANH", 0.00101409154f, 18, 1.0f / 128, 0);
  for (int k = 0; k < 25; ++k) {
    const float s = scale(random);
    const int z = zero_point(random);
    write_lookup_case(out, "LOGISTIC", s, z, 1.0f / 256, -128);
    write_lookup_case(out, "TANH", s, z, 1.0f / 128, 0);
    const float output = scale(random);
    const int output_zero_point = zero_point(random);
    write_lookup_case(out, k % 2 ? "RELU" : "RELU6", s, z, output, output_zero_point);
    write_lookup_case(out, "LEAKY_RELU", s, z, output, output_zero_point,
                      k % 5 == 0 ? 0.0f : 0.01f * static_cast<float>(k * 3));
  }
  write_lookup_case(out, "LEAKY_RELU", 0.05f, -7, 0.05f, -7, 0.3f);  // Keras's default alpha, quantization kept
  write_lookup_case(out, "LEAKY_RELU", 0.1f, 20, 0.03f, -100, 0.2f);
  for (float input_scale : {0.0625f, 0.1f, 0.2137f, 0.0117f}) write_softmax_case<6>(out, input_scale, 1.0f, random);
  write_softmax_case<10>(out, 0.05f, 2.5f, random);
  write_softmax_case<2>(out, 0.3f, 1.0f, random);
  return out ? 0 : 1;
}

// tinymlp's own hybrid exports for TFLite's runtime to run (tests/oracle/check_hybrid_cases.cmake): a
// 4-12-8-3 model (ReLU, Tanh fused, Softmax after) made hybrid with each input variant, written as
// SCRATCH/hybrid_{symmetric,asymmetric}.tflite, with SCRATCH/hybrid_inputs.txt (random rows, one all
// zero, one all negative) and what tinymlp computes for them, SCRATCH/hybrid_{...}.tinymlp.txt.
//   write_hybrid_cases SCRATCH
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "description_inference.hpp"
#include "tinymlp/host/describe.hpp"
#include "tinymlp/host/float_text.hpp"
#include "tinymlp/host/hybrid_quantize.hpp"
#include "tinymlp/tflite/export.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_hybrid_cases SCRATCH\n");
    return 2;
  }
  const std::string scratch = argv[1];
  typedef tinymlp::Sequential<tinymlp::Dense<4, 12>, tinymlp::ReLU, tinymlp::Dense<12, 8>, tinymlp::Tanh,
                              tinymlp::Dense<8, 3>, tinymlp::Softmax>
      Float;
  Float model;
  tinymlp::Random random(13);
  model.initialize(random);
  for (float& parameter : model.parameters) parameter *= 2.0f;  // wider than Glorot: more saturated rows
  const tinymlp::ModelDescription description = tinymlp::describe(model);

  std::vector<std::vector<float>> rows = {{0.0f, 0.0f, 0.0f, 0.0f}, {-0.5f, -1.0f, -0.25f, -2.0f}};
  for (int s = 0; s < 30; ++s) {
    std::vector<float> row;
    for (int i = 0; i < 4; ++i) row.push_back(4.0f * random.uniform() - 2.0f);
    rows.push_back(row);
  }
  std::ofstream inputs(scratch + "/hybrid_inputs.txt");
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) inputs << (i ? " " : "") << tinymlp::float_text(row[i]);
    inputs << "\n";
  }
  for (tinymlp::HybridInputs variant : {tinymlp::HybridInputs::symmetric, tinymlp::HybridInputs::asymmetric}) {
    const tinymlp::ModelDescription hybrid = tinymlp::quantize_hybrid(description, variant);
    const std::string name = scratch + "/hybrid_" + tinymlp::hybrid_inputs_name(variant);
    tinymlp::tflite::write_tflite(name + ".tflite", hybrid);
    std::ofstream outputs(name + ".tinymlp.txt");
    for (const auto& row : rows) {
      const std::vector<float> y = tinymlp_tests::predict_hybrid(hybrid, row);
      for (std::size_t o = 0; o < y.size(); ++o) {
        char text[32];
        std::snprintf(text, sizeof text, "%.9g", static_cast<double>(y[o]));
        outputs << (o ? " " : "") << text;
      }
      outputs << "\n";
    }
  }
  return 0;
}

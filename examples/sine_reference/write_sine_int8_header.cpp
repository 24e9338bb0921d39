// Writes sine_int8.hpp: SineInference's float model (examples/SineInference/sine_model.hpp, the
// reference job's model) quantized to int8 with a representative dataset of the job's inputs. The
// board tests and bench/on_target run it.
//   write_sine_int8_header <output.hpp> [single]
#include <cstdio>
#include <string>

#include "sine_job.hpp"
#include "sine_model.hpp"
#include "tinymlp/host.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <output.hpp> [single]\n", argv[0]);
    return 2;
  }
  sine::Model model;
  for (std::size_t k = 0; k < sine::Model::parameter_count; ++k) model.parameters[k] = sine_model_parameters[k];
  const tinymlp::ModelDescription quantized = tinymlp::quantize(model, sine::make_samples(1000, 7u));
  const bool single = argc > 2 && std::string(argv[2]) == "single";
  tinymlp::write_model_header(argv[1], quantized, "sine_int8", "SineInference's sine_model.hpp",
                              single ? tinymlp::RoundingMode::single_rounding : tinymlp::RoundingMode::double_rounding);
  return 0;
}

// tinymlp-convert: models between .tflite, tinymlp model files and C++ headers for sketches (float
// headers it wrote read back).
//   tinymlp-convert INPUT -o OUTPUT [--name NAME] [--int8-runtime tflite-micro|tflite-cpu]
//                   [--hybrid [--asymmetric-inputs]] [--int8 --calibrate DATA.csv [--header] [--per-tensor]]
//   tinymlp-convert --info INPUT [--int8-runtime tflite-micro|tflite-cpu] [--hybrid [--asymmetric-inputs]]
#include <cstdio>
#include <exception>
#include <string>

#include "tinymlp/host/calibration_data.hpp"
#include "tinymlp/host/hybrid_quantize.hpp"
#include "tinymlp/host/model_info.hpp"
#include "tinymlp/host/quantize.hpp"
#include "tinymlp/tflite/model_files.hpp"

namespace {

const char* const usage =
    "usage: tinymlp-convert INPUT -o OUTPUT [--name NAME] [--int8-runtime RUNTIME]\n"
    "                       [--hybrid [--asymmetric-inputs]]\n"
    "       tinymlp-convert INPUT -o OUTPUT --int8 --calibrate DATA.csv [--header] [--per-tensor]\n"
    "       tinymlp-convert --info INPUT [--int8-runtime RUNTIME] [--hybrid [--asymmetric-inputs]]\n"
    "  INPUT   a .tflite file (float32 or int8), a tinymlp model file, or a float header (.hpp or .h)\n"
    "          that tinymlp-convert wrote\n"
    "  OUTPUT  by its extension: .hpp or .h, a C++11 header for a sketch (weights in flash, the model\n"
    "          type and a ready FlashModel, or Int8Model for an int8 model, named NAME, default the\n"
    "          file's name); .tflite, a TFLite model (float32, or int8 as it came); anything else, a\n"
    "          tinymlp model file\n"
    "  --int8  quantizes the float INPUT to full-integer int8 before writing it (TFLite's scheme:\n"
    "          int8 weights, one scale per output unit, int32 biases, int8 activations)\n"
    "  --calibrate DATA.csv  the inputs that set the activations' ranges: the first columns of\n"
    "          each line, as many as the model has inputs (later ones, a label, are left out)\n"
    "  --header      line 1 of DATA.csv names the columns\n"
    "  --per-tensor  one weight scale per layer instead of one per output unit\n"
    "  --info  prints the layers, the parameters, and the flash and RAM the header it would write\n"
    "          needs on each board, and whether it fits an Arduino Uno\n"
    "  --int8-runtime  whose integers an int8 header computes: tflite-micro (default: TensorFlow Lite\n"
    "          Micro's reference kernels, double rounding) or tflite-cpu (TFLite's CPU runtime, the\n"
    "          tfjs-tflite WebAssembly build: single rounding, its LOGISTIC, TANH and SOFTMAX)\n"
    "  --hybrid  makes a float model dynamic-range (\"hybrid\", TFLite's Optimize.DEFAULT without\n"
    "          representative data): int8 weights with one scale per kernel, float biases and activations,\n"
    "          each layer's input quantized at run time (about 4x less flash for the weights); a header\n"
    "          gets a HybridModel, a .tflite hybrid FULLY_CONNECTED operators\n"
    "  --asymmetric-inputs  with --hybrid: quantize inputs with a zero point (TFLite's\n"
    "          asymmetric_quantize_inputs) instead of symmetrically\n";

struct Request {
  std::string input, output, name;
  bool info = false;
  tinymlp::RoundingMode rounding = tinymlp::RoundingMode::double_rounding;
  bool hybrid = false;
  bool asymmetric_inputs = false;
  bool int8 = false;
  std::string calibration;  // the CSV file of --calibrate
  bool header = false;      // its line 1 names the columns
  tinymlp::QuantizeOptions quantize;
};

[[noreturn]] void usage_error(const std::string& problem) {
  std::fprintf(stderr, "tinymlp-convert: %s\n%s", problem.c_str(), usage);
  std::exit(2);
}

Request parse(int argc, char** argv) {
  Request request;
  for (int k = 1; k < argc; ++k) {
    const std::string argument = argv[k];
    const bool has_value = k + 1 < argc;
    if (argument == "--help" || argument == "-h") {
      std::fputs(usage, stdout);
      std::exit(0);
    } else if (argument == "--info") {
      request.info = true;
    } else if (argument == "--hybrid") {
      request.hybrid = true;
    } else if (argument == "--asymmetric-inputs") {
      request.asymmetric_inputs = true;
    } else if (argument == "-o" || argument == "--output") {
      if (!has_value) usage_error(argument + " needs a file name");
      request.output = argv[++k];
    } else if (argument == "--int8-runtime") {
      const std::string runtime = has_value ? argv[++k] : "";
      if (runtime == "tflite-micro")
        request.rounding = tinymlp::RoundingMode::double_rounding;
      else if (runtime == "tflite-cpu")
        request.rounding = tinymlp::RoundingMode::single_rounding;
      else
        usage_error("--int8-runtime takes tflite-micro or tflite-cpu, not \"" + runtime + "\"");
    } else if (argument == "--int8") {
      request.int8 = true;
    } else if (argument == "--calibrate") {
      if (!has_value) usage_error("--calibrate needs a CSV file of the model's inputs");
      request.calibration = argv[++k];
    } else if (argument == "--header") {
      request.header = true;
    } else if (argument == "--per-tensor") {
      request.quantize.weights = tinymlp::WeightGranularity::per_tensor;
    } else if (argument == "--name") {
      if (!has_value) usage_error("--name needs a name");
      request.name = argv[++k];
    } else if (!argument.empty() && argument[0] == '-') {
      usage_error("unknown option " + argument);
    } else if (request.input.empty()) {
      request.input = argument;
    } else {
      usage_error("more than one input file (" + request.input + ", " + argument + ")");
    }
  }
  if (request.input.empty()) usage_error("no input file");
  if (request.info == !request.output.empty()) usage_error("give either -o OUTPUT or --info");
  if (request.asymmetric_inputs && !request.hybrid) usage_error("--asymmetric-inputs goes with --hybrid");
  if (!request.calibration.empty() && !request.int8)
    usage_error("--calibrate is for --int8: give --int8 to quantize the model");
  if (request.int8 && request.calibration.empty())
    usage_error("--int8 needs --calibrate DATA.csv: representative inputs set the activations' int8 ranges");
  if (!request.int8 && (request.header || request.quantize.weights == tinymlp::WeightGranularity::per_tensor))
    usage_error("--header and --per-tensor are for --int8 --calibrate");
  if (request.int8 && request.info) usage_error("--int8 writes a model: give -o OUTPUT, not --info");
  if (request.int8 && request.hybrid) usage_error("give --int8 or --hybrid, not both");
  return request;
}

// The model quantized as the request says, calibrated on the first columns of its CSV file.
tinymlp::ModelDescription quantized(const tinymlp::ModelDescription& model, const Request& request) {
  if (model.is_quantized())
    throw tinymlp::QuantizationError(request.input + " is quantized already; --int8 quantizes a float model");
  tinymlp::Dataset samples;
  try {
    samples = tinymlp::read_calibration_data(request.calibration, model.input_size, request.header);
  } catch (const tinymlp::DataError& error) {
    // read_csv's advice names its C++ option; here it is the command line's.
    std::string message = error.what();
    const std::string option = "set CsvOptions::header";
    const std::size_t at = message.find(option);
    if (at != std::string::npos) message.replace(at, option.size(), "give --header");
    throw tinymlp::DataError(message);
  }
  try {
    tinymlp::ModelDescription result = tinymlp::quantize(model, samples, request.quantize);
    std::printf("calibrated on %zu sample%s of %s\n", samples.size(), samples.size() == 1 ? "" : "s",
                request.calibration.c_str());
    return result;
  } catch (const tinymlp::QuantizationError& error) {
    throw tinymlp::QuantizationError(request.input + ": " + error.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Request request = parse(argc, argv);
  try {
    auto model = tinymlp::tflite::read_any_model(request.input);
    if (request.hybrid)
      model = tinymlp::quantize_hybrid(
          model, request.asymmetric_inputs ? tinymlp::HybridInputs::asymmetric : tinymlp::HybridInputs::symmetric);
    if (request.info) {
      std::fputs(tinymlp::model_info(model, request.input, request.rounding).c_str(), stdout);
      return 0;
    }
    tinymlp::tflite::write_any_model(request.output, request.int8 ? quantized(model, request) : model, request.name,
                                     request.input, request.rounding);
    std::printf("wrote %s\n", request.output.c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "tinymlp-convert: %s\n", error.what());
    return 1;
  }
}

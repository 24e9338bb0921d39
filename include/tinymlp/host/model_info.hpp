/// \file
/// A model's summary for people (tinymlp-convert --info): its layers and parameters, and the flash
/// and RAM it needs as a tinymlp FlashModel on an AVR (Arduino Uno) and on a Cortex-M.
#ifndef TINYMLP_HOST_MODEL_INFO_HPP
#define TINYMLP_HOST_MODEL_INFO_HPP

#include <cstdarg>
#include <cstdio>
#include <string>

#include "describe.hpp"
#include "memory_figures.hpp"
#include "model_description.hpp"

namespace tinymlp {

namespace detail {

// The Uno's ATmega328P: 32 KiB of flash less the 512-byte bootloader, 2 KiB of RAM.
constexpr double uno_flash_bytes = 32256.0;
constexpr double uno_ram_bytes = 2048.0;

inline std::string formatted(const char* format, ...) __attribute__((format(printf, 1, 2)));
inline std::string formatted(const char* format, ...) {
  char line[256];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(line, sizeof line, format, arguments);
  va_end(arguments);
  return line;
}

inline std::string quantization_text(const Quantization& q) {
  return formatted("scale %.9g, zero point %d", static_cast<double>(q.scale), static_cast<int>(q.zero_point));
}

}  // namespace detail

/// The summary, several lines of text; `origin` names the model.
inline std::string model_info(const ModelDescription& model, const std::string& origin) {
  check_consistent(model);
  std::string text = origin + ": " + (model.is_quantized() ? "int8" : "float32") +
                     " model; inputs: " + std::to_string(model.input_size) +
                     ", outputs: " + std::to_string(model.output_size()) + "\n";
  if (model.is_quantized()) {
    text += std::string("  input: ") + (model.int8_input ? "int8" : "float32, quantized to int8") + " (" +
            detail::quantization_text(model.input_quantization) + ")\n";
    text += std::string("  output: ") + (model.int8_output ? "int8" : "dequantized to float32") + " (" +
            detail::quantization_text(model.output_quantization) + ")\n";
  }
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    std::string name = sequence_layer_name(layer);
    if (layer.kind == LayerKind::dense && layer.activation != Activation::none)
      name += std::string(" + ") + activation_name(layer.activation);
    text += detail::formatted("  layer %zu  %-28s %8zu parameters\n", k, name.c_str(), layer.parameter_count());
  }
  const MemoryFigures figures = memory_figures(model);
  std::string type;
  try {
    type = model_type_name(layer_sequence(model));
  } catch (const ModelError& error) {
    type = std::string("(none: ") + error.what() + ")";
  }
  text += "tinymlp type: " + type + "\n";
  text += detail::formatted("parameters: %zu\n", figures.parameters);
  text += "as a tinymlp FlashModel (float32 weights; float is 4 bytes on both):\n";
  text += detail::formatted("  %-34s %12s %12s\n", "", "AVR", "Cortex-M");
  text += detail::formatted("  %-34s %10zu B %10zu B\n", "flash for the weights", figures.weight_flash_bytes,
                            figures.weight_flash_bytes);
  text += detail::formatted("  %-34s %10zu B %10zu B\n", "RAM: activation buffers (stack)", figures.activation_bytes,
                            figures.activation_bytes);
  text += detail::formatted("  %-34s %10zu B %10zu B\n", "RAM: input and output arrays", figures.input_output_bytes,
                            figures.input_output_bytes);
  text += detail::formatted(
      "  on an Arduino Uno (ATmega328P): weights take %.1f%% of the sketch flash, predict %.1f%% of "
      "the RAM\n",
      100.0 * static_cast<double>(figures.weight_flash_bytes) / detail::uno_flash_bytes,
      100.0 * static_cast<double>(figures.activation_bytes + figures.input_output_bytes) / detail::uno_ram_bytes);
  if (model.is_quantized()) {
    std::size_t int8_bytes = 0;
    for (const Layer& layer : model.layers) int8_bytes += layer.inputs * layer.outputs + 4 * layer.outputs;
    text += detail::formatted(
        "  the file's int8 weights and int32 biases take %zu B; tinymlp runs them as float32 until "
        "its int8 kernels exist\n",
        int8_bytes);
  }
  return text;
}

}  // namespace tinymlp

#endif

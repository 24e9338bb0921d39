/// \file
/// A model's summary for people (tinymlp-convert --info): its layers and parameters, and the flash
/// and RAM that the header tinymlp-convert would write needs on an AVR (Arduino Uno) and on the 32-bit
/// boards: a FlashModel of float32 weights, or for a full-integer model an Int8Model.
#ifndef TINYMLP_HOST_MODEL_INFO_HPP
#define TINYMLP_HOST_MODEL_INFO_HPP

#include <cstdarg>
#include <cstdio>
#include <string>

#include "describe.hpp"
#include "int8_memory_figures.hpp"
#include "memory_figures.hpp"
#include "model_description.hpp"

namespace tinymlp {

namespace detail {

// The Uno's ATmega328P: 32 KiB of flash less the 512-byte bootloader, 2 KiB of RAM.
constexpr double uno_flash_bytes = 32256.0;
constexpr double uno_ram_bytes = 2048.0;
// What a sketch around an int8 model needs besides it, in flash (the kernels, the Arduino core, the
// sketch) and RAM (globals, the serial buffers, call frames): a model fits if these remain.
constexpr double uno_program_bytes = 4096.0;
constexpr double uno_sketch_ram_bytes = 512.0;

inline std::string formatted(const char* format, ...) __attribute__((format(printf, 1, 2)));
inline std::string formatted(const char* format, ...) {
  char line[256];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(line, sizeof line, format, arguments);
  va_end(arguments);
  return line;
}

// "Dense<1, 16> + ReLU", "Softmax": a layer of the description with its fused activation.
inline std::string layer_title(const Layer& layer) {
  std::string name = sequence_layer_name(layer);
  if (layer.kind == LayerKind::dense && layer.activation != Activation::none)
    name += std::string(" + ") + activation_name(layer.activation);
  return name;
}

// The model's tinymlp type, or why it has none.
inline std::string type_or_reason(const ModelDescription& model) {
  try {
    return model_type_name(layer_sequence(model));
  } catch (const ModelError& error) {
    return std::string("(none: ") + error.what() + ")";
  }
}

inline std::string quantization_text(const Quantization& q) {
  return formatted("scale %.9g, zero point %d", static_cast<double>(q.scale), static_cast<int>(q.zero_point));
}

}  // namespace detail

/// The summary of a hybrid model (int8 weights, float activations): what the HybridModel header that
/// tinymlp-convert writes for it costs on each kind of board, and whether it fits an Uno.
inline std::string hybrid_model_info(const ModelDescription& model, const std::string& origin) {
  check_hybrid(model);
  std::string text = origin +
                     ": hybrid model (int8 weights, float32 activations); inputs: " + std::to_string(model.input_size) +
                     ", outputs: " + std::to_string(model.output_size()) + "\n";
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const Layer& layer = model.layers[k];
    std::string kind;
    if (const HybridQuantization* q = layer.hybrid())
      kind = detail::formatted("hybrid, weight scale %.9g, %s inputs", static_cast<double>(q->weight_scale),
                               hybrid_inputs_name(q->inputs));
    else if (layer.kind == LayerKind::dense)
      kind = "float";
    text += detail::formatted("  layer %zu  %-28s %8zu parameters  %s\n", k, detail::layer_title(layer).c_str(),
                              layer.parameter_count(), kind.c_str());
  }
  const HybridMemoryFigures figures = hybrid_memory_figures(model);
  text += "tinymlp type: a HybridModel of " + detail::type_or_reason(model) + "\n";
  text += detail::formatted("parameters: %zu\n", figures.parameters);
  text += "as the header tinymlp-convert writes (a HybridModel over a parameter block in flash):\n";
  text += detail::formatted("  %-44s %12s %12s\n", "", "AVR", "32-bit");
  text += detail::formatted("  %-44s %10zu B %10zu B\n", "flash for the parameters", figures.avr_flash_bytes,
                            figures.flash_bytes_32_bit);
  text += detail::formatted("  %-44s %10d B %10d B\n", "static RAM (the model object is constexpr)", 0, 0);
  text += detail::formatted("  %-44s %10zu B %10zu B\n", "stack: float buffers between layers",
                            figures.activation_bytes, figures.activation_bytes);
  text += detail::formatted("  %-44s %10zu B %10zu B\n", "stack: the quantized input row", figures.scratch_bytes,
                            figures.scratch_bytes);
  const std::size_t stack = figures.activation_bytes + figures.scratch_bytes;
  text += detail::formatted("  %-44s %10zu B %10zu B\n", "stack: peak, with the call frames (at most)",
                            stack + hybrid_frame_bytes_avr, stack + hybrid_frame_bytes_32_bit);
  text += detail::formatted("  %-44s %10zu B %10zu B\n", "RAM: input and output arrays", figures.input_output_bytes,
                            figures.input_output_bytes);
  const std::size_t ram = stack + hybrid_frame_bytes_avr + figures.input_output_bytes;
  // Room for the program around the model: its code and the sketch's own RAM.
  const bool fits =
      static_cast<double>(figures.avr_flash_bytes) + detail::uno_program_bytes <= detail::uno_flash_bytes &&
      static_cast<double>(ram) + detail::uno_sketch_ram_bytes <= detail::uno_ram_bytes;
  text += detail::formatted(
      "  on an Arduino Uno (ATmega328P): the parameters take %.1f%% of the sketch flash, predict %.1f%% of the "
      "RAM (the sketch's own come on top): %s\n",
      100.0 * static_cast<double>(figures.avr_flash_bytes) / detail::uno_flash_bytes,
      100.0 * static_cast<double>(ram) / detail::uno_ram_bytes,
      fits ? "fits" : "does not fit; run it on a 32-bit board such as a Cortex-M4");
  return text;
}

/// The int8 part of the summary: the Int8Model's parameter block, stack and arrays on each layout, and
/// whether it fits an Uno.
inline std::string int8_model_info(const ModelDescription& model, RoundingMode rounding) {
  const Int8MemoryFigures avr = int8_memory_figures(model, Int8Layout::avr, rounding);
  const Int8MemoryFigures bits32 = int8_memory_figures(model, Int8Layout::bits32, rounding);
  std::string text = std::string("as a tinymlp Int8Model (the header tinymlp-convert writes; ") + "--int8-runtime " +
                     (rounding == RoundingMode::single_rounding ? "tflite-cpu" : "tflite-micro") + "):\n";
  text += detail::formatted("  %-34s %12s %16s\n", "", "AVR", "Cortex-M, RISC-V");
  text += detail::formatted("  %-34s %10zu B %14zu B\n", "flash for the parameters", avr.parameter_bytes,
                            bits32.parameter_bytes);
  text += detail::formatted("  %-34s %10d B %14d B\n", "static RAM (constexpr model)", 0, 0);
  text += detail::formatted("  %-34s %10zu B %14zu B\n", "RAM: int8 buffers (stack)", avr.activation_bytes,
                            bits32.activation_bytes);
  text += detail::formatted("  %-34s %10zu B %14zu B\n", "RAM: input and output arrays", avr.input_output_bytes,
                            bits32.input_output_bytes);
  text += "  (plus the kernels' code in flash and their call frames on the stack)\n";
  const double flash_share = 100.0 * static_cast<double>(avr.parameter_bytes) / detail::uno_flash_bytes;
  const double ram_share =
      100.0 * static_cast<double>(avr.activation_bytes + avr.input_output_bytes) / detail::uno_ram_bytes;
  // Room for the program around the model: its code and the sketch's own RAM.
  const bool fits = static_cast<double>(avr.parameter_bytes) + detail::uno_program_bytes <= detail::uno_flash_bytes &&
                    static_cast<double>(avr.activation_bytes + avr.input_output_bytes) + detail::uno_sketch_ram_bytes <=
                        detail::uno_ram_bytes;
  text += detail::formatted(
      "  on an Arduino Uno (ATmega328P): the parameters take %.1f%% of the sketch flash, predict %.1f%% of the RAM: "
      "%s\n",
      flash_share, ram_share, fits ? "fits" : "does not fit (a Cortex-M or RISC-V board runs it)");
  return text;
}

/// The summary, several lines of text; `origin` names the model, `rounding` the arithmetic of the
/// int8 header tinymlp-convert would write (int8 models).
inline std::string model_info(const ModelDescription& model, const std::string& origin,
                              RoundingMode rounding = RoundingMode::double_rounding) {
  check_consistent(model);
  if (model.has_hybrid_layers()) return hybrid_model_info(model, origin);
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
    text += detail::formatted("  layer %zu  %-28s %8zu parameters\n", k, detail::layer_title(layer).c_str(),
                              layer.parameter_count());
  }
  const MemoryFigures figures = memory_figures(model);
  text += "tinymlp type: " + detail::type_or_reason(model) + "\n";
  text += detail::formatted("parameters: %zu\n", figures.parameters);
  if (runs_as_int8(model)) return text + int8_model_info(model, rounding);
  text += "as a tinymlp FlashModel (float32 weights; float is 4 bytes on both):\n";
  text += detail::formatted("  %-34s %12s %16s\n", "", "AVR", "Cortex-M");
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
    try {
      check_full_integer(model);
    } catch (const ModelError& error) {
      text +=
          std::string("  the int8 layers are written with their dequantized float32 weights: ") + error.what() + "\n";
    }
  }
  return text;
}

}  // namespace tinymlp

#endif

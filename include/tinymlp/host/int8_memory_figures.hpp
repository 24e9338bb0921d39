/// \file
/// What a full-integer model costs as the Int8Model that the header writer writes, computed from a
/// description the way the compiler lays out Int8Model<...>::Parameters: on AVR every type is aligned
/// to 1 byte, on the 32-bit boards (Cortex-M, RISC-V) int32_t and float to 4. A test holds the 32-bit
/// figure against sizeof on the host, whose alignments are the same.
#ifndef TINYMLP_HOST_INT8_MEMORY_FIGURES_HPP
#define TINYMLP_HOST_INT8_MEMORY_FIGURES_HPP

#include <algorithm>
#include <cstddef>

#include "model_description.hpp"
#include "quantize.hpp"

namespace tinymlp {

/// The layout rules of a board's compiler that the figures depend on.
enum class Int8Layout {
  avr,    ///< Everything aligned to 1 byte (avr-gcc).
  bits32  ///< int32_t and float aligned to 4 (arm-none-eabi-gcc, riscv-gcc; the x86-64 host too).
};

/// An Int8Model's memory, in bytes.
struct Int8MemoryFigures {
  std::size_t parameter_bytes = 0;     ///< sizeof(Int8Model<...>::Parameters): the block in flash.
  std::size_t activation_bytes = 0;    ///< Int8Model::activation_bytes: the two int8 buffers on the stack.
  std::size_t input_output_bytes = 0;  ///< The caller's int8 input and output arrays.
};

namespace detail {

// A struct's size and alignment as its members' add up.
struct Laid {
  std::size_t size = 0, alignment = 1;
};

inline std::size_t aligned(std::size_t offset, std::size_t alignment) {
  return (offset + alignment - 1) / alignment * alignment;
}

// Members appended in order, then the struct's end padded to its alignment.
class StructLayout {
 public:
  explicit StructLayout(Int8Layout layout) : layout_(layout) {}
  StructLayout& member(std::size_t size, std::size_t alignment) {
    if (layout_ == Int8Layout::avr) alignment = 1;
    laid_.size = aligned(laid_.size, alignment) + size;
    laid_.alignment = std::max(laid_.alignment, alignment);
    return *this;
  }
  StructLayout& member(const Laid& nested) { return member(nested.size, nested.alignment); }
  Laid done() const { return Laid{aligned(laid_.size, laid_.alignment), laid_.alignment}; }

 private:
  Int8Layout layout_;
  Laid laid_;
};

// One int8 layer's Parameters: Int8DenseParameters, Int8LookupParameters or the softmax arithmetic's.
inline Laid int8_layer_layout(const Layer& layer, Int8Layout layout, RoundingMode rounding) {
  StructLayout s(layout);
  if (layer.kind == LayerKind::dense)
    return s.member(layer.inputs * layer.outputs, 1)
        .member(4 * layer.outputs, 4)
        .member(4 * layer.outputs, 4)
        .member(layer.outputs, 1)
        .member(1, 1)
        .done();
  if (layer.activation != Activation::softmax) return s.member(256, 1).member(1, 1).done();
  if (rounding == RoundingMode::single_rounding)
    return s.member(std::size_t{4} * 256, 4).member(4, 4).done();  // float table
  return s.member(std::size_t{4} * 256, 4).done();                 // fixed point
}

}  // namespace detail

/// The figures of `model` (check_full_integer must pass) as an Int8Model with `rounding`'s arithmetic.
inline Int8MemoryFigures int8_memory_figures(const ModelDescription& model, Int8Layout layout,
                                             RoundingMode rounding = RoundingMode::double_rounding) {
  check_full_integer(model);
  // Int8LayerChain's Parameters nest: {layer, next}, the last {layer}.
  detail::Laid chain;
  for (std::size_t k = model.layers.size(); k-- > 0;) {
    detail::StructLayout s(layout);
    s.member(detail::int8_layer_layout(model.layers[k], layout, rounding));
    if (k + 1 < model.layers.size()) s.member(chain);
    chain = s.done();
  }
  const detail::Laid input_output = detail::StructLayout(layout).member(4, 4).member(1, 1).member(4, 4).done();
  Int8MemoryFigures figures;
  figures.parameter_bytes = detail::StructLayout(layout).member(input_output).member(chain).done().size;
  std::size_t widest_hidden = 0;
  for (std::size_t k = 0; k + 1 < model.layers.size(); ++k)
    widest_hidden = std::max(widest_hidden, model.layers[k].outputs);
  figures.activation_bytes = 2 * std::max<std::size_t>(widest_hidden, 1);
  figures.input_output_bytes = model.input_size + model.output_size();
  return figures;
}

}  // namespace tinymlp

#endif

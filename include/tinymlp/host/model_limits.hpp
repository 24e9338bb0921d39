/// \file
/// The largest model tinymlp reads and writes, in every format: far above any microcontroller's, and
/// small enough that every size product fits a std::size_t and every allocation stays proportionate
/// to the file it came from. The writers refuse what the readers would refuse, so that what tinymlp
/// writes it can read back.
#ifndef TINYMLP_HOST_MODEL_LIMITS_HPP
#define TINYMLP_HOST_MODEL_LIMITS_HPP

#include <cstddef>
#include <cstdint>

namespace tinymlp {

/// The widest layer: inputs and outputs of any layer (16,777,216).
constexpr std::size_t largest_layer_width = std::size_t{1} << 24;

/// The most values one tensor may hold: a Dense layer's kernel (67,108,864).
constexpr std::size_t largest_tensor_values = std::size_t{1} << 26;

/// FlatBuffers' limit, so the largest .tflite file (2 GB less one byte): its offsets are signed 32-bit.
constexpr std::uint64_t largest_tflite_bytes = 2147483647u;

/// A .tflite may hold a weight buffer that many operators share; decoding it once per operator
/// would multiply it. The importer decodes at most this many weights per byte of the file, plus
/// `import_weights_allowance`, whatever the file's operators share.
constexpr std::size_t import_weights_per_file_byte = 2;
/// The weights any .tflite may decode to beyond `import_weights_per_file_byte` (1,048,576), so that
/// a small model whose converter shared identical buffers still imports.
constexpr std::size_t import_weights_allowance = std::size_t{1} << 20;

}  // namespace tinymlp

#endif

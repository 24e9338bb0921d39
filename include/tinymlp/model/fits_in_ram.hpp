/// \file
/// A compile-time check that memory a sketch needs fits its board, for example training on an Uno (2 KB of
/// RAM), leaving 300 bytes for the Arduino core's serial buffers and the stack:
/// \code
///   typedef tinymlp::InPlaceTrainingMemory<Model, tinymlp::Sgd<Model> > Memory;
///   static_assert(tinymlp::fits_in_ram<Memory::bytes + 300, 2048>::value, "");
/// \endcode
/// When it does not fit, the compiler's "in instantiation of" line shows both numbers.
#ifndef TINYMLP_MODEL_FITS_IN_RAM_HPP
#define TINYMLP_MODEL_FITS_IN_RAM_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Fails to compile, naming both numbers, unless NeededBytes <= AvailableBytes.
template <figure_t NeededBytes, figure_t AvailableBytes>
struct fits_in_ram {
  static_assert(NeededBytes <= AvailableBytes,
                "this needs more RAM than the board has (the two numbers are the arguments of "
                "fits_in_ram<needed, available>): use fewer or narrower layers, an optimizer with less state "
                "(Sgd keeps none), or a board with more RAM");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

#if __cplusplus < 201703L
template <figure_t NeededBytes, figure_t AvailableBytes>
constexpr bool fits_in_ram<NeededBytes, AvailableBytes>::value;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

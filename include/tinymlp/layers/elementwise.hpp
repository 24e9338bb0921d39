/// \file
/// The shape shared by activations that act on each value alone: Function supplies value(x) and
/// derivative(x, y) (y = value(x), handy where the derivative is cheaper from the output), and may
/// replace gradient(x, y, dy), dy times the derivative, where a cheaper form gives the same values.
#ifndef TINYMLP_LAYERS_ELEMENTWISE_HPP
#define TINYMLP_LAYERS_ELEMENTWISE_HPP

#include "../config.hpp"
#include "../detail/batch_loops.hpp"
#include "../detail/integers.hpp"
#include "../random.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// An activation bound to the Width values it acts on (what ReLU, Tanh, ... become inside a
/// Sequential): Function::value on each value forward, Function::derivative backward. No parameters.
template <class Function, size_t Width>
struct Elementwise {
  static constexpr size_t input_size = Width;     ///< Values per sample in.
  static constexpr size_t output_size = Width;    ///< Values per sample out: the same.
  static constexpr figure_t parameter_count = 0;  ///< None.
  static constexpr bool works_in_place = true;    ///< True: y may be x, and dx may be dy.

  /// y = Function::value(x) for each value of `samples` samples, feature-major with `stride`.
  template <class Reader>
  static void forward(const float* /*parameters*/, const float* x, float* y, size_t samples, size_t stride) {
    // One block of values (a microcontroller's contiguous batch): Function::apply in one pass, which
    // an activation such as ReLU may do in place. Hosts keep the vector blocks below, whose stores are
    // as wide as the kernels' loads.
    if (detail::batch_block == 1 && stride == samples) return Function::apply(x, y, Width * samples);
    for (size_t f = 0; f < Width; ++f) {
      const float* xf = x + f * stride;
      float* yf = y + f * stride;
      const size_t blocked = blocked_samples(samples);
      for (size_t s = 0; s < blocked; s += detail::batch_block) {
        const detail::block_vector v = detail::load_block(xf + s);
        detail::store_block(yf + s, detail::each_lane(value_of, v, v, v));
      }
      for (size_t s = blocked; s < samples; ++s) yf[s] = Function::value(xf[s]);
    }
  }

  /// dx = Function::gradient(x, y, dy), dy times the derivative, for each value (nothing when dx is null).
  static void backward(const float* /*parameters*/, const float* x, const float* y, const float* dy, float* dx,
                       float* /*gradients*/, size_t samples, size_t stride) {
    if (!dx) return;
    if (detail::batch_block == 1) {  // a microcontroller: one value at a time, the fewest registers
      for (size_t f = 0; f < Width; ++f)
        for (size_t s = 0; s < samples; ++s) {
          const size_t at = f * stride + s;
          dx[at] = Function::gradient(x[at], y[at], dy[at]);
        }
      return;
    }
    for (size_t f = 0; f < Width; ++f) {
      const size_t row = f * stride;
      const size_t blocked = blocked_samples(samples);
      for (size_t s = 0; s < blocked; s += detail::batch_block)
        detail::store_block(dx + row + s,
                            detail::each_lane(Function::gradient, detail::load_block(x + row + s),
                                              detail::load_block(y + row + s), detail::load_block(dy + row + s)));
      for (size_t s = blocked; s < samples; ++s) dx[row + s] = Function::gradient(x[row + s], y[row + s], dy[row + s]);
    }
  }

  /// The samples that go in whole blocks; none on a microcontroller (blocks of 1), whose plain loop
  /// calls Function directly rather than through each_lane's function pointer.
  static size_t blocked_samples(size_t samples) {
    return detail::batch_block == 1 ? 0 : samples - samples % detail::batch_block;
  }

  /// Function::value, in the shape each_lane takes.
  static float value_of(float x, float /*unused*/, float /*unused*/) { return Function::value(x); }

  /// Nothing to initialize.
  static void initialize(float* /*parameters*/, Random& /*random*/) {}
};

#if __cplusplus < 201703L
template <class Function, size_t Width>
constexpr size_t Elementwise<Function, Width>::input_size;
template <class Function, size_t Width>
constexpr size_t Elementwise<Function, Width>::output_size;
template <class Function, size_t Width>
constexpr figure_t Elementwise<Function, Width>::parameter_count;
template <class Function, size_t Width>
constexpr bool Elementwise<Function, Width>::works_in_place;
#endif

/// Base of the user-facing activation types: takes the width of whatever layer comes before.
/// Function may replace apply and gradient where it has a cheaper way to the same values.
template <class Function>
struct ElementwiseActivation {
  /// y[k] = Function::value(x[k]) for `count` values (y may be x).
  static void apply(const float* x, float* y, size_t count) {
    for (size_t k = 0; k < count; ++k) y[k] = Function::value(x[k]);
  }
  /// The gradient with respect to the input, dy * derivative(x, y).
  static float gradient(float x, float y, float dy) { return dy * Function::derivative(x, y); }

  /// The activation after a layer of PreviousOutputs outputs.
  template <size_t PreviousOutputs>
  struct bind {
    typedef Elementwise<Function, PreviousOutputs> type;  ///< The activation at that width.
  };
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

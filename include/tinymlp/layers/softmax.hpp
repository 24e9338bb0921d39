/// \file
/// Softmax over the features of each sample: y_f = e^(x_f - max x) / sum_g e^(x_g - max x).
/// Subtracting the maximum keeps every exponent at or below 0, so nothing overflows.
#ifndef TINYMLP_LAYERS_SOFTMAX_HPP
#define TINYMLP_LAYERS_SOFTMAX_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "../random.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Softmax bound to the Width values of each sample (what Softmax becomes inside a Sequential).
template <size_t Width>
struct BoundSoftmax {
  static constexpr size_t input_size = Width;     ///< Values per sample in.
  static constexpr size_t output_size = Width;    ///< Values per sample out: the same.
  static constexpr figure_t parameter_count = 0;  ///< None.
  static constexpr bool works_in_place = true;    ///< True: y may be x, and dx may be dy.

  /// y = softmax(x) for each of `samples` samples, feature-major with `stride`.
  template <class Reader>
  static void forward(const float* /*parameters*/, const float* x, float* y, size_t samples, size_t stride) {
    for (size_t s = 0; s < samples; ++s) {
      float largest = x[s];
      for (size_t f = 1; f < Width; ++f)
        if (x[f * stride + s] > largest) largest = x[f * stride + s];
      float total = 0.0f;
      for (size_t f = 0; f < Width; ++f) {
        const float e = detail::exp_of(x[f * stride + s] - largest);
        y[f * stride + s] = e;
        total += e;
      }
      const float scale = 1.0f / total;
      for (size_t f = 0; f < Width; ++f) y[f * stride + s] *= scale;
    }
  }

  /// dx_f = y_f (dy_f - sum_g dy_g y_g): the Jacobian of softmax applied to dy (nothing when dx is null).
  static void backward(const float* /*parameters*/, const float* /*x*/, const float* y, const float* dy, float* dx,
                       float* /*gradients*/, size_t samples, size_t stride) {
    if (!dx) return;
    for (size_t s = 0; s < samples; ++s) {
      float weighted = 0.0f;
      for (size_t f = 0; f < Width; ++f) weighted += dy[f * stride + s] * y[f * stride + s];
      for (size_t f = 0; f < Width; ++f) dx[f * stride + s] = y[f * stride + s] * (dy[f * stride + s] - weighted);
    }
  }

  /// Nothing to initialize.
  static void initialize(float* /*parameters*/, Random& /*random*/) {}
};

#if __cplusplus < 201703L
template <size_t Width>
constexpr size_t BoundSoftmax<Width>::input_size;
template <size_t Width>
constexpr size_t BoundSoftmax<Width>::output_size;
template <size_t Width>
constexpr figure_t BoundSoftmax<Width>::parameter_count;
template <size_t Width>
constexpr bool BoundSoftmax<Width>::works_in_place;
#endif

/// The softmax activation, over all outputs of the layer before (Keras's "softmax", TFLite's SOFTMAX
/// with beta 1): use it last, with CategoricalCrossEntropy.
struct Softmax {
  /// Softmax after a layer of PreviousOutputs outputs.
  template <size_t PreviousOutputs>
  struct bind {
    typedef BoundSoftmax<PreviousOutputs> type;  ///< Softmax at that width.
  };
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

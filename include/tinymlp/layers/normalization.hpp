/// \file
/// Normalization<In, Out>: y[o] = (x[o] + offset[o]) * scale[o] for each feature o, or (x[0] +
/// offset[o]) * scale[o] when In is 1 (one input broadcast to Out features). It is Keras's
/// Normalization layer as TFLite computes it (SUB of the mean, then MUL by 1 / sqrt(variance)), kept
/// as a layer where folding it into the next Dense would move the outputs. Parameters: the Out
/// scales, then the Out offsets. They train like any other parameters (Keras keeps its Normalization
/// fixed); a model imported for inference never trains them.
#ifndef TINYMLP_LAYERS_NORMALIZATION_HPP
#define TINYMLP_LAYERS_NORMALIZATION_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../flash.hpp"
#include "../random.hpp"
#include "layer_sizes.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// A per-feature affine step, y = (x + offset) * scale, that keeps its width (In == Out) or broadcasts
/// a single input (In == 1). Also a model's possible first layer, fixing its input size.
template <size_t In, size_t Out>
struct Normalization {
  static_assert(In > 0 && Out > 0 && (In == Out || In == 1),
                "Normalization<In, Out> keeps its width (In == Out) or broadcasts one input (In == 1)");

  static constexpr size_t input_size = In;                                     ///< Values per sample in.
  static constexpr size_t output_size = Out;                                   ///< Values per sample out.
  static constexpr figure_t parameter_count = 2 * static_cast<figure_t>(Out);  ///< Scales, then offsets.
  /// False: a model's first layer reads the caller's input, which it may not overwrite.
  static constexpr bool works_in_place = false;

  /// The layer after one of PreviousOutputs outputs: itself, once the sizes are checked to agree.
  template <size_t PreviousOutputs>
  struct bind {
    static_assert(LayerSizesMustAgree<PreviousOutputs, In>::value, "");
    typedef Normalization type;  ///< This layer.
  };

  /// The input feature that output feature `o` reads.
  static size_t source(size_t o) { return In == 1 ? 0 : o; }

  /// y = (x + offset) * scale for `samples` samples stored feature-major with `stride`, reading the
  /// parameters through Reader (RamReader or FlashReader).
  template <class Reader>
  static void forward(const float* parameters, const float* x, float* y, size_t samples, size_t stride) {
    for (size_t o = 0; o < Out; ++o) {
      const float scale = Reader::load(parameters + o);
      const float offset = Reader::load(parameters + Out + o);
      const float* xo = x + source(o) * stride;
      float* yo = y + o * stride;
      for (size_t s = 0; s < samples; ++s) yo[s] = (xo[s] + offset) * scale;
    }
  }

  /// Adds this batch's gradient to `gradients` (dL/dscale, dL/doffset) and, unless `dx` is null, writes
  /// the gradient with respect to the input. dy already carries the loss's 1/batch factor.
  static void backward(const float* parameters, const float* x, const float* /*y*/, const float* dy, float* dx,
                       float* gradients, size_t samples, size_t stride) {
    if (dx && In == 1)
      for (size_t s = 0; s < samples; ++s) dx[s] = 0.0f;
    for (size_t o = 0; o < Out; ++o) {
      const float scale = parameters[o];
      const float offset = parameters[Out + o];
      const float* xo = x + source(o) * stride;
      const float* dyo = dy + o * stride;
      float scale_gradient = 0.0f, offset_gradient = 0.0f;
      for (size_t s = 0; s < samples; ++s) {
        scale_gradient += dyo[s] * (xo[s] + offset);
        offset_gradient += dyo[s] * scale;
        if (!dx) continue;
        if (In == 1)
          dx[s] += dyo[s] * scale;
        else
          dx[o * stride + s] = dyo[s] * scale;
      }
      gradients[o] += scale_gradient;
      gradients[Out + o] += offset_gradient;
    }
  }

  /// One sample, training in place: writes dx (unless null) from the parameters as they were, and moves
  /// each scale and offset by optimizer.update(parameter, gradient, first_index + its index). Whether
  /// x is a ReLU's output (a hint Dense uses to skip work) changes nothing here.
  template <class Optimizer>
  static void backward_and_update(float* parameters, const float* x, const float* dy, float* dx, Optimizer& optimizer,
                                  size_t first_index, bool /*input_is_relu_output*/ = false) {
    if (dx && In == 1) dx[0] = 0.0f;
    for (size_t o = 0; o < Out; ++o) {
      const float scale = parameters[o];
      const float offset = parameters[Out + o];
      if (dx) {
        if (In == 1)
          dx[0] += dy[o] * scale;
        else
          dx[o] = dy[o] * scale;
      }
      optimizer.update(parameters[o], dy[o] * (x[source(o)] + offset), first_index + o);
      optimizer.update(parameters[Out + o], dy[o] * scale, first_index + Out + o);
    }
  }

  /// The identity: scales 1, offsets 0.
  static void initialize(float* parameters, Random& /*random*/) {
    for (size_t o = 0; o < Out; ++o) {
      parameters[o] = 1.0f;
      parameters[Out + o] = 0.0f;
    }
  }
};

#if __cplusplus < 201703L
template <size_t In, size_t Out>
constexpr size_t Normalization<In, Out>::input_size;
template <size_t In, size_t Out>
constexpr size_t Normalization<In, Out>::output_size;
template <size_t In, size_t Out>
constexpr figure_t Normalization<In, Out>::parameter_count;
template <size_t In, size_t Out>
constexpr bool Normalization<In, Out>::works_in_place;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

/// \file
/// The losses, as Keras computes them: mean squared error, binary, categorical and sparse categorical
/// cross-entropy, and the mean absolute error (fit and evaluate report it as a metric). A loss supplies
/// total<Width>(y, t, samples, stride), the sum over samples of each sample's loss, and
/// gradient<Width>(y, t, dy, samples, stride), that of the batch mean with respect to y; batches are
/// feature-major, as in the layer kernels.
#ifndef TINYMLP_TRAIN_LOSSES_HPP
#define TINYMLP_TRAIN_LOSSES_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"

namespace tinymlp {

// --- Keras's fuzz factor -----------------------------------------------------------------------------
// Keras's fuzz factor (backend epsilon, 1e-7), which its cross-entropy losses clip probabilities
// with. It lives in a class template because before C++17 an odr-used constexpr static member
// needs a definition outside the class, and only a template's may appear in every translation unit
// that includes the header (a plain class's would be a duplicate symbol at link time).
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

template <class Unused = void>
struct KerasFuzzFactor {
  static constexpr float epsilon = 1e-7f;
};

#if __cplusplus < 201703L
template <class Unused>
constexpr float KerasFuzzFactor<Unused>::epsilon;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

// --- The mean over outputs ---------------------------------------------------------------------------
// The reduction Keras applies to its elementwise losses: per sample the mean over outputs of one
// term per output, and for a batch the mean over samples. Derived supplies term(y, t) and its
// derivative(y, t) with respect to y. Batches are feature-major, as in the layer kernels.

/// Base of the elementwise losses (CRTP): Derived supplies term(y, t) and derivative(y, t).
template <class Derived>
struct MeanOverOutputsLoss {
  /// The sum over samples of each sample's loss (divide by the sample count for the mean). y and t
  /// hold Width outputs and targets of `samples` samples, feature-major with `stride`.
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      float sample = 0.0f;
      for (size_t f = 0; f < Width; ++f) sample += Derived::term(y[f * stride + s], t[f * stride + s]);
      sum += sample / static_cast<float>(Width);
    }
    return sum;
  }

  /// Writes to dy the gradient of the batch-mean loss with respect to y (same layout as y).
  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float scale = 1.0f / static_cast<float>(Width * samples);
    for (size_t f = 0; f < Width; ++f)
      for (size_t s = 0; s < samples; ++s)
        dy[f * stride + s] = scale * Derived::derivative(y[f * stride + s], t[f * stride + s]);
  }
};

// --- MeanSquaredError --------------------------------------------------------------------------------
// Mean squared error, Keras's "mse": per sample the mean over outputs of (y - t)^2.

/// Mean squared error: the loss for regression.
struct MeanSquaredError : MeanOverOutputsLoss<MeanSquaredError> {
  /// One output's loss: (y - t)^2.
  static float term(float y, float t) {
    const float error = y - t;
    return error * error;
  }
  /// d term / dy: 2 (y - t).
  static float derivative(float y, float t) { return 2.0f * (y - t); }
};

// --- MeanAbsoluteError -------------------------------------------------------------------------------
// Mean absolute error, Keras's "mae": per sample the mean over outputs of |y - t|. Used as a
// metric; as a loss its gradient is the sign of the error.

/// Mean absolute error: a metric (fit and evaluate report it).
struct MeanAbsoluteError : MeanOverOutputsLoss<MeanAbsoluteError> {
  /// One output's loss: |y - t|.
  static float term(float y, float t) { return detail::magnitude_of(y - t); }
  /// d term / dy: the sign of y - t (0 where equal).
  static float derivative(float y, float t) { return y > t ? 1.0f : y < t ? -1.0f : 0.0f; }
};

// --- BinaryCrossEntropy ------------------------------------------------------------------------------
// Binary cross-entropy on probabilities (after a Sigmoid), as Keras computes it: y is clipped to
// [eps, 1 - eps] and the loss per output is -(t log(y + eps) + (1 - t) log(1 - y + eps)),
// eps = 1e-7, averaged over outputs and then over samples. Where the clip is active the gradient
// is zero, as for Keras's clip_by_value.

/// Binary cross-entropy: the loss for independent yes/no outputs after a Sigmoid.
struct BinaryCrossEntropy : MeanOverOutputsLoss<BinaryCrossEntropy>, detail::KerasFuzzFactor<> {
  /// One output's loss: -(t log(y + eps) + (1 - t) log(1 - y + eps)), y clipped to [eps, 1 - eps].
  static float term(float y, float t) {
    const float p = y < epsilon ? epsilon : y > 1.0f - epsilon ? 1.0f - epsilon : y;
    return -(t * detail::log_of(p + epsilon) + (1.0f - t) * detail::log_of(1.0f - p + epsilon));
  }
  /// d term / dy: its derivative with respect to y; 0 where the clip is active.
  static float derivative(float y, float t) {
    const bool inside_clip = y > epsilon && y < 1.0f - epsilon;
    return inside_clip ? (1.0f - t) / (1.0f - y + epsilon) - t / (y + epsilon) : 0.0f;
  }
};

// --- CategoricalCrossEntropy -------------------------------------------------------------------------
// Categorical cross-entropy on probabilities (after a Softmax), as Keras computes it: y is first
// renormalized to sum to 1 (p = y / sum y), clipped to [eps, 1 - eps], eps = 1e-7, and the loss
// per sample is -sum_f t_f log p_f; the batch loss is the mean over samples. t is one-hot (or any
// distribution).

/// Categorical cross-entropy: the loss for one class out of Width, after a Softmax.
struct CategoricalCrossEntropy : detail::KerasFuzzFactor<> {
  /// The sum over samples of each sample's loss (divide by the sample count for the mean). y and t
  /// hold Width outputs and targets of `samples` samples, feature-major with `stride`.
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      const float scale = 1.0f / sum_of_sample<Width>(y, s, stride);
      for (size_t f = 0; f < Width; ++f) sum -= t[f * stride + s] * detail::log_of(clipped(y[f * stride + s] * scale));
    }
    return sum;
  }

  /// Writes to dy the gradient of the batch-mean loss with respect to y (same layout as y). With
  /// S = sum_g y_g, dL/dy_f = -t_f / y_f + (sum_g t_g) / S, both sums over the outputs the clip
  /// leaves alone (a clipped output contributes a constant). The second term is the
  /// renormalization's share; it cancels the first on average when y already sums to 1.
  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float batch_scale = 1.0f / static_cast<float>(samples);
    for (size_t s = 0; s < samples; ++s) {
      const float total_y = sum_of_sample<Width>(y, s, stride);
      float unclipped_t = 0.0f;
      for (size_t f = 0; f < Width; ++f)
        if (inside_clip(y[f * stride + s] / total_y)) unclipped_t += t[f * stride + s];
      for (size_t f = 0; f < Width; ++f) {
        const float own = inside_clip(y[f * stride + s] / total_y) ? -t[f * stride + s] / y[f * stride + s] : 0.0f;
        dy[f * stride + s] = batch_scale * (own + unclipped_t / total_y);
      }
    }
  }

 private:
  template <size_t Width>
  static float sum_of_sample(const float* y, size_t s, size_t stride) {
    float total = 0.0f;
    for (size_t f = 0; f < Width; ++f) total += y[f * stride + s];
    return total;
  }
  static bool inside_clip(float p) { return p > epsilon && p < 1.0f - epsilon; }
  static float clipped(float p) { return p < epsilon ? epsilon : p > 1.0f - epsilon ? 1.0f - epsilon : p; }
};

// --- SparseCategoricalCrossEntropy -------------------------------------------------------------------
// Categorical cross-entropy with integer class labels instead of one-hot targets, as Keras's
// sparse_categorical_crossentropy computes it on probabilities (after a Softmax): y is clipped to
// [eps, 1 - eps], eps = 1e-7, and renormalized (Keras takes the log and a softmax of it), so the
// loss per sample is -log(c_t / sum_g c_g) with c the clipped outputs and t the sample's label; the
// batch loss is the mean over samples. The targets are one value per sample (row 0 of t): the
// class's index as a float. A label outside [0, Width) matches no output (loss log sum c), as no
// array is indexed with it; the host refuses such labels when it reads them.

/// Sparse categorical cross-entropy: the loss for one class out of Width given as its index.
struct SparseCategoricalCrossEntropy : detail::KerasFuzzFactor<> {
  /// The sum over samples of each sample's loss (divide by the sample count for the mean). y holds
  /// Width outputs and t one label of `samples` samples, feature-major with `stride`.
  template <size_t Width>
  static float total(const float* y, const float* t, size_t samples, size_t stride) {
    float sum = 0.0f;
    for (size_t s = 0; s < samples; ++s) {
      float total_c = 0.0f, labelled = 1.0f;
      for (size_t f = 0; f < Width; ++f) {
        const float c = clipped(y[f * stride + s]);
        total_c += c;
        if (is_label(t[s], f)) labelled = c;
      }
      sum += detail::log_of(total_c) - detail::log_of(labelled);
    }
    return sum;
  }

  /// Writes to dy the gradient of the batch-mean loss with respect to y (same layout as y): with
  /// C = sum_g c_g, dL/dy_f = -[f is the label] / c_f + 1 / C where the clip leaves y_f alone, else 0.
  template <size_t Width>
  static void gradient(const float* y, const float* t, float* dy, size_t samples, size_t stride) {
    const float batch_scale = 1.0f / static_cast<float>(samples);
    for (size_t s = 0; s < samples; ++s) {
      float total_c = 0.0f;
      for (size_t f = 0; f < Width; ++f) total_c += clipped(y[f * stride + s]);
      for (size_t f = 0; f < Width; ++f) {
        const float value = y[f * stride + s];
        const float own = is_label(t[s], f) ? -1.0f / value : 0.0f;
        dy[f * stride + s] = inside_clip(value) ? batch_scale * (own + 1.0f / total_c) : 0.0f;
      }
    }
  }

 private:
  static bool is_label(float label, size_t f) { return label == static_cast<float>(f); }
  static bool inside_clip(float p) { return p > epsilon && p < 1.0f - epsilon; }
  static float clipped(float p) { return p < epsilon ? epsilon : p > 1.0f - epsilon ? 1.0f - epsilon : p; }
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

/// \file
/// Adam, Keras's formula and defaults (learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7),
/// with the bias correction folded into the step size ("epsilon hat" form). At step t = 1, 2, ...:
/// \code{.unparsed}
///   m += (1 - beta1) (g - m);   v += (1 - beta2) (g^2 - v)
///   alpha = learning_rate * sqrt(1 - beta2^t) / (1 - beta1^t)
///   w -= alpha * m / (sqrt(v) + epsilon)
/// \endcode
#ifndef TINYMLP_TRAIN_ADAM_HPP
#define TINYMLP_TRAIN_ADAM_HPP

#include "../detail/integers.hpp"
#include "per_parameter_optimizer.hpp"
#include "../detail/math.hpp"

namespace tinymlp {

/// Adam's hyperparameters, Keras's defaults.
struct AdamSettings {
  float learning_rate = 0.001f;  ///< The step size before bias correction.
  float beta1 = 0.9f;            ///< Decay of the first moment (the mean of the gradients).
  float beta2 = 0.999f;          ///< Decay of the second moment (the mean of their squares).
  float epsilon = 1e-7f;         ///< Added to sqrt(v), against division by zero.
};

/// The Adam optimizer for a Model's parameters: two moments per parameter (state_bytes), in the
/// object, so a training step needs no heap.
template <class Model>
class Adam : public PerParameterOptimizer<Adam<Model>, Model> {
 public:
  /// The two moments' bytes: 8 per parameter.
  static constexpr size_t state_bytes = 2 * Model::parameter_count * sizeof(float);

  /// Moments at zero, step count at zero.
  explicit Adam(AdamSettings settings = AdamSettings()) : settings_(settings), first_moment_(), second_moment_() {}

  /// Callers that update parameter by parameter call begin_step once per step, then update for each.
  void begin_step() {
    beta1_power_ *= settings_.beta1;
    beta2_power_ *= settings_.beta2;
    step_size_ = settings_.learning_rate * detail::sqrt_of(1.0f - beta2_power_) / (1.0f - beta1_power_);
  }
  /// Moves `parameter` (number `index` of the model's parameters) for its `gradient`.
  void update(float& parameter, float gradient, size_t index) {
    float& m = first_moment_[index];
    float& v = second_moment_[index];
    m += (1.0f - settings_.beta1) * (gradient - m);
    v += (1.0f - settings_.beta2) * (gradient * gradient - v);
    parameter -= step_size_ * m / (detail::sqrt_of(v) + settings_.epsilon);
  }

  const AdamSettings& settings() const { return settings_; }       ///< The hyperparameters in use.
  float learning_rate() const { return settings_.learning_rate; }  ///< The current learning rate.
  /// Changes the learning rate from the next step on (fit's reduce-on-plateau does).
  void set_learning_rate(float learning_rate) { settings_.learning_rate = learning_rate; }

 private:
  AdamSettings settings_;
  float beta1_power_ = 1.0f;
  float beta2_power_ = 1.0f;
  float step_size_ = 0.0f;
  float first_moment_[Model::parameter_count];
  float second_moment_[Model::parameter_count];
};

#if __cplusplus < 201703L
template <class Model>
constexpr size_t Adam<Model>::state_bytes;
#endif

}  // namespace tinymlp

#endif

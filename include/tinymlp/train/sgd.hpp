/// \file
/// Stochastic gradient descent, Keras's formulas and defaults (learning rate 0.01). Plain SGD,
/// \code{.unparsed}
///   w -= learning_rate * g,
/// \endcode
/// keeps no state per parameter, which is what lets an Uno train in place. With momentum:
/// \code{.unparsed}
///   velocity = momentum * velocity - learning_rate * g
///   w += velocity                                   (plain momentum)
///   w += momentum * velocity - learning_rate * g    (Nesterov)
/// \endcode
#ifndef TINYMLP_TRAIN_SGD_HPP
#define TINYMLP_TRAIN_SGD_HPP

#include "../detail/integers.hpp"
#include "per_parameter_optimizer.hpp"

namespace tinymlp {

/// Plain stochastic gradient descent for a Model's parameters: no state but the learning rate.
template <class Model>
class Sgd : public PerParameterOptimizer<Sgd<Model>, Model> {
 public:
  static constexpr size_t state_bytes = 0;  ///< None per parameter.

  /// SGD with this learning rate (Keras's default 0.01).
  explicit Sgd(float learning_rate = 0.01f) : learning_rate_(learning_rate) {}

  /// One parameter's update, for callers that apply each gradient as soon as it is known.
  void update(float& parameter, float gradient, size_t /*index*/) { parameter -= learning_rate_ * gradient; }
  static constexpr bool zero_gradient_changes_nothing = true;  ///< True: w - learning_rate * 0 is w.

  float learning_rate() const { return learning_rate_; }  ///< The current learning rate.
  /// Changes the learning rate from the next step on (fit's reduce-on-plateau does).
  void set_learning_rate(float learning_rate) { learning_rate_ = learning_rate; }

 private:
  float learning_rate_;
};

/// SgdWithMomentum's hyperparameters (Keras's SGD defaults, with its momentum 0 raised to 0.9).
struct MomentumSettings {
  float learning_rate = 0.01f;  ///< The step size.
  float momentum = 0.9f;        ///< How much of the velocity each step keeps.
  bool nesterov = false;        ///< Nesterov's look-ahead form instead of plain momentum.
};

/// SGD with momentum (plain or Nesterov) for a Model's parameters: a velocity per parameter
/// (state_bytes), in the object.
template <class Model>
class SgdWithMomentum : public PerParameterOptimizer<SgdWithMomentum<Model>, Model> {
 public:
  /// The velocities' bytes: 4 per parameter.
  static constexpr size_t state_bytes = Model::parameter_count * sizeof(float);

  /// Velocities at zero.
  explicit SgdWithMomentum(MomentumSettings settings = MomentumSettings()) : settings_(settings), velocity_() {}

  /// Moves `parameter` (number `index` of the model's parameters) for its `gradient`.
  void update(float& parameter, float gradient, size_t index) {
    float& velocity = velocity_[index];
    velocity = settings_.momentum * velocity - settings_.learning_rate * gradient;
    parameter += settings_.nesterov ? settings_.momentum * velocity - settings_.learning_rate * gradient : velocity;
  }

  const MomentumSettings& settings() const { return settings_; }   ///< The hyperparameters in use.
  float learning_rate() const { return settings_.learning_rate; }  ///< The current learning rate.
  /// Changes the learning rate from the next step on (fit's reduce-on-plateau does).
  void set_learning_rate(float learning_rate) { settings_.learning_rate = learning_rate; }

 private:
  MomentumSettings settings_;
  float velocity_[Model::parameter_count];
};

#if __cplusplus < 201703L
template <class Model>
constexpr size_t Sgd<Model>::state_bytes;
template <class Model>
constexpr bool Sgd<Model>::zero_gradient_changes_nothing;
template <class Model>
constexpr size_t SgdWithMomentum<Model>::state_bytes;
#endif

}  // namespace tinymlp

#endif

/// \file
/// The optimizers, with Keras's formulas and defaults: Sgd, SgdWithMomentum, Rmsprop and Adam. Each is
/// made for one Model type and holds its per-parameter state (state_bytes) in the object (bytes in
/// all: settings, bookkeeping and state), so a training step needs no heap. Each takes its settings
/// (SgdSettings, MomentumSettings, RmspropSettings, AdamSettings), built from a learning rate and the
/// other defaults in C++11 too: Adam<Model> adam(AdamSettings(0.01f)), or just adam(0.01f).
#ifndef TINYMLP_TRAIN_OPTIMIZERS_HPP
#define TINYMLP_TRAIN_OPTIMIZERS_HPP

#include "../config.hpp"
#include "../detail/batch_loops.hpp"
#include "../detail/complete_stores.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

// --- What every optimizer shares ------------------------------------------------------------------

/// Base of the optimizers (CRTP): Optimizer supplies update(parameter, gradient, index). A step is one
/// update per parameter, in order, after the optimizer's once-per-step bookkeeping (Adam's bias
/// correction; nothing for the others). Callers that apply each gradient as soon as it is known
/// (in-place training) call begin_step and update themselves.
template <class Optimizer, class Model>
struct PerParameterOptimizer {
  typedef Model model_type;  ///< The model whose parameters this optimizer moves.

  /// One step: `gradients` (Model::parameter_count of them, as compute_gradients leaves them) applied
  /// to `parameters`.
  void step(float* parameters, const float* gradients) {
    Optimizer& self = static_cast<Optimizer&>(*this);
    self.begin_step();
    for (size_t k = 0; k < Model::parameter_count; ++k) self.update(parameters[k], gradients[k], k);
  }
  /// The once-per-step bookkeeping before the updates: nothing, unless the optimizer has some.
  void begin_step() {}
  /// Whether update(parameter, 0, index) leaves everything as it was, so that in-place training may
  /// skip it: not where a zero gradient still moves the state (momentum, moments).
  static constexpr bool zero_gradient_changes_nothing = false;
};

#if __cplusplus < 201703L
template <class Optimizer, class Model>
constexpr bool PerParameterOptimizer<Optimizer, Model>::zero_gradient_changes_nothing;
#endif

// --- Sgd --------------------------------------------------------------------------------------------
// Stochastic gradient descent, Keras's formula and default (learning rate 0.01):
//   w -= learning_rate * g.
// It keeps no state per parameter, which is what lets an Uno train in place.

/// Sgd's hyperparameter, Keras's default.
struct SgdSettings {
  /// The given learning rate; a float converts to it, so Sgd<Model> sgd(0.05f) reads as it should.
  constexpr SgdSettings(float rate = 0.01f) : learning_rate(rate) {}  // NOLINT(google-explicit-constructor)
  float learning_rate;                                                ///< The step size.
};

/// Plain stochastic gradient descent for a Model's parameters: no state but the settings.
template <class Model>
class Sgd : public PerParameterOptimizer<Sgd<Model>, Model> {
 public:
  static constexpr figure_t state_bytes = 0;                   ///< None per parameter.
  static constexpr figure_t bytes = sizeof(SgdSettings);       ///< The whole object: its settings.
  static constexpr bool zero_gradient_changes_nothing = true;  ///< True: w - learning_rate * 0 is w.

  /// SGD with these settings (Keras's default learning rate 0.01).
  explicit Sgd(SgdSettings settings = SgdSettings()) : settings_(settings) {
    static_assert(bytes == sizeof(Sgd), "Sgd::bytes must count the whole object");
  }

  /// One parameter's update, for callers that apply each gradient as soon as it is known.
  void update(float& parameter, float gradient, size_t /*index*/) { parameter -= settings_.learning_rate * gradient; }

  const SgdSettings& settings() const { return settings_; }        ///< The hyperparameters in use.
  float learning_rate() const { return settings_.learning_rate; }  ///< The current learning rate.
  /// Changes the learning rate from the next step on (fit's reduce-on-plateau does).
  void set_learning_rate(float learning_rate) { settings_.learning_rate = learning_rate; }

 private:
  SgdSettings settings_;
};

// --- SgdWithMomentum --------------------------------------------------------------------------------
// SGD with momentum, Keras's formulas:
//   velocity = momentum * velocity - learning_rate * g
//   w += velocity                                   (plain momentum)
//   w += momentum * velocity - learning_rate * g    (Nesterov)

/// SgdWithMomentum's hyperparameters (Keras's SGD defaults, with its momentum 0 raised to 0.9).
struct MomentumSettings {
  /// The given settings, the defaults for those left out.
  constexpr MomentumSettings(float rate = 0.01f, float kept_velocity = 0.9f,  // NOLINT(google-explicit-constructor)
                             bool look_ahead = false)
      : learning_rate(rate), momentum(kept_velocity), nesterov(look_ahead) {}
  float learning_rate;  ///< The step size.
  float momentum;       ///< How much of the velocity each step keeps.
  bool nesterov;        ///< Nesterov's look-ahead form instead of plain momentum.
};

/// SGD with momentum (plain or Nesterov) for a Model's parameters: a velocity per parameter
/// (state_bytes), in the object.
template <class Model>
class SgdWithMomentum : public PerParameterOptimizer<SgdWithMomentum<Model>, Model> {
 public:
  /// The velocities' bytes: 4 per parameter.
  static constexpr figure_t state_bytes = Model::parameter_count * sizeof(float);
  /// The whole object: the settings and the velocities.
  static constexpr figure_t bytes = sizeof(MomentumSettings) + state_bytes;

  /// Velocities at zero.
  explicit SgdWithMomentum(MomentumSettings settings = MomentumSettings()) : settings_(settings), velocity_() {
    static_assert(bytes == sizeof(SgdWithMomentum), "SgdWithMomentum::bytes must count the whole object");
    detail::complete_stores(this);
  }

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

// --- Rmsprop ----------------------------------------------------------------------------------------
// RMSprop, Keras's formula and defaults (learning rate 0.001, rho 0.9, epsilon 1e-7):
//   v = rho * v + (1 - rho) * g^2
//   w -= learning_rate * g / sqrt(v + epsilon)
// v starts at zero. (Keras's optional momentum and centered variants are not offered.)

/// RMSprop's hyperparameters, Keras's defaults.
struct RmspropSettings {
  /// The given settings, the defaults for those left out.
  constexpr RmspropSettings(float rate = 0.001f, float decay = 0.9f,  // NOLINT(google-explicit-constructor)
                            float fuzz = 1e-7f)
      : learning_rate(rate), rho(decay), epsilon(fuzz) {}
  float learning_rate;  ///< The step size.
  float rho;            ///< Decay of the mean square of the gradients.
  float epsilon;        ///< Added to the mean square, against division by zero.
};

/// The RMSprop optimizer for a Model's parameters: a mean square per parameter (state_bytes), in the
/// object.
template <class Model>
class Rmsprop : public PerParameterOptimizer<Rmsprop<Model>, Model> {
 public:
  /// The mean squares' bytes: 4 per parameter.
  static constexpr figure_t state_bytes = Model::parameter_count * sizeof(float);
  /// The whole object: the settings and the mean squares.
  static constexpr figure_t bytes = sizeof(RmspropSettings) + state_bytes;

  /// Mean squares at zero.
  explicit Rmsprop(RmspropSettings settings = RmspropSettings()) : settings_(settings), mean_square_() {
    static_assert(bytes == sizeof(Rmsprop), "Rmsprop::bytes must count the whole object");
    detail::complete_stores(this);
  }

  /// One step over all parameters: update's formula a vector of parameters at a time on the host,
  /// with the same values as update gives each.
  void step(float* parameters, const float* gradients) {
    const detail::step_vector rho = detail::splat_step_vector(settings_.rho);
    const detail::step_vector rest = detail::splat_step_vector(1.0f - settings_.rho);
    const detail::step_vector rate = detail::splat_step_vector(settings_.learning_rate);
    const detail::step_vector epsilon = detail::splat_step_vector(settings_.epsilon);
    size_t k = 0;
    for (; k + detail::step_lanes <= Model::parameter_count; k += detail::step_lanes) {
      const detail::step_vector gradient = detail::load_step_vector(gradients + k);
      detail::step_vector mean_square = detail::load_step_vector(mean_square_ + k);
      mean_square = rho * mean_square + rest * gradient * gradient;
      detail::store_step_vector(mean_square_ + k, mean_square);
      detail::step_vector parameter = detail::load_step_vector(parameters + k);
      parameter -= rate * gradient / detail::square_root(mean_square + epsilon);
      detail::store_step_vector(parameters + k, parameter);
    }
    for (; k < Model::parameter_count; ++k) update(parameters[k], gradients[k], k);
  }

  /// Moves `parameter` (number `index` of the model's parameters) for its `gradient`.
  void update(float& parameter, float gradient, size_t index) {
    float& mean_square = mean_square_[index];
    mean_square = settings_.rho * mean_square + (1.0f - settings_.rho) * gradient * gradient;
    parameter -= settings_.learning_rate * gradient / detail::sqrt_of(mean_square + settings_.epsilon);
  }

  const RmspropSettings& settings() const { return settings_; }    ///< The hyperparameters in use.
  float learning_rate() const { return settings_.learning_rate; }  ///< The current learning rate.
  /// Changes the learning rate from the next step on (fit's reduce-on-plateau does).
  void set_learning_rate(float learning_rate) { settings_.learning_rate = learning_rate; }

 private:
  RmspropSettings settings_;
  float mean_square_[Model::parameter_count];
};

// --- Adam -------------------------------------------------------------------------------------------
// Adam, Keras's formula and defaults (learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7),
// with the bias correction folded into the step size ("epsilon hat" form). At step t = 1, 2, ...:
//   m += (1 - beta1) (g - m);   v += (1 - beta2) (g^2 - v)
//   alpha = learning_rate * sqrt(1 - beta2^t) / (1 - beta1^t)
//   w -= alpha * m / (sqrt(v) + epsilon)

/// Adam's hyperparameters, Keras's defaults.
struct AdamSettings {
  /// The given settings, the defaults for those left out.
  constexpr AdamSettings(float rate = 0.001f, float first_decay = 0.9f,  // NOLINT(google-explicit-constructor)
                         float second_decay = 0.999f, float fuzz = 1e-7f)
      : learning_rate(rate), beta1(first_decay), beta2(second_decay), epsilon(fuzz) {}
  float learning_rate;  ///< The step size before bias correction.
  float beta1;          ///< Decay of the first moment (the mean of the gradients).
  float beta2;          ///< Decay of the second moment (the mean of their squares).
  float epsilon;        ///< Added to sqrt(v), against division by zero.
};

/// The Adam optimizer for a Model's parameters: two moments per parameter (state_bytes), in the
/// object, so a training step needs no heap.
template <class Model>
class Adam : public PerParameterOptimizer<Adam<Model>, Model> {
 public:
  /// The two moments' bytes: 8 per parameter.
  static constexpr figure_t state_bytes = 2 * Model::parameter_count * sizeof(float);
  /// The whole object: the settings, the bias correction's three floats and the moments.
  static constexpr figure_t bytes = sizeof(AdamSettings) + 3 * sizeof(float) + state_bytes;

  /// Moments at zero, step count at zero.
  explicit Adam(AdamSettings settings = AdamSettings()) : settings_(settings), first_moment_(), second_moment_() {
    static_assert(bytes == sizeof(Adam), "Adam::bytes must count the whole object");
    detail::complete_stores(this);
  }

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
  /// One step over all parameters (a batch's): update's formula a vector of parameters at a time on
  /// the host, with the same values as update gives each. (As a plain loop it vectorized only where
  /// the build said -fno-math-errno, and ran 14 times slower without.)
  void step(float* parameters, const float* gradients) {
    begin_step();
    const detail::step_vector first_rate = detail::splat_step_vector(1.0f - settings_.beta1);
    const detail::step_vector second_rate = detail::splat_step_vector(1.0f - settings_.beta2);
    const detail::step_vector step_size = detail::splat_step_vector(step_size_);
    const detail::step_vector epsilon = detail::splat_step_vector(settings_.epsilon);
    size_t k = 0;
    for (; k + detail::step_lanes <= Model::parameter_count; k += detail::step_lanes) {
      const detail::step_vector gradient = detail::load_step_vector(gradients + k);
      detail::step_vector m = detail::load_step_vector(first_moment_ + k);
      detail::step_vector v = detail::load_step_vector(second_moment_ + k);
      m += first_rate * (gradient - m);
      v += second_rate * (gradient * gradient - v);
      detail::store_step_vector(first_moment_ + k, m);
      detail::store_step_vector(second_moment_ + k, v);
      detail::step_vector parameter = detail::load_step_vector(parameters + k);
      parameter -= step_size * m / (detail::square_root(v) + epsilon);
      detail::store_step_vector(parameters + k, parameter);
    }
    for (; k < Model::parameter_count; ++k) update(parameters[k], gradients[k], k);
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
constexpr figure_t Sgd<Model>::state_bytes;
template <class Model>
constexpr figure_t Sgd<Model>::bytes;
template <class Model>
constexpr bool Sgd<Model>::zero_gradient_changes_nothing;
template <class Model>
constexpr figure_t SgdWithMomentum<Model>::state_bytes;
template <class Model>
constexpr figure_t SgdWithMomentum<Model>::bytes;
template <class Model>
constexpr figure_t Rmsprop<Model>::state_bytes;
template <class Model>
constexpr figure_t Rmsprop<Model>::bytes;
template <class Model>
constexpr figure_t Adam<Model>::state_bytes;
template <class Model>
constexpr figure_t Adam<Model>::bytes;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

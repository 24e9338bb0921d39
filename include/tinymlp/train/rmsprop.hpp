/// \file
/// RMSprop, Keras's formula and defaults (learning rate 0.001, rho 0.9, epsilon 1e-7):
/// \code{.unparsed}
///   v = rho * v + (1 - rho) * g^2
///   w -= learning_rate * g / sqrt(v + epsilon)
/// \endcode
/// v starts at zero. (Keras's optional momentum and centered variants are not offered.)
#ifndef TINYMLP_TRAIN_RMSPROP_HPP
#define TINYMLP_TRAIN_RMSPROP_HPP

#include "../detail/integers.hpp"
#include "per_parameter_optimizer.hpp"
#include "../detail/math.hpp"

namespace tinymlp {

/// RMSprop's hyperparameters, Keras's defaults.
struct RmspropSettings {
  float learning_rate = 0.001f;  ///< The step size.
  float rho = 0.9f;              ///< Decay of the mean square of the gradients.
  float epsilon = 1e-7f;         ///< Added to the mean square, against division by zero.
};

/// The RMSprop optimizer for a Model's parameters: a mean square per parameter (state_bytes), in the
/// object.
template <class Model>
class Rmsprop : public PerParameterOptimizer<Rmsprop<Model>, Model> {
 public:
  /// The mean squares' bytes: 4 per parameter.
  static constexpr size_t state_bytes = Model::parameter_count * sizeof(float);

  /// Mean squares at zero.
  explicit Rmsprop(RmspropSettings settings = RmspropSettings()) : settings_(settings), mean_square_() {}

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

#if __cplusplus < 201703L
template <class Model>
constexpr size_t Rmsprop<Model>::state_bytes;
#endif

}  // namespace tinymlp

#endif

/// \file
/// RMSprop, Keras's formula and defaults (learning rate 0.001, rho 0.9, epsilon 1e-7):
/// \code{.unparsed}
///   v = rho * v + (1 - rho) * g^2
///   w -= learning_rate * g / sqrt(v + epsilon)
/// \endcode
/// v starts at zero. (Keras's optional momentum and centered variants are not offered.)
#ifndef TINYMLP_TRAIN_RMSPROP_HPP
#define TINYMLP_TRAIN_RMSPROP_HPP

#include "../detail/batch_loops.hpp"
#include "../detail/integers.hpp"
#include "../detail/math.hpp"
#include "per_parameter_optimizer.hpp"

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

  /// One step over all parameters: update's formula a block of parameters at a time, in vector
  /// registers on the host, with the same values as update gives each.
  void step(float* parameters, const float* gradients) {
    const detail::block_vector rho = detail::splat(settings_.rho), rest = detail::splat(1.0f - settings_.rho);
    const detail::block_vector rate = detail::splat(settings_.learning_rate);
    const detail::block_vector epsilon = detail::splat(settings_.epsilon);
    size_t k = 0;
    for (; k + detail::batch_block <= Model::parameter_count; k += detail::batch_block) {
      const detail::block_vector gradient = detail::load_block(gradients + k);
      detail::block_vector mean_square = detail::load_block(mean_square_ + k);
      mean_square = rho * mean_square + rest * gradient * gradient;
      detail::store_block(mean_square_ + k, mean_square);
      detail::block_vector parameter = detail::load_block(parameters + k);
      parameter -= rate * gradient / detail::square_root(mean_square + epsilon);
      detail::store_block(parameters + k, parameter);
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

#if __cplusplus < 201703L
template <class Model>
constexpr size_t Rmsprop<Model>::state_bytes;
#endif

}  // namespace tinymlp

#endif

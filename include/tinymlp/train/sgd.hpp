// Stochastic gradient descent, Keras's formulas and defaults (learning rate 0.01). Plain SGD,
//   w -= learning_rate * g,
// keeps no state per parameter, which is what lets an Uno train in place. With momentum:
//   velocity = momentum * velocity - learning_rate * g
//   w += velocity                                   (plain momentum)
//   w += momentum * velocity - learning_rate * g    (Nesterov)
#ifndef TINYMLP_TRAIN_SGD_HPP
#define TINYMLP_TRAIN_SGD_HPP

#include "../detail/integers.hpp"
#include "per_parameter_optimizer.hpp"

namespace tinymlp {

template <class Model>
class Sgd : public PerParameterOptimizer<Sgd<Model>, Model> {
 public:
  static constexpr size_t state_bytes = 0;

  explicit Sgd(float learning_rate = 0.01f) : learning_rate_(learning_rate) {}

  // One parameter's update, for callers that apply each gradient as soon as it is known.
  void update(float& parameter, float gradient, size_t /*index*/) { parameter -= learning_rate_ * gradient; }
  static constexpr bool zero_gradient_changes_nothing = true;  // w - learning_rate * 0 is w

  float learning_rate() const { return learning_rate_; }
  void set_learning_rate(float learning_rate) { learning_rate_ = learning_rate; }

 private:
  float learning_rate_;
};

struct MomentumSettings {
  float learning_rate = 0.01f;
  float momentum = 0.9f;
  bool nesterov = false;
};

template <class Model>
class SgdWithMomentum : public PerParameterOptimizer<SgdWithMomentum<Model>, Model> {
 public:
  static constexpr size_t state_bytes = Model::parameter_count * sizeof(float);

  explicit SgdWithMomentum(MomentumSettings settings = MomentumSettings()) : settings_(settings), velocity_() {}

  void update(float& parameter, float gradient, size_t index) {
    float& velocity = velocity_[index];
    velocity = settings_.momentum * velocity - settings_.learning_rate * gradient;
    parameter += settings_.nesterov ? settings_.momentum * velocity - settings_.learning_rate * gradient : velocity;
  }

  const MomentumSettings& settings() const { return settings_; }
  float learning_rate() const { return settings_.learning_rate; }
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

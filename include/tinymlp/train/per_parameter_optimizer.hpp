/// \file
/// What the optimizers share: a step is one update per parameter, in order, after the optimizer's
/// once-per-step bookkeeping (Adam's bias correction; nothing for the others). Callers that apply
/// each gradient as soon as it is known (in-place training) call begin_step and update themselves.
#ifndef TINYMLP_TRAIN_PER_PARAMETER_OPTIMIZER_HPP
#define TINYMLP_TRAIN_PER_PARAMETER_OPTIMIZER_HPP

#include "../detail/integers.hpp"

namespace tinymlp {

/// Base of the optimizers (CRTP): Optimizer supplies update(parameter, gradient, index).
template <class Optimizer, class Model>
struct PerParameterOptimizer {
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

}  // namespace tinymlp

#endif

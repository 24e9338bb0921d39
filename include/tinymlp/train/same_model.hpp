/// \file
/// The checks that a training step's optimizer and workspace were made for the model it trains: a
/// mismatch would read and write past their arrays. Each check's template arguments carry both
/// parameter counts, so the compiler's "in instantiation of" line shows the two numbers.
#ifndef TINYMLP_TRAIN_SAME_MODEL_HPP
#define TINYMLP_TRAIN_SAME_MODEL_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Fails to compile, naming both parameter counts, unless the optimizer's model has as many parameters
/// as the model trained.
template <figure_t ModelParameters, figure_t OptimizerModelParameters>
struct OptimizerMustBeForTheModel {
  static_assert(ModelParameters == OptimizerModelParameters,
                "the optimizer was made for another model (the two numbers are the arguments of "
                "OptimizerMustBeForTheModel<model parameters, optimizer's model parameters>): declare it as "
                "Sgd<Model>, Adam<Model>, ... of the model it trains");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

/// Fails to compile, naming both parameter counts, unless the workspace's model has as many parameters
/// as the model trained.
template <figure_t ModelParameters, figure_t WorkspaceModelParameters>
struct WorkspaceMustBeForTheModel {
  static_assert(ModelParameters == WorkspaceModelParameters,
                "the training workspace was made for another model (the two numbers are the arguments of "
                "WorkspaceMustBeForTheModel<model parameters, workspace's model parameters>): declare it as "
                "TrainingWorkspace<Model, Batch> or InPlaceWorkspace<Model> of the model it trains");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

#if __cplusplus < 201703L
template <figure_t M, figure_t O>
constexpr bool OptimizerMustBeForTheModel<M, O>::value;
template <figure_t M, figure_t W>
constexpr bool WorkspaceMustBeForTheModel<M, W>::value;
#endif

}  // namespace TINYMLP_CONFIGURATION

namespace detail {
inline namespace TINYMLP_CONFIGURATION {
// Each check, then that the types agree too (two models may have as many parameters in other layers;
// said only when the counts agree, so that a count mismatch gets one message).
// Called as static_assert(check<...>(), "") so that it runs at compile time.
template <class Model, class Optimizer>
constexpr bool optimizer_is_for() {
  static_assert(OptimizerMustBeForTheModel<Model::parameter_count, Optimizer::model_type::parameter_count>::value, "");
  static_assert(is_same<Model, typename Optimizer::model_type>::value ||
                    Model::parameter_count != Optimizer::model_type::parameter_count,
                "the optimizer was made for another model type with as many parameters: declare it as "
                "Sgd<Model>, Adam<Model>, ... of the model it trains");
  return true;
}
template <class Model, class WorkspaceModel>
constexpr bool workspace_is_for() {
  static_assert(WorkspaceMustBeForTheModel<Model::parameter_count, WorkspaceModel::parameter_count>::value, "");
  static_assert(is_same<Model, WorkspaceModel>::value || Model::parameter_count != WorkspaceModel::parameter_count,
                "the training workspace was made for another model type with as many parameters: declare it "
                "for the model it trains");
  return true;
}
}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
}  // namespace tinymlp

#endif

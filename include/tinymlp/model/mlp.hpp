/// \file
/// Mlp<Hidden, Widths...>: the common multilayer perceptron as a Sequential, with the activation
/// Hidden after every Dense but the last, for example Mlp<ReLU, 1, 16, 16, 1> is
/// \code
///   Sequential<Dense<1, 16>, ReLU, Dense<16, 16>, ReLU, Dense<16, 1>>.
/// \endcode
#ifndef TINYMLP_MODEL_MLP_HPP
#define TINYMLP_MODEL_MLP_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../layers/dense.hpp"
#include "sequential.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

template <class Model, class... More>
struct prepend_layers;
template <class... Layers, class... More>
struct prepend_layers<Sequential<Layers...>, More...> {
  typedef Sequential<More..., Layers...> type;
};

template <class Hidden, size_t... Widths>
struct build_mlp {
  static_assert(sizeof...(Widths) >= 2, "Mlp needs at least an input and an output width");
};
template <class Hidden, size_t In, size_t Out>
struct build_mlp<Hidden, In, Out> {
  typedef Sequential<Dense<In, Out>> type;
};
template <class Hidden, size_t In, size_t Out, size_t Next, size_t... Rest>
struct build_mlp<Hidden, In, Out, Next, Rest...> {
  typedef
      typename prepend_layers<typename build_mlp<Hidden, Out, Next, Rest...>::type, Dense<In, Out>, Hidden>::type type;
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

/// A multilayer perceptron of the given widths (input first, output last, at least two), with the
/// activation Hidden after every Dense but the last.
template <class Hidden, size_t... Widths>
using Mlp = typename detail::build_mlp<Hidden, Widths...>::type;

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

/// \file
/// A description run as it stands, in float (the arithmetic a device does, sums in input order) or in
/// double (near exact): what the host needs to compare two descriptions of one model, such as a
/// normalization folded into a Dense and kept as a layer. Quantized layers run their float view.
#ifndef TINYMLP_HOST_DESCRIPTION_FORWARD_HPP
#define TINYMLP_HOST_DESCRIPTION_FORWARD_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "model_description.hpp"

namespace tinymlp {
namespace detail {

template <class Real>
Real activation_value(const Layer& layer, Real x) {
  switch (layer.activation) {
    case Activation::none:
    case Activation::softmax: return x;  // softmax acts on the whole layer
    case Activation::relu: return x > 0 ? x : Real(0);
    case Activation::relu6: return x > 0 ? (x < 6 ? x : Real(6)) : Real(0);
    case Activation::tanh: return std::tanh(x);
    case Activation::sigmoid: return Real(1) / (Real(1) + std::exp(-x));
    case Activation::leaky_relu: return x > 0 ? x : x * static_cast<Real>(layer.alpha);
  }
  return x;
}

template <class Real>
void apply_activation(const Layer& layer, std::vector<Real>& values) {
  if (layer.activation != Activation::softmax) {
    for (Real& value : values) value = activation_value(layer, value);
    return;
  }
  const Real largest = *std::max_element(values.begin(), values.end());
  Real sum = 0;
  for (Real& value : values) sum += value = std::exp(value - largest);
  for (Real& value : values) value /= sum;
}

}  // namespace detail

/// The model's outputs for `input` (model.input_size values), computed in Real (float or double).
template <class Real>
std::vector<Real> forward_description(const ModelDescription& model, const std::vector<Real>& input) {
  std::vector<Real> values = input;
  for (const Layer& layer : model.layers) {
    if (layer.kind == LayerKind::activation) {
      detail::apply_activation(layer, values);
      continue;
    }
    std::vector<Real> next(layer.outputs);
    for (std::size_t o = 0; o < layer.outputs; ++o) {
      if (layer.kind == LayerKind::normalization) {
        const Real x = values[layer.inputs == 1 ? 0 : o];
        next[o] = (x + static_cast<Real>(layer.bias[o])) * static_cast<Real>(layer.kernel[o]);
        continue;
      }
      Real sum = static_cast<Real>(layer.bias[o]);
      for (std::size_t i = 0; i < layer.inputs; ++i)
        sum += static_cast<Real>(layer.kernel[o * layer.inputs + i]) * values[i];
      next[o] = sum;
    }
    values.swap(next);
    if (layer.kind == LayerKind::dense) detail::apply_activation(layer, values);
  }
  return values;
}

}  // namespace tinymlp

#endif

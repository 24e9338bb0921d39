/// \file
/// quantize_hybrid(model, inputs): a float model's dynamic-range ("hybrid") version, as TFLite's
/// converter makes with Optimize.DEFAULT and no representative data: every Dense kernel becomes int8
/// with one scale (max |w| / 127, zero point 0, rounded half away from zero as TFLite's
/// SymmetricQuantizeFloats), biases and activations stay float, and each layer quantizes its input row
/// at run time the `inputs` way. Unlike TFLite's converter, small kernels (under 1024 weights) are
/// quantized too: a model on a microcontroller is small, and it is the weights' flash that --hybrid saves.
#ifndef TINYMLP_HOST_HYBRID_QUANTIZE_HPP
#define TINYMLP_HOST_HYBRID_QUANTIZE_HPP

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "errors.hpp"
#include "model_description.hpp"

namespace tinymlp {

/// The hybrid version of the float `model` (see the file's description); ModelError for an int8 model.
inline ModelDescription quantize_hybrid(const ModelDescription& model, HybridInputs inputs = HybridInputs::symmetric) {
  check_consistent(model);
  if (model.has_int8_layers())
    throw ModelError("the model is full-integer int8 already; a hybrid model is made from float weights");
  ModelDescription hybrid = model;
  for (Layer& layer : hybrid.layers) {
    if (layer.kind != LayerKind::dense) continue;
    HybridQuantization q;
    q.inputs = inputs;
    float range = 0.0f;
    for (float w : layer.kernel) range = std::max(range, std::fabs(w));
    q.weight_scale = range > 0.0f ? range / 127.0f : 1.0f;
    const float inverse = range > 0.0f ? 127.0f / range : 0.0f;
    q.kernel.reserve(layer.kernel.size());
    for (float w : layer.kernel) {
      const float rounded = std::round(w * inverse);
      q.kernel.push_back(static_cast<std::int8_t>(std::min(127.0f, std::max(-127.0f, rounded))));
    }
    layer.quantization = std::move(q);
    set_dequantized_weights(layer);
  }
  return hybrid;
}

}  // namespace tinymlp

#endif

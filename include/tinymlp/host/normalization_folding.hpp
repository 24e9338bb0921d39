/// \file
/// Folding a normalization layer (per-feature y = (x + offset) * scale, what a Keras Normalization
/// becomes) into the float Dense after it: W'[o][i] = W[o][i] scale[i], b'[o] = b[o] + sum_i W[o][i]
/// offset[i] scale[i] (with one input broadcast, the row sums to one weight). In exact arithmetic the
/// two compute the same; in float32 the folded Dense multiplies the raw inputs, and where offsets are
/// large against the spread of the inputs (raw sensor values far from zero) its sums cancel and lose
/// digits. So a fold is kept only where it is exact enough, which is established on probe inputs:
///   - probes: 64 inputs whose normalized values run over [-4, 4] (four standard deviations either
///     side of the mean the normalization removes), through the first normalization where the model
///     begins with one, else inputs in [-4, 4];
///   - each output's error is measured against the unfolded model computed in double, in units of the
///     float tolerance 1e-5 * max(1, |y|);
///   - the fold is kept if the folded model in float32 errs by at most 0.1 of the tolerance, or by at
///     most twice what the unfolded model in float32 errs (folding may not make the outputs measurably
///     worse). Otherwise the normalization stays a layer (tinymlp's Normalization<In, Out>).
#ifndef TINYMLP_HOST_NORMALIZATION_FOLDING_HPP
#define TINYMLP_HOST_NORMALIZATION_FOLDING_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "description_forward.hpp"
#include "model_description.hpp"

namespace tinymlp {

/// The float Dense that computes `normalization` followed by `dense`, with the Dense's fused activation.
inline Layer folded_normalization(const Layer& normalization, const Layer& dense) {
  Layer folded = dense;
  folded.inputs = normalization.inputs;
  folded.kernel.assign(folded.inputs * folded.outputs, 0.0f);
  for (std::size_t o = 0; o < dense.outputs; ++o) {
    double bias = dense.bias[o];
    std::vector<double> row(folded.inputs, 0.0);
    for (std::size_t i = 0; i < dense.inputs; ++i) {
      const double weight = static_cast<double>(dense.kernel[o * dense.inputs + i]) * normalization.kernel[i];
      row[normalization.inputs == 1 ? 0 : i] += weight;
      bias += weight * normalization.bias[i];
    }
    for (std::size_t i = 0; i < folded.inputs; ++i) folded.kernel[o * folded.inputs + i] = static_cast<float>(row[i]);
    folded.bias[o] = static_cast<float>(bias);
  }
  return folded;
}

namespace detail {

// The probes of the file's description: inputs that the model's first normalization maps to [-4, 4]
// (a fixed pseudo-random sequence), or inputs in [-4, 4].
inline std::vector<std::vector<double>> folding_probes(const ModelDescription& model) {
  std::vector<std::vector<double>> probes(64, std::vector<double>(model.input_size));
  std::uint32_t state = 12345u;
  const auto next_normalized = [&state]() {
    state = state * 1664525u + 1013904223u;  // a linear congruential generator, the same on every host
    return -4.0 + 8.0 * static_cast<double>(state >> 8) / 16777216.0;
  };
  const Layer* first = model.layers.empty() ? nullptr : &model.layers.front();
  const bool normalized = first && first->kind == LayerKind::normalization;
  for (std::size_t p = 0; p < probes.size(); ++p)
    for (std::size_t i = 0; i < model.input_size; ++i) {
      const double t = next_normalized();
      // With one input broadcast, each probe takes the normalization of one of the features in turn.
      const std::size_t feature = !normalized ? 0 : first->inputs == 1 ? p % first->outputs : i;
      const double scale = normalized ? first->kernel[feature] : 1.0;
      // Rounded to float, as a model's inputs are: the reference starts from the same values.
      probes[p][i] = static_cast<float>(normalized && scale != 0.0 ? t / scale - first->bias[feature] : t);
    }
  return probes;
}

// The largest error of `candidate` (in float) against `exact` (in double) on the probes, in units
// of the tolerance 1e-5 * max(1, |y|).
inline double largest_error(const ModelDescription& exact, const ModelDescription& candidate,
                            const std::vector<std::vector<double>>& probes) {
  double largest = 0.0;
  for (const std::vector<double>& probe : probes) {
    const std::vector<double> want = forward_description(exact, probe);
    const std::vector<float> have = forward_description(candidate, std::vector<float>(probe.begin(), probe.end()));
    for (std::size_t k = 0; k < want.size(); ++k) {
      const double error =
          std::fabs(static_cast<double>(have[k]) - want[k]) / (1e-5 * std::max(1.0, std::fabs(want[k])));
      largest = std::isfinite(error) ? std::max(largest, error) : 1e300;
    }
  }
  return largest;
}

}  // namespace detail

/// Folds each normalization layer into the float Dense right after it, where that is exact enough
/// (see the file's description); the others stay layers. Returns how many were folded.
inline std::size_t fold_normalizations(ModelDescription& model) {
  std::size_t folded_count = 0;
  for (std::size_t k = model.layers.size(); k-- > 0;) {
    if (k + 1 >= model.layers.size() || model.layers[k].kind != LayerKind::normalization) continue;
    const Layer& dense = model.layers[k + 1];
    if (dense.kind != LayerKind::dense || dense.is_quantized()) continue;
    ModelDescription candidate = model;
    candidate.layers[k] = folded_normalization(model.layers[k], dense);
    candidate.layers.erase(candidate.layers.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    const auto finite = [](float value) { return std::isfinite(value); };
    const Layer& fold = candidate.layers[k];
    if (!std::all_of(fold.kernel.begin(), fold.kernel.end(), finite) ||
        !std::all_of(fold.bias.begin(), fold.bias.end(), finite))
      continue;
    const std::vector<std::vector<double>> probes = detail::folding_probes(model);
    const double folded_error = detail::largest_error(model, candidate, probes);
    const double kept_error = detail::largest_error(model, model, probes);
    if (folded_error > std::max(0.1, 2.0 * kept_error)) continue;
    model = std::move(candidate);
    ++folded_count;
  }
  return folded_count;
}

}  // namespace tinymlp

#endif

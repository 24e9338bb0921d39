/// \file
/// shuffle(): the samples of a dataset in a random order drawn from a seed, before a split of data
/// that comes sorted (by class, by time, by subject).
#ifndef TINYMLP_HOST_SHUFFLE_HPP
#define TINYMLP_HOST_SHUFFLE_HPP

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "../random.hpp"
#include "dataset.hpp"

namespace tinymlp {

/// 0, 1, ..., count - 1 in a Fisher-Yates order drawn from `seed` (the same seed, the same order).
inline std::vector<std::size_t> shuffled_order(std::size_t count, std::uint32_t seed) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Random random(seed);
  for (std::size_t k = count; k > 1; --k) std::swap(order[k - 1], order[random.below(static_cast<std::uint32_t>(k))]);
  return order;
}

/// The samples of `data` taken in `order` (indices into it).
inline Dataset reordered(const Dataset& data, const std::vector<std::size_t>& order) {
  data.check_shape("reorder");
  Dataset result;
  result.features = data.features;
  result.targets = data.targets;
  result.classes = data.classes;
  result.inputs.reserve(order.size() * data.features);
  result.outputs.reserve(order.size() * data.targets);
  for (std::size_t s : order) {
    if (s >= data.size()) throw DataError("reorder: sample " + std::to_string(s) + " is past the end");
    result.inputs.insert(result.inputs.end(), data.input(s), data.input(s) + data.features);
    result.outputs.insert(result.outputs.end(), data.output(s), data.output(s) + data.targets);
  }
  return result;
}

/// `data`'s samples in a random order drawn from `seed`.
inline Dataset shuffle(const Dataset& data, std::uint32_t seed) {
  return reordered(data, shuffled_order(data.size(), seed));
}

}  // namespace tinymlp

#endif

/// \file
/// TFLite's DENSIFY: a sparse constant tensor (a pruned model's weights) decompressed to a dense,
/// row-major array. The format is TFLite's SparsityParameters (TACO's): the tensor's dimensions,
/// possibly split into blocks (block_map names the dimension each block dimension splits), are stored
/// in traversal_order; each stored dimension is DENSE (all dense_size positions) or SPARSE_CSR
/// (array_segments[p] .. array_segments[p + 1] of array_indices are the positions present under parent
/// position p). The values are the stored elements in that traversal.
///
/// Everything is untrusted: orders, block maps, sizes, segments and indices are checked before use,
/// and a SparsityError names the tensor and what is wrong. The FlatBuffers reading stays in the
/// importer; this file takes plain vectors.
#ifndef TINYMLP_HOST_DENSIFY_HPP
#define TINYMLP_HOST_DENSIFY_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "errors.hpp"

namespace tinymlp {

/// A sparse tensor whose sparsity metadata or values do not describe a dense tensor of its shape.
class SparsityError : public DataError {
 public:
  using DataError::DataError;
};

/// One stored dimension of a sparse tensor (TFLite's DimensionMetadata; the index vectors of any of
/// TFLite's three integer types, widened).
struct SparseDimension {
  bool sparse = false;                 ///< SPARSE_CSR (else DENSE).
  std::int64_t dense_size = 0;         ///< For DENSE: the number of positions.
  std::vector<std::int64_t> segments;  ///< For SPARSE_CSR: array_segments.
  std::vector<std::int64_t> indices;   ///< For SPARSE_CSR: array_indices.
};

/// TFLite's SparsityParameters.
struct Sparsity {
  std::vector<std::int32_t> traversal_order;  ///< The storage order of dimensions (blocks after).
  std::vector<std::int32_t> block_map;        ///< For each block dimension, the dimension it splits.
  std::vector<SparseDimension> dimensions;    ///< dim_metadata, in storage order.
};

namespace detail {

inline std::string position_name(std::size_t level) { return "stored dimension " + std::to_string(level); }

}  // namespace detail

/// The dense, row-major values of the tensor `name` of `shape` stored as `values` with `sparsity`
/// (positions not stored are 0). SparsityError when anything does not fit.
template <class T>
std::vector<T> densify(const std::string& name, const std::vector<std::int32_t>& shape, const Sparsity& sparsity,
                       const std::vector<T>& values) {
  auto fail = [&](const std::string& what) { throw SparsityError("tensor '" + name + "': sparse weights: " + what); };
  const std::size_t rank = shape.size();
  const std::size_t blocks = sparsity.block_map.size();
  const std::size_t levels = rank + blocks;
  if (rank == 0) fail("the tensor has no shape");
  std::int64_t total = 1;
  for (std::size_t d = 0; d < rank; ++d) {
    if (shape[d] <= 0) fail("dimension " + std::to_string(d) + " has size " + std::to_string(shape[d]));
    total *= shape[d];
    if (total > (std::int64_t{1} << 31)) fail("the dense tensor would have more than 2^31 values");
  }
  if (sparsity.traversal_order.size() != levels)
    fail("traversal_order has " + std::to_string(sparsity.traversal_order.size()) + " entries, the shape and " +
         "block_map want " + std::to_string(levels));
  if (sparsity.dimensions.size() != levels)
    fail("dim_metadata has " + std::to_string(sparsity.dimensions.size()) + " entries, traversal_order " +
         std::to_string(levels));
  // The dimensions come first in traversal_order, as a permutation of 0 .. rank - 1, then the blocks.
  std::vector<bool> seen(levels, false);
  for (std::size_t p = 0; p < levels; ++p) {
    const std::int32_t d = sparsity.traversal_order[p];
    const bool in_range = p < rank ? d >= 0 && static_cast<std::size_t>(d) < rank
                                   : static_cast<std::size_t>(d) >= rank && static_cast<std::size_t>(d) < levels;
    if (!in_range || seen[static_cast<std::size_t>(d)])
      fail("traversal_order entry " + std::to_string(p) + " (" + std::to_string(d) +
           ") is not a dimension in order: dimensions first, each once, then block dimensions");
    seen[static_cast<std::size_t>(d)] = true;
  }
  // Each block dimension splits one dimension into blocks of its dense_size.
  std::vector<std::int64_t> block_size(blocks, 1), level_size(levels, 0), blocked_shape(shape.begin(), shape.end());
  std::vector<bool> blocked(rank, false);
  for (std::size_t k = 0; k < blocks; ++k) {
    const std::int32_t d = sparsity.block_map[k];
    if (d < 0 || static_cast<std::size_t>(d) >= rank || blocked[static_cast<std::size_t>(d)])
      fail("block_map entry " + std::to_string(k) + " (" + std::to_string(d) + ") is not a dimension blocked once");
    blocked[static_cast<std::size_t>(d)] = true;
    std::size_t position = 0;
    while (static_cast<std::size_t>(sparsity.traversal_order[position]) != rank + k) ++position;
    const SparseDimension& metadata = sparsity.dimensions[position];
    if (metadata.sparse || metadata.dense_size <= 0 || shape[static_cast<std::size_t>(d)] % metadata.dense_size != 0)
      fail("block dimension " + std::to_string(k) + " must be DENSE with a size dividing dimension " +
           std::to_string(d) + " (" + std::to_string(shape[static_cast<std::size_t>(d)]) + ")");
    block_size[k] = metadata.dense_size;
    blocked_shape[static_cast<std::size_t>(d)] /= metadata.dense_size;
  }
  for (std::size_t p = 0; p < levels; ++p) {
    const std::size_t d = static_cast<std::size_t>(sparsity.traversal_order[p]);
    level_size[p] = d < rank ? blocked_shape[d] : block_size[d - rank];
  }
  // Walk the levels: `parents` are the positions of the level above (flattened, as TFLite numbers them)
  // with their index in each level so far.
  struct Node {
    std::int64_t position;
    std::vector<std::int64_t> index;
  };
  std::vector<Node> nodes(1, Node{0, {}});
  for (std::size_t p = 0; p < levels; ++p) {
    const SparseDimension& metadata = sparsity.dimensions[p];
    std::vector<Node> next;
    if (!metadata.sparse) {
      if (metadata.dense_size != level_size[p])
        fail(detail::position_name(p) + " is DENSE of size " + std::to_string(metadata.dense_size) +
             ", the shape says " + std::to_string(level_size[p]));
      if (static_cast<std::int64_t>(nodes.size()) * level_size[p] > total)
        fail(detail::position_name(p) + " has more positions than the tensor has values");
      for (const Node& node : nodes)
        for (std::int64_t i = 0; i < level_size[p]; ++i) {
          Node child{node.position * level_size[p] + i, node.index};
          child.index.push_back(i);
          next.push_back(child);
        }
    } else {
      const std::vector<std::int64_t>& segments = metadata.segments;
      const std::vector<std::int64_t>& indices = metadata.indices;
      // Parents are numbered 0 .. nodes.size() - 1 in order (their flattened positions, for a DENSE
      // parent level; their index positions, for a SPARSE_CSR one).
      if (segments.size() != nodes.size() + 1)
        fail(detail::position_name(p) + " has " + std::to_string(segments.size()) + " array_segments, its " +
             std::to_string(nodes.size()) + " parent positions want " + std::to_string(nodes.size() + 1));
      if (segments.front() != 0 || segments.back() != static_cast<std::int64_t>(indices.size()))
        fail(detail::position_name(p) + ": array_segments must run from 0 to the " + std::to_string(indices.size()) +
             " array_indices");
      for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (segments[n + 1] < segments[n])
          fail(detail::position_name(p) + ": array_segments decrease at entry " + std::to_string(n + 1));
        // A later entry that decreases does not bound this one: check it before reading indices with it.
        if (segments[n + 1] > static_cast<std::int64_t>(indices.size()))
          fail(detail::position_name(p) + ": array_segments entry " + std::to_string(n + 1) + " (" +
               std::to_string(segments[n + 1]) + ") is past the " + std::to_string(indices.size()) + " array_indices");
        std::int64_t previous = -1;
        for (std::int64_t s = segments[n]; s < segments[n + 1]; ++s) {
          const std::int64_t i = indices[static_cast<std::size_t>(s)];
          if (i < 0 || i >= level_size[p])
            fail(detail::position_name(p) + ": array_indices entry " + std::to_string(s) + " (" + std::to_string(i) +
                 ") is outside 0 .. " + std::to_string(level_size[p] - 1));
          if (i <= previous)
            fail(detail::position_name(p) + ": array_indices entry " + std::to_string(s) + " (" + std::to_string(i) +
                 ") repeats or goes back within its segment");
          previous = i;
          Node child{s, nodes[n].index};
          child.index.push_back(i);
          next.push_back(child);
        }
      }
    }
    nodes.swap(next);
  }
  if (nodes.size() != values.size())
    fail("the sparsity metadata stores " + std::to_string(nodes.size()) + " values, the buffer holds " +
         std::to_string(values.size()));
  std::vector<T> dense(static_cast<std::size_t>(total), T{});
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    // The index in each dimension: its block's index times the block size, plus the index in the block.
    std::vector<std::int64_t> index(rank, 0);
    for (std::size_t p = 0; p < rank; ++p)
      index[static_cast<std::size_t>(sparsity.traversal_order[p])] = nodes[v].index[p];
    for (std::size_t p = rank; p < levels; ++p) {
      const std::size_t k = static_cast<std::size_t>(sparsity.traversal_order[p]) - rank;
      const std::size_t d = static_cast<std::size_t>(sparsity.block_map[k]);
      index[d] = index[d] * block_size[k] + nodes[v].index[p];
    }
    std::int64_t flat = 0;
    for (std::size_t d = 0; d < rank; ++d) flat = flat * shape[d] + index[d];
    dense[static_cast<std::size_t>(flat)] = values[v];
  }
  return dense;
}

}  // namespace tinymlp

#endif

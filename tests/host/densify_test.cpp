// TFLite's sparse tensor format decompressed (tinymlp/host/densify.hpp): hand-made cases of each
// layout (CSR rows, a sparse outer dimension, column-major traversal, blocks), and every kind of bad
// metadata refused with the tensor's name.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tinymlp/host/densify.hpp"

namespace {

using tinymlp::SparseDimension;
using tinymlp::Sparsity;

SparseDimension dense(std::int64_t size) {
  SparseDimension d;
  d.dense_size = size;
  return d;
}
SparseDimension csr(std::vector<std::int64_t> segments, std::vector<std::int64_t> indices) {
  SparseDimension d;
  d.sparse = true;
  d.segments = std::move(segments);
  d.indices = std::move(indices);
  return d;
}

// The 3 x 4 matrix
//   1 0 0 2
//   0 0 0 0
//   0 3 4 0
const std::vector<int> matrix = {1, 0, 0, 2, 0, 0, 0, 0, 0, 3, 4, 0};

Sparsity rows_csr() { return Sparsity{{0, 1}, {}, {dense(3), csr({0, 2, 2, 4}, {0, 3, 1, 2})}}; }

std::string error_of(const Sparsity& sparsity, const std::vector<int>& values,
                     std::vector<std::int32_t> shape = {3, 4}) {
  try {
    tinymlp::densify("dense/kernel", shape, sparsity, values);
  } catch (const tinymlp::SparsityError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("densify: CSR rows, a sparse outer dimension, column-major order and 2 x 2 blocks") {
  CHECK(tinymlp::densify("w", {3, 4}, rows_csr(), std::vector<int>{1, 2, 3, 4}) == matrix);
  // Both dimensions sparse: rows 0 and 2 present, then their columns.
  const Sparsity both{{0, 1}, {}, {csr({0, 2}, {0, 2}), csr({0, 2, 4}, {0, 3, 1, 2})}};
  CHECK(tinymlp::densify("w", {3, 4}, both, std::vector<int>{1, 2, 3, 4}) == matrix);
  // Column-major: columns outer (dense), rows inner (sparse).
  const Sparsity columns{{1, 0}, {}, {dense(4), csr({0, 1, 2, 3, 4}, {0, 2, 2, 0})}};
  CHECK(tinymlp::densify("w", {3, 4}, columns, std::vector<int>{1, 3, 4, 2}) == matrix);
  // 4 x 4 in 2 x 2 blocks, block rows dense, block columns sparse, blocks dense inside:
  //   1 2 0 0
  //   3 4 0 0
  //   0 0 5 6
  //   0 0 7 8
  const Sparsity blocks{{0, 1, 2, 3}, {0, 1}, {dense(2), csr({0, 1, 2}, {0, 1}), dense(2), dense(2)}};
  CHECK(tinymlp::densify("w", {4, 4}, blocks, std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8}) ==
        std::vector<int>{1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 5, 6, 0, 0, 7, 8});
}

TEST_CASE("densify: bad sparsity metadata is refused, naming the tensor and what is wrong") {
  const std::string where = "tensor 'dense/kernel': sparse weights: ";
  Sparsity s = rows_csr();
  CHECK(error_of(s, {1, 2, 3}) == where + "the sparsity metadata stores 4 values, the buffer holds 3");
  s.traversal_order = {0, 0};
  CHECK(error_of(s, {1, 2, 3, 4}) == where +
                                         "traversal_order entry 1 (0) is not a dimension in order: dimensions first, "
                                         "each once, then block dimensions");
  s = rows_csr();
  s.traversal_order = {0};
  CHECK(error_of(s, {1, 2, 3, 4}) == where + "traversal_order has 1 entries, the shape and block_map want 2");
  s = rows_csr();
  s.dimensions.pop_back();
  CHECK(error_of(s, {1, 2, 3, 4}) == where + "dim_metadata has 1 entries, traversal_order 2");
  s = rows_csr();
  s.dimensions[0].dense_size = 4;
  CHECK(error_of(s, {1, 2, 3, 4}) == where + "stored dimension 0 is DENSE of size 4, the shape says 3");
  s = rows_csr();
  s.dimensions[1].segments = {0, 2, 4};
  CHECK(error_of(s, {1, 2, 3, 4}) == where + "stored dimension 1 has 3 array_segments, its 3 parent positions want 4");
  s = rows_csr();
  s.dimensions[1].segments = {0, 2, 1, 4};
  CHECK(error_of(s, {1, 2, 3, 4}) == where + "stored dimension 1: array_segments decrease at entry 2");
  s = rows_csr();
  s.dimensions[1].segments = {0, 2, 2, 5};
  CHECK(error_of(s, {1, 2, 3, 4}) ==
        where + "stored dimension 1: array_segments must run from 0 to the 4 array_indices");
  s = rows_csr();
  s.dimensions[1].indices = {0, 4, 1, 2};
  CHECK(error_of(s, {1, 2, 3, 4}) == where + "stored dimension 1: array_indices entry 1 (4) is outside 0 .. 3");
  s.dimensions[1].indices = {0, 3, 2, 2};
  CHECK(error_of(s, {1, 2, 3, 4}) ==
        where + "stored dimension 1: array_indices entry 3 (2) repeats or goes back within its segment");
  s = Sparsity{{0, 1, 2}, {1}, {dense(3), dense(2), dense(3)}};
  CHECK(error_of(s, {}) == where + "block dimension 0 must be DENSE with a size dividing dimension 1 (4)");
  s = Sparsity{{0, 1, 2}, {5}, {dense(3), dense(2), dense(2)}};
  CHECK(error_of(s, {}) == where + "block_map entry 0 (5) is not a dimension blocked once");
  CHECK(error_of(rows_csr(), {1, 2, 3, 4}, {3, -4}) == where + "dimension 1 has size -4");
}

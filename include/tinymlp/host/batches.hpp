// Moving samples between the dataset's sample-major order and the kernels' feature-major batches.
#ifndef TINYMLP_HOST_BATCHES_HPP
#define TINYMLP_HOST_BATCHES_HPP

#include <cstddef>

namespace tinymlp {
namespace detail {

// Samples that inference over a dataset runs at a time, and the floats from one feature's row of such
// a chunk to the next: more than the samples, since at a power-of-two stride (1 KiB) the rows of
// every 4th feature fall in the same L1 sets and alias at 4 KiB, and writing a chunk feature-major
// evicted its own lines (with the digits' 64 features a validation pass took 1.7x as long).
constexpr std::size_t chunk_capacity = 256, chunk_stride = chunk_capacity + 16;

// batch[f * stride + b] = samples[sample_index(b) * width + f] for b < count.
template <class SampleIndex>
void gather_feature_major(const float* samples, std::size_t width, SampleIndex sample_index, std::size_t count,
                          float* batch, std::size_t stride) {
  for (std::size_t b = 0; b < count; ++b) {
    const float* sample = samples + sample_index(b) * width;
    for (std::size_t f = 0; f < width; ++f) batch[f * stride + b] = sample[f];
  }
}

inline void scatter_sample_major(const float* batch, std::size_t stride, std::size_t width, std::size_t count,
                                 float* samples) {
  for (std::size_t b = 0; b < count; ++b)
    for (std::size_t f = 0; f < width; ++f) samples[b * width + f] = batch[f * stride + b];
}

}  // namespace detail
}  // namespace tinymlp

#endif

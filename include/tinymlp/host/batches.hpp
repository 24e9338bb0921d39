// Moving samples between the dataset's sample-major order and the kernels' feature-major batches.
#ifndef TINYMLP_HOST_BATCHES_HPP
#define TINYMLP_HOST_BATCHES_HPP

#include <cstddef>

namespace tinymlp {
namespace detail {

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

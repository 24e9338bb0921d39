// Keras's fuzz factor (backend epsilon, 1e-7), which its cross-entropy losses clip probabilities
// with. It lives in a class template because before C++17 an odr-used constexpr static member
// needs a definition outside the class, and only a template's may appear in every translation unit
// that includes the header (a plain class's would be a duplicate symbol at link time).
#ifndef TINYMLP_TRAIN_FUZZ_FACTOR_HPP
#define TINYMLP_TRAIN_FUZZ_FACTOR_HPP

namespace tinymlp {
namespace detail {

template <class Unused = void>
struct KerasFuzzFactor {
  static constexpr float epsilon = 1e-7f;
};

#if __cplusplus < 201703L
template <class Unused>
constexpr float KerasFuzzFactor<Unused>::epsilon;
#endif

}  // namespace detail
}  // namespace tinymlp

#endif

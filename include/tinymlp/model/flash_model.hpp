/// \file
/// FlashModel<Model>: inference with parameters that live in flash, so that RAM holds only the
/// activation buffers. On AVR the array must be declared PROGMEM (TINYMLP_PROGMEM); elsewhere a
/// plain const array already stays in flash.
#ifndef TINYMLP_MODEL_FLASH_MODEL_HPP
#define TINYMLP_MODEL_FLASH_MODEL_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../flash.hpp"
#include "sequential_kernels.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {

/// Fails to compile, naming both lengths, unless a FlashModel's array has as many floats as its model
/// has parameters.
template <figure_t ArrayLength, figure_t ModelParameters>
struct FlashArrayMustMatchModel {
  static_assert(ArrayLength == ModelParameters,
                "the array given to FlashModel<Model> does not hold Model::parameter_count floats (the two numbers "
                "are the arguments of FlashArrayMustMatchModel<array length, model parameters>): the weights are "
                "for another model type");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

/// Inference of a Model (a Sequential type) whose parameters live in flash. The object is one pointer;
/// a prediction uses Model::activation_bytes of stack and no heap.
template <class Model>
class FlashModel {
 public:
  typedef Model model_type;  ///< The Sequential type whose parameter layout the array has.

  /// Runs from `parameters_in_flash`: Model::parameter_count floats in Sequential::parameters' order,
  /// declared TINYMLP_PROGMEM on AVR. Taking the array, not a pointer, lets its length be checked
  /// against the model's. The array must outlive the FlashModel.
  template <size_t Length>
  explicit constexpr FlashModel(const float (&parameters_in_flash)[Length]) : parameters_(parameters_in_flash) {
    static_assert(FlashArrayMustMatchModel<Length, Model::parameter_count>::value, "");
  }

  /// Writes Model::output_size outputs to `y` from Model::input_size inputs at `x`.
  void predict(const float* x, float* y) const {
    SequentialKernels<Model>::template predict_from<FlashReader>(parameters_, x, y);
  }

  /// The one output for the one input `x` (compiles only for such models).
  float predict(float x) const {
    static_assert(Model::input_size == 1 && Model::output_size == 1,
                  "predict(float) is for models with one input and one output; call predict(x, y) with arrays");
    float y;
    predict(&x, &y);
    return y;
  }

  const float* parameters() const { return parameters_; }  ///< The array in flash.

 private:
  const float* parameters_;
};

#if __cplusplus < 201703L
template <figure_t A, figure_t M>
constexpr bool FlashArrayMustMatchModel<A, M>::value;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

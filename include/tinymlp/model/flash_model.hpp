/// \file
/// FlashModel<Model>: inference with parameters that live in flash, so that RAM holds only the
/// activation buffers. On AVR the array must be declared PROGMEM (TINYMLP_PROGMEM); elsewhere a
/// plain const array already stays in flash.
#ifndef TINYMLP_MODEL_FLASH_MODEL_HPP
#define TINYMLP_MODEL_FLASH_MODEL_HPP

#include "../detail/flash.hpp"

namespace tinymlp {

/// Inference of a Model (a Sequential type) whose parameters live in flash. The object is one pointer;
/// a prediction uses Model::activation_bytes of stack and no heap.
template <class Model>
class FlashModel {
 public:
  typedef Model model_type;  ///< The Sequential type whose parameter layout the array has.

  /// Runs from `parameters_in_flash`: Model::parameter_count floats in Sequential::parameters' order,
  /// declared TINYMLP_PROGMEM on AVR. The array must outlive the FlashModel.
  explicit constexpr FlashModel(const float* parameters_in_flash) : parameters_(parameters_in_flash) {}

  /// Writes Model::output_size outputs to `y` from Model::input_size inputs at `x`.
  void predict(const float* x, float* y) const { Model::template predict_from<FlashReader>(parameters_, x, y); }

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

}  // namespace tinymlp

#endif

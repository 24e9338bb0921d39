// FlashModel<Model>: inference with parameters that live in flash, so that RAM holds only the
// activation buffers. On AVR the array must be declared PROGMEM (TINYMLP_PROGMEM); elsewhere a
// plain const array already stays in flash.
#ifndef TINYMLP_MODEL_FLASH_MODEL_HPP
#define TINYMLP_MODEL_FLASH_MODEL_HPP

#include "../detail/flash.hpp"

namespace tinymlp {

template <class Model>
class FlashModel {
 public:
  typedef Model model_type;

  explicit constexpr FlashModel(const float* parameters_in_flash) : parameters_(parameters_in_flash) {}

  void predict(const float* x, float* y) const { Model::template predict_from<FlashReader>(parameters_, x, y); }

  float predict(float x) const {
    static_assert(Model::input_size == 1 && Model::output_size == 1,
                  "predict(float) is for models with one input and one output; call predict(x, y) with arrays");
    float y;
    predict(&x, &y);
    return y;
  }

  const float* parameters() const { return parameters_; }

 private:
  const float* parameters_;
};

}  // namespace tinymlp

#endif

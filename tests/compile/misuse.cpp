// Misuses that must not compile, each selected by one define; CTest compiles this file once without any
// (the control: it must compile, so that each failure comes from its misuse, not from a broken command)
// and once per define, expecting the library's own message with both numbers.
#include "tinymlp.hpp"

using namespace tinymlp;

typedef Mlp<ReLU, 1, 16, 16, 1> Big;  // 321 parameters
typedef Mlp<ReLU, 1, 4, 1> Small;     // 13 parameters

Big big;
float x[1] = {0.5f};
float t[1] = {0.25f};

#if defined(TINYMLP_TEST_IN_PLACE_OPTIMIZER_FOR_ANOTHER_MODEL)
Adam<Small> optimizer;
#else
Adam<Big> optimizer;
#endif

#if defined(TINYMLP_TEST_IN_PLACE_WORKSPACE_FOR_ANOTHER_MODEL)
InPlaceWorkspace<Small> in_place_workspace;
#else
InPlaceWorkspace<Big> in_place_workspace;
#endif

#if defined(TINYMLP_TEST_BATCH_WORKSPACE_FOR_ANOTHER_MODEL)
TrainingWorkspace<Small, 2> batch_workspace;
#else
TrainingWorkspace<Big, 2> batch_workspace;
#endif

#if defined(TINYMLP_TEST_BATCH_OPTIMIZER_FOR_ANOTHER_MODEL)
Sgd<Small> batch_optimizer;
#else
Sgd<Big> batch_optimizer;
#endif

#if defined(TINYMLP_TEST_FLASH_ARRAY_OF_ANOTHER_LENGTH)
const float weights[320] TINYMLP_PROGMEM = {0.5f};
#else
const float weights[321] TINYMLP_PROGMEM = {0.5f};
#endif
const FlashModel<Big> flash(weights);

typedef Sequential<Dense<1, 1>> Line;
const Int8Model<Line>::Parameters int8_parameters TINYMLP_PROGMEM = {{0.1f, 0, 0.1f},
                                                                     {{{127}, {0}, {1073741824}, {-1}, 0}}};
const Int8Model<Line> int8_model(&int8_parameters);

float use_everything() {
  float total = train_step_in_place<MeanSquaredError>(big, optimizer, x, t, in_place_workspace);
  total += train_on_batch<MeanSquaredError>(big, batch_optimizer, x, t, 1, batch_workspace.buffers());
  total += compute_gradients<MeanSquaredError>(big, x, t, 1, batch_workspace.buffers());
  total += flash.predict(0.5f);
  total += int8_model.predict(0.7);                              // a double: the float predict
  total += static_cast<float>(int8_model.predict(int8_t(-96)));  // an int8_t: the integer predict
#if defined(TINYMLP_TEST_HYBRID_FLOAT_DENSE_THAT_IS_NOT_THERE)
  total += static_cast<float>(HybridModel<Big, quant::SymmetricInputs, quant::FloatDenseAt<1, 3>>::dense_count);
#else
  total += static_cast<float>(HybridModel<Big, quant::SymmetricInputs, quant::FloatDenseAt<1, 2>>::dense_count);
#endif
#if defined(TINYMLP_TEST_INT8_PREDICT_OF_AN_INT)
  total += int8_model.predict(1);  // a real 1 or a quantized 1? it must say
#endif
  return total;
}

int main() { return use_everything() > 0.0f ? 0 : 1; }

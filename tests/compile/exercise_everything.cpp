// Uses every part of the device API (float inference from flash and RAM, training with every loss
// and optimizer, int8 inference with both roundings), so that the compilers see all of it. CTest
// builds it in C++11 with tests/CMakeLists.txt's strict warnings (-Wconversion, -Wdouble-promotion,
// -Werror, ...) by g++ and clang++ (linked with a second translation unit), and, with Arduino's
// macros defined first (TINYMLP_TEST_ARDUINO_MACROS), by g++, avr-g++, arm-none-eabi-g++ (Cortex-M4F
// and Cortex-M0+) and riscv64-unknown-elf-gcc (rv32imc). clang-tidy checks the device headers through it.
#if defined(TINYMLP_TEST_ARDUINO_MACROS)
#include "arduino_macros.hpp"
#endif
#include "tinymlp.hpp"

namespace {

using namespace tinymlp;

typedef Mlp<ReLU, 1, 4, 4, 1> Regressor;
typedef Sequential<Dense<3, 5>, Tanh, Dense<5, 4>, Softmax> Classifier;
typedef Sequential<Dense<2, 3>, Sigmoid> Tagger;
typedef Sequential<Dense<2, 2>, Identity, Dense<2, 1>> Linear;

const float regressor_weights[Regressor::parameter_count] TINYMLP_PROGMEM = {
    -0.524f, 0.088f, -0.26f,  0.208f,  0.251f,  -0.869f, -0.974f, 0.675f, -0.481f, -0.531f, 0.991f,
    -0.059f, 0.673f, -0.047f, 0.278f,  -0.699f, 0.27f,   0.736f,  0.046f, 0.483f,  0.343f,  -0.872f,
    0.516f,  0.182f, -0.397f, -0.938f, 0.731f,  -0.055f, 0.438f,  0.758f, 0.428f,  0.842f,  -0.21f};

// An int8 model with a fused ReLU, a dropped Identity and a plain last layer (weights as the converter
// writes them; the figures only have to be in range).
typedef Sequential<Dense<2, 3>, ReLU, Dense<3, 2>, Identity, Dense<2, 1>> Quantizable;
const Int8Model<Quantizable>::Parameters int8_parameters TINYMLP_PROGMEM = {
    {0.05f, -3, 0.02f},
    {{{12, -127, 40, 7, 127, -90}, {-300, 41, 5}, {1301469821, 1404738837, 1708534956}, {-6, -8, -7}, -128},
     {{{127, -5, 33, -64, 2, 90}, {17815, -120}, {1659069366, 1199413351}, {-6, -5}, 4},
      {{{-7, 127}, {250}, {2038835399}, {-9}, -7}}}}};
const Int8Model<Sequential<Dense<1, 1>>, quant::SingleRounding>::Parameters single_rounding_parameters
    TINYMLP_PROGMEM = {{0.1f, 0, 0.1f}, {{{127}, {0}, {1073741824}, {-1}, 0}}};

// int8 models ending in LOGISTIC (a table) and SOFTMAX (in both arithmetics), and hybrid layers.
typedef Sequential<Dense<2, 2>, Sigmoid> Int8Binary;
typedef Sequential<Dense<2, 3>, Tanh, Dense<3, 3>, Softmax> Int8Classifier;
const Int8Model<Int8Binary>::Parameters int8_binary_parameters TINYMLP_PROGMEM = {
    {0.05f, -3, 0.00390625f},
    {{{12, -127, 40, 7}, {-300, 41}, {1301469821, 1404738837}, {-6, -8}, 3}, {{{-128, -127}, -128}}}};
const Int8Model<Int8Classifier, quant::SingleRounding>::Parameters int8_classifier_parameters TINYMLP_PROGMEM = {
    {0.05f, -3, 0.00390625f},
    {{{12, -127, 40, 7, 127, -90}, {-300, 41, 5}, {1301469821, 1404738837, 1708534956}, {-6, -8, -7}, 0},
     {{{-128, -100, 0, 100, 127}, 0},
      {{{127, -5, 33, -64, 2, 90, 1, 2, 3}, {17815, -120, 9}, {1659069366, 1199413351, 1199413351}, {-6, -5, -5}, 4},
       {{{1.0f, 0.5f, 0.25f}, 0.00390625f}}}}}};
const Int8Model<Int8Classifier>::Parameters fixed_point_classifier_parameters TINYMLP_PROGMEM = {};
const HybridDenseParameters<2, 3> hybrid_parameters TINYMLP_PROGMEM = {
    {12, -127, 40, 7, 127, -90}, 0.01f, {0.5f, -1.0f, 2.0f}};
// Hybrid models: a ReLU fused, a Tanh and a Softmax after, a Dense kept float, both input variants.
typedef Sequential<Dense<2, 3>, ReLU, Dense<3, 3>, Tanh, Dense<3, 2>, Softmax> HybridClassifier;
typedef HybridModel<HybridClassifier, quant::AsymmetricInputs, quant::FloatDenseAt<1>> AsymmetricHybrid;
const HybridModel<HybridClassifier>::Parameters hybrid_classifier_parameters TINYMLP_PROGMEM = {
    {{12, -127, 40, 7, 127, -90}, 0.01f, {0.5f, -1.0f, 2.0f}},
    {{{1, 2, 3, 4, 5, 6, 7, 8, -128}, 0.02f, {0.0f, 0.1f, 0.2f}}, {{{1, -2, 3, -4, 5, -6}, 0.03f, {0.1f, -0.1f}}}}};
const AsymmetricHybrid::Parameters asymmetric_hybrid_parameters TINYMLP_PROGMEM = {
    {{12, -127, 40, 7, 127, -90}, 0.01f, {0.5f, -1.0f, 2.0f}},
    {{{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.0f, 0.1f, -0.1f}},
     {{{1, -2, 3, -4, 5, -6}, 0.03f, {0.1f, -0.1f}}}}};
typedef Sequential<Dense<2, 3>, ReLU6, Dense<3, 2>, LeakyReLU<>, Dense<2, 1>, LeakyReLU<1, 100>> Leaky;
typedef Sequential<Normalization<2, 2>, Dense<2, 3>, Normalization<3, 3>, ReLU, Dense<3, 1>, Normalization<1, 2>>
    Normalized;
const float normalized_parameters[Normalized::parameter_count] TINYMLP_PROGMEM = {};

// Two training steps on a one-sample batch in a workspace for two (so the stride exceeds the batch).
template <class Loss, class Model, class Optimizer>
float train_twice(Model& model, Optimizer& optimizer, const float* x, const float* t) {
  static_assert(TrainingMemory<Model, Optimizer, 2>::bytes >= TrainingWorkspace<Model, 2>::bytes, "");
  TrainingWorkspace<Model, 2> workspace;
  const float first = train_on_batch<Loss>(model, optimizer, x, t, 1, workspace.buffers());
  const float second = compute_gradients<Loss>(model, x, t, 1, workspace.buffers());
  optimizer.step(model.parameters, workspace.gradients);
  // The loss of the output against itself: the targets given are laid out for one sample, the
  // workspace's output for two.
  const float* y = SequentialKernels<Model>::output_of(workspace.activations, workspace.buffers().stride);
  return first + second + Loss::template total<Model::output_size>(y, y, 1, 2);
}

// One step of training in place, in a workspace of its own.
template <class Loss, class Model, class Optimizer>
float train_in_place(Model& model, Optimizer& optimizer, const float* x, const float* t) {
  // Zeroed for clang-tidy 14's analyzer, which loses a Sigmoid's write on its way through the layer
  // chain and calls the loss's input uninitialized (MemorySanitizer finds every value written).
  InPlaceWorkspace<Model> workspace = {};
  return train_step_in_place<Loss>(model, optimizer, x, t, workspace);
}

float random_numbers() {
  Random random(7u);
  random.reseed(8u);
  return random.uniform() + random.uniform(-1.0f, 1.0f) + random.normal() +
         static_cast<float>(random.below(3u) + random.next() % 2u);
}

}  // namespace

float exercise_everything(float input) {
  float total = random_numbers();

  const FlashModel<Regressor> flash(regressor_weights);
  float regressed[1];
  flash.predict(&input, regressed);
  total += flash.predict(input) + regressed[0] + flash.parameters()[0];

  const Int8Model<Quantizable> int8_model(&int8_parameters);
  const float pair_input[2] = {input, 0.25f};
  float int8_output[1];
  int8_model.predict(pair_input, int8_output);
  const Int8Model<Sequential<Dense<1, 1>>, quant::SingleRounding> single_rounding(&single_rounding_parameters);
  total += int8_output[0] + int8_model.dequantize_output(single_rounding.predict(int8_model.quantize_input(input)));

  Regressor regressor;
  Random random(3u);
  regressor.initialize(random);
  const float target[1] = {0.5f};
  Sgd<Regressor> sgd(SgdSettings(0.05f));
  total +=
      regressor.predict(input) + sgd.learning_rate() + train_twice<MeanSquaredError>(regressor, sgd, &input, target);

  Classifier classifier;
  classifier.initialize(4u);
  const float features[3] = {input, -input, 0.5f};
  float probabilities[4];
  classifier.predict(features, probabilities);
  const float one_hot[4] = {0.0f, 1.0f, 0.0f, 0.0f};
  // Settings built in C++11 from a learning rate and the defaults, or member by member.
  Adam<Classifier> adam(AdamSettings(0.01f));
  adam.begin_step();
  adam.update(classifier.parameters[0], 0.1f, 0);
  total += probabilities[1] + adam.settings().beta2 +
           train_twice<CategoricalCrossEntropy>(classifier, adam, features, one_hot);
  const float label = 1.0f;  // the class of one_hot, as SparseCategoricalCrossEntropy takes it
  total += train_twice<SparseCategoricalCrossEntropy>(classifier, adam, features, &label);

  const float* fuzz = &BinaryCrossEntropy::epsilon;  // odr-used, as in the other translation unit
  total += *fuzz;

  Tagger tagger;
  tagger.initialize(5u);
  const float pair[2] = {input, 1.0f - input};
  const float tags[3] = {1.0f, 0.0f, 1.0f};
  RmspropSettings rmsprop_settings(0.001f);
  rmsprop_settings.rho = 0.8f;
  Rmsprop<Tagger> rmsprop(rmsprop_settings);
  total += rmsprop.settings().rho + train_twice<BinaryCrossEntropy>(tagger, rmsprop, pair, tags);

  Linear linear;
  linear.initialize(6u);
  MomentumSettings momentum_settings(0.01f, 0.9f, true);
  SgdWithMomentum<Linear> momentum(momentum_settings);
  total += momentum.settings().momentum + train_twice<MeanAbsoluteError>(linear, momentum, pair, target);

  // Training in place, with every optimizer's per-parameter update.
  static_assert(fits_in_ram<InPlaceTrainingMemory<Regressor, Sgd<Regressor>>::bytes, 2048>::value, "");
  total += train_in_place<MeanSquaredError>(regressor, sgd, &input, target) +
           train_in_place<CategoricalCrossEntropy>(classifier, adam, features, one_hot) +
           train_in_place<BinaryCrossEntropy>(tagger, rmsprop, pair, tags) +
           train_in_place<MeanAbsoluteError>(linear, momentum, pair, target);

  const Int8Model<Int8Binary> int8_binary(&int8_binary_parameters);
  const Int8Model<Int8Classifier, quant::SingleRounding> int8_classifier(&int8_classifier_parameters);
  const Int8Model<Int8Classifier> fixed_point_classifier(&fixed_point_classifier_parameters);
  float two_probabilities[2], three_probabilities[3];
  int8_binary.predict(pair, two_probabilities);
  int8_classifier.predict(features, three_probabilities);
  total += two_probabilities[1] + three_probabilities[2];
  fixed_point_classifier.predict(features, three_probabilities);
  float hybrid_output[3] = {0.0f, 0.0f, 0.0f};  // arm-none-eabi-gcc 12 at -Os misses the writes through the layer
  HybridDense<2, 3>::forward<FlashReader>(hybrid_parameters, pair, hybrid_output);
  total += hybrid_output[0] + three_probabilities[0];
  HybridDense<2, 3, quant::AsymmetricInputs, true>::forward<FlashReader>(hybrid_parameters, pair, hybrid_output);
  total += hybrid_output[2];
  static_assert(HybridModel<HybridClassifier>::hybrid_layer_count == 3 && AsymmetricHybrid::hybrid_layer_count == 2,
                "");
  const HybridModel<HybridClassifier> hybrid_classifier(&hybrid_classifier_parameters);
  const AsymmetricHybrid asymmetric_hybrid(&asymmetric_hybrid_parameters);
  float hybrid_probabilities[2] = {0.0f, 0.0f};
  hybrid_classifier.predict(pair, hybrid_probabilities);
  total += hybrid_probabilities[0];
  asymmetric_hybrid.predict(pair, hybrid_probabilities);
  total += hybrid_probabilities[1];

  Leaky leaky;
  leaky.initialize(9u);
  Sgd<Leaky> leaky_sgd(0.05f);
  float leaky_output[1];
  leaky.predict(pair, leaky_output);
  total += leaky_output[0] + train_twice<MeanSquaredError>(leaky, leaky_sgd, pair, target);

  Normalized normalized;
  normalized.initialize(10u);
  Sgd<Normalized> normalized_sgd(0.05f);
  float normalized_output[2];
  normalized.predict(pair, normalized_output);
  const FlashModel<Normalized> normalized_in_flash(normalized_parameters);
  total += normalized_output[1] + train_twice<MeanSquaredError>(normalized, normalized_sgd, pair, pair);
  normalized_in_flash.predict(pair, normalized_output);
  total += normalized_output[0];

#if defined(TINYMLP_TEST_ARDUINO_MACROS)
  // The sketch's own use of the macros still works beside the library.
  total += constrain(input, 0.0f, 1.0f) + sq(input) + static_cast<float>(PI) * (HIGH + LOW) + max(input, 1.0f) +
           static_cast<float>(bit(B11) + lowByte(B1010) + word(B10));
#endif
  return total;
}

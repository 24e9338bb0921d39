// fit with an optimizer made for another model, or with class labels for a model of one output, must
// not compile (CTest compiles this file as is, the control, and with TINYMLP_TEST_FIT_OPTIMIZER_FOR_ANOTHER_MODEL
// or TINYMLP_TEST_CLASS_LABELS_FOR_ONE_OUTPUT, expecting the library's message).
#include "tinymlp.hpp"
#include "tinymlp/host.hpp"

typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> Big;  // 321 parameters
typedef tinymlp::Mlp<tinymlp::ReLU, 1, 4, 1> Small;     // 13 parameters

tinymlp::History train(Big& model, const tinymlp::Dataset& data) {
#if defined(TINYMLP_TEST_FIT_OPTIMIZER_FOR_ANOTHER_MODEL)
  tinymlp::Adam<Small> optimizer;
#else
  tinymlp::Adam<Big> optimizer;
#endif
  return tinymlp::fit<tinymlp::MeanSquaredError>(model, optimizer, data, tinymlp::FitOptions());
}

#if defined(TINYMLP_TEST_CLASS_LABELS_FOR_ONE_OUTPUT)
typedef Small Classifier;
#else
typedef tinymlp::Mlp<tinymlp::ReLU, 1, 4, 3> Classifier;
#endif

tinymlp::History train_on_labels(Classifier& model, const tinymlp::Dataset& labels) {
  tinymlp::Adam<Classifier> optimizer;
  return tinymlp::fit<tinymlp::SparseCategoricalCrossEntropy>(model, optimizer, labels, tinymlp::FitOptions());
}

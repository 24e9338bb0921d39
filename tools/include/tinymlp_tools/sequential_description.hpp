// Between compile-time model types (tinymlp::Sequential<...>, Mlp<...>) and run-time descriptions:
//   describe(model)            a trained model's layers and weights, ready to export;
//   to_model<Model>(description) the weights of a description in a Model object, after checking that
//                                its layers are exactly Model's (else ModelError naming the layer);
//   model_type_name<Model>()   the C++ spelling of a model type, for messages.
#ifndef TINYMLP_TOOLS_SEQUENTIAL_DESCRIPTION_HPP
#define TINYMLP_TOOLS_SEQUENTIAL_DESCRIPTION_HPP

#include <string>
#include <vector>

#include "model_description.hpp"
#include "tinymlp.hpp"

namespace tinymlp {
namespace tools {

// What each layer type of the core is, as a SequenceLayer. Width is the size of the data entering
// the layer (activations take it from the layer before).
template <class Layer>
struct SequenceLayerOf;
template <std::size_t In, std::size_t Out>
struct SequenceLayerOf<Dense<In, Out>> {
  static SequenceLayer at(std::size_t) { return SequenceLayer{LayerKind::dense, Activation::none, In, Out}; }
};
template <Activation Function>
struct ActivationLayer {
  static SequenceLayer at(std::size_t width) { return SequenceLayer{LayerKind::activation, Function, width, width}; }
};
template <>
struct SequenceLayerOf<ReLU> : ActivationLayer<Activation::relu> {};
template <>
struct SequenceLayerOf<Tanh> : ActivationLayer<Activation::tanh> {};
template <>
struct SequenceLayerOf<Sigmoid> : ActivationLayer<Activation::sigmoid> {};
template <>
struct SequenceLayerOf<Softmax> : ActivationLayer<Activation::softmax> {};
template <>
struct SequenceLayerOf<Identity> : ActivationLayer<Activation::none> {};

template <class Model>
struct SequenceOf;
template <class... Layers>
struct SequenceOf<Sequential<Layers...>> {
  static std::vector<SequenceLayer> layers() {
    std::vector<SequenceLayer> sequence;
    std::size_t width = Sequential<Layers...>::input_size;
    for (auto at : {&SequenceLayerOf<Layers>::at...}) {
      sequence.push_back(at(width));
      width = sequence.back().outputs;
    }
    return sequence;
  }
};

// "tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>" when the layers have that pattern, else
// "tinymlp::Sequential<tinymlp::Dense<1, 16>, ...>". Throws ModelError for layers tinymlp lacks.
std::string model_type_name(const std::vector<SequenceLayer>& layers);

template <class Model>
std::string model_type_name() {
  return model_type_name(SequenceOf<Model>::layers());
}

template <class Model>
ModelDescription describe(const Model& model) {
  return describe_sequence(SequenceOf<Model>::layers(), model.parameters, Model::parameter_count);
}

// Throws ModelError naming the first layer where `description` and `expected` differ.
void check_same_layers(const ModelDescription& description, const std::vector<SequenceLayer>& expected,
                       const std::string& expected_type);

template <class Model>
Model to_model(const ModelDescription& description) {
  const std::vector<SequenceLayer> expected = SequenceOf<Model>::layers();
  check_same_layers(description, expected, model_type_name(expected));
  const std::vector<float> parameters = flat_parameters(description);
  Model model;
  for (std::size_t k = 0; k < Model::parameter_count; ++k) model.parameters[k] = parameters[k];
  return model;
}

}  // namespace tools
}  // namespace tinymlp

#endif

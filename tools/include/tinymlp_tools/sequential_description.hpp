/// \file
/// Between compile-time model types (tinymlp::Sequential<...>, Mlp<...>) and run-time descriptions:
/// \code{.unparsed}
///   describe(model)            a trained model's layers and weights, ready to export;
///   to_model<Model>(description) the weights of a description in a Model object, after checking that
///                                its layers are exactly Model's (else ModelError naming the layer);
///   model_type_name<Model>()   the C++ spelling of a model type, for messages.
/// \endcode
#ifndef TINYMLP_TOOLS_SEQUENTIAL_DESCRIPTION_HPP
#define TINYMLP_TOOLS_SEQUENTIAL_DESCRIPTION_HPP

#include <string>
#include <vector>

#include "model_description.hpp"
#include "tinymlp.hpp"

namespace tinymlp {
namespace tools {

/// What each layer type of the core is, as a SequenceLayer. Width is the size of the data entering
/// the layer (activations take it from the layer before).
template <class Layer>
struct SequenceLayerOf;
/// A Dense layer: its own widths.
template <std::size_t In, std::size_t Out>
struct SequenceLayerOf<Dense<In, Out>> {
  /// The layer, whatever the width before it.
  static SequenceLayer at(std::size_t) { return SequenceLayer{LayerKind::dense, Activation::none, In, Out}; }
};
/// An activation layer: the width before it, in and out.
template <Activation Function>
struct ActivationLayer {
  /// The layer after data of `width` values.
  static SequenceLayer at(std::size_t width) { return SequenceLayer{LayerKind::activation, Function, width, width}; }
};
/// ReLU, an activation layer.
template <>
struct SequenceLayerOf<ReLU> : ActivationLayer<Activation::relu> {};
/// Tanh, an activation layer.
template <>
struct SequenceLayerOf<Tanh> : ActivationLayer<Activation::tanh> {};
/// Sigmoid, an activation layer.
template <>
struct SequenceLayerOf<Sigmoid> : ActivationLayer<Activation::sigmoid> {};
/// Softmax, an activation layer.
template <>
struct SequenceLayerOf<Softmax> : ActivationLayer<Activation::softmax> {};
/// Identity, an activation layer.
template <>
struct SequenceLayerOf<Identity> : ActivationLayer<Activation::none> {};

/// The layers of a Sequential type, as SequenceLayers.
template <class Model>
struct SequenceOf;
/// The layers of Sequential<Layers...>.
template <class... Layers>
struct SequenceOf<Sequential<Layers...>> {
  /// In order, each with its widths.
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

/// "tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>" when the layers have that pattern, else
/// "tinymlp::Sequential<tinymlp::Dense<1, 16>, ...>". Throws ModelError for layers tinymlp lacks.
std::string model_type_name(const std::vector<SequenceLayer>& layers);

/// The C++ spelling of Model (see above).
template <class Model>
std::string model_type_name() {
  return model_type_name(SequenceOf<Model>::layers());
}

/// A trained model's layers and weights, ready to export.
template <class Model>
ModelDescription describe(const Model& model) {
  return describe_sequence(SequenceOf<Model>::layers(), model.parameters, Model::parameter_count);
}

/// Throws ModelError naming the first layer where `description` and `expected` differ.
void check_same_layers(const ModelDescription& description, const std::vector<SequenceLayer>& expected,
                       const std::string& expected_type);

/// A Model holding the description's weights, after checking that its layers are exactly Model's
/// (else ModelError naming the first that differs).
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

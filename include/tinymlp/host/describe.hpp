/// \file
/// Between compile-time model types (tinymlp::Sequential<...>, Mlp<...>) and run-time descriptions:
/// \code{.unparsed}
///   describe(model)              a trained model's layers and weights, ready to export or quantize (or
///                                a HybridModel's, from its parameter block);
///   to_model<Model>(description) the weights of a description in a Model object, after checking that
///                                its layers are exactly Model's (else ModelError naming the layer);
///   layers_of<Model>()           Model's layer sequence (model_description.hpp), without weights;
///   model_type_name(layers)      the C++ spelling of a model type, for headers and messages.
/// \endcode
#ifndef TINYMLP_HOST_DESCRIBE_HPP
#define TINYMLP_HOST_DESCRIBE_HPP

#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "../../tinymlp.hpp"
#include "model_description.hpp"

namespace tinymlp {

/// What each layer type of the core is in a layer sequence. `at(width)` gives the layer after data of
/// `width` values (activations take their width from the layer before).
template <class LayerType>
struct SequenceLayerOf;
/// A Dense layer: its own widths.
template <std::size_t In, std::size_t Out>
struct SequenceLayerOf<Dense<In, Out>> {
  /// The layer, whatever the width before it.
  static Layer at(std::size_t) { return sequence_layer(LayerKind::dense, Activation::none, In, Out); }
};
/// An activation layer: the width before it, in and out.
template <Activation Function>
struct ActivationSequenceLayer {
  /// The layer after data of `width` values.
  static Layer at(std::size_t width) { return sequence_layer(LayerKind::activation, Function, width, width); }
};
/// ReLU, an activation layer.
template <>
struct SequenceLayerOf<ReLU> : ActivationSequenceLayer<Activation::relu> {};
/// Tanh, an activation layer.
template <>
struct SequenceLayerOf<Tanh> : ActivationSequenceLayer<Activation::tanh> {};
/// Sigmoid, an activation layer.
template <>
struct SequenceLayerOf<Sigmoid> : ActivationSequenceLayer<Activation::sigmoid> {};
/// Softmax, an activation layer.
template <>
struct SequenceLayerOf<Softmax> : ActivationSequenceLayer<Activation::softmax> {};
/// Identity, an activation layer.
template <>
struct SequenceLayerOf<Identity> : ActivationSequenceLayer<Activation::none> {};
/// ReLU6, an activation layer.
template <>
struct SequenceLayerOf<ReLU6> : ActivationSequenceLayer<Activation::relu6> {};
/// LeakyReLU, an activation layer with its alpha.
template <long long Numerator, long long Denominator>
struct SequenceLayerOf<LeakyReLU<Numerator, Denominator>> {
  /// The layer after data of `width` values.
  static Layer at(std::size_t width) { return leaky_relu_layer(LeakyReLU<Numerator, Denominator>::alpha(), width); }
};
/// A Normalization layer: its own widths.
template <std::size_t In, std::size_t Out>
struct SequenceLayerOf<Normalization<In, Out>> {
  /// The layer, whatever the width before it.
  static Layer at(std::size_t) { return sequence_layer(LayerKind::normalization, Activation::none, In, Out); }
};

namespace detail {

template <class Model>
struct SequenceOf;
template <class... Layers>
struct SequenceOf<Sequential<Layers...>> {
  static std::vector<Layer> layers() {
    std::vector<Layer> sequence;
    std::size_t width = Sequential<Layers...>::input_size;
    for (auto at : {&SequenceLayerOf<Layers>::at...}) {
      sequence.push_back(at(width));
      width = sequence.back().outputs;
    }
    return sequence;
  }
};

inline std::string qualified_name(const Layer& layer) { return "tinymlp::" + sequence_layer_name(layer); }

// Dense, Act, Dense, Act, ..., Dense with one activation throughout: Mlp<Act, widths...>.
inline bool is_mlp(const std::vector<Layer>& layers) {
  if (layers.size() % 2 == 0) return false;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const bool dense_expected = k % 2 == 0;
    if ((layers[k].kind == LayerKind::dense) != dense_expected) return false;
    if (!dense_expected && layers[k].activation != layers[1].activation) return false;
  }
  return true;
}

// Identity layers compute nothing and leave no trace in a file, so comparisons skip them.
inline std::vector<Layer> without_identities(const std::vector<Layer>& layers) {
  std::vector<Layer> kept;
  for (const Layer& layer : layers)
    if (layer.kind == LayerKind::dense || layer.activation != Activation::none) kept.push_back(layer);
  return kept;
}

}  // namespace detail

/// The layer sequence of a Sequential (or Mlp) type, without weights.
template <class Model>
std::vector<Layer> layers_of() {
  return detail::SequenceOf<Model>::layers();
}

/// How model_type_name spells a type.
enum class TypeSpelling {
  shortest,   ///< Mlp<Act, widths...> where the layers have that pattern, else Sequential<...>.
  sequential  ///< Always Sequential<...> (the float model type an int8 header's Int8Model names).
};

/// "tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1>" or "tinymlp::Sequential<tinymlp::Dense<1, 16>, ...>" for
/// a layer sequence. Throws ModelError for layers tinymlp lacks.
inline std::string model_type_name(const std::vector<Layer>& layers, TypeSpelling spelling = TypeSpelling::shortest) {
  if (layers.empty() || layers.front().kind == LayerKind::activation)
    throw ModelError("a tinymlp model begins with a Dense or Normalization layer");
  std::string name;
  if (spelling == TypeSpelling::shortest && detail::is_mlp(layers) && layers.size() > 1) {
    name = "tinymlp::Mlp<" + detail::qualified_name(layers[1]);
    for (std::size_t k = 0; k < layers.size(); k += 2) name += ", " + std::to_string(layers[k].inputs);
    return name + ", " + std::to_string(layers.back().outputs) + ">";
  }
  for (const Layer& layer : layers) name += (name.empty() ? "" : ", ") + detail::qualified_name(layer);
  return "tinymlp::Sequential<" + name + ">";
}

/// The C++ spelling of Model (see above).
template <class Model>
std::string model_type_name() {
  return model_type_name(layers_of<Model>());
}

/// A trained model's layers and weights, ready to export.
template <class Model>
ModelDescription describe(const Model& model) {
  return describe_sequence(layers_of<Model>(), model.parameters, Model::parameter_count);
}

namespace detail {

// Collects a HybridModel's parameter blocks: the flat float parameters (dequantized for a hybrid
// Dense) and each Dense's quantization.
struct HybridBlocks {
  HybridInputs inputs = HybridInputs::symmetric;
  std::vector<float> parameters;
  std::vector<LayerQuantization> quantizations;

  template <std::size_t In, std::size_t Out>
  void operator()(const HybridDenseParameters<In, Out>& block) {
    HybridQuantization q;
    q.inputs = inputs;
    q.weight_scale = block.weight_scale;
    q.kernel.assign(block.kernel, block.kernel + In * Out);
    for (std::int8_t w : q.kernel) parameters.push_back(q.weight_scale * static_cast<float>(w));
    parameters.insert(parameters.end(), block.bias, block.bias + Out);
    quantizations.emplace_back(std::move(q));
  }
  template <std::size_t In, std::size_t Out>
  void operator()(const FloatDenseParameters<In, Out>& block) {
    parameters.insert(parameters.end(), block.values, block.values + In * Out + Out);
    quantizations.emplace_back(std::monostate{});
  }
};

}  // namespace detail

/// A HybridModel's layers, weights and quantization, read from its parameter block (which must be in
/// plain memory, as on the host): what a hybrid header holds, ready to export or compare.
template <class FloatModel, class Inputs, class KeptFloat>
ModelDescription describe(const HybridModel<FloatModel, Inputs, KeptFloat>& model) {
  detail::HybridBlocks blocks;
  blocks.inputs =
      std::is_same<Inputs, quant::AsymmetricInputs>::value ? HybridInputs::asymmetric : HybridInputs::symmetric;
  model.visit_dense_parameters(blocks);
  ModelDescription description =
      describe_sequence(layers_of<FloatModel>(), blocks.parameters.data(), blocks.parameters.size());
  std::size_t next = 0;
  for (Layer& layer : description.layers)
    if (layer.kind == LayerKind::dense) layer.quantization = blocks.quantizations[next++];
  return description;
}

/// Throws ModelError naming the first layer where `description` and `expected` (a layer sequence)
/// differ; `expected_type` names the type in the message.
inline void check_same_layers(const ModelDescription& description, const std::vector<Layer>& expected_layers,
                              const std::string& expected_type) {
  const std::vector<Layer> found = detail::without_identities(layer_sequence(description));
  const std::vector<Layer> expected = detail::without_identities(expected_layers);
  for (std::size_t k = 0; k < found.size() || k < expected.size(); ++k) {
    const std::string want = k < expected.size() ? sequence_layer_name(expected[k]) : "no more layers";
    const std::string have = k < found.size() ? sequence_layer_name(found[k]) : "no more layers";
    if (want != have)
      throw ModelError("the model does not fit " + expected_type + ": layer " + std::to_string(k) + " is " + have +
                       " where the type has " + want);
  }
}

/// A Model holding the description's weights (for a quantized description, its dequantized ones),
/// after checking that its layers are exactly Model's (else ModelError naming the first that differs).
template <class Model>
Model to_model(const ModelDescription& description) {
  const std::vector<Layer> expected = layers_of<Model>();
  check_same_layers(description, expected, model_type_name(expected));
  const std::vector<float> parameters = flat_parameters(description);
  Model model;
  for (std::size_t k = 0; k < Model::parameter_count; ++k) model.parameters[k] = parameters[k];
  return model;
}

}  // namespace tinymlp

#endif

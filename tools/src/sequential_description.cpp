#include "tinymlp_tools/sequential_description.hpp"

#include "tinymlp_tools/model_error.hpp"

namespace tinymlp {
namespace tools {
namespace {

std::string qualified_name(const SequenceLayer& layer) {
  if (layer.kind == LayerKind::activation && layer.activation == Activation::relu6)
    throw ModelError("tinymlp has no ReLU6 layer (a model with ReLU6 can be exported, not compiled)");
  return "tinymlp::" + sequence_layer_name(layer);
}

// Dense, Act, Dense, Act, ..., Dense with one activation throughout: Mlp<Act, widths...>.
bool is_mlp(const std::vector<SequenceLayer>& layers) {
  if (layers.size() % 2 == 0) return false;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const bool dense_expected = k % 2 == 0;
    if ((layers[k].kind == LayerKind::dense) != dense_expected) return false;
    if (!dense_expected && layers[k].activation != layers[1].activation) return false;
  }
  return true;
}

// Identity layers compute nothing and leave no trace in a file, so comparisons skip them.
std::vector<SequenceLayer> without_identities(const std::vector<SequenceLayer>& layers) {
  std::vector<SequenceLayer> kept;
  for (const SequenceLayer& layer : layers)
    if (layer.kind == LayerKind::dense || layer.activation != Activation::none) kept.push_back(layer);
  return kept;
}

}  // namespace

std::string model_type_name(const std::vector<SequenceLayer>& layers) {
  if (layers.empty() || layers.front().kind != LayerKind::dense)
    throw ModelError("a tinymlp model begins with a Dense layer");
  std::string name;
  if (is_mlp(layers) && layers.size() > 1) {
    name = "tinymlp::Mlp<" + qualified_name(layers[1]);
    for (std::size_t k = 0; k < layers.size(); k += 2) name += ", " + std::to_string(layers[k].inputs);
    return name + ", " + std::to_string(layers.back().outputs) + ">";
  }
  for (const SequenceLayer& layer : layers) name += (name.empty() ? "" : ", ") + qualified_name(layer);
  return "tinymlp::Sequential<" + name + ">";
}

void check_same_layers(const ModelDescription& description, const std::vector<SequenceLayer>& expected_layers,
                       const std::string& expected_type) {
  const std::vector<SequenceLayer> found = without_identities(layer_sequence(description));
  const std::vector<SequenceLayer> expected = without_identities(expected_layers);
  for (std::size_t k = 0; k < found.size() || k < expected.size(); ++k) {
    const std::string want = k < expected.size() ? sequence_layer_name(expected[k]) : "no more layers";
    const std::string have = k < found.size() ? sequence_layer_name(found[k]) : "no more layers";
    if (want != have)
      throw ModelError("the model does not fit " + expected_type + ": layer " + std::to_string(k) + " is " + have +
                       " where the type has " + want);
  }
}

}  // namespace tools
}  // namespace tinymlp

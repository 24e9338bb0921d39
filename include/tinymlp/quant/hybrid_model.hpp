/// \file
/// HybridModel<FloatModel, Inputs, KeptFloat>: a dynamic-range ("hybrid") version of a float Sequential,
/// as TFLite's converter makes with Optimize.DEFAULT and no representative data: each Dense runs as
/// TFLite's hybrid FULLY_CONNECTED (HybridDense: int8 weights in flash, the input row quantized to int8 at
/// run time, float biases and outputs), the activations between them run in float as in FloatModel, and
/// the model takes and gives floats. Sizes come from the float model's type:
/// \code
///   typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> Float;
///   static const tinymlp::HybridModel<Float>::Parameters parameters TINYMLP_PROGMEM = {...};  // the converter writes it
///   const tinymlp::HybridModel<Float> model(&parameters);
///   float y = model.predict(0.77f);
/// \endcode
/// Inputs is quant::SymmetricInputs (TFLite's default) or quant::AsymmetricInputs
/// (asymmetric_quantize_inputs). KeptFloat (quant::FloatDenseAt<k...>) lists the Dense layers, numbered
/// from 0, that stay float: TFLite's converter leaves small kernels (under 1024 weights) unquantized.
#ifndef TINYMLP_QUANT_HYBRID_MODEL_HPP
#define TINYMLP_QUANT_HYBRID_MODEL_HPP

#include "../config.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "../flash.hpp"
#include "../layers/dense.hpp"
#include "../layers/layer_sizes.hpp"
#include "../layers/relu.hpp"
#include "../model/sequential.hpp"
#include "hybrid_dense.hpp"

namespace tinymlp {
inline namespace TINYMLP_CONFIGURATION {
namespace quant {

/// The Dense layers of a HybridModel that stay float, numbered from 0 among its Dense layers.
template <size_t... DenseIndices>
struct FloatDenseAt;
/// None: every Dense is hybrid.
template <>
struct FloatDenseAt<> {
  /// Whether Dense layer k stays float.
  static constexpr bool contains(size_t /*k*/) { return false; }
};
/// First and Rest stay float.
template <size_t First, size_t... Rest>
struct FloatDenseAt<First, Rest...> {
  /// Whether Dense layer k stays float.
  static constexpr bool contains(size_t k) { return k == First || FloatDenseAt<Rest...>::contains(k); }
};

}  // namespace quant

/// Fails to compile, naming both numbers, unless the Dense layer that quant::FloatDenseAt names exists.
template <size_t DenseIndex, size_t DenseCount>
struct FloatDenseIndexMustExist {
  static_assert(DenseIndex < DenseCount,
                "quant::FloatDenseAt<...> names a Dense layer that the float model does not have (the two numbers are "
                "the arguments of FloatDenseIndexMustExist<layer number, Dense layers>): Dense layers are numbered "
                "from 0");
  static constexpr bool value = true;  ///< True wherever it compiles.
};

/// The parameter block of a Dense<In, Out> that stays float in a HybridModel: its kernel ([out][in])
/// then its biases, as in a float model's parameter array.
template <size_t In, size_t Out>
struct FloatDenseParameters {
  float values[Out * In + Out];  ///< Kernel, then biases.
};

}  // namespace TINYMLP_CONFIGURATION

namespace detail {
inline namespace TINYMLP_CONFIGURATION {

// A Dense of the float model as a HybridModel runs it: hybrid, or float (Float); with the ReLU after it
// fused (FusedReLU), which gives the ReLU layer's values without a pass of its own.
template <size_t In, size_t Out, class Inputs, bool Float, bool FusedReLU>
struct HybridModelDense {
  typedef HybridDenseParameters<In, Out> Parameters;
  static constexpr size_t scratch_bytes = In;  // the quantized input row
  template <class Reader>
  static void forward(const Parameters& parameters, const float* x, float* y) {
    HybridDense<In, Out, Inputs, FusedReLU>::template forward<Reader>(parameters, x, y);
  }
};
template <size_t In, size_t Out, class Inputs, bool FusedReLU>
struct HybridModelDense<In, Out, Inputs, true, FusedReLU> {
  typedef FloatDenseParameters<In, Out> Parameters;
  static constexpr size_t scratch_bytes = 0;
  template <class Reader>
  static void forward(const Parameters& parameters, const float* x, float* y) {
    Dense<In, Out>::template forward<Reader>(parameters.values, x, y, 1, 1);
    if (FusedReLU)
      for (size_t o = 0; o < Out; ++o) y[o] = ReLU::value(y[o]);
  }
};

template <class... Layers>
struct HybridLayerList {};

// Whether a ReLU follows a Dense (it is fused into it), and the layers after the ReLU if so.
template <class... Layers>
struct LeadingReLU {
  static constexpr bool value = false;
  typedef HybridLayerList<Layers...> rest;
};
template <class... Layers>
struct LeadingReLU<ReLU, Layers...> {
  static constexpr bool value = true;
  typedef HybridLayerList<Layers...> rest;
};

// The activations after a Dense of Width outputs, applied in place, up to the next Dense; `rest` is the
// list from that Dense on.
template <size_t Width, class... Layers>
struct ActivationsInPlace {
  typedef HybridLayerList<> rest;
  template <class Reader>
  static void apply(float*) {}
};
template <size_t Width, size_t In, size_t Out, class... Layers>
struct ActivationsInPlace<Width, Dense<In, Out>, Layers...> {
  typedef HybridLayerList<Dense<In, Out>, Layers...> rest;
  template <class Reader>
  static void apply(float*) {}
};
template <size_t Width, class Activation, class... Layers>
struct ActivationsInPlace<Width, Activation, Layers...> {
  typedef typename Activation::template bind<Width>::type Bound;
  static_assert(Bound::works_in_place && Bound::output_size == Width,
                "a HybridModel runs the float model's activations in place: this layer cannot run so");
  typedef ActivationsInPlace<Width, Layers...> Next;
  typedef typename Next::rest rest;
  template <class Reader>
  static void apply(float* y) {
    Bound::template forward<Reader>(static_cast<const float*>(nullptr), y, y, 1, 1);
    Next::template apply<Reader>(y);
  }
};

template <size_t Width, class List>
struct ActivationsOfList;
template <size_t Width, class... Layers>
struct ActivationsOfList<Width, HybridLayerList<Layers...>> {
  typedef ActivationsInPlace<Width, Layers...> type;
};

template <class Inputs, class KeptFloat, size_t DenseIndex, class List>
struct HybridChainOfList;

// One Dense (hybrid or float) and the activations after it, then Next (a HybridLastLink after the last).
template <class Inputs, class KeptFloat, size_t DenseIndex, class Layer, class... Layers>
struct HybridLink {
  static_assert(sizeof(Layer) == 0, "a HybridModel's float model is a Sequential that begins with a Dense layer");
};
template <class Inputs, class KeptFloat, size_t DenseIndex, size_t In, size_t Out, class... Layers>
struct HybridLink<Inputs, KeptFloat, DenseIndex, Dense<In, Out>, Layers...> {
  typedef LeadingReLU<Layers...> Fused;
  typedef HybridModelDense<In, Out, Inputs, KeptFloat::contains(DenseIndex), Fused::value> Step;
  typedef typename ActivationsOfList<Out, typename Fused::rest>::type Activations;
  typedef typename HybridChainOfList<Inputs, KeptFloat, DenseIndex + 1, typename Activations::rest>::type Next;
  static constexpr bool last = false;
  static constexpr size_t widest_hidden_output = larger_of(Out, Next::widest_hidden_output);
  static constexpr size_t scratch_bytes = larger_of(Step::scratch_bytes, Next::scratch_bytes);
  static constexpr size_t hybrid_layer_count = (KeptFloat::contains(DenseIndex) ? 0 : 1) + Next::hybrid_layer_count;
  static constexpr size_t dense_count = 1 + Next::dense_count;
  struct Parameters {
    typename Step::Parameters layer;
    typename Next::Parameters next;
  };
  template <class Visitor>
  static void visit(const Parameters& parameters, Visitor& visitor) {
    visitor(parameters.layer);
    Next::visit(parameters.next, visitor);
  }
  // Each hidden layer writes the buffer its input is not in.
  template <class Reader>
  static void forward(const Parameters& parameters, const float* x, float* y, float* target, float* spare) {
    Step::template forward<Reader>(parameters.layer, x, target);
    Activations::template apply<Reader>(target);
    // NOLINTNEXTLINE(readability-suspicious-call-argument): the two buffers swap roles at each layer
    Next::template forward<Reader>(parameters.next, target, y, spare, target);
  }
};

// The last Dense writes the caller's output.
template <class Inputs, class KeptFloat, size_t DenseIndex, class Layer, class... Layers>
struct HybridLastLink;
template <class Inputs, class KeptFloat, size_t DenseIndex, size_t In, size_t Out, class... Layers>
struct HybridLastLink<Inputs, KeptFloat, DenseIndex, Dense<In, Out>, Layers...> {
  typedef LeadingReLU<Layers...> Fused;
  typedef HybridModelDense<In, Out, Inputs, KeptFloat::contains(DenseIndex), Fused::value> Step;
  typedef typename ActivationsOfList<Out, typename Fused::rest>::type Activations;
  static constexpr size_t widest_hidden_output = 0;
  static constexpr size_t scratch_bytes = Step::scratch_bytes;
  static constexpr size_t hybrid_layer_count = KeptFloat::contains(DenseIndex) ? 0 : 1;
  static constexpr size_t dense_count = 1;
  struct Parameters {
    typename Step::Parameters layer;
  };
  template <class Visitor>
  static void visit(const Parameters& parameters, Visitor& visitor) {
    visitor(parameters.layer);
  }
  template <class Reader>
  static void forward(const Parameters& parameters, const float* x, float* y, float*, float*) {
    Step::template forward<Reader>(parameters.layer, x, y);
    Activations::template apply<Reader>(y);
  }
};

// Whether a layer list holds a Dense.
template <class... Layers>
struct HasDense {
  static constexpr bool value = false;
};
template <size_t In, size_t Out, class... Layers>
struct HasDense<Dense<In, Out>, Layers...> {
  static constexpr bool value = true;
};
template <class Layer, class... Layers>
struct HasDense<Layer, Layers...> : HasDense<Layers...> {};

template <bool Last, class Inputs, class KeptFloat, size_t DenseIndex, class... Layers>
struct HybridLinkKind;
template <class Inputs, class KeptFloat, size_t DenseIndex, class Layer, class... Layers>
struct HybridLinkKind<true, Inputs, KeptFloat, DenseIndex, Layer, Layers...> {
  typedef HybridLastLink<Inputs, KeptFloat, DenseIndex, Layer, Layers...> type;
};
template <class Inputs, class KeptFloat, size_t DenseIndex, class Layer, class... Layers>
struct HybridLinkKind<false, Inputs, KeptFloat, DenseIndex, Layer, Layers...> {
  typedef HybridLink<Inputs, KeptFloat, DenseIndex, Layer, Layers...> type;
};

template <class Inputs, class KeptFloat, size_t DenseIndex, class Layer, class... Layers>
struct HybridChainOfList<Inputs, KeptFloat, DenseIndex, HybridLayerList<Layer, Layers...>> {
  typedef
      typename HybridLinkKind<!HasDense<Layers...>::value, Inputs, KeptFloat, DenseIndex, Layer, Layers...>::type type;
};

template <class Model, class Inputs, class KeptFloat>
struct HybridChainOf;
template <class... Layers, class Inputs, class KeptFloat>
struct HybridChainOf<Sequential<Layers...>, Inputs, KeptFloat> {
  typedef typename HybridChainOfList<Inputs, KeptFloat, 0, HybridLayerList<Layers...>>::type type;
};

// Each Dense layer that FloatDenseAt names exists.
template <size_t N, class KeptFloat>
struct FloatDenseIndicesMustExist;
template <size_t N>
struct FloatDenseIndicesMustExist<N, quant::FloatDenseAt<>> {
  static constexpr bool value = true;
};
template <size_t N, size_t First, size_t... Rest>
struct FloatDenseIndicesMustExist<N, quant::FloatDenseAt<First, Rest...>> {
  static constexpr bool value =
      FloatDenseIndexMustExist<First, N>::value && FloatDenseIndicesMustExist<N, quant::FloatDenseAt<Rest...>>::value;
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

/// The hybrid version of the float Sequential FloatModel, run from a Parameters block in flash (see the
/// file's description). The object is one pointer; a prediction uses activation_bytes plus
/// scratch_bytes of stack and no heap.
template <class FloatModel, class Inputs = quant::SymmetricInputs, class KeptFloat = quant::FloatDenseAt<>>
class HybridModel {
 public:
  typedef FloatModel float_model_type;  ///< The float Sequential whose sizes and activations this model has.
  typedef Inputs inputs;                ///< quant::SymmetricInputs or quant::AsymmetricInputs.
  typedef KeptFloat kept_float;         ///< The Dense layers that stay float (quant::FloatDenseAt).

 private:
  typedef typename detail::HybridChainOf<FloatModel, Inputs, KeptFloat>::type Chain;
  static_assert(detail::FloatDenseIndicesMustExist<Chain::dense_count, KeptFloat>::value, "");

 public:
  static constexpr size_t input_size = FloatModel::input_size;              ///< Values per sample in.
  static constexpr size_t output_size = FloatModel::output_size;            ///< Values per sample out.
  static constexpr figure_t parameter_count = FloatModel::parameter_count;  ///< Weights and biases.
  static constexpr size_t dense_count = Chain::dense_count;                 ///< Dense layers.
  static constexpr size_t hybrid_layer_count = Chain::hybrid_layer_count;   ///< Of which hybrid.
  /// The two float buffers between layers, on the stack; the input and output arrays are the caller's.
  static constexpr size_t activation_bytes = 2 * sizeof(float) * detail::larger_of(Chain::widest_hidden_output, 1);
  /// The widest quantized input row, on the stack while a hybrid layer runs.
  static constexpr size_t scratch_bytes = Chain::scratch_bytes;

  /// The parameter block in flash, as the header writer writes it: per Dense, a HybridDenseParameters
  /// (int8 kernel, weight scale, float biases) or, for one that stays float, a FloatDenseParameters;
  /// each layer's block holds the next one's as `next`.
  typedef typename Chain::Parameters Parameters;

  /// Runs from `parameters_in_flash` (declared TINYMLP_PROGMEM on AVR), which must outlive the model.
  explicit constexpr HybridModel(const Parameters* parameters_in_flash) : parameters_(parameters_in_flash) {}

  /// Writes output_size values to `y` from input_size at `x`.
  void predict(const float* x, float* y) const {
    float buffer0[detail::larger_of(Chain::widest_hidden_output, 1)];
    float buffer1[detail::larger_of(Chain::widest_hidden_output, 1)];
    Chain::template forward<FlashReader>(*parameters_, x, y, buffer0, buffer1);
  }

  /// The one output for the one input `x` (compiles only for such models).
  float predict(float x) const {
    static_assert(input_size == 1 && output_size == 1,
                  "predict(float) is for models with one input and one output; call predict(x, y) with arrays");
    float y;
    predict(&x, &y);
    return y;
  }

  const Parameters* parameters() const { return parameters_; }  ///< The block in flash.

  /// Calls visitor(block) for each Dense's parameter block, in order: a HybridDenseParameters<In, Out>
  /// or, for a Dense kept float, a FloatDenseParameters<In, Out>. For the host, where the block is in
  /// plain memory (describe() reads a model back this way); on an AVR it is in flash.
  template <class Visitor>
  void visit_dense_parameters(Visitor& visitor) const {
    Chain::visit(*parameters_, visitor);
  }

 private:
  const Parameters* parameters_;
};

#if __cplusplus < 201703L
template <size_t D, size_t N>
constexpr bool FloatDenseIndexMustExist<D, N>::value;
template <class M, class I, class K>
constexpr size_t HybridModel<M, I, K>::input_size;
template <class M, class I, class K>
constexpr size_t HybridModel<M, I, K>::output_size;
template <class M, class I, class K>
constexpr figure_t HybridModel<M, I, K>::parameter_count;
template <class M, class I, class K>
constexpr size_t HybridModel<M, I, K>::dense_count;
template <class M, class I, class K>
constexpr size_t HybridModel<M, I, K>::hybrid_layer_count;
template <class M, class I, class K>
constexpr size_t HybridModel<M, I, K>::activation_bytes;
template <class M, class I, class K>
constexpr size_t HybridModel<M, I, K>::scratch_bytes;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

/// \file
/// Int8Model<FloatModel, Rounding>: a full-integer version of a float Sequential (Dense layers and the
/// activations ReLU, ReLU6, LeakyReLU, Sigmoid, Tanh, Softmax, Identity), run with TFLite's int8 kernels
/// from a parameter block in flash: a ReLU right after a Dense fused into FULLY_CONNECTED; Sigmoid, Tanh,
/// ReLU6, LeakyReLU and a ReLU elsewhere (after an Identity: an int8 RELU that requantizes) as LOGISTIC,
/// TANH, RELU6, LEAKY_RELU and RELU tables (Int8Lookup); Softmax as SOFTMAX (Int8Softmax); a Normalization
/// folded into the Dense after it (as the quantizer folds it). A model starts with a Dense or Normalization.
/// Sizes come from the float model's type:
/// \code
///   typedef tinymlp::Mlp<tinymlp::ReLU, 1, 16, 16, 1> Float;
///   static const tinymlp::Int8Model<Float>::Parameters parameters TINYMLP_PROGMEM = {...};  // the converter writes it
///   const tinymlp::Int8Model<Float> model(&parameters);
///   int8_t y = model.predict(int8_t(-96));   // int8 in, int8 out: no float at all
///   float  z = model.predict(0.77f);         // or float in and out: quantize, run, dequantize
/// \endcode
/// Rounding is quant::DoubleRounding (TFLite's default: the integers of TensorFlow Lite Micro and
/// CMSIS-NN) or quant::SingleRounding (TFLITE_SINGLE_ROUNDING=1: those of Arm NN and XNNPACK).
/// SoftmaxArithmetic follows it (quant::SoftmaxArithmeticOf): TensorFlow Lite Micro's fixed point, or
/// TFLite's CPU runtime's float table; LOGISTIC and TANH tables carry their runtime's integers already.
#ifndef TINYMLP_QUANT_INT8_MODEL_HPP
#define TINYMLP_QUANT_INT8_MODEL_HPP

#include "../config.hpp"
#include "../flash.hpp"
#include "../detail/integers.hpp"
#include "../detail/traits.hpp"
#include "../layers/dense.hpp"
#include "../layers/layer_sizes.hpp"
#include "../layers/identity.hpp"
#include "../layers/leaky_relu.hpp"
#include "../layers/normalization.hpp"
#include "../layers/relu.hpp"
#include "../layers/relu6.hpp"
#include "../layers/sigmoid.hpp"
#include "../layers/softmax.hpp"
#include "../layers/tanh.hpp"
#include "../model/sequential.hpp"
#include "int8_dense.hpp"
#include "int8_lookup.hpp"
#include "int8_softmax.hpp"
#include "requantization.hpp"

namespace tinymlp {
namespace detail {
inline namespace TINYMLP_CONFIGURATION {

// Weights and biases of an int8 layer: a Dense's; an activation's table is no parameter.
template <class Layer>
struct Int8ParameterCount {
  static constexpr figure_t value = 0;
};
template <size_t In, size_t Out, bool FusedReLU>
struct Int8ParameterCount<Int8Dense<In, Out, FusedReLU>> {
  static constexpr figure_t value = static_cast<figure_t>(In) * Out + Out;
};

// The zero point of a layer's output, read from its parameters (SOFTMAX's is fixed by TFLite).
template <class Reader, size_t In, size_t Out>
int8_t int8_output_zero_point(const Int8DenseParameters<In, Out>& parameters) {
  return Reader::load(&parameters.output_zero_point);
}
template <class Reader>
int8_t int8_output_zero_point(const Int8LookupParameters& parameters) {
  return Reader::load(&parameters.output_zero_point);
}
template <class Reader>
int8_t int8_output_zero_point(const quant::FixedPointSoftmax::Parameters&) {
  return -128;
}
template <class Reader>
int8_t int8_output_zero_point(const quant::FloatTableSoftmax::Parameters&) {
  return -128;
}

#if TINYMLP_QUANT_INT8_DENSE_AVR
// Whether a layer is an Int8Dense the AVR kernel runs (quant/int8_dense_avr.hpp), and its call there.
template <class Layer>
struct AvrDense {
  static constexpr bool value = false;
  static constexpr size_t wide_output = 0;
};
template <size_t In, size_t Out, bool FusedReLU>
struct AvrDense<Int8Dense<In, Out, FusedReLU>> {
  typedef quant::avr::DenseLayer<In, Out> Kernel;
  static constexpr bool value = Kernel::fits;
  static constexpr size_t wide_output = Kernel::wide_output;
  static constexpr quant::avr::DenseLayerCall call(size_t offset) {
    return Kernel::call_at(static_cast<uint16_t>(offset), FusedReLU);
  }
};
#endif

// The int8 layers, in order: each Dense of the float model as an Int8Dense, each Sigmoid or Tanh as an
// Int8Lookup, a Softmax as an Int8Softmax.
template <class... Layers>
struct Int8LayerChain;

template <class Layer>
struct Int8LayerChain<Layer> {
  struct Parameters {
    typename Layer::Parameters layer;
  };
  static constexpr size_t input_size = Layer::input_size;
  static constexpr size_t output_size = Layer::output_size;
  static constexpr size_t widest_hidden_output = 0;
  static constexpr figure_t parameter_count = Int8ParameterCount<Layer>::value;
  static constexpr size_t layer_count = 1;
  static constexpr bool fused_relu_at(size_t k) { return k == 0 ? Layer::fused_relu : false; }
#if TINYMLP_QUANT_INT8_DENSE_AVR
  // Whether every layer is an Int8Dense the AVR kernel runs, then all in one call of it: the widest
  // input, the widest output of a layer of 32 inputs or more (its sums), the layers' calls.
  static constexpr bool avr_dense = AvrDense<Layer>::value;
  static constexpr size_t avr_widest_input = Layer::input_size;
  static constexpr size_t avr_wide_output = AvrDense<Layer>::wide_output;
#endif

  // The last layer writes the caller's output.
  template <class Rounding, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y, int8_t*, int8_t*) {
    Layer::template forward<Rounding, Reader>(parameters.layer, x, y);
  }
  template <class Reader>
  static int8_t output_zero_point(const Parameters& parameters) {
    return int8_output_zero_point<Reader>(parameters.layer);
  }
};

template <class Layer, class NextLayer, class... Rest>
struct Int8LayerChain<Layer, NextLayer, Rest...> {
  typedef Int8LayerChain<NextLayer, Rest...> Next;
  static_assert(LayerSizesMustAgree<Layer::output_size, NextLayer::input_size>::value, "");
  struct Parameters {
    typename Layer::Parameters layer;
    typename Next::Parameters next;
  };
  static constexpr size_t input_size = Layer::input_size;
  static constexpr size_t output_size = Next::output_size;
  static constexpr size_t widest_hidden_output = larger_of(Layer::output_size, Next::widest_hidden_output);
  static constexpr figure_t parameter_count = Int8ParameterCount<Layer>::value + Next::parameter_count;
  static constexpr size_t layer_count = 1 + Next::layer_count;
  static constexpr bool fused_relu_at(size_t k) { return k == 0 ? Layer::fused_relu : Next::fused_relu_at(k - 1); }
#if TINYMLP_QUANT_INT8_DENSE_AVR
  static constexpr bool avr_dense = AvrDense<Layer>::value && Next::avr_dense;
  static constexpr size_t avr_widest_input = larger_of(Layer::input_size, Next::avr_widest_input);
  static constexpr size_t avr_wide_output = larger_of(AvrDense<Layer>::wide_output, Next::avr_wide_output);
#endif

  // Each hidden layer writes the buffer its input is not in.
  template <class Rounding, class Reader>
  static void forward(const Parameters& parameters, const int8_t* x, int8_t* y, int8_t* target, int8_t* spare) {
    Layer::template forward<Rounding, Reader>(parameters.layer, x, target);
    // NOLINTNEXTLINE(readability-suspicious-call-argument): the two buffers swap roles at each layer
    Next::template forward<Rounding, Reader>(parameters.next, target, y, spare, target);
  }
  template <class Reader>
  static int8_t output_zero_point(const Parameters& parameters) {
    return Next::template output_zero_point<Reader>(parameters.next);
  }
};

#if TINYMLP_QUANT_INT8_DENSE_AVR
// The AVR kernel's calls of a chain of Int8Dense layers, one after the other as the chain's layers are
// (an AVR aligns nothing: each layer's parameters start where the previous ones end).
template <class Chain>
struct AvrDenseCalls;
template <class Layer>
struct AvrDenseCalls<Int8LayerChain<Layer>> {
  quant::avr::DenseLayerCall call;
  static constexpr AvrDenseCalls make(size_t offset) { return {AvrDense<Layer>::call(offset)}; }
};
template <class Layer, class NextLayer, class... Rest>
struct AvrDenseCalls<Int8LayerChain<Layer, NextLayer, Rest...>> {
  typedef Int8LayerChain<Layer, NextLayer, Rest...> Chain;
  static_assert(offsetof(typename Chain::Parameters, next) == sizeof(typename Layer::Parameters),
                "the AVR kernel finds each layer's parameters right after the previous ones");
  quant::avr::DenseLayerCall call;
  AvrDenseCalls<Int8LayerChain<NextLayer, Rest...>> rest;
  static constexpr AvrDenseCalls make(size_t offset) {
    return {AvrDense<Layer>::call(offset),
            AvrDenseCalls<Int8LayerChain<NextLayer, Rest...>>::make(offset + sizeof(typename Layer::Parameters))};
  }
};
template <class Chain>
struct AvrDenseCallTable {
  static const AvrDenseCalls<Chain> table;
};
template <class Chain>
const AvrDenseCalls<Chain> AvrDenseCallTable<Chain>::table TINYMLP_PROGMEM = AvrDenseCalls<Chain>::make(0);

// A chain of Int8Dense layers only runs in one call of the AVR kernel, its registers saved once rather
// than once a layer; forward says whether it ran.
template <class Chain, bool = Chain::avr_dense>
struct Int8ChainOnAvr {
  template <class Rounding>
  static bool forward(const typename Chain::Parameters&, const int8_t*, int8_t*, int8_t*, int8_t*) {
    return false;
  }
};
template <class Chain>
struct Int8ChainOnAvr<Chain, true> {
  template <class Rounding>
  __attribute__((always_inline)) static bool forward(const typename Chain::Parameters& parameters, const int8_t* x,
                                                     int8_t* y, int8_t* buffer0, int8_t* buffer1) {
    static_assert(sizeof(AvrDenseCalls<Chain>) == Chain::layer_count * sizeof(quant::avr::DenseLayerCall),
                  "the AVR kernel reads the calls as an array");
    quant::avr::DenseChain<Chain::avr_widest_input, Chain::avr_wide_output>::template forward<Rounding>(
        &AvrDenseCallTable<Chain>::table.call, reinterpret_cast<const int8_t*>(&parameters),
        static_cast<uint8_t>(Chain::layer_count), x, y, buffer0, buffer1);
    return true;
  }
};
#endif

// No int8 layer after a Dense (a ReLU fused into it, an Identity dropped, the next Dense kept).
struct NoInt8Layer {};

// What follows a Dense in the float model: a ReLU (fused into the int8 kernel), an Identity (dropped),
// a Sigmoid or Tanh (an Int8Lookup: TFLite's LOGISTIC, TANH), a Softmax (an Int8Softmax in
// SoftmaxArithmetic) or another Dense (kept).
template <class Layer>
struct Int8FollowerOfDense {
  static_assert(sizeof(Layer) == 0,
                "an Int8Model runs Dense layers and the activations ReLU, ReLU6, LeakyReLU, Sigmoid, Tanh, Softmax "
                "and Identity: TFLite's int8 kernels have no other activation");
  static constexpr bool fused_relu = false, consumed = true;
  template <size_t Width, class SoftmaxArithmetic>
  struct layer {
    typedef NoInt8Layer type;
  };
};
template <>
struct Int8FollowerOfDense<NoInt8Layer> {
  static constexpr bool fused_relu = false, consumed = true;
  template <size_t Width, class SoftmaxArithmetic>
  struct layer {
    typedef NoInt8Layer type;
  };
};
template <>
struct Int8FollowerOfDense<ReLU> : Int8FollowerOfDense<NoInt8Layer> {
  static constexpr bool fused_relu = true;
};
template <>
struct Int8FollowerOfDense<Identity> : Int8FollowerOfDense<NoInt8Layer> {};
template <>
struct Int8FollowerOfDense<Sigmoid> : Int8FollowerOfDense<NoInt8Layer> {
  template <size_t Width, class SoftmaxArithmetic>
  struct layer {
    typedef Int8Lookup<Width> type;
  };
};
template <>
struct Int8FollowerOfDense<Tanh> : Int8FollowerOfDense<Sigmoid> {};
template <>
struct Int8FollowerOfDense<Softmax> : Int8FollowerOfDense<NoInt8Layer> {
  template <size_t Width, class SoftmaxArithmetic>
  struct layer {
    typedef Int8Softmax<Width, SoftmaxArithmetic> type;
  };
};
template <>
struct Int8FollowerOfDense<ReLU6> : Int8FollowerOfDense<Sigmoid> {};
template <long long Numerator, long long Denominator>
struct Int8FollowerOfDense<LeakyReLU<Numerator, Denominator>> : Int8FollowerOfDense<Sigmoid> {};
template <size_t In, size_t Out>
struct Int8FollowerOfDense<Dense<In, Out>> : Int8FollowerOfDense<NoInt8Layer> {
  static constexpr bool consumed = false;
};

// The width of the values a chain gives (its last layer's output); a chain must start with a Dense.
template <class Chain>
struct Int8ChainOutputSize;
template <class First, class... Rest>
struct Int8ChainOutputSize<Int8LayerChain<First, Rest...>> {
  static constexpr size_t value = Int8LayerChain<First, Rest...>::output_size;
};
template <class... None>
struct Int8ChainOutputSize<Int8LayerChain<None...>> {
  static_assert(sizeof...(None) != 0,
                "an Int8Model starts with a Dense layer: TFLite's int8 activations need the quantization of a layer "
                "before them");
  static constexpr size_t value = 1;
};

// Done with Layer appended (NoInt8Layer: unchanged).
template <class Done, class Layer>
struct AppendInt8Layer;
template <class... Done, class Layer>
struct AppendInt8Layer<Int8LayerChain<Done...>, Layer> {
  typedef Int8LayerChain<Done..., Layer> type;
};
template <class... Done>
struct AppendInt8Layer<Int8LayerChain<Done...>, NoInt8Layer> {
  typedef Int8LayerChain<Done...> type;
};

// Walks the float layers, appending int8 layers to Done.
template <class SoftmaxArithmetic, class Done, class... Remaining>
struct FuseForInt8;
template <class SoftmaxArithmetic, class... Done>
struct FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>> {
  typedef Int8LayerChain<Done...> type;
};
template <class SoftmaxArithmetic, class... Done, size_t In, size_t Out>
struct FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Dense<In, Out>> {
  typedef Int8LayerChain<Done..., Int8Dense<In, Out, false>> type;
};
template <class SoftmaxArithmetic, bool Consumed, class Done, class Follower, class... Rest>
struct FuseAfterFollower;
template <class SoftmaxArithmetic, class Done, class Follower, class... Rest>
struct FuseAfterFollower<SoftmaxArithmetic, true, Done, Follower, Rest...> {
  typedef typename FuseForInt8<SoftmaxArithmetic, Done, Rest...>::type type;
};
template <class SoftmaxArithmetic, class Done, class Follower, class... Rest>
struct FuseAfterFollower<SoftmaxArithmetic, false, Done, Follower, Rest...> {
  typedef typename FuseForInt8<SoftmaxArithmetic, Done, Follower, Rest...>::type type;
};
template <class SoftmaxArithmetic, class... Done, size_t In, size_t Out, class Follower, class... Rest>
struct FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Dense<In, Out>, Follower, Rest...> {
  typedef Int8FollowerOfDense<Follower> follower;
  typedef typename AppendInt8Layer<Int8LayerChain<Done..., Int8Dense<In, Out, follower::fused_relu>>,
                                   typename follower::template layer<Out, SoftmaxArithmetic>::type>::type with_follower;
  typedef
      typename FuseAfterFollower<SoftmaxArithmetic, follower::consumed, with_follower, Follower, Rest...>::type type;
};

// The activation whose int8 step a layer runs as where it does not follow a Dense directly: itself (a
// table, or a SOFTMAX), but a ReLU alone is a table, as a ReLU6 is (only one right after a Dense is fused
// into it).
template <class Activation>
struct Int8StepAlone {
  typedef Activation type;
};
template <>
struct Int8StepAlone<ReLU> {
  typedef ReLU6 type;
};

// An activation that does not follow a Dense directly (it follows another activation, or an Identity,
// which keeps it from being fused: an int8 RELU that requantizes) runs as an int8 step of its own, as
// the follower of a Dense would; Int8FollowerOfDense refuses a layer that is no int8 activation.
template <class SoftmaxArithmetic, class... Done, class Activation, class... Rest>
struct FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Activation, Rest...> {
  typedef typename Int8FollowerOfDense<typename Int8StepAlone<Activation>::type>::template layer<
      Int8ChainOutputSize<Int8LayerChain<Done...>>::value, SoftmaxArithmetic>::type step;
  typedef typename FuseForInt8<SoftmaxArithmetic, typename AppendInt8Layer<Int8LayerChain<Done...>, step>::type,
                               Rest...>::type type;
};
// A Normalization runs folded into the Dense after it (the quantizer folds it so: quantize.hpp).
template <class SoftmaxArithmetic, class... Done, size_t In, size_t Out, size_t Units, class... Rest>
struct FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Normalization<In, Out>, Dense<Out, Units>, Rest...> {
  typedef typename FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Dense<In, Units>, Rest...>::type type;
};
template <class SoftmaxArithmetic, class... Done, class... Rest>
struct FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Identity, Rest...> {
  typedef typename FuseForInt8<SoftmaxArithmetic, Int8LayerChain<Done...>, Rest...>::type type;
};

template <class Model, class SoftmaxArithmetic = quant::FixedPointSoftmax>
struct Int8ChainOf;
template <class... Layers, class SoftmaxArithmetic>
struct Int8ChainOf<Sequential<Layers...>, SoftmaxArithmetic> {
  typedef typename FuseForInt8<SoftmaxArithmetic, Int8LayerChain<>, Layers...>::type type;
};

}  // namespace TINYMLP_CONFIGURATION
}  // namespace detail
inline namespace TINYMLP_CONFIGURATION {

/// The quantization of the model's float input and output, for the float predict only:
/// real = scale * (q - zero_point).
struct Int8InputOutput {
  float input_scale;        ///< Real value of one input step.
  int8_t input_zero_point;  ///< The int8 input that means real 0.
  float output_scale;       ///< Real value of one output step (the zero point is the last layer's).
};

/// The int8 version of the float Sequential FloatModel, run from a Parameters block in flash with
/// TFLite's integers (see the file's description). The object is one pointer; a prediction uses
/// activation_bytes of stack and no heap.
template <class FloatModel, class Rounding = quant::DoubleRounding,
          class SoftmaxArithmetic = typename quant::SoftmaxArithmeticOf<Rounding>::type>
class Int8Model {
 public:
  typedef FloatModel float_model_type;           ///< The float Sequential whose sizes this model has.
  typedef Rounding rounding;                     ///< quant::DoubleRounding or quant::SingleRounding.
  typedef SoftmaxArithmetic softmax_arithmetic;  ///< quant::FixedPointSoftmax or quant::FloatTableSoftmax.

 private:
  // The int8 layers (Int8Dense with ReLUs fused, Int8Lookup, Int8Softmax), derived from FloatModel's.
  typedef typename detail::Int8ChainOf<FloatModel, SoftmaxArithmetic>::type Chain;

 public:
  // From the int8 layers, not FloatModel's members: naming those would instantiate the float
  // Sequential, whose float parameters may not fit an array on the target (an AVR's 32 KB) when the
  // int8 ones do.
  static constexpr size_t input_size = Chain::input_size;              ///< Values per sample in.
  static constexpr size_t output_size = Chain::output_size;            ///< Values per sample out.
  static constexpr figure_t parameter_count = Chain::parameter_count;  ///< Weights and biases.
  static constexpr size_t layer_count = Chain::layer_count;            ///< Int8 layers: one per Dense.
  /// Whether int8 layer k clamps at real 0 (its Dense was followed by a ReLU, fused into it).
  static constexpr bool fused_relu_at(size_t k) { return Chain::fused_relu_at(k); }
  /// The two int8 buffers between layers, on the stack; the input and output arrays are the caller's.
  static constexpr size_t activation_bytes = 2 * detail::larger_of(Chain::widest_hidden_output, 1);

  /// The parameter block in flash, as the int8 header writer writes it.
  struct Parameters {
    Int8InputOutput input_output;       ///< For the float predict.
    typename Chain::Parameters layers;  ///< Each layer's Int8DenseParameters, in order.
  };

  /// Runs from `parameters_in_flash` (declared TINYMLP_PROGMEM on AVR), which must outlive the model.
  explicit constexpr Int8Model(const Parameters* parameters_in_flash) : parameters_(parameters_in_flash) {}

  /// int8 in, int8 out: integers only. Writes output_size values to `y` from input_size at `x`.
  void predict(const int8_t* x, int8_t* y) const {
    int8_t buffer0[detail::larger_of(Chain::widest_hidden_output, 1)];
    int8_t buffer1[detail::larger_of(Chain::widest_hidden_output, 1)];
#if TINYMLP_QUANT_INT8_DENSE_AVR
    if (detail::Int8ChainOnAvr<Chain>::template forward<Rounding>(parameters_->layers, x, y, buffer0, buffer1)) return;
#endif
    Chain::template forward<Rounding, FlashReader>(parameters_->layers, x, y, buffer0, buffer1);
  }
  /// The one int8 output for the one int8 input `x` (compiles only for such models).
  int8_t predict(int8_t x) const { return predict_single(x); }

  /// float in, float out, around the integer inference: TFLite's QUANTIZE and DEQUANTIZE.
  void predict(const float* x, float* y) const {
    int8_t qx[input_size], qy[output_size];
    for (size_t i = 0; i < input_size; ++i) qx[i] = quantize_input(x[i]);
    predict(qx, qy);
    for (size_t o = 0; o < output_size; ++o) y[o] = dequantize_output(qy[o]);
  }
  /// The one float output for the one float input `x` (compiles only for such models).
  float predict(float x) const { return predict_single(x); }
  /// The same for a double (a literal such as 0.7), which would otherwise convert to int8_t as readily
  /// as to float; any other number, an int above all, is refused: it could mean either.
  template <class Number>
  float predict(Number x) const {
    static_assert(detail::is_wider_floating_point<Number>::value,
                  "Int8Model::predict(x) takes a float (a real value, quantized on the way in) or an int8_t (an "
                  "already quantized value): write predict(float(x)) or predict(int8_t(x))");
    return predict_single(static_cast<float>(x));
  }

  /// TFLite's QUANTIZE: x / scale in float, rounded half away from zero, plus the zero point, clamped.
  int8_t quantize_input(float x) const {
    const float scaled = x / FlashReader::load(&parameters_->input_output.input_scale);
    if (!(scaled > -1e6f)) return -128;  // clamped before the conversion to int32; NaN too
    if (!(scaled < 1e6f)) return 127;
    // Half away from zero, as roundf (which Arduino.h's round macro breaks on AVR): the cast truncates,
    // and the fraction it drops is exact in float.
    int32_t rounded = static_cast<int32_t>(scaled);
    const float dropped = scaled - static_cast<float>(rounded);
    rounded += dropped >= 0.5f ? 1 : dropped <= -0.5f ? -1 : 0;
    const int32_t q = rounded + FlashReader::load(&parameters_->input_output.input_zero_point);
    return static_cast<int8_t>(q < -128 ? -128 : q > 127 ? 127 : q);
  }
  /// TFLite's DEQUANTIZE: scale * (q - zero_point).
  float dequantize_output(int8_t q) const {
    const int8_t zero_point = Chain::template output_zero_point<FlashReader>(parameters_->layers);
    return FlashReader::load(&parameters_->input_output.output_scale) *
           static_cast<float>(static_cast<int16_t>(q) - zero_point);
  }

  const Parameters* parameters() const { return parameters_; }  ///< The block in flash.

 private:
  // One input, one output, of either kind.
  template <class Value>
  Value predict_single(Value x) const {
    static_assert(input_size == 1 && output_size == 1,
                  "predict(x) is for models with one input and one output; call predict(x, y) with arrays");
    Value y;
    predict(&x, &y);
    return y;
  }

  const Parameters* parameters_;
};

#if __cplusplus < 201703L
template <class M, class R, class S>
constexpr size_t Int8Model<M, R, S>::input_size;
template <class M, class R, class S>
constexpr size_t Int8Model<M, R, S>::output_size;
template <class M, class R, class S>
constexpr figure_t Int8Model<M, R, S>::parameter_count;
template <class M, class R, class S>
constexpr size_t Int8Model<M, R, S>::layer_count;
template <class M, class R, class S>
constexpr size_t Int8Model<M, R, S>::activation_bytes;
#endif

}  // namespace TINYMLP_CONFIGURATION
}  // namespace tinymlp

#endif

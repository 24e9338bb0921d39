// sine_int8: an int8 tinymlp model generated from SineInference's sine_model.hpp. Do not edit.
//   321 parameters: int8 kernels, int32 biases, per-unit multipliers and shifts, in flash
//   rounding: tinymlp::quant::DoubleRounding (TFLite's default: TensorFlow Lite Micro's integers)
// Usage: int8_t y = sine_int8.predict(int8_t(x)); or float y = sine_int8.predict(x);
#ifndef SINE_INT8_HPP_
#define SINE_INT8_HPP_

#include <tinymlp.hpp>

typedef tinymlp::Int8Model<tinymlp::Sequential<tinymlp::Dense<1, 16>, tinymlp::ReLU, tinymlp::Dense<16, 16>, tinymlp::ReLU, tinymlp::Dense<16, 1>>, tinymlp::quant::DoubleRounding> sine_int8_type;

template <class Unused = void>
struct sine_int8_weights {
  static const sine_int8_type::Parameters parameters;
};
template <class Unused>
const sine_int8_type::Parameters sine_int8_weights<Unused>::parameters TINYMLP_PROGMEM = {
    {0.0588208176f, -128, 0.0286196563f},  // input scale and zero point, output scale
    {{  // layer 0: Int8Dense<1, 16, ReLU fused>: kernel, biases (input zero point folded in), multipliers, shifts, output zero point
      {127, 127, 127, -127, 127, 127, 127, -127, 127, -127, -127, -127, -127, 127, 127, -127},
      {-20287, -33432, -32763, 13283, -33586, -30662, -18564, 16754, -25452, 4118, -23196, 29627, 15173, -38047, -17469, 11649},
      {1301469854, 1404738808, 1708534986, 1812783101, 1361749749, 1624750167, 1618098222, 2092320578, 1505619433, 1586384081, 1640513387, 1664345046, 2038835324, 1140722508, 1183832108, 1469880142},
      {-6, -8, -7, -6, -11, -6, -6, -6, -6, -6, -12, -7, -6, -10, -6, -6},
      -128},
      {{  // layer 1: Int8Dense<16, 16, ReLU fused>: kernel, biases (input zero point folded in), multipliers, shifts, output zero point
        {127, -109, 26, -85, -61, 35, -51, -109, -107, 76, 119, 10, -76, -99, -67, -18, -127, -10, 8, -44, -15, -71, -70, -95, -24, -30, 19, 71, -51, 9, -27, -93, -47, -21, 29, -20, -94, -35, -35, -19, 47, 1, 77, -127, -39, 18, -122, 10, -44, 3, 83, -118, -2, -89, -43, 88, 7, 44, 59, -103, -21, -69, -96, -127, 23, 77, -28, -65, 96, -123, -127, 75, 75, -10, -18, -60, -85, -55, -78, 33, -79, -52, 0, -9, -23, -33, -98, -127, -75, -3, -30, 68, -108, -1, -75, -32, 2, -40, -85, 10, -94, 44, -5, 41, -77, 43, -27, -59, -32, -39, -127, -86, -57, -26, 53, 69, 33, -28, -64, 39, -44, -127, 29, -4, 55, 28, -48, 73, -87, 41, -48, -40, 2, 3, -72, 13, -84, -8, -108, -20, 24, 58, -127, -88, 3, 12, -25, -18, 77, 23, 28, -82, -50, -49, -63, -83, 6, -84, -31, -127, 21, -2, -38, 5, 0, -127, 16, -17, 14, -8, 1, -45, -14, -10, 17, 9, 13, 22, -127, -21, -49, 42, -5, -125, 44, -40, 104, -54, 37, -124, -45, -105, -124, 55, 53, -34, -31, 81, -122, 59, 81, -17, 95, -64, 24, -58, -57, -127, 13, -1, -35, -13, -8, -127, 28, 3, 0, -4, 5, -45, -1, 8, 9, 10, -36, 24, -104, -35, 52, -42, -1, -61, 39, -70, -19, 20, -127, 3, -94, 44, -24, -5, -25, -12, -9, -77, 18, -6, -127, 122, 3, 14, -12, -9, 20, -11},
        {-3368, 7370, -887, -2019, -934, 6958, -3476, -3863, -1269, -2343, 727, -1423, -1614, 1131, -1731, 2863},
        {1631992904, 1261777192, 1292330343, 1765855564, 2144053349, 1770652295, 1483294100, 2134079412, 1199413278, 1526977297, 1335398456, 1209797445, 1130252045, 1390560338, 1847559724, 1685018845},
        {-9, -6, -8, -9, -9, -7, -8, -7, -8, -8, -5, -8, -8, -5, -8, -5},
        -128},
        {{  // layer 2: Int8Dense<16, 1>: kernel, biases (input zero point folded in), multipliers, shifts, output zero point
          {-7, 127, -20, -20, -6, 78, 2, 45, -23, -3, 46, -20, -5, 63, 2, -79},
          {-5225},
          {1659069398},
          {-6},
          -7}
        }
      }
    }
};

constexpr sine_int8_type sine_int8(&sine_int8_weights<>::parameters);

#endif  // SINE_INT8_HPP_

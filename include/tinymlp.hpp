/// \file
/// tinymlp: small neural networks whose sizes are template parameters, for microcontrollers and the
/// host. This is the one include a sketch needs; host programs add "tinymlp/host.hpp" on top.
/// Device code here is C++11 with no heap and no standard library.
#ifndef TINYMLP_HPP
#define TINYMLP_HPP

/// \namespace tinymlp
/// Everything tinymlp offers: the device core (layers, models, training, int8) and, with
/// tinymlp/host.hpp, the host layer.

#include "tinymlp/config.hpp"
#include "tinymlp/flash.hpp"
#include "tinymlp/random.hpp"
#include "tinymlp/layers/dense.hpp"
#include "tinymlp/layers/identity.hpp"
#include "tinymlp/layers/leaky_relu.hpp"
#include "tinymlp/layers/normalization.hpp"
#include "tinymlp/layers/relu.hpp"
#include "tinymlp/layers/relu6.hpp"
#include "tinymlp/layers/sigmoid.hpp"
#include "tinymlp/layers/softmax.hpp"
#include "tinymlp/layers/tanh.hpp"
#include "tinymlp/model/fits_in_ram.hpp"
#include "tinymlp/model/flash_model.hpp"
#include "tinymlp/model/mlp.hpp"
#include "tinymlp/model/sequential.hpp"
#include "tinymlp/model/sequential_kernels.hpp"
#include "tinymlp/quant/hybrid_dense.hpp"
#include "tinymlp/quant/hybrid_model.hpp"
#include "tinymlp/quant/int8_dense.hpp"
#include "tinymlp/quant/int8_model.hpp"
#include "tinymlp/quant/requantization.hpp"
#include "tinymlp/train/batch_step.hpp"
#include "tinymlp/train/in_place_step.hpp"
#include "tinymlp/train/losses.hpp"
#include "tinymlp/train/optimizers.hpp"

#endif

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
#include "tinymlp/detail/flash.hpp"
#include "tinymlp/detail/random.hpp"
#include "tinymlp/layers/dense.hpp"
#include "tinymlp/layers/identity.hpp"
#include "tinymlp/layers/leaky_relu.hpp"
#include "tinymlp/layers/relu.hpp"
#include "tinymlp/layers/relu6.hpp"
#include "tinymlp/layers/sigmoid.hpp"
#include "tinymlp/layers/softmax.hpp"
#include "tinymlp/layers/tanh.hpp"
#include "tinymlp/model/fits_in_ram.hpp"
#include "tinymlp/model/flash_model.hpp"
#include "tinymlp/model/mlp.hpp"
#include "tinymlp/model/sequential.hpp"
#include "tinymlp/quant/hybrid_dense.hpp"
#include "tinymlp/quant/int8_dense.hpp"
#include "tinymlp/quant/int8_model.hpp"
#include "tinymlp/quant/requantization.hpp"
#include "tinymlp/train/adam.hpp"
#include "tinymlp/train/binary_cross_entropy.hpp"
#include "tinymlp/train/categorical_cross_entropy.hpp"
#include "tinymlp/train/in_place_workspace.hpp"
#include "tinymlp/train/mean_absolute_error.hpp"
#include "tinymlp/train/mean_squared_error.hpp"
#include "tinymlp/train/rmsprop.hpp"
#include "tinymlp/train/sgd.hpp"
#include "tinymlp/train/train_in_place.hpp"
#include "tinymlp/train/train_on_batch.hpp"
#include "tinymlp/train/training_buffers.hpp"

#endif

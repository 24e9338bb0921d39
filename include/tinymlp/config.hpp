/// \file
/// Compile-time switches. Define any of these before including tinymlp.hpp to override the default.
#ifndef TINYMLP_CONFIG_HPP
#define TINYMLP_CONFIG_HPP

#ifndef TINYMLP_USE_PROGMEM
/// 1: weights given to a FlashModel sit in program memory and are read with pgm_read_* (the default on
/// AVR only: its flash is a separate address space). Elsewhere flash is ordinary addressable const memory.
#if defined(__AVR__)
#define TINYMLP_USE_PROGMEM 1
#else
#define TINYMLP_USE_PROGMEM 0
#endif
#endif

#ifndef TINYMLP_SKIP_ZERO_INPUTS
/// 1: Dense layers skip the products for inputs that are exactly zero (most of them after a ReLU).
/// On cores without a floating-point unit a soft-float multiply costs far more than the test, so
/// this is on there; on the host it would only add a branch to the vectorized loops.
#if defined(__AVR__) || (defined(__arm__) && !defined(__ARM_FP)) || (defined(__riscv) && !defined(__riscv_flen))
#define TINYMLP_SKIP_ZERO_INPUTS 1
#else
#define TINYMLP_SKIP_ZERO_INPUTS 0
#endif
#endif

#ifndef TINYMLP_WIDE_MULTIPLY
/// 1: the core multiplies 32 x 32 -> 64 bits in one instruction, which int8 requantization then
/// uses for its one wide product (quant/requantization.hpp); 0 (AVR, Cortex-M0): the product is
/// built from 16-bit halves.
#if defined(__AVR__) || (defined(__ARM_ARCH_6M__) || defined(__ARM_ARCH_8M_BASE__))
#define TINYMLP_WIDE_MULTIPLY 0
#else
#define TINYMLP_WIDE_MULTIPLY 1
#endif
#endif

#ifndef TINYMLP_BATCH_BLOCK
/// How many samples of a batch the training and batch-inference kernels treat as one block, held in
/// one vector register (see detail/batch_loops.hpp): 8 floats with AVX, 4 with SSE2 or NEON, 1 on
/// microcontrollers. Tied to the instruction set so that no vector wider than the registers crosses a
/// function boundary (GCC warns that such code would change the ABI).
#if defined(__AVX__)
#define TINYMLP_BATCH_BLOCK 8
#elif defined(__SSE2__) || defined(__ARM_NEON)
#define TINYMLP_BATCH_BLOCK 4
#else
#define TINYMLP_BATCH_BLOCK 1
#endif
#endif

// Every switch above changes what inline kernels compute, so two translation units built with different
// switches must not share their symbols (that would break the one-definition rule: the linker would keep
// one unit's kernels for both). Everything tinymlp declares sits in an inline namespace spelled from the
// switches, which user code never names: tinymlp::Sequential is tinymlp::TINYMLP_CONFIGURATION::Sequential.
// Each switch must be a plain integer literal for its value to be spelled into the name.
/// Spells the namespace's name from the switches' values.
#define TINYMLP_CONFIGURATION_JOIN_(progmem, skip_zero, wide_multiply, batch_block) \
  configuration_p##progmem##_z##skip_zero##_w##wide_multiply##_b##batch_block
/// Expands the switches first, then spells the name from their values.
#define TINYMLP_CONFIGURATION_JOIN(progmem, skip_zero, wide_multiply, batch_block) \
  TINYMLP_CONFIGURATION_JOIN_(progmem, skip_zero, wide_multiply, batch_block)
/// The inline namespace that holds all of tinymlp, named for the switches (see above).
#define TINYMLP_CONFIGURATION \
  TINYMLP_CONFIGURATION_JOIN(TINYMLP_USE_PROGMEM, TINYMLP_SKIP_ZERO_INPUTS, TINYMLP_WIDE_MULTIPLY, TINYMLP_BATCH_BLOCK)

#endif

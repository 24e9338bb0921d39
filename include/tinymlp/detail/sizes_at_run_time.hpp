// TINYMLP_DETAIL_SIZES_AT_RUN_TIME: marks a function GCC must compile once, for sizes it learns at run
// time, and not again in each caller for the constants that caller passes. The batch kernels' floats
// depend on the shape GCC gives their loops: it fuses a multiply and its add where it unrolls a loop of
// known length and not in a loop it keeps. A batch size written as a constant (a literal in
// train_on_batch, FitOptions::batch_size = 16 with fit inlined) trained other weights than the same
// size read at run time. Hosts only: a microcontroller's kernels keep their constants (its board
// figures are measured with them), and clang fuses by the expression, whatever the loop.
#ifndef TINYMLP_DETAIL_SIZES_AT_RUN_TIME_HPP
#define TINYMLP_DETAIL_SIZES_AT_RUN_TIME_HPP

#include "../config.hpp"

#if TINYMLP_BATCH_BLOCK > 1 && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 8  // noipa: GCC 8 on
#define TINYMLP_DETAIL_SIZES_AT_RUN_TIME __attribute__((noipa))
#else
#define TINYMLP_DETAIL_SIZES_AT_RUN_TIME
#endif

#endif

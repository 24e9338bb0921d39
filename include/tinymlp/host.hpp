/// \file
/// The host layer (C++17 and the standard library): datasets, CSV, splitting, standardization,
/// fit/evaluate/predict with history and progress; the run-time model description, describe/to_model,
/// quantization, model files and headers for sketches. Include after (or instead of) tinymlp.hpp in
/// programs for a PC; never in device code.
#ifndef TINYMLP_HOST_HPP
#define TINYMLP_HOST_HPP

#if __cplusplus < 201703L
#error "tinymlp/host.hpp needs C++17; device code includes only tinymlp.hpp"
#endif

#include "../tinymlp.hpp"
#include "host/atomic_file.hpp"
#include "host/confusion_matrix.hpp"
#include "host/csv.hpp"
#include "host/dataset.hpp"
#include "host/describe.hpp"
#include "host/errors.hpp"
#include "host/evaluate.hpp"
#include "host/float_inference.hpp"
#include "host/fit.hpp"
#include "host/header_reader.hpp"
#include "host/header_writer.hpp"
#include "host/history.hpp"
#include "host/hybrid_quantize.hpp"
#include "host/initialized.hpp"
#include "host/label_smoothing.hpp"
#include "host/labels.hpp"
#include "host/metrics.hpp"
#include "host/memory_figures.hpp"
#include "host/model_description.hpp"
#include "host/model_file.hpp"
#include "host/model_info.hpp"
#include "host/progress.hpp"
#include "host/quantize.hpp"
#include "host/shuffle.hpp"
#include "host/split.hpp"
#include "host/standardizer.hpp"
#include "host/summary.hpp"

#endif

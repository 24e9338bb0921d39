/// \file
/// A model's summary for people (tinymlp-convert --info): its layers and parameters, and the flash
/// and RAM it needs as a tinymlp FlashModel on an AVR (Arduino Uno) and on a Cortex-M.
#ifndef TINYMLP_TOOLS_MODEL_INFO_HPP
#define TINYMLP_TOOLS_MODEL_INFO_HPP

#include <string>

#include "model_description.hpp"

namespace tinymlp {
namespace tools {

/// The summary, several lines of text; `origin` names the model.
std::string model_info(const ModelDescription& model, const std::string& origin);

}  // namespace tools
}  // namespace tinymlp

#endif

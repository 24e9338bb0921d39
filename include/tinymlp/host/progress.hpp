/// \file
/// Keras-like progress of fit(): on a terminal a bar redrawn during each epoch, otherwise one plain
/// line per epoch (logs stay readable), or nothing at all.
#ifndef TINYMLP_HOST_PROGRESS_HPP
#define TINYMLP_HOST_PROGRESS_HPP

#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

#include "history.hpp"

namespace tinymlp {

/// How fit shows progress.
enum class Progress {
  automatic,  ///< A bar on a terminal, else lines.
  bar,        ///< A bar redrawn during each epoch.
  lines,      ///< One line per epoch.
  silent      ///< Nothing.
};

/// fit's progress output.
class ProgressDisplay {
 public:
  /// Progress of `epochs` epochs of `steps` steps each, shown on `out` in `mode`.
  ProgressDisplay(Progress mode, std::FILE* out, std::size_t epochs, std::size_t steps)
      : out_(out), epochs_(epochs), steps_(steps) {
    if (mode == Progress::automatic) mode = isatty(fileno(out)) ? Progress::bar : Progress::lines;
    mode_ = mode;
  }

  /// Epoch `epoch` (0-based) starts.
  void begin_epoch(std::size_t epoch) {
    epoch_ = epoch;
    epoch_start_ = last_draw_ = Clock::now();
  }

  /// `done` steps of the epoch are done, at this mean loss so far. Redraws the bar at most ten times a
  /// second, so that drawing never slows training down.
  void step(std::size_t done, float running_loss) {
    if (mode_ != Progress::bar) return;
    const auto now = Clock::now();
    if (done != steps_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    std::fprintf(out_, "\r%s %s - loss: %.4f", epoch_label().c_str(), bar(done).c_str(), running_loss);
    std::fflush(out_);
  }

  /// The epoch ended with these figures.
  void end_epoch(const EpochRecord& record, bool has_validation) {
    if (mode_ == Progress::silent) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - epoch_start_).count();
    std::string line = epoch_label();
    if (mode_ == Progress::bar) line = "\r" + line + " " + bar(steps_);
    char figures[200];
    std::snprintf(figures, sizeof figures, " - %.3fs - loss: %.4f - mae: %.4f", seconds, record.loss, record.mae);
    line += figures;
    if (has_validation) {
      std::snprintf(figures, sizeof figures, " - val_loss: %.4f - val_mae: %.4f", record.val_loss, record.val_mae);
      line += figures;
    }
    std::fprintf(out_, "%s\n", line.c_str());
    std::fflush(out_);
  }

  /// A line of its own (unless silent).
  void note(const std::string& message) {
    if (mode_ != Progress::silent) std::fprintf(out_, "%s\n", message.c_str());
  }

 private:
  typedef std::chrono::steady_clock Clock;

  std::string epoch_label() const { return "Epoch " + std::to_string(epoch_ + 1) + "/" + std::to_string(epochs_); }
  std::string bar(std::size_t done) const {
    const std::size_t width = 30;
    const std::size_t filled = steps_ ? done * width / steps_ : width;
    std::string text = std::to_string(done) + "/" + std::to_string(steps_) + " [";
    text += std::string(filled, '=');
    if (filled < width) text += '>' + std::string(width - filled - 1, '.');
    return text + "]";
  }

  std::FILE* out_;
  Progress mode_;
  std::size_t epochs_;
  std::size_t steps_;
  std::size_t epoch_ = 0;
  Clock::time_point epoch_start_, last_draw_;
};

}  // namespace tinymlp

#endif

/// \file
/// Keras-like progress of fit(): on a terminal a bar redrawn during each epoch with the time left
/// (ETA), otherwise one plain line per epoch (logs stay readable), or nothing at all. Each epoch ends
/// with its time, the time per step, the loss and the metrics.
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

  /// `done` steps of the epoch are done, at this mean loss so far. Redraws the bar, with the time
  /// left at the mean time per step so far (as Keras's ETA), at most ten times a second, so that
  /// drawing never slows training down.
  void step(std::size_t done, float running_loss) {
    if (mode_ != Progress::bar) return;
    const auto now = Clock::now();
    if (done != steps_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double per_step = std::chrono::duration<double>(now - epoch_start_).count() / static_cast<double>(done);
    const std::string eta = done < steps_ ? " - ETA: " + eta_text(per_step * static_cast<double>(steps_ - done)) : "";
    std::fprintf(out_, "\r%s %s%s - loss: %.4f", epoch_label().c_str(), bar(done).c_str(), eta.c_str(), running_loss);
    std::fflush(out_);
  }

  /// The epoch ended with these figures; `history` names its metrics.
  void end_epoch(const EpochRecord& record, const History& history) {
    if (mode_ == Progress::silent) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - epoch_start_).count();
    std::string line = epoch_label();
    if (mode_ == Progress::bar) line = "\r" + line + " " + bar(steps_);
    char figures[64];
    std::snprintf(figures, sizeof figures, " - %.3fs - ", seconds);
    line += figures + step_time_text(seconds / static_cast<double>(steps_ ? steps_ : 1));
    for (const std::string& name : history.names()) {
      std::snprintf(figures, sizeof figures, ": %.4f", static_cast<double>(history.value(record, name)));
      line += " - " + name + figures;
    }
    std::fprintf(out_, "%s\n", line.c_str());
    std::fflush(out_);
  }

  /// Keras's time per step: whole seconds, milliseconds or microseconds, "12ms/step".
  static std::string step_time_text(double seconds) {
    char text[40];
    if (seconds >= 1 || seconds == 0)
      std::snprintf(text, sizeof text, "%.0fs/step", seconds);
    else if (seconds >= 1e-3)
      std::snprintf(text, sizeof text, "%.0fms/step", seconds * 1e3);
    else
      std::snprintf(text, sizeof text, "%.0fus/step", seconds * 1e6);
    return text;
  }

  /// Keras's ETA: "7s", "1:05" or "1:02:05".
  static std::string eta_text(double seconds) {
    const long whole = static_cast<long>(seconds);
    char text[40];
    if (whole >= 3600)
      std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", whole / 3600, whole % 3600 / 60, whole % 60);
    else if (whole >= 60)
      std::snprintf(text, sizeof text, "%ld:%02ld", whole / 60, whole % 60);
    else
      std::snprintf(text, sizeof text, "%lds", whole);
    return text;
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

// A progress line on stderr for long runs. It exists only when stderr is a terminal and the input
// is a regular file over 1 MB, so pipes, logs and small inputs never see control characters.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace leadscore::cli {

class ProgressBar {
 public:
  /// `position` reports how many input bytes have been consumed so far.
  ProgressBar(std::uintmax_t total_bytes, std::function<std::uintmax_t()> position);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Called once per record; redraws at most ten times a second.
  void tick(std::uint64_t records);
  void clear();

 private:
  std::uintmax_t total_;
  std::function<std::uintmax_t()> position_;
  std::chrono::steady_clock::time_point next_draw_;
  bool drawn_ = false;
};

/// Whether a bar should be shown for input `path` ("-" = stdin never).
bool progress_wanted(const std::string& path, std::uintmax_t& size_out);

}  // namespace leadscore::cli

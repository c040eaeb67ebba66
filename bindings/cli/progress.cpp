// See progress.h.
#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace leadscore::cli {

namespace {
constexpr std::uintmax_t kMinBytes = 1u << 20;
constexpr auto kInterval = std::chrono::milliseconds(100);
constexpr int kWidth = 30;
}  // namespace

bool progress_wanted(const std::string& path, std::uintmax_t& size_out) {
  if (path == "-" || !isatty(STDERR_FILENO)) return false;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  size_out = std::filesystem::file_size(path, ec);
  return !ec && size_out > kMinBytes;
}

ProgressBar::ProgressBar(std::uintmax_t total_bytes, std::function<std::uintmax_t()> position)
    : total_(total_bytes),
      position_(std::move(position)),
      next_draw_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::tick(std::uint64_t records) {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_draw_ || total_ == 0) return;
  next_draw_ = now + kInterval;
  std::uintmax_t pos = position_();
  if (pos > total_) pos = total_;
  const int percent = static_cast<int>(pos * 100 / total_);
  const int filled = static_cast<int>(pos * kWidth / total_);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\rleadscore [%s] %3d%%  %llu records", bar.c_str(), percent,
               static_cast<unsigned long long>(records));
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);  // back to column 0, erase the line
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace leadscore::cli

// Every saved fuzz reproducer (tests/fuzz/regressions/<target>/) through the entry function of
// its target (tests/fuzz/fuzz_targets.h), the code the fuzzer ran. Each input runs in a child
// process, so that a crash, a hang or a runaway allocation fails that input only: it must return
// within the time limit, without a signal, and without growing past the memory limit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz_targets.h"
#include "test_support.h"

namespace {

using Entry = void (*)(std::string_view);

struct Target {
  const char* name;
  Entry entry;
};

const std::vector<Target>& targets() {
  namespace f = leadscore::fuzz;
  static const std::vector<Target> list{
      {"model_parse", f::model_parse}, {"model_score", f::model_score}, {"score_lead", f::score_lead},
      {"score_events", f::score_events}, {"check_field", f::check_field}, {"check_lead", f::check_lead},
      {"csv", f::csv}, {"history", f::history}, {"jsonlogic", f::jsonlogic}};
  return list;
}

// "Promptly": the fuzzer's own time-out is 10 s under its sanitizers (scripts/fuzz.sh); a bounded
// input takes well under a second natively.
#ifdef LEADSCORE_SANITIZED
constexpr auto kTimeLimit = std::chrono::seconds(10);
#else
constexpr auto kTimeLimit = std::chrono::seconds(3);
#endif
constexpr long kMemoryLimitKb = 2048L * 1024;  // libFuzzer's default -rss_limit_mb

std::filesystem::path regressions_dir() { return test_support::source_dir() + "/tests/fuzz/regressions"; }

// The child's resident set size in kB, from /proc (0 when it cannot be read).
long resident_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// Runs entry(input) in a child process; "" when it returned in time, else what went wrong.
std::string run_isolated(Entry entry, const std::string& input) {
  const pid_t pid = fork();
  if (pid < 0) return "fork() failed";
  if (pid == 0) {
    entry(input);
    _exit(0);
  }
  const auto start = std::chrono::steady_clock::now();
  long peak_kb = 0;
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
      if (WIFSIGNALED(status)) return "crashed: signal " + std::to_string(WTERMSIG(status));
      return "crashed: exit status " + std::to_string(WEXITSTATUS(status));
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    peak_kb = std::max(peak_kb, resident_kb(pid));
    const char* problem = nullptr;
    if (elapsed > kTimeLimit) problem = "time-out";
    if (peak_kb > kMemoryLimitKb) problem = "out of memory";
    if (problem != nullptr) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
      return std::string(problem) + " (killed after " + std::to_string(ms) + " ms, " +
             std::to_string(peak_kb / 1024) + " MB resident)";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void run_regressions(const char* name) {
  Entry entry = nullptr;
  for (const auto& target : targets())
    if (std::string_view(target.name) == name) entry = target.entry;
  REQUIRE(entry != nullptr);
  const auto dir = regressions_dir() / name;
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(dir))
    for (const auto& item : std::filesystem::directory_iterator(dir))
      if (item.is_regular_file()) files.push_back(item.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    INFO("fuzz target " << name << ", reproducer " << file.filename().string());
    CHECK(run_isolated(entry, test_support::read_file(file.string())) == "");
  }
}

}  // namespace

TEST_CASE("fuzz regressions: every directory names a fuzz target", "[fuzz]") {
  std::set<std::string> names;
  for (const auto& target : targets()) names.insert(target.name);
  for (const auto& item : std::filesystem::directory_iterator(regressions_dir())) {
    if (!item.is_directory()) continue;
    INFO("tests/fuzz/regressions/" << item.path().filename().string());
    CHECK(names.count(item.path().filename().string()) == 1);
  }
}

TEST_CASE("fuzz regressions: model_parse", "[fuzz]") { run_regressions("model_parse"); }
TEST_CASE("fuzz regressions: model_score", "[fuzz]") { run_regressions("model_score"); }
TEST_CASE("fuzz regressions: score_lead", "[fuzz]") { run_regressions("score_lead"); }
TEST_CASE("fuzz regressions: score_events", "[fuzz]") { run_regressions("score_events"); }
TEST_CASE("fuzz regressions: check_field", "[fuzz]") { run_regressions("check_field"); }
TEST_CASE("fuzz regressions: check_lead", "[fuzz]") { run_regressions("check_lead"); }
TEST_CASE("fuzz regressions: csv", "[fuzz]") { run_regressions("csv"); }
TEST_CASE("fuzz regressions: history", "[fuzz]") { run_regressions("history"); }
TEST_CASE("fuzz regressions: jsonlogic", "[fuzz]") { run_regressions("jsonlogic"); }

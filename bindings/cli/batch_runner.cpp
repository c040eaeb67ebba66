// See batch_runner.h. Items are claimed one at a time from an atomic counter rather than split
// into fixed shares: records differ a lot in cost (a lead with many events, a broken record), and
// the calling thread joins late, after reading the next batch.
#include "batch_runner.h"

#include <atomic>
#include <system_error>

namespace leadscore::cli {

struct WorkerPool::Job {
  std::size_t count = 0;
  std::function<void(std::size_t)> work;
  std::atomic<std::size_t> next{0};  // the next item to claim
  std::atomic<std::size_t> done{0};  // items processed (or failed)
  std::exception_ptr error;          // the first exception of work(), under mutex_
};

WorkerPool::WorkerPool(unsigned jobs) {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  jobs = 1;  // WebAssembly without threads (npx leadscore): the calling thread does all the work
#endif
  for (unsigned i = 1; i < jobs; ++i) {
    try {
      threads_.emplace_back([this] { worker_loop(); });
    } catch (const std::system_error&) {
      break;  // the system has no more threads to give: run with the ones started (at least this one)
    }
  }
}

WorkerPool::~WorkerPool() {
  drain();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::start(std::size_t count, std::function<void(std::size_t)> work) {
  auto job = std::make_shared<Job>();
  job->count = count;
  job->work = std::move(work);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job_ = std::move(job);
  }
  work_ready_.notify_all();
}

void WorkerPool::finish() {
  std::shared_ptr<Job> job;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    job = std::move(job_);  // no current job from here on: a late worker keeps its own copy
  }
  if (!job) return;
  run_items(*job);
  wait_done(*job);
  std::lock_guard<std::mutex> lock(mutex_);
  if (job->error) std::rethrow_exception(job->error);
}

void WorkerPool::drain() noexcept {
  try {
    finish();
  } catch (...) {
    // Unwinding already: the exception being propagated is the one to report.
  }
}

void WorkerPool::worker_loop() {
  std::shared_ptr<Job> seen;
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || (job_ && job_ != seen); });
      if (stopping_) return;
      job = job_;
    }
    seen = job;  // kept alive, so a later job never has the same address
    run_items(*job);
  }
}

void WorkerPool::run_items(Job& job) {
  for (;;) {
    const std::size_t i = job.next.fetch_add(1);
    if (i >= job.count) return;
    try {
      job.work(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!job.error) job.error = std::current_exception();
    }
    if (job.done.fetch_add(1) + 1 == job.count) {
      // Under the mutex, so that the wait in wait_done() cannot miss it.
      std::lock_guard<std::mutex> lock(mutex_);
      job_done_.notify_all();
    }
  }
}

void WorkerPool::wait_done(const Job& job) {
  std::unique_lock<std::mutex> lock(mutex_);
  job_done_.wait(lock, [&] { return job.done.load() == job.count; });
}

}  // namespace leadscore::cli

// `--jobs N` for the record-in/record-out commands (score, check): records are read on the main
// thread, in batches, processed on N threads, and written back on the main thread in input order.
//
// Reading stays on one thread because the record source and the --events merge join are
// sequential; processing (the core's score() or check_lead() and formatting the output line) is
// where the time goes and is independent per record. Two batches are alive at a time: while the
// workers process one, the main thread writes the batch before it and reads the batch after it,
// so memory is bounded by the batch size, never by the input.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace leadscore::cli {

/// Records per batch: large enough that handing a batch over costs nothing next to processing it
/// (a record takes around 0.1 ms), small enough that two batches of output stay a few MB.
constexpr std::size_t kBatchRecords = 512;

/// Runs `work(i)` for i in [0, count) on `jobs` threads: jobs - 1 workers started once, plus the
/// calling thread, which takes part in finish(). With jobs == 1 no thread is started and finish()
/// does all the work on the calling thread.
class WorkerPool {
 public:
  explicit WorkerPool(unsigned jobs);
  ~WorkerPool();  // waits for the current job, then stops the workers
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Hands `count` items to the workers and returns at once. The previous job must be finished.
  void start(std::size_t count, std::function<void(std::size_t)> work);
  /// Processes items of the current job until none is left, waits for the workers' items, then
  /// rethrows the first exception `work` threw, if any. No-op without a current job.
  void finish();
  /// finish() without the rethrow, for unwinding: the items still refer to the caller's batch.
  void drain() noexcept;

 private:
  struct Job;
  void worker_loop();
  void run_items(Job& job);
  void wait_done(const Job& job);

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable job_done_;
  std::shared_ptr<Job> job_;  // shared: a worker late to wake may still hold the previous one
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

/// Reads, processes and writes items in batches of kBatchRecords:
///   read(item)  on the calling thread, in input order: fills `item`, false at the end of the
///               input (it is not called again after that);
///   work(item)  on any thread, items of a batch in parallel;
///   write(item) on the calling thread, in input order, after work(item).
/// An Item is reused for later records: read() assigns all of it. An exception from read() is
/// rethrown after the records read before it are written; one from write() propagates once the
/// batch in flight is done; the first from work() is rethrown when its batch is done.
template <class Item, class Read, class Work, class Write>
void run_batches(WorkerPool& pool, Read&& read, Work&& work, Write&& write) {
  std::vector<Item> current(kBatchRecords), next(kBatchRecords);
  // Declared after the batches so that it runs first on unwinding: workers must be done with a
  // batch before it is destroyed.
  struct Drain {
    WorkerPool& pool;
    ~Drain() { pool.drain(); }
  } drain{pool};

  bool more = true;
  // A failed read (libstdc++ throws on EIO, see io_guard.h) ends the input like its end would: the
  // records read before it are still processed and written, as they were one at a time.
  std::exception_ptr read_error;
  auto fill = [&](std::vector<Item>& batch) {
    std::size_t n = 0;
    while (more && n < batch.size()) {
      try {
        if (read(batch[n])) {
          ++n;
        } else {
          more = false;
        }
      } catch (...) {
        read_error = std::current_exception();
        more = false;
      }
    }
    return n;
  };

  // A job holds a pointer to its batch's elements, not the vector: the vectors trade buffers
  // below (std::vector::swap moves no element), so the pointer stays on the batch being processed.
  auto start = [&pool, &work](std::vector<Item>& batch, std::size_t n) {
    Item* items = batch.data();
    pool.start(n, [items, &work](std::size_t i) { work(items[i]); });
  };
  std::size_t count = fill(current);
  if (count > 0) start(current, count);
  while (count > 0) {
    const std::size_t next_count = fill(next);  // while the workers process `current`
    pool.finish();
    if (next_count > 0) start(next, next_count);
    for (std::size_t i = 0; i < count; ++i) write(current[i]);  // while they process `next`
    current.swap(next);  // `current` is now the batch in process, `next` free to be refilled
    count = next_count;
  }
  if (read_error) std::rethrow_exception(read_error);
}

}  // namespace leadscore::cli

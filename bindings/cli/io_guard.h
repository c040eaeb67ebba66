// libstdc++'s file buffers throw when the operating system fails a read (EIO), and the record
// readers pull bytes from the buffers directly: a command body runs under this guard so that such
// a failure is the I/O exit code with a message, never an abort.
#pragma once
#include <iostream>

#include "exit_codes.h"

namespace leadscore::cli {

template <class Body, class Args>
int run_guarding_reads(Body body, const Args& args) {
  try {
    return body(args);
  } catch (const std::ios_base::failure& e) {
    std::cout.flush();
    std::cerr << "leadscore: reading a file failed: " << e.what() << '\n';
    return kExitIo;
  }
}

}  // namespace leadscore::cli

#pragma once
// The `ldn` command line: builds the subcommands, parses, dispatches, and is the one place where an
// ldn::Error becomes `ldn: error: …` and an exit code.

namespace ldn::cli {

int run(int argc, char* argv[]);

}  // namespace ldn::cli

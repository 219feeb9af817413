#pragma once
// Where the CLI finds its inputs and its store, defaults < environment < flags.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace ldn::cli {

// $LDN_DATA_DIR, else the data/ folder of the source tree this binary was built from.
std::filesystem::path data_folder();

// The flag when given, else $LDN_STORE, else ${XDG_DATA_HOME:-~/.local/share}/ldn.
std::filesystem::path store_folder(const std::string& flag);

// The --store DIR option, worded the same for every command.
void add_store_option(CLI::App& command, std::string& flag);

}  // namespace ldn::cli

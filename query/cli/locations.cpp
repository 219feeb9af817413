#include "query/cli/locations.hpp"

#include <cstdlib>

#include "crawler/store_layout.hpp"

namespace ldn::cli {

std::filesystem::path data_folder() {
    const char* configured = std::getenv("LDN_DATA_DIR");
    if (configured != nullptr && configured[0] != '\0') return configured;
    return LDN_DEFAULT_DATA_DIR;
}

std::filesystem::path store_folder(const std::string& flag) {
    if (!flag.empty()) return flag;
    const char* configured = std::getenv("LDN_STORE");
    if (configured != nullptr && configured[0] != '\0') return configured;
    return default_store_root();
}

void add_store_option(CLI::App& command, std::string& flag) {
    command.add_option("--store", flag, "Store folder (default: $LDN_STORE, else ~/.local/share/ldn)")->type_name("DIR");
}

}  // namespace ldn::cli

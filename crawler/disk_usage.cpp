#include "crawler/disk_usage.hpp"

#include <system_error>

namespace ldn {

std::uintmax_t bytes_under(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::is_regular_file(path, error)) return fs::file_size(path, error);
    std::uintmax_t total = 0;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        std::error_code size_error;
        if (!it->is_regular_file(size_error)) continue;
        const std::uintmax_t size = it->file_size(size_error);
        if (!size_error) total += size;
    }
    return total;
}

}  // namespace ldn

#pragma once
// Where tests find their inputs. The real samples live outside the repository (../shared); a test
// that needs them calls shared_sample() and returns early, with a WARN saying why, when it is absent.

#include <filesystem>
#include <optional>
#include <string>

namespace ldn::test {

inline std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(LDN_FIXTURES_DIR) / name;
}

// The path of a file under ../shared/pubmed-samples, or nullopt when that folder is missing.
inline std::optional<std::filesystem::path> shared_sample(const std::string& relative) {
    auto path = std::filesystem::path(LDN_SHARED_DIR) / "pubmed-samples" / relative;
    if (!std::filesystem::exists(path)) return std::nullopt;
    return path;
}

inline std::filesystem::path ldn_binary() { return std::filesystem::path(LDN_BINARY); }

}  // namespace ldn::test

// Use at the top of a test: binds `var` to the sample's path or skips the test with a message.
#define LDN_REQUIRE_SHARED_SAMPLE(var, relative)                                              \
    const auto var##_found = ::ldn::test::shared_sample(relative);                             \
    if (!var##_found) {                                                                        \
        WARN("skipped: ../shared/pubmed-samples/" << (relative) << " is absent");              \
        return;                                                                                \
    }                                                                                          \
    const std::filesystem::path& var = *var##_found

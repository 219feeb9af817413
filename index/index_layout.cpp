#include "index/index_layout.hpp"

#include <fstream>
#include <string>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"

namespace ldn {

namespace {

constexpr const char* stub_name = "XAPIANDB";

std::string shard_name(std::size_t number) { return "shard-" + std::to_string(number); }

bool holds_database(const std::filesystem::path& folder) {
    std::error_code error;
    for (const char* version_file : {"iamglass", "iamchert", "iamhoney"}) {
        if (std::filesystem::exists(folder / version_file, error)) return true;
    }
    return false;
}

}  // namespace

std::size_t existing_shards(const std::filesystem::path& index) {
    std::error_code error;
    const std::filesystem::path stub = index / stub_name;
    if (!std::filesystem::exists(stub, error)) return holds_database(index) ? 1 : 0;
    std::ifstream in(stub);
    if (!in) throw io_error(stub.string() + ": cannot read");
    std::size_t shards = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with('#')) continue;
        if (line != "auto " + shard_name(shards + 1)) {
            throw input_error(stub.string() + ": line '" + line + "' is not one ldn writes (auto " +
                              shard_name(shards + 1) + "); write into each listed index on its own");
        }
        ++shards;
    }
    if (shards == 0) throw input_error(stub.string() + ": lists no shard");
    return shards;
}

std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& index, std::size_t shards) {
    if (shards == 1) return {index};
    std::vector<std::filesystem::path> paths;
    for (std::size_t number = 1; number <= shards; ++number) paths.push_back(index / shard_name(number));
    return paths;
}

void write_shard_stub(const std::filesystem::path& index, std::size_t shards) {
    std::string text = "# Written by ldn ingest --shards " + std::to_string(shards) +
                       ": records are dealt by PMID; do not edit.\n";
    for (std::size_t number = 1; number <= shards; ++number) text += "auto " + shard_name(number) + "\n";
    write_file_atomically(index / stub_name, text);
}

std::size_t shard_of(std::string_view pmid, std::size_t shards) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : pmid) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(hash % shards);
}

}  // namespace ldn

// How far through its file a source is: what the progress line's time left rests on.
#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

#include "crawler/byte_source.hpp"
#include "tests/support/paths.hpp"

namespace {

std::uint64_t read_to_end(ldn::ByteSource& source) {
    std::vector<char> buffer(1 << 16);
    std::uint64_t bytes = 0;
    while (std::size_t got = source.read(buffer.data(), buffer.size())) bytes += got;
    return bytes;
}

}  // namespace

TEST_CASE("a plain file's position is the bytes handed out", "[byte-source]") {
    const auto file = ldn::test::fixture("full_record.xml");
    auto source = ldn::open_file_source(file);
    CHECK(source->input_position() == 0);
    std::vector<char> buffer(100);
    REQUIRE(source->read(buffer.data(), buffer.size()) == 100);
    CHECK(source->input_position() == 100);
    read_to_end(*source);
    CHECK(source->input_position() == std::filesystem::file_size(file));
}

TEST_CASE("a gzip file's position counts compressed bytes, rising to the file's size", "[byte-source][gzip]") {
    LDN_REQUIRE_SHARED_SAMPLE(sample, "medline16n0902.xml.gz");
    const std::uint64_t size = std::filesystem::file_size(sample);
    auto source = ldn::open_file_source(sample);
    std::vector<char> buffer(1 << 16);
    REQUIRE(source->read(buffer.data(), buffer.size()) == buffer.size());
    const std::uint64_t early = source->input_position();
    CHECK(early > 0);
    CHECK(early < size);
    const std::uint64_t decompressed = buffer.size() + read_to_end(*source);
    CHECK(decompressed > size);  // it was compressed: the position is not the bytes handed out
    CHECK(source->input_position() == size);
}

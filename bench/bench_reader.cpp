// ldn-bench-reader: how fast one reader gets through a PubMed XML file, and its peak memory. Each run
// measures one mode in its own process, so the peak RSS belongs to that reader alone. The result is one
// line of key=value figures on stdout, for scripts (bench/run_reader.sh) to collect.
//
//   ldn          ldn::read_pubmed_file: split, parse and build every Article (plain or gzip input)
//   pugixml-dom  the floor: the file's bytes read into memory and parsed into one pugixml DOM, nothing
//                more (plain input only)


#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>
#include <pugixml.hpp>

#include "bench/peak_rss.hpp"
#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"

namespace {

struct Tally {
    std::size_t records = 0;  // records that are articles, not deletions: comparable across modes
    std::size_t issues = 0;
    std::uint64_t checksum = 0;  // derived from the fields read, so the work cannot be optimised away
    double parse_seconds = 0;    // pugixml-dom only: load_buffer alone, without reading the file
};

Tally read_with_ldn(const std::filesystem::path& path) {
    Tally tally;
    ldn::read_pubmed_file(
        path,
        [&](ldn::Article&& article) {
            if (article.deleted) return;
            ++tally.records;
            tally.checksum += article.pmid.size() + article.title.size() + article.journal.title.size() +
                              article.authors.size() + article.mesh.size() + article.pubdate.size();
            for (const auto& section : article.abstract) tally.checksum += section.text.size();
        },
        [&](const ldn::RecordIssue& issue) {
            if (++tally.issues <= 5) std::cerr << "ldn-bench-reader: " << issue.to_string() << "\n";
        });
    return tally;
}

// Left uninitialised (not a std::string) so that zero-filling the buffer is not counted against pugixml.
std::unique_ptr<char[]> read_whole_file(const std::filesystem::path& path, std::size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) throw std::runtime_error("cannot open " + path.string());
    std::unique_ptr<char[]> bytes(new char[size]);
    std::size_t got = std::fread(bytes.get(), 1, size, file);
    std::fclose(file);
    if (got != size) throw std::runtime_error("cannot read " + path.string());
    return bytes;
}

Tally read_with_pugixml_dom(const std::filesystem::path& path) {
    std::size_t size = std::filesystem::file_size(path);
    auto bytes = read_whole_file(path, size);
    if (size >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b)
        throw std::runtime_error("pugixml-dom reads plain XML only; " + path.string() + " is gzip-compressed");
    Tally tally;
    pugi::xml_document document;
    auto start = std::chrono::steady_clock::now();
    pugi::xml_parse_result result = document.load_buffer(bytes.get(), size);
    tally.parse_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result) {
        throw std::runtime_error(path.string() + ": at byte " + std::to_string(result.offset) + ": " +
                                 result.description());
    }
    for (pugi::xml_node record : document.document_element().children()) {
        std::string_view name = record.name();
        if (name == "PubmedArticle" || name == "PubmedBookArticle" || name == "MedlineCitation") {
            ++tally.records;
            tally.checksum += name.size();
        }
    }
    return tally;
}

}  // namespace

int main(int argc, char** argv) {
    std::string mode;
    std::filesystem::path path;
    CLI::App app{"Measures one PubMed XML reader on one file; prints one line of key=value figures."};
    app.add_option("--mode", mode, "ldn or pugixml-dom")->required()->check(CLI::IsMember({"ldn", "pugixml-dom"}));
    app.add_option("file", path, "PubMed XML file")->required()->check(CLI::ExistingFile);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int status = app.exit(error);
        return status == 0 ? 0 : 2;  // usage errors exit 2, as everywhere in the project
    }

    try {
        auto start = std::chrono::steady_clock::now();
        Tally tally = mode == "ldn" ? read_with_ldn(path) : read_with_pugixml_dom(path);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        auto bytes = std::filesystem::file_size(path);
        std::printf("mode=%s bytes=%ju records=%zu seconds=%.3f mb_per_s=%.1f records_per_s=%.0f peak_rss_kb=%ld "
                    "issues=%zu checksum=%ju",
                    mode.c_str(), static_cast<std::uintmax_t>(bytes), tally.records, seconds, bytes / seconds / 1e6,
                    tally.records / seconds, ldn::bench::peak_rss_kb(), tally.issues, static_cast<std::uintmax_t>(tally.checksum));
        if (mode == "pugixml-dom") std::printf(" parse_seconds=%.3f", tally.parse_seconds);
        std::printf("\n");
        return tally.issues == 0 ? 0 : 65;
    } catch (const ldn::Error& error) {
        std::cerr << "ldn-bench-reader: error: " << error.what() << "\n";
        return static_cast<int>(error.code());
    } catch (const std::exception& error) {
        std::cerr << "ldn-bench-reader: error: " << error.what() << "\n";
        return 1;
    }
}

// Writes the seed corpora of the fuzz targets into the build tree (never into the repository):
//
//   fuzz_seeds records OUT MAX FILE...  each FILE as it is when at most MAX bytes, and each of its
//                                       records alone in its root element (<PubmedArticleSet> …), split
//                                       by the project's own RecordSplitter (plain or gzip input)
//   fuzz_seeds copy OUT MAX FILE...     each FILE as it is, when at most MAX bytes
//   fuzz_seeds queries OUT MAX FILE...  each distinct `code span` of the Markdown FILEs
//
// Missing inputs are skipped with a note (../shared/pubmed-samples may be absent). Seeds are named
// after their source, so a rerun overwrites rather than adds.

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "crawler/byte_source.hpp"
#include "crawler/errors.hpp"
#include "crawler/record_splitter.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_seed(const fs::path& out, const std::string& name, const std::string& bytes) {
    std::ofstream(out / name, std::ios::binary) << bytes;
}

std::size_t copy_whole(const fs::path& out, std::size_t max, const fs::path& file) {
    if (fs::file_size(file) > max) return 0;
    write_seed(out, "file-" + file.filename().string(), read_file(file));
    return 1;
}

std::size_t split_records(const fs::path& out, std::size_t max, const fs::path& file) {
    std::size_t written = 0;
    try {
        auto source = ldn::open_file_source(file);
        ldn::RecordSplitter splitter(*source);
        const std::string open = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + splitter.root() + ">\n";
        const std::string close = "\n</" + splitter.root() + ">\n";
        while (auto record = splitter.next()) {
            while (splitter.take_problem()) {
            }
            if (record->xml.size() + open.size() + close.size() > max) continue;
            write_seed(out, "record-" + file.filename().string() + "-" + std::to_string(record->index) + ".xml",
                       open + std::string(record->xml) + close);
            ++written;
        }
    } catch (const ldn::Error&) {
        // A fixture that is not PubMed XML on purpose: its whole bytes are the seed.
    }
    return written;
}

// Every `code span` of a Markdown text (the text between single backticks on one line).
std::size_t code_spans(const fs::path& out, std::size_t max, const fs::path& file, std::set<std::string>& seen) {
    std::ifstream in(file);
    std::size_t written = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("```")) continue;
        for (std::size_t open = line.find('`'); open != std::string::npos;) {
            const std::size_t close = line.find('`', open + 1);
            if (close == std::string::npos) break;
            std::string span = line.substr(open + 1, close - open - 1);
            open = line.find('`', close + 1);
            if (span.empty() || span.size() > max || !seen.insert(span).second) continue;
            write_seed(out, "query-" + std::to_string(seen.size()), span);
            ++written;
        }
    }
    return written;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: fuzz_seeds records|copy|queries OUT MAX FILE...\n";
        return 2;
    }
    const std::string mode = argv[1];
    const fs::path out = argv[2];
    const std::size_t max = std::strtoull(argv[3], nullptr, 10);
    fs::create_directories(out);
    std::set<std::string> seen;
    std::size_t written = 0;
    for (int i = 4; i < argc; ++i) {
        const fs::path file = argv[i];
        if (!fs::is_regular_file(file)) {
            std::cerr << "fuzz_seeds: " << file.string() << " is absent, skipped\n";
            continue;
        }
        if (mode == "records") {
            written += copy_whole(out, max, file) + split_records(out, max, file);
        } else if (mode == "copy") {
            written += copy_whole(out, max, file);
        } else if (mode == "queries") {
            written += code_spans(out, max, file, seen);
        } else {
            std::cerr << "fuzz_seeds: unknown mode " << mode << "\n";
            return 2;
        }
    }
    std::cout << "fuzz_seeds: " << written << " seeds in " << out.string() << "\n";
    return 0;
}

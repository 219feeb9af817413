// ldn-index-digest: what tests/crash/kill_loop.sh needs to look inside a store after a SIGKILL.
//
//   ldn-index-digest digest INDEX   one line per document, "PMID HASH", in PMID order: the hash covers
//                                   the document data, every term (wdf, positions) and every value
//                                   (tests/support/index_snapshot), so two indexes are equal exactly
//                                   when their digests are. Exit 1 when two documents carry one PMID.
//   ldn-index-digest check STORE    everything that must hold after a kill: the index opens, no PMID
//                                   is in two documents, every raw manifest parses, every batch it
//                                   lists is there, readable, holds the PMIDs it says and no PMID is
//                                   stored twice in one run; state.json, watches.json, run reports
//                                   and alert files parse. One "problem: …" line each; exit 1 if any.
//   ldn-index-digest status STORE   one line of key=value pairs describing how far the store got
//                                   (index revision, batch marks, newest run and whether it finished,
//                                   the newest run's report), from which the script tells in which
//                                   phase a kill landed.
//
// Exit 2 for a usage error or when the index cannot be opened.

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/crawl_manifest.hpp"
#include "crawler/crawl_state.hpp"
#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"
#include "crawler/store_layout.hpp"
#include "index/schema.hpp"
#include "query/watch/watch_list.hpp"
#include "tests/support/index_snapshot.hpp"

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits: stable across builds and machines, unlike std::hash.
std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::string hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

bool has_database(const fs::path& index) {
    std::error_code error;
    return fs::exists(index / "iamglass", error) || fs::exists(index / "iamchert", error);
}

int digest(const fs::path& index) {
    std::map<std::string, std::string> snapshot;
    try {
        snapshot = ldn::test::index_snapshot(index);
    } catch (const Xapian::Error& error) {
        std::cerr << "ldn-index-digest: " << index.string() << ": cannot open: " << error.get_description() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "ldn-index-digest: " << index.string() << ": " << error.what() << "\n";
        return 1;
    }
    for (const auto& [pmid, text] : snapshot) std::cout << pmid << " " << hex(fnv1a(text)) << "\n";
    return 0;
}

std::optional<nlohmann::json> parse_json_file(const fs::path& file, std::vector<std::string>& problems) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        problems.push_back(file.string() + ": cannot open");
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded()) {
        problems.push_back(file.string() + ": not JSON");
        return std::nullopt;
    }
    return document;
}

std::vector<fs::path> json_files(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code error;
    if (!fs::is_directory(folder, error)) return files;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    return files;
}

void check_index(const fs::path& index, std::vector<std::string>& problems) {
    std::error_code error;
    if (!fs::exists(index, error)) return;  // no index yet: the first run was killed before creating it
    if (!has_database(index)) {
        // Killed while Xapian created it: the next writer clears it (index_writer.cpp). Nothing to read.
        return;
    }
    try {
        auto snapshot = ldn::test::index_snapshot(index);
        if (snapshot.count("") > 0) problems.push_back(index.string() + ": a document without a PMID term");
    } catch (const Xapian::Error& failure) {
        problems.push_back(index.string() + ": cannot open: " + failure.get_description());
    } catch (const std::exception& failure) {
        problems.push_back(index.string() + ": " + failure.what());
    }
}

void check_raw(const ldn::StoreLayout& store, std::vector<std::string>& problems) {
    for (const std::string& run : ldn::stored_run_ids(store.raw())) {
        ldn::CrawlManifest manifest;
        try {
            manifest = ldn::CrawlManifest::load(store.manifest(run));
        } catch (const ldn::Error& failure) {
            problems.push_back(failure.what());
            continue;
        }
        std::set<std::string> stored;
        for (const ldn::StoredBatch& batch : manifest.batches) {
            const fs::path file = store.run_raw(run) / batch.file;
            std::vector<std::string> found;
            try {
                ldn::read_pubmed_file(
                    file, [&](ldn::Article&& article) { found.push_back(article.pmid); },
                    [](const ldn::RecordIssue&) {});
            } catch (const ldn::Error& failure) {
                problems.push_back(file.string() + ": listed in the manifest but unreadable: " + failure.what());
                continue;
            }
            std::set<std::string> in_file(found.begin(), found.end());
            for (const std::string& pmid : batch.pmids) {
                if (!in_file.count(pmid)) problems.push_back(file.string() + ": PMID " + pmid + " listed but absent");
                if (!stored.insert(pmid).second) {
                    problems.push_back("run " + run + ": PMID " + pmid + " stored in two batches");
                }
            }
        }
        if (manifest.complete && !manifest.planned) problems.push_back("run " + run + ": complete but never planned");
    }
}

void check_files(const ldn::StoreLayout& store, std::vector<std::string>& problems) {
    try {
        ldn::CrawlState::load(store.state());
    } catch (const ldn::Error& failure) {
        problems.push_back(failure.what());
    }
    try {
        ldn::WatchList::load(store.watches());
    } catch (const ldn::Error& failure) {
        problems.push_back(failure.what());
    }
    for (const fs::path& report : json_files(store.runs())) {
        auto document = parse_json_file(report, problems);
        if (document && (!document->is_object() || !document->contains("run_id"))) {
            problems.push_back(report.string() + ": not a run report");
        }
    }
    for (const fs::path& alert : json_files(store.alerts())) parse_json_file(alert, problems);
}

int check(const fs::path& root) {
    ldn::StoreLayout store(root);
    std::vector<std::string> problems;
    check_index(store.index(), problems);
    check_raw(store, problems);
    check_files(store, problems);
    for (const std::string& problem : problems) std::cout << "problem: " << problem << "\n";
    return problems.empty() ? 0 : 1;
}

// Leftover temporaries of atomic writes (NAME.tmp.PID): a kill can leave them, nothing reads them.
std::size_t temporaries(const fs::path& root) {
    std::size_t count = 0;
    std::error_code error;
    for (fs::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
        if (it->path().filename().string().find(".tmp.") != std::string::npos) ++count;
    }
    return count;
}

int status(const fs::path& root) {
    ldn::StoreLayout store(root);
    std::map<std::string, std::string> fields;
    fields["index_rev"] = "none";
    fields["docs"] = "0";
    fields["marks"] = "0";
    fields["last_refresh_run"] = "none";
    std::set<std::string> marked;
    if (has_database(store.index())) {
        try {
            Xapian::Database database(store.index().string());
            fields["index_rev"] = std::to_string(database.get_revision());
            fields["docs"] = std::to_string(database.get_doccount());
            const std::string prefix = ldn::schema::metadata::indexed_batch;
            for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix); ++key) {
                marked.insert((*key).substr(prefix.size()));
            }
            fields["marks"] = std::to_string(marked.size());
            std::string last = database.get_metadata(ldn::schema::metadata::last_refresh_run);
            if (!last.empty()) fields["last_refresh_run"] = last;
        } catch (const Xapian::Error& error) {
            std::cerr << "ldn-index-digest: " << store.index().string() << ": cannot open: " << error.get_description()
                      << "\n";
            return 2;
        }
    }
    // The raw store: runs, the newest one's progress, and the steps the index has not marked yet.
    std::size_t batches = 0;
    std::size_t pending = 0;
    std::vector<std::string> runs = ldn::stored_run_ids(store.raw());
    fields["runs"] = std::to_string(runs.size());
    fields["newest_run"] = runs.empty() ? "none" : runs.back();
    fields["newest_planned"] = "0";
    fields["newest_complete"] = "0";
    fields["newest_batches"] = "0";
    for (const std::string& run : runs) {
        ldn::CrawlManifest manifest;
        try {
            manifest = ldn::CrawlManifest::load(store.manifest(run));
        } catch (const ldn::Error& failure) {
            std::cerr << "ldn-index-digest: " << failure.what() << "\n";
            return 2;
        }
        batches += manifest.batches.size();
        for (const ldn::StoredBatch& batch : manifest.batches) pending += marked.count(run + "/" + batch.file) ? 0 : 1;
        if (manifest.complete && !manifest.withdrawn.empty()) pending += marked.count(run + "/withdrawn") ? 0 : 1;
        if (run == runs.back()) {
            fields["newest_planned"] = manifest.planned ? "1" : "0";
            fields["newest_complete"] = manifest.complete ? "1" : "0";
            fields["newest_batches"] = std::to_string(manifest.batches.size());
        }
    }
    fields["batches"] = std::to_string(batches);
    fields["pending"] = std::to_string(pending);
    // The newest run's report: "crawl" once its crawl finished, "refresh" once the refresh did.
    fields["newest_report"] = "none";
    if (!runs.empty() && fs::exists(store.run_report(runs.back()))) {
        std::vector<std::string> ignored;
        auto report = parse_json_file(store.run_report(runs.back()), ignored);
        fields["newest_report"] = report && report->contains("command") ? (*report)["command"].get<std::string>() : "?";
    }
    fields["reports"] = std::to_string(json_files(store.runs()).size());
    fields["alerts"] = std::to_string(json_files(store.alerts()).size());
    fields["state_run"] = "none";
    try {
        if (auto state = ldn::CrawlState::load(store.state())) fields["state_run"] = state->run_id;
    } catch (const ldn::Error&) {
        fields["state_run"] = "damaged";
    }
    fields["tmp"] = std::to_string(temporaries(root));
    std::string line;
    for (const auto& [key, value] : fields) line += (line.empty() ? "" : " ") + key + "=" + value;
    std::cout << line << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: ldn-index-digest digest INDEX | check STORE | status STORE\n";
        return 2;
    }
    const std::string command = argv[1];
    try {
        if (command == "digest") return digest(argv[2]);
        if (command == "check") return check(argv[2]);
        if (command == "status") return status(argv[2]);
    } catch (const Xapian::Error& error) {
        std::cerr << "ldn-index-digest: " << error.get_description() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "ldn-index-digest: " << error.what() << "\n";
        return 2;
    }
    std::cerr << "ldn-index-digest: unknown command '" << command << "'\n";
    return 2;
}

// `ldn ingest --shards N` end to end (issue 10): the real binary writes N shards and their stub; the
// store answers as one index; baseline and update files apply in order with deletions; a run killed
// at any moment is completed by the next; the ingest log; folders and PubMed's file order.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "index/index_layout.hpp"
#include "tests/integration/shard_comparison.hpp"
#include "tests/support/pubmed_expectations.hpp"

using namespace ldn::test;

namespace {

// Each PMID with the number of documents holding it, over every shard of the index.
std::map<std::string, int> documents_per_pmid(const std::filesystem::path& index) {
    std::map<std::string, int> documents;
    const std::size_t shards = ldn::existing_shards(index);
    for (const auto& shard : ldn::shard_paths(index, shards)) {
        Xapian::Database database(shard.string());
        for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
            documents[(*term).substr(1)] += static_cast<int>(term.get_termfreq());
        }
    }
    return documents;
}

// Every record in exactly one shard: the one its PMID hashes to.
void check_each_record_once(const std::filesystem::path& index, const std::set<std::string>& expected) {
    const std::size_t shards = ldn::existing_shards(index);
    std::set<std::string> seen;
    for (std::size_t shard = 0; shard < shards; ++shard) {
        Xapian::Database database(ldn::shard_paths(index, shards)[shard].string());
        for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
            const std::string pmid = (*term).substr(1);
            CAPTURE(pmid);
            CHECK(term.get_termfreq() == 1);
            CHECK(ldn::shard_of(pmid, shards) == shard);
            CHECK(seen.insert(pmid).second);
        }
    }
    CHECK(seen == expected);
}

ProcessResult ingest(const std::vector<std::string>& args) {
    std::vector<std::string> all{"ingest"};
    all.insert(all.end(), args.begin(), args.end());
    return run_process(ldn_binary(), all);
}

std::vector<nlohmann::json> log_lines(const std::filesystem::path& store) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(store / "ingest-log.jsonl");
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

}  // namespace

TEST_CASE("ingest --shards 2 writes two shards and a stub, and the store answers as one index does",
          "[shards][ingest]") {
    TempDir dir;
    const auto store = dir.path() / "store";
    const ProcessResult result =
        ingest({"--shards", "2", "--store", store.string(), fixture("search/corpus.xml").string()});
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("30 added") && Catch::Contains("30 records in the index"));
    CHECK(ldn::existing_shards(store / "index") == 2);
    check_each_record_once(store / "index", expected_pmids({fixture("search/corpus.xml")}));
    // Local shards agree on everything, the wildcard's order included.
    same_answers_as_one_index({"--store", store.string()}, searches_compared_over_shards);

    const ProcessResult status = run_process(ldn_binary(), {"status", "--store", store.string()});
    CHECK_THAT(status.out, Catch::Contains("30 records, 1 retracted") && Catch::Contains(", 2 shards"));
    const ProcessResult status_json = run_process(ldn_binary(), {"status", "--format", "json", "--store", store.string()});
    CHECK(nlohmann::json::parse(status_json.out).at("index").at("shards") == 2);

    INFO("show and the summary read every shard");
    const ProcessResult shown = run_process(ldn_binary(), {"show", "90000014", "90000001", "--store", store.string()});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out == ldn_on_corpus({"show", "90000014", "90000001"}).out);
    const ProcessResult summary = run_process(ldn_binary(), {"summarize", "--format", "json", "--store", store.string()});
    CHECK(summary.exit_code == 0);
    CHECK(summary.out == ldn_on_corpus({"summarize", "--format", "json"}).out);
}

TEST_CASE("over three shards a baseline then its update applies versions and deletions, each record once",
          "[shards][ingest]") {
    LDN_REQUIRE_SHARED_SAMPLE(baseline, "updates/baseline-pubmed22n1114.xml.gz");
    LDN_REQUIRE_SHARED_SAMPLE(update, "updates/update-pubmed22n1115.xml.gz");
    TempDir dir;
    const auto store = dir.path() / "store";
    REQUIRE(ingest({"--quiet", "--shards", "3", "--store", store.string(), baseline.string()}).exit_code == 0);
    // The update into the same store: no --shards needed, the index keeps its three.
    const ProcessResult updated = ingest({"--store", store.string(), update.string()});
    INFO(describe(updated));
    CHECK(updated.exit_code == 0);
    check_each_record_once(store / "index", expected_pmids({baseline, update}));

    const auto one = dir.path() / "one";
    REQUIRE(ingest({"--quiet", "--store", one.string(), baseline.string(), update.string()}).exit_code == 0);
    CHECK(documents_per_pmid(store / "index") == documents_per_pmid(one / "index"));
}

TEST_CASE("a sharded ingest killed at any moment leaves an index that opens, and the next run completes it",
          "[shards][ingest][crash]") {
    LDN_REQUIRE_SHARED_SAMPLE(sample, "medline16n0902.xml.gz");
    LDN_REQUIRE_SHARED_SAMPLE(update, "updates/update-pubmed20n1016.xml.gz");
    TempDir dir;
    const auto store = dir.path() / "store";
    const std::vector<std::string> args{"ingest",         "--quiet",       "--shards", "2", "--store",
                                        store.string(), sample.string(), update.string()};
    for (int delay_ms : {20, 60, 150, 300, 600}) {
        pid_t pid = spawn_process(ldn_binary(), args);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        if (ldn::existing_shards(store / "index") == 2) {
            CHECK_NOTHROW(Xapian::Database((store / "index").string()).get_doccount());
        }
    }
    const ProcessResult finished = run_process(ldn_binary(), args);
    INFO(describe(finished));
    CHECK(finished.exit_code == 0);
    check_each_record_once(store / "index", expected_pmids({sample, update}));
}

TEST_CASE("the shard count is fixed when the index is made and a wrong one is refused with exit 2", "[shards][ingest]") {
    TempDir dir;
    const auto store = dir.path() / "store";
    const std::string corpus = fixture("search/corpus.xml").string();
    REQUIRE(ingest({"--quiet", "--shards", "2", "--store", store.string(), corpus}).exit_code == 0);
    const ProcessResult three = ingest({"--shards", "3", "--force", "--store", store.string(), corpus});
    CHECK(three.exit_code == 2);
    CHECK_THAT(three.err, Catch::StartsWith("ldn: error: index ") && Catch::Contains("has 2 shards"));
    CHECK(ldn::existing_shards(store / "index") == 2);
    CHECK(documents_per_pmid(store / "index").size() == 30);

    for (const char* count : {"0", "65", "two"}) {
        CAPTURE(count);
        CHECK(ingest({"--shards", count, "--store", (dir.path() / "other").string(), corpus}).exit_code == 2);
    }
    CHECK_FALSE(std::filesystem::exists(dir.path() / "other" / "index"));
}

TEST_CASE("ldn index --rebuild --shards N rebuilds a crawled store's index as N shards", "[shards][index]") {
    TempDir dir;
    const auto store = dir.path() / "store";
    REQUIRE(ingest({"--quiet", "--store", store.string(), fixture("search/corpus.xml").string()}).exit_code == 0);
    // Ingested files are not raw batches: a rebuild starts empty, which is what it says it does.
    const ProcessResult rebuilt = run_process(ldn_binary(), {"index", "--rebuild", "--shards", "2", "--store", store.string()});
    INFO(describe(rebuilt));
    CHECK(rebuilt.exit_code == 0);
    CHECK(ldn::existing_shards(store / "index") == 2);
    const ProcessResult kept = run_process(ldn_binary(), {"index", "--rebuild", "--store", store.string()});
    CHECK(kept.exit_code == 0);
    CHECK(ldn::existing_shards(store / "index") == 2);  // a rebuild keeps the shard count unless told
}

TEST_CASE("each file read is a line of the store's ingest log and a skipped file is not", "[ingest]") {
    LDN_REQUIRE_SHARED_SAMPLE(baseline, "updates/baseline-pubmed22n1114.xml.gz");
    LDN_REQUIRE_SHARED_SAMPLE(update, "updates/update-pubmed22n1115.xml.gz");
    TempDir dir;
    const auto store = dir.path() / "store";
    REQUIRE(ingest({"--quiet", "--store", store.string(), baseline.string(), update.string()}).exit_code == 0);
    REQUIRE(ingest({"--quiet", "--store", store.string(), baseline.string()}).exit_code == 0);  // skipped
    const std::vector<nlohmann::json> lines = log_lines(store);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].at("file") == std::filesystem::absolute(baseline).lexically_normal().string());
    CHECK(lines[1].at("file") == std::filesystem::absolute(update).lexically_normal().string());
    CHECK(lines[0].at("bytes") == std::filesystem::file_size(baseline));
    CHECK(lines[0].at("added").get<std::size_t>() == expected_pmids({baseline}).size());
    CHECK(lines[0].at("records").get<std::size_t>() == records_in(baseline));
    CHECK(lines[1].at("records").get<std::size_t>() == records_in(update));
    CHECK(lines[0].at("run_id") == lines[1].at("run_id"));
    for (const auto& line : lines) CHECK(line.at("failed") == 0);
}

TEST_CASE("a folder is read in name order, and PubMed's numbered files out of order are refused", "[ingest]") {
    LDN_REQUIRE_SHARED_SAMPLE(baseline, "updates/baseline-pubmed22n1114.xml.gz");
    LDN_REQUIRE_SHARED_SAMPLE(update, "updates/update-pubmed22n1115.xml.gz");
    TempDir dir;
    const auto folder = dir.path() / "pubmed";
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(update, folder / "pubmed22n1115.xml.gz");
    std::filesystem::copy_file(baseline, folder / "pubmed22n1114.xml.gz");
    std::ofstream(folder / "README.txt") << "not PubMed\n";

    const auto store = dir.path() / "store";
    const ProcessResult whole = ingest({"--quiet", "--shards", "2", "--store", store.string(), folder.string()});
    INFO(describe(whole));
    CHECK(whole.exit_code == 0);
    check_each_record_once(store / "index", expected_pmids({baseline, update}));

    const ProcessResult backwards = ingest({"--store", (dir.path() / "other").string(),
                                            (folder / "pubmed22n1115.xml.gz").string(),
                                            (folder / "pubmed22n1114.xml.gz").string()});
    CHECK(backwards.exit_code == 2);
    CHECK_THAT(backwards.err, Catch::Contains("pubmed22n1114.xml.gz is given after") &&
                                  Catch::Contains("pubmed22n1115.xml.gz: PubMed's files must be ingested in their order"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "other" / "index"));

    const auto empty = dir.path() / "empty";
    std::filesystem::create_directories(empty);
    const ProcessResult nothing = ingest({"--store", store.string(), empty.string()});
    CHECK(nothing.exit_code == 65);
    CHECK_THAT(nothing.err, Catch::Contains("no PubMed files"));
}

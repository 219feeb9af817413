// An incremental crawl also lists the topic's whole window: records that left it are withdrawn,
// records it holds but the store never got are fetched, and records revised outside it are not.
#include <catch2/catch.hpp>

#include <algorithm>

#include "crawler/crawl.hpp"
#include "crawler/crawl_manifest.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/support/crawl_fixture.hpp"
#include "tests/support/process.hpp"

using ldn::test::crawl_request;
using ldn::test::stored_pmids;
using ldn::test::synthetic_corpus;
namespace fake = ldn::fake;

namespace {

struct Day2 {
    ldn::CrawlSummary summary;
    ldn::CrawlManifest manifest;
    std::vector<std::string> warnings;
};

// Day one crawls the corpus in full; `change` edits it; day two crawls incrementally.
template <typename Change>
Day2 two_days(std::size_t records, Change change, double max_withdrawn_fraction = 0.1) {
    ldn::test::TempDir store;
    fake::FakeEutilsServer server(synthetic_corpus(records));
    server.start();
    auto day_one = crawl_request(server, store.path(), 50);
    ldn::crawl(day_one, {});
    change(server.corpus());
    auto day_two = day_one;
    day_two.today = *ldn::Day::parse("2026-11-27");
    day_two.max_withdrawn_fraction = max_withdrawn_fraction;
    Day2 result;
    ldn::CrawlObserver observer;
    observer.warning = [&result](const std::string& line) { result.warnings.push_back(line); };
    result.summary = ldn::crawl(day_two, observer);
    result.manifest =
        ldn::CrawlManifest::load(store.path() / "raw" / result.summary.run_id / "manifest.json");
    return result;
}

}  // namespace

TEST_CASE("an incremental crawl withdraws the records its topic no longer lists", "[crawl][listing]") {
    Day2 day = two_days(40, [](fake::Corpus& corpus) {
        corpus.remove("10000007");
        corpus.remove("10000031");
    });
    CHECK(day.summary.mode == "incremental");
    CHECK(day.manifest.lists_topic);
    REQUIRE(day.manifest.listing.size() == 1);
    CHECK(day.manifest.listing[0].window.datetype == "pdat");
    CHECK(day.manifest.listing[0].ids.size() == 38);
    CHECK(day.manifest.withdrawn == std::vector<std::string>{"10000007", "10000031"});
    CHECK(day.summary.withdrawn == 2);
    CHECK(day.summary.fetched == 0);
    CHECK(day.warnings.empty());
}

TEST_CASE("more than a tenth of the topic leaving at once is held back with a warning", "[crawl][listing]") {
    auto remove_twenty = [](fake::Corpus& corpus) {
        for (int pmid = 10000001; pmid <= 10000020; ++pmid) corpus.remove(std::to_string(pmid));
    };
    Day2 held = two_days(80, remove_twenty);
    CHECK(held.manifest.withdrawn.empty());
    CHECK(held.manifest.withdrawals_held.size() == 20);
    CHECK(held.summary.withdrawals_held == 20);
    REQUIRE(held.warnings.size() == 1);
    CHECK_THAT(held.warnings[0], Catch::Contains("20 of the 80 records") && Catch::Contains("--allow-withdrawals"));
    // Held back, they still count as the store's: the next run weighs them again.
    CHECK(held.manifest.topic_pmids().size() == 80);

    Day2 allowed = two_days(80, remove_twenty, 1.0);
    CHECK(allowed.manifest.withdrawn.size() == 20);
    CHECK(allowed.warnings.empty());
}

TEST_CASE("a record in the topic that the store never got is fetched by the listing", "[crawl][listing]") {
    // Entered and last revised long ago, so neither the new nor the revised window finds it.
    fake::SyntheticRecord missed;
    missed.pmid = 30000001;
    missed.published = {2020, 6, 1};
    missed.entrez = {2020, 6, 1};
    Day2 day = two_days(30, [&](fake::Corpus& corpus) {
        corpus.put(fake::make_corpus_record(fake::synthetic_record_xml(missed)));
    });
    CHECK(day.manifest.unstored == std::vector<std::string>{"30000001"});
    CHECK(day.summary.identified == 1);
    CHECK(day.summary.fetched == 1);
    CHECK(day.manifest.withdrawn.empty());
}

TEST_CASE("a record revised today but published before the topic's window is not fetched", "[crawl][listing]") {
    fake::SyntheticRecord old;
    old.pmid = 30000002;
    old.published = {1990, 1, 1};
    old.entrez = {1990, 1, 1};
    old.revised = fake::SimpleDate{2026, 11, 27};
    Day2 day = two_days(30, [&](fake::Corpus& corpus) {
        corpus.put(fake::make_corpus_record(fake::synthetic_record_xml(old)));
    });
    const auto& mdat = day.manifest.windows.at(1);
    CHECK(mdat.window.datetype == "mdat");
    CHECK(std::find(mdat.ids.begin(), mdat.ids.end(), "30000002") != mdat.ids.end());  // found…
    CHECK(day.summary.identified == 0);                                                // …not wanted
    CHECK(day.summary.fetched == 0);
    CHECK(day.manifest.unstored.empty());
}

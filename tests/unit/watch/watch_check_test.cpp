// check_watches over a real index (the search corpus, tests/fixtures/search/README.md) that the
// tests change between checks: new records, updated ones, records that stop matching.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <string>
#include <vector>

#include "index/annotator.hpp"
#include "index/index_writer.hpp"
#include "query/search/query_language.hpp"
#include "query/search/searcher.hpp"
#include "query/search/stored_record.hpp"
#include "query/watch/watch_check.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"
#include "tests/support/search_index.hpp"

using ldn::Watch;
using ldn::WatchAlert;
using ldn::WatchList;

namespace {

const ldn::Annotator& annotator() {
    static const ldn::Annotator bundled(ldn::test::fixture("..") / ".." / "data" / "vocab");
    return bundled;
}

// The search corpus in an index of the test's own, which the test may change.
class ChangingCorpus {
public:
    ChangingCorpus() : index_(ldn::test::build_search_index(dir_.path())) {}

    Xapian::Database database() const { return Xapian::Database(index_.string()); }

    void put(const std::vector<ldn::Article>& articles) {
        ldn::IndexWriter writer(index_, annotator());
        for (const ldn::Article& article : articles) writer.put(article);
        writer.commit();
    }

    // The indexed record of `pmid` with another title.
    void retitle(const std::string& pmid, const std::string& title) {
        ldn::Article article = ldn::read_stored_record(ldn::find_record(database(), pmid).value().data).article;
        article.title = title;
        put({article});
    }

private:
    ldn::test::TempDir dir_;
    std::filesystem::path index_;
};

ldn::Article fibromyalgia_trial(const std::string& pmid, const std::string& title) {
    ldn::Article article;
    article.pmid = pmid;
    article.title = title;
    article.abstract = {{"", "", "Sixty adults with fibromyalgia were randomized to naltrexone 4.5 mg or placebo."}};
    article.year = 2026;
    article.pubdate = "2026-01-15";
    article.publication_types = {"Journal Article", "Randomized Controlled Trial"};
    article.mesh = {{"D005356", "Fibromyalgia", true, {}}};
    article.languages = {"eng"};
    return article;
}

std::vector<std::string> pmids_of(const WatchAlert& alert) {
    std::vector<std::string> pmids;
    for (const ldn::AlertRecord& record : alert.new_records) pmids.push_back(record.pmid);
    return pmids;
}

std::vector<std::string> strings(std::initializer_list<const char*> texts) { return {texts.begin(), texts.end()}; }

WatchList one_watch(const std::string& name, const std::string& query, std::optional<std::vector<std::string>> matched) {
    WatchList list;
    list.add(Watch{name, query, "2026-01-01T00:00:00Z", std::move(matched)}, false);
    return list;
}

}  // namespace

TEST_CASE("check_watches alerts on records that newly match, not on those that stopped or stayed", "[watch]") {
    ChangingCorpus corpus;
    // Titles with "crossover": 90000001 and 90000021.
    WatchList watches = one_watch("crossover", "title:crossover", ldn::matching_pmids(corpus.database(), "title:crossover"));
    CHECK(watches.watches()[0].matched == strings({"90000001", "90000021"}));

    corpus.retitle("90000001", "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial.");
    corpus.retitle("90000003", "LDN and pain sensitivity in fibromyalgia: a randomized crossover trial.");
    corpus.put({fibromyalgia_trial("90000031", "Low-dose naltrexone in fibromyalgia: a crossover trial.")});

    const std::vector<WatchAlert> second = ldn::check_watches(watches, corpus.database());
    REQUIRE(second.size() == 1);
    CHECK(second[0].name == "crossover");
    CHECK(second[0].query == "title:crossover");
    CHECK_FALSE(second[0].first_check);
    CHECK(second[0].problem.empty());
    CHECK(pmids_of(second[0]) == strings({"90000003", "90000031"}));
    CHECK(watches.watches()[0].matched == strings({"90000003", "90000021", "90000031"}));

    const std::vector<WatchAlert> unchanged = ldn::check_watches(watches, corpus.database());
    CHECK(unchanged[0].new_records.empty());
    CHECK(watches.watches()[0].matched == strings({"90000003", "90000021", "90000031"}));

    // A record that matches again after it stopped is news again.
    corpus.retitle("90000001", "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled crossover trial.");
    CHECK(pmids_of(ldn::check_watches(watches, corpus.database())[0]) == strings({"90000001"}));
}

TEST_CASE("an alert carries the record's title, year, design, conditions and retraction from the index", "[watch]") {
    ChangingCorpus corpus;
    WatchList watches = one_watch("picked", "pmid:90000014 OR pmid:90000031 OR pmid:90000016", std::vector<std::string>{});
    corpus.put({fibromyalgia_trial("90000031", "Low-dose naltrexone in fibromyalgia: a crossover trial.")});
    const std::vector<WatchAlert> alerts = ldn::check_watches(watches, corpus.database());
    REQUIRE(alerts.size() == 1);
    const std::vector<ldn::AlertRecord> expected{
        {"90000014", "Low-dose naltrexone improves sleep in fibromyalgia: a randomized trial.", 2011, "rct",
         {"fibromyalgia"}, true},
        {"90000016", "Low dose naltrexone in rheumatoid arthritis and lupus: a retrospective cohort.", 2019,
         "observational", {"lupus", "rheumatoid-arthritis"}, false},
        {"90000031", "Low-dose naltrexone in fibromyalgia: a crossover trial.", 2026, "rct", {"fibromyalgia"}, false},
    };
    CHECK(alerts[0].new_records == expected);
    CHECK(ldn::new_record_count(alerts) == 3);
}

TEST_CASE("a watch never checked takes its first check as the baseline and alerts on nothing", "[watch]") {
    ChangingCorpus corpus;
    WatchList watches = one_watch("lupus", "condition:lupus", std::nullopt);
    const std::vector<WatchAlert> first = ldn::check_watches(watches, corpus.database());
    REQUIRE(first.size() == 1);
    CHECK(first[0].first_check);
    CHECK(first[0].new_records.empty());
    CHECK(watches.watches()[0].matched == strings({"90000010", "90000016", "90000026"}));
    const std::vector<WatchAlert> second = ldn::check_watches(watches, corpus.database());
    CHECK_FALSE(second[0].first_check);
}

TEST_CASE("a watch whose query no longer parses gives a problem, keeps its matches, and the others still run",
          "[watch]") {
    ChangingCorpus corpus;
    WatchList watches;
    watches.add(Watch{"broken", "(fibromyalgia AND", "2026-01-01T00:00:00Z", std::vector<std::string>{"90000001"}}, false);
    watches.add(Watch{"crps", "condition:crps", "2026-01-01T00:00:00Z", std::vector<std::string>{"90000011"}}, false);
    std::vector<WatchAlert> alerts;
    REQUIRE_NOTHROW(alerts = ldn::check_watches(watches, corpus.database()));
    REQUIRE(alerts.size() == 2);
    CHECK(alerts[0].name == "broken");
    CHECK(alerts[0].problem == "query: AND has nothing on its right at column 15: (fibromyalgia AND");
    CHECK(alerts[0].new_records.empty());
    CHECK(watches.find("broken")->matched == strings({"90000001"}));
    CHECK(pmids_of(alerts[1]) == strings({"90000015", "90000021"}));
    CHECK(watches.find("crps")->matched == strings({"90000011", "90000015", "90000021"}));
}

TEST_CASE("a deleted record drops out of a watch's matches without an alert", "[watch]") {
    ChangingCorpus corpus;
    WatchList watches = one_watch("lupus", "condition:lupus", ldn::matching_pmids(corpus.database(), "condition:lupus"));
    ldn::Article deletion;
    deletion.pmid = "90000016";
    deletion.deleted = true;
    corpus.put({deletion});
    const std::vector<WatchAlert> alerts = ldn::check_watches(watches, corpus.database());
    CHECK(alerts[0].new_records.empty());
    CHECK(watches.watches()[0].matched == strings({"90000010", "90000026"}));
}

TEST_CASE("a watch sees every match, past one page of search results, in numeric PMID order", "[watch]") {
    ChangingCorpus corpus;
    constexpr int added = 1050;
    std::vector<ldn::Article> articles;
    for (int number = 1; number <= added; ++number) {
        articles.push_back(fibromyalgia_trial(std::to_string(number), "Zebrafish model number " + std::to_string(number)));
    }
    corpus.put(articles);
    const std::vector<std::string> pmids = ldn::matching_pmids(corpus.database(), "zebrafish");
    REQUIRE(pmids.size() == added);
    CHECK(pmids[0] == "1");
    CHECK(pmids[8] == "9");
    CHECK(pmids[9] == "10");
    CHECK(pmids.back() == std::to_string(added));

    WatchList watches = one_watch("zebrafish", "zebrafish", std::vector<std::string>{"5"});
    const std::vector<WatchAlert> alerts = ldn::check_watches(watches, corpus.database());
    CHECK(alerts[0].new_records.size() == added - 1);
    CHECK(watches.watches()[0].matched == pmids);
}

TEST_CASE("matching_pmids of an empty query is every record, and a bad query throws the search's syntax error",
          "[watch]") {
    ChangingCorpus corpus;
    CHECK(ldn::matching_pmids(corpus.database(), "").size() == 30);
    CHECK_THROWS_AS(ldn::matching_pmids(corpus.database(), "titel:x"), ldn::QuerySyntaxError);
}

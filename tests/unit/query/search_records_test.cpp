// One record by PMID, records like a record, and a hit's data read back as Article and Annotations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "crawler/errors.hpp"
#include "index/document_builder.hpp"
#include "query/search/stored_record.hpp"
#include "tests/unit/query/search_test_corpus.hpp"

using namespace ldn;
using namespace ldn::test;

namespace {

const std::set<std::string> fibromyalgia_records{"90000001", "90000002", "90000003", "90000004", "90000005",
                                                 "90000013", "90000014", "90000015", "90000018", "90000019",
                                                 "90000023", "90000024", "90000030"};

}  // namespace

TEST_CASE("find_record returns the stored record of a PMID, or nothing", "[search]") {
    SearchCorpus corpus;
    std::optional<SearchHit> hit = find_record(corpus.database, "90000014");
    REQUIRE(hit);
    CHECK(hit->pmid == "90000014");
    CHECK(hit->data.find("\"title\":\"Low-dose naltrexone improves sleep in fibromyalgia: a randomized trial.\"") !=
          std::string::npos);
    CHECK(hit->data.find("\"retracted\":true") != std::string::npos);

    CHECK_FALSE(find_record(corpus.database, "90000099"));
    CHECK_FALSE(find_record(corpus.database, "9000001"));
    CHECK_FALSE(find_record(corpus.database, ""));
}

TEST_CASE("similar records share the record's topic and never include it", "[search]") {
    SearchCorpus corpus;
    // A fibromyalgia trial: mostly fibromyalgia records, the best one first.
    std::vector<SearchHit> similar = similar_records(corpus.database, "90000001", 5);
    REQUIRE(similar.size() == 5);
    CHECK(fibromyalgia_records.count(similar.front().pmid) == 1);
    std::size_t on_topic = 0;
    for (const SearchHit& hit : similar) {
        INFO(hit.pmid);
        CHECK(hit.pmid != "90000001");
        CHECK(hit.score > 0);
        on_topic += fibromyalgia_records.count(hit.pmid);
    }
    CHECK(on_topic >= 4);

    // The CRPS trial's nearest neighbours are the other CRPS records.
    std::vector<std::string> crps = pmids(similar_records(corpus.database, "90000021", 2));
    CHECK(std::set<std::string>(crps.begin(), crps.end()) == std::set<std::string>{"90000011", "90000015"});

    std::vector<std::string> all = pmids(similar_records(corpus.database, "90000007", 100));
    CHECK(std::find(all.begin(), all.end(), "90000007") == all.end());
    CHECK(all.size() <= 29);
}

TEST_CASE("similar records of a PMID the index does not hold is an error", "[search]") {
    SearchCorpus corpus;
    try {
        similar_records(corpus.database, "12345", 5);
        FAIL("no error for an unknown PMID");
    } catch (const Error& error) {
        CHECK(error.code() == ExitCode::failure);
        CHECK(std::string(error.what()) == "PMID 12345 is not in the index");
    }
}

TEST_CASE("a stored record reads back as the Article and Annotations it was built from", "[search]") {
    SearchCorpus corpus;
    for (const char* pmid : {"90000009", "90000013", "90000014", "90000015", "90000016"}) {
        INFO(pmid);
        std::string data = find_record(corpus.database, pmid).value().data;
        ExportRecord record = read_stored_record(data);
        CHECK(record.article.pmid == pmid);
        CHECK(document_data(record.article, record.annotations) == data);
    }

    ExportRecord trial = read_stored_record(find_record(corpus.database, "90000015").value().data);
    CHECK(trial.article.authors.front().last == "Ślusarczyk");
    CHECK(trial.annotations.design == "sr-ma");
    CHECK(trial.annotations.evidence_level == 1);
    CHECK(trial.annotations.conditions == std::vector<std::string>{"crps", "fibromyalgia"});
    ExportRecord dated = read_stored_record(find_record(corpus.database, "90000016").value().data);
    CHECK(dated.article.medline_date == "2019 Jul-Aug");
    CHECK(dated.article.pubdate == "2019-07");
}

TEST_CASE("stored data that is not a record of this schema is a data error naming the problem", "[search]") {
    SearchCorpus corpus;
    std::string data = find_record(corpus.database, "90000001").value().data;
    std::string without_annotations = data.substr(0, data.find(",\"annotations\"")) + "}";
    struct Row {
        std::string data;
        const char* names;
    };
    const Row rows[] = {
        {"not json", "parse"},
        {"{}", "pmid"},
        {without_annotations, "annotations"},
        {"[1, 2]", "not a JSON object"},
    };
    for (const Row& row : rows) {
        INFO(row.data.substr(0, 40));
        try {
            read_stored_record(row.data);
            FAIL("accepted malformed stored data");
        } catch (const Error& error) {
            CHECK(error.code() == ExitCode::data_error);
            CHECK_THAT(error.what(), Catch::Contains(row.names));
        }
    }
}

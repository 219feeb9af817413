// CSL-JSON: an array of article-journal items with names split for citeproc.
#include <catch2/catch.hpp>

#include "query/export/csl_json_sink.hpp"
#include "query/export/export_format.hpp"
#include "tests/unit/query/export_test_records.hpp"

using namespace ldn;
using namespace ldn::test;
using Json = nlohmann::json;

namespace {

Json csl(const std::vector<ExportRecord>& records) {
    return Json::parse(format_records(ExportFormat::csl_json, records));
}

}  // namespace

TEST_CASE("a full record in CSL-JSON", "[export][csl-json]") {
    const Json expected = Json::parse(R"([{
        "id": "pmid:31234567",
        "type": "article-journal",
        "title": "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial",
        "container-title": "The New England journal of medicine",
        "container-title-short": "N. Engl. J. Med.",
        "author": [{"family": "Doe", "given": "John F", "suffix": "Jr"},
                   {"family": "Müller", "given": "Jörg"},
                   {"family": "Zhang", "given": "Wei"}],
        "issued": {"date-parts": [[2020, 3, 15]]},
        "volume": "12",
        "issue": "3",
        "page": "1865-1876",
        "page-first": "1865",
        "ISSN": "0028-4793",
        "DOI": "10.1000/ldn.2020.12",
        "PMID": "31234567",
        "PMCID": "PMC7654321",
        "URL": "https://pubmed.ncbi.nlm.nih.gov/31234567/",
        "abstract": "BACKGROUND: Fibromyalgia is common. RESULTS: Pain fell by 30%.",
        "keyword": "low-dose naltrexone, fibromyalgia",
        "language": "en"
    }])");
    CHECK(csl({full_record()}) == expected);
}

TEST_CASE("CSL-JSON edge records", "[export][csl-json]") {
    const Json items = csl({with_authors({group("LDN Trial Group"), person("Doe", "", ""), person("李", "华", "")}),
                            with_authors({}), elocation_only_record(), retracted_record(), hostile_record()});
    REQUIRE(items.size() == 5);
    CHECK(items[0]["author"] == Json::parse(R"([{"literal": "LDN Trial Group"}, {"family": "Doe"},
                                               {"family": "李", "given": "华"}])"));
    CHECK_FALSE(items[1].contains("author"));
    CHECK_FALSE(items[2].contains("page"));
    CHECK(items[2]["DOI"] == "10.1371/journal.pone.0123456");
    CHECK(items[2]["issued"] == Json::parse(R"({"date-parts": [[2019, 4]]})"));
    CHECK(items[3]["note"] == "Retracted publication");
    CHECK(items[3]["status"] == "retracted");
    CHECK_FALSE(items[2].contains("note"));
    CHECK(items[4]["title"] == "=cmd|' /C calc'!A0");
    CHECK(items[4]["abstract"] ==
          "<script>alert(1)</script> {unbalanced and 100% & $x_1^2 #1 ~ \\cmd second line");
}

TEST_CASE("CSL-JSON is a valid array whatever the input", "[export][csl-json]") {
    CHECK(format_records(ExportFormat::csl_json, {}) == "[]\n");
    ExportRecord broken = small_record();
    broken.article.title = "bad \xff utf-8";
    const Json items = csl({broken});
    CHECK(items[0]["title"] == "bad \xef\xbf\xbd utf-8");
    CHECK(bcp47_language("ger") == "de");
    CHECK(bcp47_language("xyz") == "xyz");
}

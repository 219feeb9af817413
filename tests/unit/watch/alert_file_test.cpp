// alerts/<run-id>.json: only the watches with new records, each record with its PubMed link.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "query/watch/alert_file.hpp"
#include "tests/support/process.hpp"

using ldn::AlertRecord;
using ldn::WatchAlert;
using nlohmann::json;

namespace {

std::vector<WatchAlert> sample_alerts() {
    return {
        {"crps", "condition:crps", {}, false, {}},
        {"fm-rct", "condition:fibromyalgia design:rct",
         {{"90000031", "Low-dose naltrexone in fibromyalgia.", 2026, "rct", {"crps", "fibromyalgia"}, false},
          {"90000014", "Withdrawn trial.", std::nullopt, "rct", {}, true}},
         false, {}},
        {"broken", "(", {}, false, "query: unmatched '(' at column 1: ("},
    };
}

}  // namespace

TEST_CASE("the alert file lists only watches with new records, each record with its PubMed url", "[watch]") {
    const std::string text = ldn::alert_file_text("20261126T084100Z", "2026-11-26T08:43:12Z", sample_alerts());
    CHECK(text.back() == '\n');
    const json expected = {
        {"run_id", "20261126T084100Z"},
        {"created", "2026-11-26T08:43:12Z"},
        {"watches",
         {{{"name", "fm-rct"},
           {"query", "condition:fibromyalgia design:rct"},
           {"new",
            {{{"pmid", "90000031"},
              {"title", "Low-dose naltrexone in fibromyalgia."},
              {"year", 2026},
              {"design", "rct"},
              {"conditions", {"crps", "fibromyalgia"}},
              {"retracted", false},
              {"url", "https://pubmed.ncbi.nlm.nih.gov/90000031/"}},
             {{"pmid", "90000014"},
              {"title", "Withdrawn trial."},
              {"year", nullptr},
              {"design", "rct"},
              {"conditions", json::array()},
              {"retracted", true},
              {"url", "https://pubmed.ncbi.nlm.nih.gov/90000014/"}}}}}}},
    };
    CHECK(json::parse(text) == expected);
    // Keys in the documented order, for people reading the file.
    CHECK(text.find("\"run_id\"") < text.find("\"created\""));
    CHECK(text.find("\"pmid\"") < text.find("\"title\""));
    CHECK(text.find("\"retracted\"") < text.find("\"url\""));
}

TEST_CASE("write_alert_file creates the alerts folder and leaves the whole file, nothing else", "[watch]") {
    ldn::test::TempDir store;
    const auto path = store.path() / "alerts" / "20261126T084100Z.json";
    ldn::write_alert_file(path, "20261126T084100Z", "2026-11-26T08:43:12Z", sample_alerts());
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == ldn::alert_file_text("20261126T084100Z", "2026-11-26T08:43:12Z", sample_alerts()));
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(path.parent_path())) ++files;
    CHECK(files == 1);
}

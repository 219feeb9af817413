// The alert lines `ldn refresh` prints on stdout: `watch NAME: PMID YEAR DESIGN TITLE`.
#include <catch2/catch.hpp>

#include "query/watch/alert_lines.hpp"

using ldn::AlertRecord;
using ldn::WatchAlert;

TEST_CASE("alert lines: one per new record, watches in order, each with PMID, year, design and title", "[watch]") {
    const std::vector<WatchAlert> alerts{
        {"fm-rct", "condition:fibromyalgia design:rct",
         {{"90000031", "Low-dose naltrexone in fibromyalgia: a randomized trial.", 2026, "rct", {"fibromyalgia"}, false},
          {"90000032", "A second trial.", 2025, "rct", {"fibromyalgia"}, false}},
         false, {}},
        {"quiet", "lupus", {}, false, {}},
        {"crps", "condition:crps", {{"7", "Case.", 2019, "case-report", {"crps"}, false}}, false, {}},
    };
    CHECK(ldn::alert_lines(alerts) ==
          "watch fm-rct: 90000031 2026 rct Low-dose naltrexone in fibromyalgia: a randomized trial.\n"
          "watch fm-rct: 90000032 2025 rct A second trial.\n"
          "watch crps: 7 2019 case-report Case.\n");
}

TEST_CASE("alert lines: no year prints '-', a retracted paper is marked, a title is made one line", "[watch]") {
    const std::vector<WatchAlert> alerts{
        {"w", "q",
         {{"1", "Undated\nletter.", std::nullopt, "other", {}, false},
          {"2", "Withdrawn\ttrial.", 2011, "rct", {}, true}},
         false, {}},
    };
    CHECK(ldn::alert_lines(alerts) ==
          "watch w: 1 - other Undated letter.\n"
          "watch w: 2 2011 rct [RETRACTED] Withdrawn trial.\n");
}

TEST_CASE("alert lines: nothing new prints nothing, a watch with a problem included", "[watch]") {
    const std::vector<WatchAlert> alerts{{"a", "x", {}, true, {}}, {"b", "(", {}, false, "query: unmatched '('"}};
    CHECK(ldn::alert_lines(alerts).empty());
    CHECK(ldn::alert_lines({}).empty());
}

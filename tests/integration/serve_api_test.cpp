// `ldn serve`'s JSON API over real HTTP on loopback (issue 9): the binary serving the search corpus
// (tests/fixtures/search, 30 fictional records), asked with cpp-httplib's client, its answers checked
// against what the same questions asked of the CLI give.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "query/serve/search_server.hpp"
#include "tests/integration/corpus_server.hpp"
#include "tests/integration/search_cli_support.hpp"
#include "tests/support/serve_process.hpp"

using namespace ldn;
using namespace ldn::test;
using nlohmann::json;

namespace {

httplib::Result get(const std::string& target) {
    httplib::Client client(corpus_server().host(), corpus_server().port());
    client.set_read_timeout(30, 0);
    return client.Get(target.c_str());
}

json get_json(const std::string& target, int status = 200) {
    const httplib::Result result = get(target);
    REQUIRE(result);
    INFO(target << " -> " << result->status << " " << result->body.substr(0, 2000));
    REQUIRE(result->status == status);
    REQUIRE(result->get_header_value("Content-Type") == "application/json");
    return json::parse(result->body);
}

json cli_json(std::vector<std::string> args) {
    const ProcessResult result = ldn_on_corpus(std::move(args));
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

std::string cli_text(std::vector<std::string> args) {
    const ProcessResult result = ldn_on_corpus(std::move(args));
    INFO(describe(result));
    REQUIRE(result.exit_code == 0);
    return result.out;
}

std::string today() { return Day::today_utc().iso(); }

}  // namespace

TEST_CASE("serve: healthz reports the records and the last refresh", "[serve]") {
    const json health = get_json("/healthz");
    CHECK(health.at("status") == "ok");
    CHECK(health.at("records") == 30);
    CHECK(health.contains("last_refresh"));
}

TEST_CASE("serve: a search answers as ldn search --format json does, with paging fields", "[serve]") {
    const auto [target, args] = GENERATE(table<std::string, std::vector<std::string>>({
        {"/api/search?q=naltrexone&limit=5", {"naltrexone", "--limit", "5"}},
        {"/api/search?q=%22low%20dose%22%20fibromyalgia&sort=date", {"\"low dose\" fibromyalgia", "--sort", "date"}},
        {"/api/search?condition=fibromyalgia,lupus&design=rct&facets=year,design",
         {"--condition", "fibromyalgia,lupus", "--design", "rct", "--facets", "year,design"}},
        {"/api/search?condition=fibromyalgia&condition=crps&sort=evidence&offset=3&limit=4",
         {"--condition", "fibromyalgia,crps", "--sort", "evidence", "--offset", "3", "--limit", "4"}},
        {"/api/search?since=2019-06-01&until=2022-12-31&facets=condition",
         {"--since", "2019-06-01", "--until", "2022-12-31", "--facets", "condition"}},
    }));
    INFO(target);
    const json served = get_json(target);
    std::vector<std::string> cli_args{"search", "--format", "json"};
    cli_args.insert(cli_args.end(), args.begin(), args.end());
    const json expected = cli_json(cli_args);
    CHECK(served.at("total") == expected.at("total"));
    CHECK(served.at("total_is_exact") == true);
    CHECK(served.at("facets") == expected.at("facets"));
    CHECK(served.at("suggestion") == expected.at("suggestion"));
    CHECK(result_pmids(served) == result_pmids(expected));
    CHECK(served.at("results") == expected.at("results"));
}

TEST_CASE("serve: a bad query is 400 with the problem and its column", "[serve]") {
    const json error = get_json("/api/search?q=(fibromyalgia%20AND%20naltrexone", 400);
    CHECK(error.at("error").at("column") == 1);
    CHECK(error.at("error").at("message").get<std::string>().find("unmatched '('") != std::string::npos);
}

TEST_CASE("serve: bad and oversized parameters are 400 naming the parameter", "[serve]") {
    const auto [target, words] = GENERATE(table<std::string, std::string>({
        {"/api/search?limit=101", "limit wants a number from 0 to 100, not '101'"},
        {"/api/search?limit=-1", "limit wants a number"},
        {"/api/search?offset=10001", "offset wants a number from 0 to 10000"},
        {"/api/search?sort=popular", "sort wants relevance, date or evidence, not 'popular'"},
        {"/api/search?facets=journal", "facets: unknown facet 'journal'"},
        {"/api/search?since=2020-13-01", "since wants a day as YYYY-MM-DD, not '2020-13-01'"},
        {"/api/search?years=5&since=2020-01-01", "years and since/until exclude each other"},
        {"/api/search?q=a&q=b", "q is given more than once"},
        {"/api/search?q=" + std::string(1001, 'a'), "q is 1001 bytes long; the server takes at most 1000"},
        {"/api/cite?pmid=12a", "'12a' is not a PMID"},
        {"/api/cite?pmid=90000001&style=mla", "style wants ama, vancouver or apa, not 'mla'"},
        {"/api/export?q=pain", "format is required"},
        {"/api/export?format=docx", "format: unknown format 'docx'"},
        {"/api/article/abc", "'abc' is not a PMID"},
    }));
    INFO(target);
    const json error = get_json(target, 400);
    CHECK(error.at("error").at("message").get<std::string>().find(words) != std::string::npos);
}

TEST_CASE("serve: an article is the stored record with links, an unknown PMID is 404", "[serve]") {
    const json article = get_json("/api/article/90000001");
    const json shown = json::parse(cli_text({"show", "--format", "json", "90000001"}));
    json without_links = article;
    without_links.erase("links");
    CHECK(without_links == shown);
    CHECK(article.at("links").at("pubmed") == "https://pubmed.ncbi.nlm.nih.gov/90000001/");
    CHECK(article.at("links").at("doi").get<std::string>().starts_with("https://doi.org/10."));

    const json missing = get_json("/api/article/12345", 404);
    CHECK(missing.at("error").at("message") == "PMID 12345 is not in the index");
}

TEST_CASE("serve: cite gives the references ldn cite prints, in the order asked", "[serve]") {
    const std::string style = GENERATE("ama", "vancouver", "apa");
    const json cited = get_json("/api/cite?pmid=90000014,90000001&style=" + style);
    CHECK(cited.at("style") == style);
    const auto lines = lines_of(cli_text({"cite", "90000014", "90000001", "--style", style}));
    REQUIRE(cited.at("citations").size() == 2);
    REQUIRE(lines.size() == 2);
    CHECK(cited.at("citations")[0].at("pmid") == "90000014");
    CHECK(cited.at("citations")[0].at("text") == lines[0]);
    CHECK(cited.at("citations")[1].at("text") == lines[1]);
    CHECK(lines[0].starts_with("[RETRACTED]"));

    CHECK(get_json("/api/cite?pmid=90000001,4", 404).at("error").at("message") == "PMID 4 is not in the index");
}

TEST_CASE("serve: an export is the file ldn export writes, offered as an attachment", "[serve]") {
    const auto [format, extension] = GENERATE(table<std::string, std::string>(
        {{"ris", "ris"}, {"bibtex", "bib"}, {"csv", "csv"}, {"csl-json", "json"}, {"nbib", "nbib"}, {"ama", "txt"}}));
    INFO(format);
    const httplib::Result result = get("/api/export?q=naltrexone&condition=fibromyalgia&format=" + format);
    REQUIRE(result);
    REQUIRE(result->status == 200);
    CHECK(result->get_header_value("Content-Disposition") == "attachment; filename=\"ldn-export." + extension + "\"");
    CHECK(result->body == cli_text({"export", "naltrexone", "--condition", "fibromyalgia", "--format", format}));
}

TEST_CASE("serve: the summary is ldn summarize's JSON for the same query and window", "[serve]") {
    const httplib::Result result = get("/api/summary?q=naltrexone&years=15");
    REQUIRE(result);
    REQUIRE(result->status == 200);
    CHECK(result->body ==
          cli_text({"summarize", "naltrexone", "--years", "15", "--format", "json", "--now", today()}));
}

TEST_CASE("serve: every response carries the security headers, the page is HTML", "[serve]") {
    for (const std::string target : {"/", "/app.js", "/api/search?q=pain", "/nowhere"}) {
        INFO(target);
        const httplib::Result result = get(target);
        REQUIRE(result);
        CHECK(result->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
        CHECK(result->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(result->get_header_value("Referrer-Policy") == "no-referrer");
    }
    const httplib::Result page = get("/");
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<script src=\"/app.js\"") != std::string::npos);
    CHECK(get("/app.js")->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
}

TEST_CASE("serve: unknown paths are 404 and writes are 405, both as JSON", "[serve]") {
    CHECK(get_json("/api/nothing", 404).at("error").at("message") == "no such page or endpoint: /api/nothing");
    httplib::Client client(corpus_server().host(), corpus_server().port());
    const httplib::Result posted = client.Post("/api/search", "q=pain", "application/x-www-form-urlencoded");
    REQUIRE(posted);
    CHECK(posted->status == 405);
    CHECK(posted->get_header_value("Allow") == "GET, HEAD");
    const httplib::Result deleted = client.Delete("/api/article/90000001");
    REQUIRE(deleted);
    CHECK(deleted->status == 405);
}

TEST_CASE("serve: many clients at once all get whole answers", "[serve]") {
    // Filters alone and NOT alone make match-all queries: a Xapian::Query::MatchAll shared between
    // threads once crashed the server within seconds of such a load.
    const std::vector<std::string> targets{"/api/search?q=fibromyalgia&facets=design&limit=10",
                                           "/api/search?condition=fibromyalgia&design=rct",
                                           "/api/search?q=NOT%20mice&facets=year", "/api/search?limit=5"};
    std::vector<json> expected;
    for (const std::string& target : targets) expected.push_back(get_json(target));
    std::vector<std::thread> clients;
    std::atomic<int> good = 0;
    constexpr int client_count = 16;
    constexpr int requests_each = 50;
    for (int client_number = 0; client_number < client_count; ++client_number) {
        clients.emplace_back([&, client_number] {
            httplib::Client client(corpus_server().host(), corpus_server().port());
            for (int request = 0; request < requests_each; ++request) {
                const std::size_t which = static_cast<std::size_t>(client_number + request) % targets.size();
                const httplib::Result result = client.Get(targets[which].c_str());
                if (result && result->status == 200 && json::parse(result->body) == expected[which]) ++good;
            }
        });
    }
    for (std::thread& client : clients) client.join();
    CHECK(good == client_count * requests_each);
}

TEST_CASE("serve: records a later ingest adds are served without a restart", "[serve]") {
    TempDir store;
    auto ingest = [&](const std::string& file) {
        const ProcessResult result =
            run_process(ldn_binary(), {"ingest", "--quiet", "--store", store.path().string(), fixture(file).string()});
        INFO(describe(result));
        REQUIRE(result.exit_code == 0);
    };
    ingest("search/corpus.xml");
    ServeProcess server({"--store", store.path().string()});
    httplib::Client client(server.host(), server.port());
    auto records = [&] { return json::parse(client.Get("/healthz")->body).at("records").get<int>(); };
    CHECK(records() == 30);
    CHECK(client.Get("/api/article/31001401")->status == 404);

    ingest("full_record.xml");
    CHECK(records() == 31);
    CHECK(client.Get("/api/article/31001401")->status == 200);
}

TEST_CASE("serve: SIGTERM stops the server with exit 0", "[serve]") {
    ServeProcess server({"--store", corpus_store().string()});
    const ProcessResult stopped = server.stop();
    INFO(stopped.err);
    CHECK(stopped.exit_code == 0);
    CHECK(stopped.err.find("ldn: serve: stopped") != std::string::npos);
}

TEST_CASE("serve: no index exits 1, a port in use 75, a bad option 2", "[serve]") {
    TempDir empty;
    const ProcessResult no_index = run_process(ldn_binary(), {"serve", "--store", empty.path().string(), "--port", "0"});
    CHECK(no_index.exit_code == 1);
    CHECK(no_index.err.find("ldn refresh") != std::string::npos);

    const ProcessResult taken = run_process(
        ldn_binary(), {"serve", "--store", corpus_store().string(), "--port", std::to_string(corpus_server().port())});
    CHECK(taken.exit_code == 75);
    CHECK(taken.err.find("cannot listen on 127.0.0.1:" + std::to_string(corpus_server().port())) != std::string::npos);

    const ProcessResult bad_port = run_process(ldn_binary(), {"serve", "--port", "70000"});
    CHECK(bad_port.exit_code == 2);
    const ProcessResult both = run_process(ldn_binary(), {"serve", "--db", "x", "--store", "y"});
    CHECK(both.exit_code == 2);
    CHECK(both.err.find("--store excludes --db") != std::string::npos);
}

TEST_CASE("serve: an export larger than the server's bound is refused, not truncated", "[serve]") {
    serve::ServeOptions options;
    options.port = 0;
    options.database = corpus_store() / "index";
    options.limits.export_records = 5;
    serve::SearchServer server(options);
    const int port = server.bind();
    std::thread running([&] { server.run(); });
    httplib::Client client("127.0.0.1", port);
    const httplib::Result refused = client.Get("/api/export?q=naltrexone&format=ris");
    const httplib::Result small = client.Get("/api/export?pmid=x&q=pmid:90000001&format=ris");
    server.stop();
    running.join();
    REQUIRE(refused);
    CHECK(refused->status == 400);
    CHECK(json::parse(refused->body).at("error").at("message").get<std::string>().find("the server exports at most 5") !=
          std::string::npos);
    REQUIRE(small);
    CHECK(small->status == 200);
    CHECK(small->body.starts_with("TY  - JOUR"));
}

TEST_CASE("serve: links built from a hostile DOI or PMC id stay links to doi.org and PMC only", "[serve]") {
    TempDir store;
    const ProcessResult ingest = run_process(ldn_binary(), {"ingest", "--quiet", "--store", store.path().string(),
                                                            fixture("hostile/hostile_records.xml").string()});
    INFO(describe(ingest));
    REQUIRE(ingest.exit_code == 0);
    ServeProcess server({"--store", store.path().string()});
    httplib::Client client(server.host(), server.port());
    const httplib::Result result = client.Get("/api/article/97200001");
    REQUIRE(result);
    REQUIRE(result->status == 200);
    const json links = json::parse(result->body).at("links");
    // The DOI's '"', '<' and '>' are percent-encoded: the URL cannot leave the href it is put in.
    CHECK(links.at("doi") == "https://doi.org/10.5555/hostile%22%3E%3Cscript%3Ealert%283%29%3C/script%3E");
    // `PMC1" onmouseover="alert(4)` is no PMC id: no link at all.
    CHECK(links.at("pmc").is_null());
}

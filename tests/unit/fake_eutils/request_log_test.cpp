// Every request is recorded with its method, path, all parameters (query string and form body),
// arrival, status and fault: what the crawler's tests assert on (tool=ldn, email, api_key).

#include <catch2/catch.hpp>

#include <string>

#include "tests/unit/fake_eutils/http_client.hpp"
#include "tests/unit/fake_eutils/server_helpers.hpp"

using namespace ldn::fake;
using namespace ldn::fake::test;

TEST_CASE("requests are recorded with every parameter, GET and POST alike", "[fake_eutils]") {
    auto server = start_server(synthetic_corpus(3));
    http_get(server.url(), "esearch.fcgi",
             {{"db", "pubmed"}, {"term", "low dose naltrexone"}, {"tool", "ldn"}, {"email", "a@b.org"},
              {"api_key", "k3y"}});
    http_post(server.url() + "entrez/eutils/", "efetch.fcgi",
              {{"db", "pubmed"}, {"id", "10000001,10000002"}, {"tool", "ldn"}, {"email", "a@b.org"}});
    http_get(server.url() + "nothing-here");

    REQUIRE(server->request_count() == 3);
    CHECK(server->request_count("esearch") == 1);
    CHECK(server->request_count("efetch") == 1);
    const auto log = server->requests();
    CHECK(log[0].number == 1);
    CHECK(log[0].method == "GET");
    CHECK(log[0].path == "/esearch.fcgi");
    CHECK(log[0].param("term") == "low dose naltrexone");
    CHECK(log[0].param("tool") == "ldn");
    CHECK(log[0].param("email") == "a@b.org");
    CHECK(log[0].has_param("api_key"));
    CHECK(log[0].status == 200);
    CHECK_FALSE(log[0].fault.has_value());

    CHECK(log[1].method == "POST");
    CHECK(log[1].path == "/entrez/eutils/efetch.fcgi");
    CHECK(log[1].param("id") == "10000001,10000002");
    CHECK_FALSE(log[1].has_param("api_key"));
    CHECK(log[1].arrived >= log[0].arrived);

    CHECK(log[2].status == 404);

    server->clear_requests();
    CHECK(server->request_count() == 0);
    http_get(server.url(), "esearch.fcgi", {{"term", "x"}});
    CHECK(server->requests().at(0).number == 4);  // numbering goes on
}

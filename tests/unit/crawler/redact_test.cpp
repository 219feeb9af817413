// The API key never leaves the process in text.
#include <catch2/catch.hpp>

#include "crawler/redact.hpp"

TEST_CASE("api_key values are replaced wherever they stand", "[redact]") {
    using ldn::redact_api_key;
    CHECK(redact_api_key("https://x/esearch.fcgi?db=pubmed&api_key=SECRET123&tool=ldn") ==
          "https://x/esearch.fcgi?db=pubmed&api_key=***&tool=ldn");
    CHECK(redact_api_key("db=pubmed&tool=ldn&api_key=SECRET123") == "db=pubmed&tool=ldn&api_key=***");
    CHECK(redact_api_key("api_key=A&x=1&api_key=B") == "api_key=***&x=1&api_key=***");
    CHECK(redact_api_key("no key here") == "no key here");
}

TEST_CASE("with the key given, its value is replaced wherever a server echoed it", "[redact]") {
    using ldn::redact_api_key;
    CHECK(redact_api_key(R"(HTTP 400 {"error":"API key invalid","api-key":"0123abcd0123abcd"})", "0123abcd0123abcd") ==
          R"(HTTP 400 {"error":"API key invalid","api-key":"***"})");
    CHECK(redact_api_key("api_key=K9K9K9K9&x=K9K9K9K9K9K9K9K9", "K9K9K9K9") == "api_key=***&x=******");
    CHECK(redact_api_key("nothing to hide", "K9K9K9K9") == "nothing to hide");
    CHECK(redact_api_key("api_key=abc&x=1", "") == "api_key=***&x=1");
}

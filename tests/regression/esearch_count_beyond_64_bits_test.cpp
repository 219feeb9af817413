// Regression (fuzz_eutils_responses): an esearch <Count> beyond 64 bits made std::stoull throw
// std::out_of_range out of the response check, so one garbled 200 answer ended the crawl with an
// unexpected error instead of being retried like any other unreadable response. A count that is not
// a number at all ("-1", "12abc") was read as 0 or as its leading digits.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crawler/eutils_client.hpp"

namespace {

ldn::HttpResponse esearch_answer(const std::string& count) {
    ldn::HttpResponse response;
    response.status = 200;
    response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<eSearchResult><Count>" + count +
                    "</Count><RetMax>0</RetMax><RetStart>0</RetStart><IdList/></eSearchResult>";
    return response;
}

}  // namespace

TEST_CASE("an esearch count that is not a 64-bit number is a response to retry, not an exception",
          "[crawler][regression]") {
    for (const std::string count : {"99999999999999999999999", "18446744073709551616", "-1", "12abc", "0x10", ""}) {
        CAPTURE(count);
        ldn::SearchResult result;
        std::optional<ldn::ResponseFailure> failure;
        REQUIRE_NOTHROW(failure = ldn::read_esearch_response(esearch_answer(count), 0, result));
        REQUIRE(failure);
        CHECK(failure->cause == ldn::FailureCause::truncated_body);
        CHECK(failure->detail == "esearch response has an unreadable <Count>");
    }
}

TEST_CASE("an esearch count up to 64 bits is read, white space around it allowed", "[crawler][regression]") {
    const std::vector<std::pair<std::string, std::size_t>> rows{
        {"0", 0}, {"42", 42}, {" 42\n", 42}, {"18446744073709551615", 18446744073709551615u}};
    for (const auto& [text, count] : rows) {
        CAPTURE(text);
        ldn::SearchResult result;
        CHECK_FALSE(ldn::read_esearch_response(esearch_answer(text), 0, result));
        CHECK(result.count == count);
    }
}

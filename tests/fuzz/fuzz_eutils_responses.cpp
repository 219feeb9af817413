// Fuzz target: the E-utilities response readers, read_esearch_response and read_efetch_response
// (crawler/eutils_client.hpp): the checks every HTTP body passes before the crawler believes it.
// The input is the body; it is read as a 200 esearch and efetch answer, and once with an error status
// (whose first line goes into the message). Seeds: recorded esearch/epost responses from
// ../shared/pubmed-samples/eutils and the efetch fixtures of tests/fixtures.
//
// Findings besides sanitizer reports: any exception (a reader turns every body into a verdict), an
// esearch "success" with fewer ids than it counted, an efetch "success" listing a PMID that is not a
// number, an error status not classified as a server error.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crawler/eutils_client.hpp"

namespace {

[[noreturn]] void broken(const std::string& what) {
    std::fprintf(stderr, "fuzz_eutils_responses: %s\n", what.c_str());
    std::abort();
}

bool is_number(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// What the crawler asks for in one esearch: at most this many ids.
constexpr std::size_t retmax = 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ldn::HttpResponse response;
    response.status = 200;
    response.body.assign(reinterpret_cast<const char*>(data), size);

    ldn::SearchResult search;
    if (!ldn::read_esearch_response(response, retmax, search)) {
        if (search.ids.size() < std::min(search.count, retmax)) broken("esearch accepted fewer ids than it counted");
    }

    // The history flag only renames one cause: alternate it rather than read every body twice.
    ldn::FetchedBatch batch;
    const bool by_history = size % 2 == 0;
    if (auto failure = ldn::read_efetch_response(response, by_history, batch)) {
        if (!by_history && failure->cause == ldn::FailureCause::expired_history) {
            broken("an efetch by id list reported an expired history");
        }
    } else {
        for (const std::string& pmid : batch.pmids) {
            if (!is_number(pmid)) broken("efetch accepted a PMID that is not a number: '" + pmid + "'");
        }
    }

    response.status = 502;
    auto failure = ldn::read_esearch_response(response, retmax, search);
    if (!failure || failure->cause != ldn::FailureCause::server_error) broken("HTTP 502 not read as a server error");
    return 0;
}

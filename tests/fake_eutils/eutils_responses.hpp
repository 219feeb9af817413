#pragma once
// The bodies the fake server sends, shaped like the recorded NCBI responses in
// ../shared/pubmed-samples/eutils/ (element order, DOCTYPEs) and like the failures reported in the
// wild (EUTILS.md): 429 JSON, NCBI's HTML error page, <ERROR> documents with status 200.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ldn::fake {

std::string xml_escape(std::string_view text);

struct EsearchResult {
    std::size_t count = 0;
    std::size_t retstart = 0;
    std::vector<std::string> ids;  // the page shown; RetMax is its size, as NCBI reports it
    std::optional<int> query_key;  // with usehistory=y
    std::string webenv;
    std::string query_translation;
    std::string phrase_not_found;  // non-empty: Count 0 with ErrorList/PhraseNotFound and "No items found."
};

std::string esearch_xml(const EsearchResult& result);

// <?xml?><!DOCTYPE …><root><ERROR>message</ERROR></root>, the status-200 error document of each
// utility. `root` is eSearchResult, eFetchResult or ePostResult.
std::string eutils_error_xml(std::string_view root, std::string_view message);

// The efetch document: declaration, DOCTYPE, <PubmedArticleSet>, the records as stored, and the end tag.
std::string efetch_xml(const std::vector<std::shared_ptr<const std::string>>& records);

std::string epost_xml(int query_key, std::string_view webenv);

// {"error":"API rate limit exceeded","count":"N"}
std::string rate_limit_json(std::size_t count);

// NCBI's "WWW Error 500 Diagnostic" style HTML page, for any status.
std::string server_error_html(int status, std::string_view reason);
// A JSON error body as some NCBI front ends send with 5xx.
std::string server_error_json(int status, std::string_view reason);
// An HTML maintenance notice, served with status 200.
std::string maintenance_html();

// Messages NCBI uses, kept in one place so tests can match them.
inline constexpr std::string_view backend_failed_message =
    "Search Backend failed: Couldn't resolve #exLinkSrv2, the address table is empty.";
std::string retstart_limit_message(std::size_t retstart);
std::string unknown_query_message(int query_key);  // "Unable to obtain query #N"

}  // namespace ldn::fake

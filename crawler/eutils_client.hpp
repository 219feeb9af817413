#pragma once
// The E-utilities client: esearch with the history server, efetch by history or by id list, every
// request paced by one RateLimiter and retried by one RetryPolicy, and every response checked before
// it is believed (status, HTML pages, <ERROR> bodies, truncated XML).

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crawler/calendar.hpp"
#include "crawler/http_client.hpp"
#include "crawler/rate_limiter.hpp"
#include "crawler/redact.hpp"
#include "crawler/retry_policy.hpp"

namespace ldn {

inline constexpr const char* default_eutils_url = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";

struct EutilsSettings {
    std::string base_url = default_eutils_url;
    std::string tool = "ldn";
    std::string email;
    std::string api_key;               // a secret: sent, never logged or stored
    int max_requests_per_second = 0;   // 0: NCBI's limit, 3 without a key and 10 with one
    RetryPolicy retry;
    HttpSettings http;
};

// NCBI's limit for these settings, lowered when the settings ask for less.
int effective_rate(const EutilsSettings& settings);

struct SearchWindow {
    std::string datetype;  // pdat, edat or mdat
    Day min;
    Day max;
    std::string label() const;  // "pdat 2016-11-26..2026-11-26"
};

struct SearchResult {
    std::size_t count = 0;
    std::vector<std::string> ids;  // the first retmax PMIDs, in PubMed's order
    std::string webenv;
    std::string query_key;
    std::string query_translation;
    std::vector<std::pair<std::string, std::string>> translations;  // from -> to
    std::vector<std::string> notes;  // PhraseNotFound, OutputMessage and the like: not errors
};

struct FetchedBatch {
    std::string body;                // the response as received
    std::vector<std::string> pmids;  // of the records it holds, in order
    std::size_t bad_records = 0;     // records present but unreadable (kept; the indexer reports them)
};

// The history server no longer knows the WebEnv/query_key: the caller must search again.
class HistoryExpired : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why a response is not believed: the retry policy decides from `cause` whether to ask again.
struct ResponseFailure {
    FailureCause cause;
    std::string detail;  // for the final message: "HTTP 502", "<ERROR> Search Backend failed"
    std::optional<std::chrono::milliseconds> retry_after;
};

// The checks every response passes before it is believed (status, HTML pages, <ERROR> bodies,
// truncated XML); the client runs them on each attempt, the tests and tests/fuzz/ call them directly.
// nullopt: the response is good, and `result` or `batch` (not its body) holds what it says.
std::optional<ResponseFailure> read_esearch_response(const HttpResponse& response, std::size_t retmax,
                                                     SearchResult& result);
// `by_history`: an efetch by WebEnv, where an "expired history" <ERROR> means searching again; by id
// list the same message is a plain error body.
std::optional<ResponseFailure> read_efetch_response(const HttpResponse& response, bool by_history,
                                                    FetchedBatch& batch);

class EutilsClient {
public:
    explicit EutilsClient(EutilsSettings settings);
    ~EutilsClient();

    // `what` names the request in messages ("esearch pdat 2016-01-01..2026-11-26").
    // Throws ldn::Error (exit 69) once the retries are spent.
    SearchResult search(const std::string& term, const SearchWindow& window, std::size_t retmax,
                        const std::string& what);
    // Throws HistoryExpired when the WebEnv has expired.
    FetchedBatch fetch_history(const SearchResult& search, std::size_t retstart, std::size_t retmax,
                               const std::string& what);
    FetchedBatch fetch_ids(const std::vector<std::string>& ids, const std::string& what);

    std::size_t requests() const { return requests_; }
    const RetryCounts& retries() const { return retries_; }

    // Receives one line per request (method, redacted URL, status, milliseconds), for --verbose.
    void set_request_log(std::function<void(const std::string&)> log) { log_ = std::move(log); }

private:
    std::string without_key(std::string_view text) const { return redact_api_key(text, settings_.api_key); }
    using Validator = std::function<std::optional<ResponseFailure>(const HttpResponse&)>;

    HttpResponse perform(const std::string& endpoint, std::vector<std::pair<std::string, std::string>> params,
                         bool force_post, const Validator& validate, const std::string& what);
    std::string encode(const std::vector<std::pair<std::string, std::string>>& params);

    EutilsSettings settings_;
    HttpClient http_;
    RateLimiter limiter_;
    std::mt19937_64 random_;
    std::size_t requests_ = 0;
    RetryCounts retries_;
    std::function<void(const std::string&)> log_;
};

}  // namespace ldn

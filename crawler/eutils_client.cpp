#include "crawler/eutils_client.hpp"

#include <pugixml.hpp>

#include <cctype>
#include <charconv>
#include <chrono>
#include <thread>

#include "crawler/byte_source.hpp"
#include "crawler/errors.hpp"
#include "crawler/pubmed_reader.hpp"
#include "crawler/redact.hpp"

namespace ldn {

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds rate_window{1100};

// Long terms and id lists go by POST: NCBI answers 414 to long GETs.
constexpr std::size_t longest_get_query = 500;

bool looks_like_html(std::string_view body) {
    std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    std::string head;
    for (char c : body.substr(start, 14)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head.starts_with("<!doctype html") || head.starts_with("<html");
}

std::string first_line(std::string_view text, std::size_t limit = 200) {
    std::string line;
    for (char c : text) {
        if (line.size() >= limit) break;
        line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return line;
}

bool is_expired_history(std::string_view message) {
    return message.find("Unable to obtain query") != std::string_view::npos ||
           message.find("WebEnv") != std::string_view::npos;
}

// An <ERROR> element with text is an error; an empty <ERROR/> is not (EUTILS.md).
std::string error_text(const pugi::xml_node& root) {
    std::string all;
    for (pugi::xml_node error : root.children("ERROR")) {
        std::string text = error.child_value();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        if (!all.empty()) all += "; ";
        all += text;
    }
    return all;
}

// <Count> as a number; nullopt for anything else, a count beyond 64 bits included.
std::optional<std::size_t> read_count(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
    std::size_t count = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return count;
}

}  // namespace

int effective_rate(const EutilsSettings& settings) {
    int ncbi_limit = settings.api_key.empty() ? 3 : 10;
    if (settings.max_requests_per_second > 0 && settings.max_requests_per_second < ncbi_limit) {
        return settings.max_requests_per_second;
    }
    return ncbi_limit;
}

std::string SearchWindow::label() const { return datetype + " " + min.iso() + ".." + max.iso(); }

EutilsClient::EutilsClient(EutilsSettings settings)
    : settings_(std::move(settings)),
      http_(settings_.http),
      limiter_(effective_rate(settings_)),
      random_(std::random_device{}()) {
    if (!settings_.base_url.empty() && settings_.base_url.back() != '/') settings_.base_url += '/';
}

EutilsClient::~EutilsClient() = default;

std::string EutilsClient::encode(const Params& params) {
    std::string query;
    for (const auto& [name, value] : params) {
        if (!query.empty()) query += '&';
        query += name;
        query += '=';
        query += http_.escape(value);
    }
    return query;
}

HttpResponse EutilsClient::perform(const std::string& endpoint, Params params, bool force_post,
                                   const Validator& validate, const std::string& what) {
    params.emplace_back("tool", settings_.tool);
    if (!settings_.email.empty()) params.emplace_back("email", settings_.email);
    if (!settings_.api_key.empty()) params.emplace_back("api_key", settings_.api_key);
    std::string query = encode(params);
    HttpRequest request;
    std::string url = settings_.base_url + endpoint;
    if (force_post || query.size() > longest_get_query) {
        request.url = url;
        request.form_body = query;
    } else {
        request.url = url + "?" + query;
    }

    ResponseFailure last{FailureCause::transport, "no attempt made", std::nullopt};
    int attempts = 0;
    while (attempts < settings_.retry.max_attempts) {
        ++attempts;
        limiter_.acquire();
        ++requests_;
        auto started = Clock::now();
        HttpResponse response = http_.send(request);
        if (log_) {
            auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
            log_(std::string(request.form_body.empty() ? "GET " : "POST ") +
                 without_key(request.url + (request.form_body.empty() ? "" : " body " + request.form_body)) +
                 " -> " + (response.status == 0 ? without_key(response.transport_error) : std::to_string(response.status)) +
                 " in " + std::to_string(elapsed.count()) + " ms");
        }
        std::optional<ResponseFailure> failure = validate(response);
        if (!failure) return response;
        if (failure->cause == FailureCause::expired_history) {
            retries_.add(FailureCause::expired_history);
            throw HistoryExpired(without_key(what + ": " + failure->detail));
        }
        last = *failure;
        if (response.tls_refused || attempts == settings_.retry.max_attempts) break;
        retries_.add(failure->cause);
        if (failure->retry_after) limiter_.pause_until(Clock::now() + *failure->retry_after);
        // NCBI counts per second, refused requests included: after a 429 nothing goes out until a
        // whole window has passed, or the retry would be refused again.
        if (failure->cause == FailureCause::rate_limited) limiter_.pause_until(Clock::now() + rate_window);
        std::this_thread::sleep_for(settings_.retry.backoff(attempts, failure->retry_after, random_));
    }
    std::string message = what + ": " + without_key(last.detail) + " after " + std::to_string(attempts) +
                          (attempts == 1 ? " attempt" : " attempts");
    if (last.cause == FailureCause::rate_limited && settings_.api_key.empty()) {
        message += " (set NCBI_API_KEY for 10 requests/s)";
    }
    throw Error(ExitCode::unavailable, message);
}

namespace {

// Checks shared by every endpoint: below HTTP, HTTP status, and NCBI's HTML pages.
std::optional<FailureCause> transport_or_status(const HttpResponse& response, std::string& detail) {
    if (response.status == 0) {
        detail = response.transport_error;
        return response.timed_out ? FailureCause::timeout : FailureCause::transport;
    }
    if (response.status == 429) {
        detail = "HTTP 429 " + first_line(response.body);
        return FailureCause::rate_limited;
    }
    if (response.status >= 500 || response.status == 400) {
        detail = "HTTP " + std::to_string(response.status) + " " + first_line(response.body);
        return FailureCause::server_error;
    }
    if (response.status != 200) {
        detail = "HTTP " + std::to_string(response.status) + " " + first_line(response.body);
        return FailureCause::server_error;
    }
    if (looks_like_html(response.body)) {
        detail = "an HTML page instead of XML (NCBI maintenance?)";
        return FailureCause::maintenance_page;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ResponseFailure> read_esearch_response(const HttpResponse& response, std::size_t retmax,
                                                     SearchResult& result) {
    std::string detail;
    if (auto cause = transport_or_status(response, detail)) return ResponseFailure{*cause, detail, response.retry_after};
    pugi::xml_document document;
    if (!document.load_buffer(response.body.data(), response.body.size())) {
        return ResponseFailure{FailureCause::truncated_body, "esearch response is not well-formed XML", std::nullopt};
    }
    pugi::xml_node root = document.child("eSearchResult");
    if (!root) return ResponseFailure{FailureCause::truncated_body, "esearch response has no <eSearchResult>", std::nullopt};
    if (std::string error = error_text(root); !error.empty()) {
        return ResponseFailure{FailureCause::error_body, "<ERROR> " + error, std::nullopt};
    }
    pugi::xml_node count = root.child("Count");
    if (!count) return ResponseFailure{FailureCause::truncated_body, "esearch response has no <Count>", std::nullopt};

    std::optional<std::size_t> counted = read_count(count.child_value());
    if (!counted) {
        return ResponseFailure{FailureCause::truncated_body, "esearch response has an unreadable <Count>", std::nullopt};
    }
    result = SearchResult{};
    result.count = *counted;
    for (pugi::xml_node id : root.child("IdList").children("Id")) result.ids.emplace_back(id.child_value());
    result.webenv = root.child_value("WebEnv");
    result.query_key = root.child_value("QueryKey");
    result.query_translation = root.child_value("QueryTranslation");
    for (pugi::xml_node translation : root.child("TranslationSet").children("Translation")) {
        result.translations.emplace_back(translation.child_value("From"), translation.child_value("To"));
    }
    for (pugi::xml_node list : {root.child("ErrorList"), root.child("WarningList")}) {
        for (pugi::xml_node note : list.children()) {
            result.notes.push_back(std::string(note.name()) + ": " + note.child_value());
        }
    }
    if (result.ids.size() < std::min(result.count, retmax)) {
        return ResponseFailure{FailureCause::truncated_body, "esearch returned fewer ids than it counted", std::nullopt};
    }
    return std::nullopt;
}

SearchResult EutilsClient::search(const std::string& term, const SearchWindow& window, std::size_t retmax,
                                  const std::string& what) {
    SearchResult result;
    auto validate = [&](const HttpResponse& response) { return read_esearch_response(response, retmax, result); };
    perform("esearch.fcgi",
            {{"db", "pubmed"},
             {"term", term},
             {"usehistory", "y"},
             {"retmax", std::to_string(retmax)},
             {"datetype", window.datetype},
             {"mindate", window.min.eutils()},
             {"maxdate", window.max.eutils()}},
            false, validate, what);
    return result;
}

namespace {

// Reads an efetch body as the reader would. Records that cannot be parsed inside a complete body are
// kept (they are PubMed's, and the indexer reports them); a body cut short is a failure to retry.
std::optional<std::pair<FailureCause, std::string>> check_efetch_body(const std::string& body, FetchedBatch& batch) {
    batch.pmids.clear();
    batch.bad_records = 0;
    bool truncated = false;
    auto source = memory_source(body, "efetch response");
    try {
        read_pubmed(
            *source, [&](Article&& article) { if (!article.deleted) batch.pmids.push_back(article.pmid); },
            [&](const RecordIssue& issue) {
                if (issue.reason.find("cut off") != std::string::npos ||
                    issue.reason.find("file ends") != std::string::npos ||
                    issue.reason.find("truncated") != std::string::npos) {
                    truncated = true;
                } else {
                    ++batch.bad_records;
                }
            });
    } catch (const Error&) {
        pugi::xml_document document;
        if (document.load_buffer(body.data(), body.size())) {
            pugi::xml_node root = document.document_element();
            std::string error = error_text(root);
            if (!error.empty()) {
                return std::pair{is_expired_history(error) ? FailureCause::expired_history : FailureCause::error_body,
                                 "<ERROR> " + error};
            }
            return std::pair{FailureCause::truncated_body,
                             std::string("efetch returned <") + root.name() + "> instead of a PubmedArticleSet"};
        }
        return std::pair{FailureCause::truncated_body, std::string("efetch response is not PubMed XML")};
    }
    if (truncated) return std::pair{FailureCause::truncated_body, std::string("efetch response cut short")};
    return std::nullopt;
}

}  // namespace

std::optional<ResponseFailure> read_efetch_response(const HttpResponse& response, bool by_history,
                                                    FetchedBatch& batch) {
    std::string detail;
    if (auto cause = transport_or_status(response, detail)) return ResponseFailure{*cause, detail, response.retry_after};
    if (auto problem = check_efetch_body(response.body, batch)) {
        // Without history an "expired" message is just an error body.
        FailureCause cause = problem->first == FailureCause::expired_history && !by_history ? FailureCause::error_body
                                                                                           : problem->first;
        return ResponseFailure{cause, problem->second, std::nullopt};
    }
    return std::nullopt;
}

FetchedBatch EutilsClient::fetch_history(const SearchResult& search, std::size_t retstart, std::size_t retmax,
                                         const std::string& what) {
    FetchedBatch batch;
    auto validate = [&](const HttpResponse& response) { return read_efetch_response(response, true, batch); };
    HttpResponse response = perform("efetch.fcgi",
                                     {{"db", "pubmed"},
                                      {"query_key", search.query_key},
                                      {"WebEnv", search.webenv},
                                      {"retstart", std::to_string(retstart)},
                                      {"retmax", std::to_string(retmax)},
                                      {"rettype", "abstract"},
                                      {"retmode", "xml"}},
                                     false, validate, what);
    batch.body = std::move(response.body);
    return batch;
}

FetchedBatch EutilsClient::fetch_ids(const std::vector<std::string>& ids, const std::string& what) {
    FetchedBatch batch;
    auto validate = [&](const HttpResponse& response) { return read_efetch_response(response, false, batch); };
    std::string id_list;
    for (const std::string& id : ids) {
        if (!id_list.empty()) id_list += ',';
        id_list += id;
    }
    HttpResponse response = perform("efetch.fcgi",
                                     {{"db", "pubmed"}, {"id", id_list}, {"rettype", "abstract"}, {"retmode", "xml"}},
                                     true, validate, what);
    batch.body = std::move(response.body);
    return batch;
}

}  // namespace ldn

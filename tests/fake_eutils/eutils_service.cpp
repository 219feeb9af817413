#include "tests/fake_eutils/eutils_service.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "tests/fake_eutils/eutils_responses.hpp"

namespace ldn::fake {

namespace {

Reply xml_error(Utility utility, std::string_view message) {
    Reply reply;
    reply.body = eutils_error_xml(error_root(utility), message);
    return reply;
}

// A non-negative integer parameter; `fallback` when absent; nullopt when malformed.
std::optional<std::size_t> count_param(const Params& params, const std::string& name, std::size_t fallback) {
    auto found = params.find(name);
    if (found == params.end() || found->second.empty()) return fallback;
    const std::string& text = found->second;
    std::size_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

bool is_pmid(std::string_view text) {
    return !text.empty() && text.size() <= 20 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1,2, 3" (commas, optional blanks or newlines) into distinct PMIDs, first occurrence kept.
std::vector<std::string> split_ids(std::string_view text) {
    std::vector<std::string> ids;
    std::unordered_set<std::string> seen;
    std::string current;
    auto flush = [&] {
        if (is_pmid(current) && seen.insert(current).second) ids.push_back(current);
        current.clear();
    };
    for (char c : text) {
        if (c == ',' ) flush();
        else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') current += c;
    }
    flush();
    return ids;
}

std::string_view datetype_label(DateType type) {
    switch (type) {
    case DateType::pdat: return "Date - Publication";
    case DateType::edat: return "Date - Entrez";
    case DateType::mdat: return "Date - Modification";
    }
    return "";
}

// A database other than PubMed: NCBI's wording.
std::optional<Reply> check_db(const Params& params, Utility utility) {
    const std::string db = param(params, "db");
    if (db.empty() || db == "pubmed") return std::nullopt;
    return xml_error(utility, "Invalid db name specified: " + db);
}

}  // namespace

Utility utility_of(std::string_view path) {
    const auto slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (name == "esearch.fcgi") return Utility::esearch;
    if (name == "efetch.fcgi") return Utility::efetch;
    if (name == "epost.fcgi") return Utility::epost;
    return Utility::other;
}

std::string_view error_root(Utility utility) {
    switch (utility) {
    case Utility::esearch: return "eSearchResult";
    case Utility::efetch: return "eFetchResult";
    case Utility::epost: return "ePostResult";
    case Utility::other: break;
    }
    return "eUtilsResult";
}

Reply EutilsService::esearch(const Params& params, DateKey today) const {
    constexpr Utility self = Utility::esearch;
    if (auto bad = check_db(params, self)) return *bad;
    const std::string term = param(params, "term");
    if (term.empty()) return xml_error(self, "Empty term and query_key - nothing todo");

    const auto retstart = count_param(params, "retstart", 0);
    const auto retmax = count_param(params, "retmax", 20);
    if (!retstart) return xml_error(self, "Invalid retstart: " + param(params, "retstart"));
    if (!retmax) return xml_error(self, "Invalid retmax: " + param(params, "retmax"));

    DateType type = DateType::pdat;
    const std::string datetype = param(params, "datetype");
    if (datetype == "edat") type = DateType::edat;
    else if (datetype == "mdat") type = DateType::mdat;
    else if (!datetype.empty() && datetype != "pdat")
        return xml_error(self, "Invalid datetype: " + datetype);

    std::optional<DateKey> min_date;
    std::optional<DateKey> max_date;
    const std::string mindate = param(params, "mindate");
    const std::string maxdate = param(params, "maxdate");
    if (!mindate.empty() || !maxdate.empty()) {
        // NCBI wants both ends of a range: one alone is a mistake the crawler must not make.
        if (mindate.empty() || maxdate.empty())
            return xml_error(self, "Invalid date range: mindate and maxdate must be used together");
        min_date = parse_query_date(mindate, false);
        max_date = parse_query_date(maxdate, true);
        if (!min_date) return xml_error(self, "Invalid mindate: " + mindate);
        if (!max_date) return xml_error(self, "Invalid maxdate: " + maxdate);
    } else if (const std::string reldate = param(params, "reldate"); !reldate.empty()) {
        const auto days = count_param(params, "reldate", 0);
        if (!days) return xml_error(self, "Invalid reldate: " + reldate);
        min_date = days_before(today, static_cast<int>(*days));
        max_date = today;
    }

    EsearchResult result;
    result.retstart = *retstart;
    result.query_translation = term;
    if (min_date) {
        result.query_translation = "(" + term + ") AND " + format_query_date(*min_date) + ":" +
                                   format_query_date(*max_date) + "[" + std::string(datetype_label(type)) + "]";
    }

    std::vector<std::string> ids;
    if (term.find("nosuchthing") != std::string::npos) {
        result.phrase_not_found = term;
    } else {
        ids = corpus_.matching(type, min_date, max_date);
    }
    result.count = ids.size();

    if (*retstart >= reachable_records) return xml_error(self, retstart_limit_message(*retstart));
    const std::size_t end =
        std::min({ids.size(), reachable_records, *retstart + std::min(*retmax, max_retmax)});
    if (*retstart < end) result.ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(*retstart),
                                           ids.begin() + static_cast<std::ptrdiff_t>(end));

    if (param(params, "usehistory") == "y") {
        const auto stored = history_.store(std::move(ids), param(params, "WebEnv"));
        result.query_key = stored.query_key;
        result.webenv = stored.webenv;
    }
    Reply reply;
    reply.body = esearch_xml(result);
    return reply;
}

Reply EutilsService::efetch(const Params& params) const {
    constexpr Utility self = Utility::efetch;
    if (auto bad = check_db(params, self)) return *bad;

    std::vector<std::string> ids;
    if (const std::string id_list = param(params, "id"); !id_list.empty()) {
        ids = split_ids(id_list);
    } else if (params.count("WebEnv")) {
        const auto query_key = count_param(params, "query_key", 1);
        if (!query_key) return xml_error(self, "Invalid query_key: " + param(params, "query_key"));
        const auto stored = history_.use(param(params, "WebEnv"), static_cast<int>(*query_key));
        if (!stored) return xml_error(self, unknown_query_message(static_cast<int>(*query_key)));
        const auto retstart = count_param(params, "retstart", 0);
        const auto retmax = count_param(params, "retmax", 20);
        if (!retstart) return xml_error(self, "Invalid retstart: " + param(params, "retstart"));
        if (!retmax) return xml_error(self, "Invalid retmax: " + param(params, "retmax"));
        if (*retstart >= reachable_records) return xml_error(self, retstart_limit_message(*retstart));
        const std::size_t end =
            std::min({stored->size(), reachable_records, *retstart + std::min(*retmax, max_retmax)});
        if (*retstart < end)
            ids.assign(stored->begin() + static_cast<std::ptrdiff_t>(*retstart),
                       stored->begin() + static_cast<std::ptrdiff_t>(end));
    } else {
        return xml_error(self, "Empty id list - nothing todo");
    }
    Reply reply;
    reply.body = efetch_xml(corpus_.record_xml(ids));
    return reply;
}

Reply EutilsService::epost(const Params& params) const {
    constexpr Utility self = Utility::epost;
    if (auto bad = check_db(params, self)) return *bad;
    std::vector<std::string> ids = split_ids(param(params, "id"));
    if (ids.empty()) return xml_error(self, "Empty ID list; Nothing to store");
    const auto stored = history_.store(std::move(ids), param(params, "WebEnv"));
    Reply reply;
    reply.body = epost_xml(stored.query_key, stored.webenv);
    return reply;
}

}  // namespace ldn::fake

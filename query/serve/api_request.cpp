#include "query/serve/api_request.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "query/serve/api_error.hpp"

namespace ldn::serve {

namespace {

constexpr int bad_request = 400;
constexpr int most_years = 200;

ApiError wrong(const std::string& message) { return ApiError(bad_request, message); }

std::optional<std::string> single(const Parameters& parameters, const std::string& name) {
    const auto [first, last] = parameters.equal_range(name);
    if (first == last) return std::nullopt;
    if (std::next(first) != last) throw wrong(name + " is given more than once");
    return first->second;
}

// Every value of a parameter that may repeat, each split at commas, empty pieces dropped.
std::vector<std::string> all_values(const Parameters& parameters, const std::string& name) {
    std::vector<std::string> values;
    const auto [first, last] = parameters.equal_range(name);
    for (auto entry = first; entry != last; ++entry) {
        std::string_view text = entry->second;
        while (!text.empty()) {
            const std::size_t comma = std::min(text.find(','), text.size());
            if (comma > 0) values.emplace_back(text.substr(0, comma));
            text.remove_prefix(std::min(comma + 1, text.size()));
        }
    }
    return values;
}

std::size_t bounded_number(const Parameters& parameters, const std::string& name, std::size_t fallback,
                           std::size_t most) {
    const std::optional<std::string> text = single(parameters, name);
    if (!text) return fallback;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (text->empty() || error != std::errc() || end != text->data() + text->size() || value > most) {
        throw wrong(name + " wants a number from 0 to " + std::to_string(most) + ", not '" + *text + "'");
    }
    return value;
}

std::optional<Day> day_parameter(const Parameters& parameters, const std::string& name) {
    const std::optional<std::string> text = single(parameters, name);
    if (!text) return std::nullopt;
    std::optional<Day> day = Day::parse(*text);
    if (!day) throw wrong(name + " wants a day as YYYY-MM-DD, not '" + *text + "'");
    return day;
}

std::optional<int> years_parameter(const Parameters& parameters) {
    if (!single(parameters, "years")) return std::nullopt;
    const std::size_t years = bounded_number(parameters, "years", 0, most_years);
    if (years == 0) throw wrong("years wants a number from 1 to " + std::to_string(most_years) + ", not '0'");
    return static_cast<int>(years);
}

std::string query_parameter(const Parameters& parameters, const ApiLimits& limits) {
    std::string query = single(parameters, "q").value_or("");
    if (query.size() > limits.query_bytes) {
        throw wrong("q is " + std::to_string(query.size()) + " bytes long; the server takes at most " +
                    std::to_string(limits.query_bytes));
    }
    return query;
}

SortOrder sort_parameter(const Parameters& parameters) {
    const std::string name = single(parameters, "sort").value_or("relevance");
    if (name == "relevance") return SortOrder::relevance;
    if (name == "date") return SortOrder::date;
    if (name == "evidence") return SortOrder::evidence;
    throw wrong("sort wants relevance, date or evidence, not '" + name + "'");
}

std::vector<Facet> facets_parameter(const Parameters& parameters) {
    std::vector<Facet> facets;
    for (const std::string& name : all_values(parameters, "facets")) {
        const std::optional<Facet> facet = parse_facet(name);
        if (!facet) throw wrong("facets: unknown facet '" + name + "' (facets: year, design, condition)");
        if (std::find(facets.begin(), facets.end(), *facet) == facets.end()) facets.push_back(*facet);
    }
    return facets;
}

}  // namespace

SearchRequest search_request(const Parameters& parameters, const ApiLimits& limits, const Day& today) {
    SearchRequest request;
    request.query = query_parameter(parameters, limits);
    request.conditions = all_values(parameters, "condition");
    request.designs = all_values(parameters, "design");
    const std::optional<int> years = years_parameter(parameters);
    request.since = day_parameter(parameters, "since");
    request.until = day_parameter(parameters, "until");
    if (years) {
        if (request.since || request.until) throw wrong("years and since/until exclude each other");
        request.since = today.minus_years(*years);
    }
    if (request.since && request.until && *request.since > *request.until) {
        throw wrong("since " + request.since->iso() + " is after until " + request.until->iso());
    }
    request.sort = sort_parameter(parameters);
    request.limit = bounded_number(parameters, "limit", 20, limits.page_size);
    request.offset = bounded_number(parameters, "offset", 0, limits.deepest_offset);
    request.facets = facets_parameter(parameters);
    request.count_seconds = limits.count_seconds;
    return request;
}

std::string export_format_parameter(const Parameters& parameters) {
    const std::optional<std::string> name = single(parameters, "format");
    if (!name) throw wrong("format is required (ris, bibtex, csv, csl-json, nbib, ama, vancouver, apa, json, jsonl)");
    if (*name == "json" || *name == "jsonl" || parse_export_format(*name)) return *name;
    throw wrong("format: unknown format '" + *name +
                "' (ris, bibtex, csv, csl-json, nbib, ama, vancouver, apa, json, jsonl)");
}

std::vector<std::string> pmid_list(const Parameters& parameters, const ApiLimits& limits) {
    std::vector<std::string> pmids = all_values(parameters, "pmid");
    if (pmids.empty()) throw wrong("pmid is required");
    if (pmids.size() > limits.page_size) {
        throw wrong("at most " + std::to_string(limits.page_size) + " PMIDs at a time, not " +
                    std::to_string(pmids.size()));
    }
    for (const std::string& pmid : pmids) {
        if (!std::all_of(pmid.begin(), pmid.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            throw wrong("'" + pmid + "' is not a PMID (PubMed ids are digits)");
        }
    }
    return pmids;
}

ExportFormat citation_style(const Parameters& parameters) {
    const std::string name = single(parameters, "style").value_or("ama");
    const std::optional<ExportFormat> style = parse_export_format(name);
    if (!style || (*style != ExportFormat::ama && *style != ExportFormat::vancouver && *style != ExportFormat::apa)) {
        throw wrong("style wants ama, vancouver or apa, not '" + name + "'");
    }
    return *style;
}

SummaryOptions summary_options(const Parameters& parameters, const ApiLimits& limits, const Day& today) {
    SummaryOptions options;
    options.query = query_parameter(parameters, limits);
    options.conditions = all_values(parameters, "condition");
    options.now = today;
    options.until = today;
    const std::optional<int> years = years_parameter(parameters);
    const std::optional<Day> since = day_parameter(parameters, "since");
    const std::optional<Day> until = day_parameter(parameters, "until");
    if (years && (since || until)) throw wrong("years and since/until exclude each other");
    if (until) options.until = std::min(*until, today);
    options.since = since ? *since : today.minus_years(years.value_or(10));
    if (options.since > options.until) {
        throw wrong("since " + options.since.iso() + " is after until " + options.until.iso());
    }
    return options;
}

}  // namespace ldn::serve

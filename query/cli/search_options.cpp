#include "query/cli/search_options.hpp"

#include <algorithm>

#include "crawler/errors.hpp"
#include "crawler/store_layout.hpp"
#include "index/consistent_read.hpp"
#include "index/index_reader.hpp"
#include "query/cli/day_flag.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

Error usage(const std::string& message) { return Error(ExitCode::usage, message); }


SortOrder parse_sort(const std::string& name) {
    if (name == "relevance") return SortOrder::relevance;
    if (name == "date") return SortOrder::date;
    if (name == "evidence") return SortOrder::evidence;
    throw usage("--sort wants relevance, date or evidence, not '" + name + "'");
}

}  // namespace

std::string joined_query(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) {
        if (!text.empty()) text += ' ';
        text += word;
    }
    return text;
}

void add_search_options(CLI::App& command, SearchFlags& flags) {
    command.add_option("query", flags.query_words, "Query (docs/QUERY.md); its words are joined by spaces; none: every record")
        ->type_name("QUERY");
    command.add_option("--condition", flags.conditions, "Only records about this condition id (repeat or comma-separate: any of them)")
        ->type_name("ID")
        ->delimiter(',')
        ->allow_extra_args(false);
    command.add_option("--design", flags.designs, "Only records of this design id (repeat or comma-separate: any of them)")
        ->type_name("ID")
        ->delimiter(',')
        ->allow_extra_args(false);
    command.add_option("--years", flags.years, "Published in the past N years")->type_name("N");
    command.add_option("--since", flags.since, "Published on or after this day, YYYY-MM-DD")->type_name("DATE");
    command.add_option("--until", flags.until, "Published on or before this day, YYYY-MM-DD")->type_name("DATE");
    command.add_option("--sort", flags.sort, "relevance (default), date (newest first) or evidence (strongest designs first)")
        ->type_name("ORDER");
    add_index_options(command, flags.store, flags.database);
}

SearchRequest resolve_search_request(const SearchFlags& flags, const Day& today) {
    if (flags.years && (!flags.since.empty() || !flags.until.empty())) {
        throw usage("--years and --since/--until exclude each other");
    }
    SearchRequest request;
    request.query = joined_query(flags.query_words);
    request.conditions = flags.conditions;
    request.designs = flags.designs;
    if (flags.years) {
        if (*flags.years < 1 || *flags.years > 200) {
            throw usage("--years wants a number from 1 to 200, not " + std::to_string(*flags.years));
        }
        request.since = today.minus_years(*flags.years);
    }
    if (!flags.since.empty()) request.since = parse_day_flag(flags.since, "--since");
    if (!flags.until.empty()) request.until = parse_day_flag(flags.until, "--until");
    if (request.since && request.until && *request.since > *request.until) {
        throw usage("--since " + request.since->iso() + " is after --until " + request.until->iso());
    }
    request.sort = parse_sort(flags.sort);
    return request;
}

std::vector<Facet> resolve_facets(const std::vector<std::string>& names) {
    std::vector<Facet> facets;
    for (const std::string& name : names) {
        auto facet = parse_facet(name);
        if (!facet) throw usage("--facets: unknown facet '" + name + "' (facets: year, design, condition)");
        if (std::find(facets.begin(), facets.end(), *facet) == facets.end()) facets.push_back(*facet);
    }
    return facets;
}

std::size_t resolve_count(long long value, const char* flag) {
    if (value < 0) throw usage(std::string(flag) + " wants a number from 0 up, not " + std::to_string(value));
    return static_cast<std::size_t>(value);
}

OutputFormat resolve_output_format(const std::string& name, bool allow_table, std::optional<OutputFormat> fallback) {
    if (name.empty()) {
        if (fallback) return *fallback;
        throw usage("--format is required (formats: " + output_format_names(allow_table) + ")");
    }
    auto format = parse_output_format(name);
    if (!format || (format->kind == OutputKind::table && !allow_table)) {
        throw usage("--format: unknown format '" + name + "' (formats: " + output_format_names(allow_table) + ")");
    }
    return *format;
}

OutputFormat default_output_format() {
    return OutputFormat{stdout_is_terminal() ? OutputKind::table : OutputKind::json};
}

void print_results(const OutputFormat& format, const ResultsSummary& summary, const std::vector<SearchHit>& hits) {
    constexpr std::size_t table_width_off_terminal = 100;
    auto sink = make_result_sink(format, terminal_columns().value_or(table_width_off_terminal));
    write_stdout(sink->begin(summary));
    for (const SearchHit& hit : hits) write_stdout(sink->hit(hit));
    write_stdout(sink->end());
}

void require_pmid(const std::string& pmid) {
    const bool digits = !pmid.empty() && std::all_of(pmid.begin(), pmid.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw usage("'" + pmid + "' is not a PMID (PubMed ids are digits)");
}

void add_index_options(CLI::App& command, std::string& store_flag, std::string& database_flag) {
    add_store_option(command, store_flag);
    command
        .add_option("--db", database_flag,
                    "Read this index folder or Xapian stub file (shards, local or xapian-tcpsrv) instead of a store's")
        ->type_name("PATH|STUB")
        ->excludes(command.get_option("--store"));
}

std::filesystem::path index_location(const std::string& store_flag, const std::string& database_flag) {
    if (!database_flag.empty()) return database_flag;
    return StoreLayout(store_folder(store_flag)).index();
}

Xapian::Database open_reading_index(const std::string& store_flag, const std::string& database_flag) {
    return open_index(index_location(store_flag, database_flag));
}

ExitCode print_each_record(Xapian::Database& database, const std::vector<std::string>& pmids,
                           const std::function<void(const SearchHit&)>& print) {
    ExitCode code = ExitCode::ok;
    for (const std::string& pmid : pmids) {
        const auto hit = read_consistently(database, [&] { return find_record(database, pmid); });
        if (!hit) {
            print_error("PMID " + pmid + " is not in the index");
            code = ExitCode::failure;
            continue;
        }
        print(*hit);
    }
    return code;
}

std::optional<std::filesystem::path> output_file(const std::string& flag, bool force) {
    if (flag.empty() || flag == "-") return std::nullopt;
    const std::filesystem::path file = flag;
    if (!force && std::filesystem::exists(std::filesystem::symlink_status(file))) {
        throw usage(flag + " exists; add --force to replace it");
    }
    return file;
}

}  // namespace ldn::cli

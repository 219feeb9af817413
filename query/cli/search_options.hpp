#pragma once
// What the commands that read the index share: the query and filter flags of `ldn search` and
// `ldn export` (phase one: as typed; phase two: validated into a SearchRequest), the output format,
// PMID arguments and opening the index.

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crawler/calendar.hpp"
#include "query/cli/search_output.hpp"
#include "crawler/errors.hpp"
#include "query/search/searcher.hpp"

namespace ldn::cli {

struct SearchFlags {
    std::vector<std::string> query_words;
    std::vector<std::string> conditions;
    std::vector<std::string> designs;
    std::optional<int> years;
    std::string since;
    std::string until;
    std::string sort = "relevance";
    std::string store;
    std::string database;
};

// QUERY..., --condition, --design, --years, --since, --until, --sort, --store and --db.
void add_search_options(CLI::App& command, SearchFlags& flags);

// The query's words as typed on the command line, joined by single spaces.
std::string joined_query(const std::vector<std::string>& words);

// The request the flags ask for; offset, limit and facets keep their defaults. `today` anchors
// --years. Throws ldn::Error (2) naming the value that is wrong.
SearchRequest resolve_search_request(const SearchFlags& flags, const Day& today);

// --facets year,design,condition; throws ldn::Error (2) naming an unknown facet.
std::vector<Facet> resolve_facets(const std::vector<std::string>& names);

// --limit, --offset: CLI11 would wrap "-1" into a huge unsigned number, so counts are read signed and
// checked here. Throws ldn::Error (2) for a negative value.
std::size_t resolve_count(long long value, const char* flag);

// --format: `name`, or when it is empty `fallback` (nullopt: the flag is required). Throws
// ldn::Error (2) naming an unknown format, or "table" when `allow_table` is false.
OutputFormat resolve_output_format(const std::string& name, bool allow_table, std::optional<OutputFormat> fallback);

// The table on a terminal, json elsewhere.
OutputFormat default_output_format();

// Writes a page of results to stdout in `format`: the beginning, each hit and the end as they come.
void print_results(const OutputFormat& format, const ResultsSummary& summary, const std::vector<SearchHit>& hits);

// Throws ldn::Error (2) unless `pmid` is a PubMed id (digits only).
void require_pmid(const std::string& pmid);

// --store DIR and --db PATH|STUB, which exclude each other: where a reading command finds its index.
void add_index_options(CLI::App& command, std::string& store_flag, std::string& database_flag);

// The index --db names (an index folder, or a Xapian stub file listing local shards and remote ones
// served by xapian-tcpsrv), else the index of the store --store (else $LDN_STORE, else the default)
// names. Reading needs no lock: Xapian readers see the last commit.
std::filesystem::path index_location(const std::string& store_flag, const std::string& database_flag);
Xapian::Database open_reading_index(const std::string& store_flag, const std::string& database_flag);

// The file of `-o FILE`, or nullopt for standard output (no -o, or "-"). Throws ldn::Error (2)
// when the file exists and `force` is false, so that nothing is replaced by accident.
std::optional<std::filesystem::path> output_file(const std::string& flag, bool force);

// Calls `print` with each PMID's stored record, in the order given. A PMID the index lacks is
// reported (`ldn: error: PMID 1 is not in the index`) and the others are still printed; the result is
// 1 when any was missing, else 0.
ExitCode print_each_record(Xapian::Database& database, const std::vector<std::string>& pmids,
                           const std::function<void(const SearchHit&)>& print);

}  // namespace ldn::cli

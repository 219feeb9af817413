#pragma once
// Checking watches against the index after a refresh: which records newly match each saved search.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "query/watch/watch_list.hpp"

namespace ldn {

// A newly matching record as an alert shows it, from its stored document.
struct AlertRecord {
    std::string pmid;
    std::string title;
    std::optional<int> year;
    std::string design;                   // design id
    std::vector<std::string> conditions;  // condition ids
    bool retracted = false;

    bool operator==(const AlertRecord&) const = default;
};

// What one check found for one watch.
struct WatchAlert {
    std::string name;
    std::string query;
    // Records matching now that did not at the last check, in numeric PMID order.
    std::vector<AlertRecord> new_records;
    // The watch had never been checked (it was added before the store had an index): this check
    // took its baseline and alerts on nothing.
    bool first_check = false;
    // Empty, or why the query could not run ("query: unknown field 'titel:' at column 1: titel:x"),
    // for the caller's warning. The watch's `matched` is then left as it was.
    std::string problem;
};

// Every PMID `query` matches in `database`, in numeric order (pmid_less): all of them, however many.
// Throws QuerySyntaxError.
std::vector<std::string> matching_pmids(const Xapian::Database& database, const std::string& query);

// Runs each watch's query over the whole index, returns one WatchAlert per watch (in list order) and
// sets each watch's `matched` to the PMIDs matching now: a record that stopped matching drops out
// without an alert, and alerts again should it match again later. A query that no longer parses
// gives a WatchAlert with `problem`, never an exception. Throws ldn::Error (65) for a stored
// document that is not a record of this schema.
std::vector<WatchAlert> check_watches(WatchList& watches, const Xapian::Database& database);

// The new records of every alert together.
std::size_t new_record_count(const std::vector<WatchAlert>& alerts);

}  // namespace ldn

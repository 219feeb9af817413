#pragma once
// What a summary reads besides the matching records, shared by `ldn summarize` and `ldn serve`: the
// search strategy of the topic the crawl used and the vocabulary's condition ids, both from data/.

#include <xapian.h>

#include <string>
#include <vector>

#include "query/summary/evidence_summary.hpp"

namespace ldn::cli {

// The strategy of the topic named by the index's ldn.topic, when its file is still in data/topics.
// An index filled by `ldn ingest` alone has no topic, and the report says so.
void add_search_strategy(const Xapian::Database& database, SummaryOptions& options);

// The condition ids of data/vocab/conditions.json, in vocabulary order.
std::vector<std::string> vocabulary_conditions();

}  // namespace ldn::cli

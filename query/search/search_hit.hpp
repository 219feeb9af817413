#pragma once
// A matched document as a SearchHit: its PMID (from its unique Q term, so the data need not be
// parsed), Xapian's weight and the stored data.

#include <xapian.h>

#include <string>
#include <vector>

#include "query/search/searcher.hpp"

namespace ldn {

// The PMID of an indexed record; empty for a document without a Q term (none is written so).
std::string pmid_of(const Xapian::Document& document);

// The hits of a match set, in its order.
std::vector<SearchHit> hits_of(const Xapian::MSet& matches);

}  // namespace ldn

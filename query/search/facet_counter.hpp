#pragma once
// Facet counts over every match of a search, gathered while the match runs (one pass, no second
// query). Built on Xapian's own ValueCountMatchSpy, which a remote shard can run and merge back,
// where a MatchSpy of our own would need registering with every xapian-tcpsrv.

#include <xapian.h>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "query/search/searcher.hpp"

namespace ldn {

class FacetCounter {
public:
    explicit FacetCounter(const std::vector<Facet>& facets);

    // Call before Enquire::get_mset; the counts are read after it.
    void attach(Xapian::Enquire& enquire);

    // facet name -> value -> matches. A record with several conditions counts once for each; a
    // record with none, or with no year, is not counted in that facet.
    std::map<std::string, std::map<std::string, std::size_t>> counts() const;

private:
    struct Spy {
        Facet facet;
        std::unique_ptr<Xapian::ValueCountMatchSpy> values;
    };
    std::vector<Spy> spies_;
};

}  // namespace ldn

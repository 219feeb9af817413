#include "query/search/search_hit.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace ldn {

std::string pmid_of(const Xapian::Document& document) {
    if (std::string padded = document.get_value(schema::pmid_order); !padded.empty()) {
        return padded.substr(std::min(padded.find_first_not_of('0'), padded.size() - 1));
    }
    // A document indexed before the value existed.
    const std::string prefix = schema::prefix::pmid;
    Xapian::TermIterator term = document.termlist_begin();
    term.skip_to(prefix);
    if (term == document.termlist_end() || (*term).compare(0, prefix.size(), prefix) != 0) return {};
    return (*term).substr(prefix.size());
}

std::vector<SearchHit> hits_of(const Xapian::MSet& matches) {
    std::vector<SearchHit> hits;
    hits.reserve(matches.size());
    // Over remote shards every document is asked for at once instead of one round trip each. Xapian
    // 1.4's MSet::fetch() reads out of bounds for a page that does not start at the first match.
    if (matches.get_firstitem() == 0) matches.fetch();
    for (auto match = matches.begin(); match != matches.end(); ++match) {
        Xapian::Document document = match.get_document();
        hits.push_back({pmid_of(document), match.get_weight(), document.get_data()});
    }
    return hits;
}

}  // namespace ldn

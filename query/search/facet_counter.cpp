#include "query/search/facet_counter.hpp"

#include <algorithm>

#include "index/schema.hpp"

namespace ldn {

namespace {

Xapian::valueno slot_of(Facet facet) {
    switch (facet) {
        case Facet::year: return schema::year;
        case Facet::design: return schema::design;
        case Facet::condition: return schema::conditions;
    }
    return schema::design;
}

std::string year_label(const std::string& value) {
    return std::to_string(static_cast<long>(Xapian::sortable_unserialise(value)));
}

void add_each_condition(const std::string& joined, std::size_t count, std::map<std::string, std::size_t>& out) {
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find(schema::condition_separator, start);
        if (end == std::string::npos) end = joined.size();
        if (end > start) out[joined.substr(start, end - start)] += count;
        start = end + 1;
    }
}

}  // namespace

FacetCounter::FacetCounter(const std::vector<Facet>& facets) {
    for (Facet facet : facets) {
        bool seen = std::any_of(spies_.begin(), spies_.end(), [facet](const Spy& spy) { return spy.facet == facet; });
        if (!seen) spies_.push_back({facet, std::make_unique<Xapian::ValueCountMatchSpy>(slot_of(facet))});
    }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
    for (Spy& spy : spies_) enquire.add_matchspy(spy.values.get());
}

std::map<std::string, std::map<std::string, std::size_t>> FacetCounter::counts() const {
    std::map<std::string, std::map<std::string, std::size_t>> out;
    for (const Spy& spy : spies_) {
        std::map<std::string, std::size_t>& facet = out[facet_name(spy.facet)];
        for (auto value = spy.values->values_begin(); value != spy.values->values_end(); ++value) {
            std::size_t count = value.get_termfreq();
            switch (spy.facet) {
                case Facet::year: facet[year_label(*value)] += count; break;
                case Facet::design: facet[*value] += count; break;
                // The slot holds the record's whole set ("fibromyalgia\nlupus"), counted once per
                // distinct set; splitting the set credits each of its conditions.
                case Facet::condition: add_each_condition(*value, count, facet); break;
            }
        }
    }
    return out;
}

}  // namespace ldn

#include "query/search/query_builder.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "index/indexed_phrases.hpp"
#include "index/schema.hpp"
#include "index/synonyms.hpp"

namespace ldn::query {

namespace {

// Filters select without taking part in the ranking.
Xapian::Query weightless(const Xapian::Query& query) { return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0); }

Xapian::Query all_of(const std::vector<Xapian::Query>& queries) {
    if (queries.size() == 1) return queries.front();
    return Xapian::Query(Xapian::Query::OP_AND, queries.begin(), queries.end());
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
    if (queries.size() == 1) return queries.front();
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// An indexed phrase by its term (unfielded: the phrase terms hold the unprefixed text), any other
// by the positions of its terms.
Xapian::Query phrase_of(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    if (std::string indexed = indexed_phrase_term(terms); !indexed.empty()) return Xapian::Query(indexed);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

// A single word by its stem; the words of "low-dose" or of a several-word synonym as the phrase of
// their unstemmed terms, which alone carry positions.
Xapian::Query words_query(const std::vector<TextWord>& words, const std::string& prefix) {
    if (words.size() == 1) return Xapian::Query(stemmed_term(prefix, words.front().text));
    std::vector<std::string> terms;
    for (const TextWord& word : words) terms.push_back(prefix + word.text);
    return phrase_of(terms);
}

class Builder {
public:
    Builder(std::string_view query, const Xapian::Database& database)
        : query_(query),
          database_(database),
          has_synonym_table_(database.synonym_keys_begin() != database.synonym_keys_end()) {}

    Xapian::Query build(const QueryNode& node) {
        return std::visit([this](const auto& content) { return build(content); }, node.content);
    }

private:
    Xapian::Query build(const AllOf& all) {
        std::vector<Xapian::Query> wanted;
        std::vector<Xapian::Query> unwanted;
        for (const QueryNode& item : all.items) {
            if (const auto* negation = std::get_if<Negation>(&item.content)) {
                unwanted.push_back(build(*negation->item));
            } else {
                wanted.push_back(build(item));
            }
        }
        const Xapian::Query kept = wanted.empty() ? every_document() : all_of(wanted);
        if (unwanted.empty()) return kept;
        return Xapian::Query(Xapian::Query::OP_AND_NOT, kept, any_of(unwanted));
    }

    Xapian::Query build(const AnyOf& any) {
        std::vector<Xapian::Query> alternatives;
        for (const QueryNode& item : any.items) alternatives.push_back(build(item));
        return any_of(alternatives);
    }

    Xapian::Query build(const Negation& negation) {
        return Xapian::Query(Xapian::Query::OP_AND_NOT, every_document(), build(*negation.item));
    }

    Xapian::Query build(const FreeText& text) {
        std::vector<Xapian::Query> parts;
        for (std::size_t first = 0; first < text.pieces.size();) {
            std::size_t next = text.expands_synonyms ? add_synonym_match(text, first, parts) : first;
            if (next == first) {
                parts.push_back(words_query(text.pieces[first], text.prefix));
                ++next;
            }
            first = next;
        }
        return all_of(parts);
    }

    Xapian::Query build(const Phrase& phrase) { return phrase_of(phrase.terms); }

    // Expanded here, not by OP_WILDCARD: over remote shards each xapian-tcpsrv would expand it
    // against its own terms and weigh it by its own statistics, ranking the matches otherwise than
    // one index does. The terms listed from the whole database are the same on any split.
    Xapian::Query build(const Wildcard& wildcard) {
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        for (auto term = database_.allterms_begin(wildcard.pattern); term != database_.allterms_end(wildcard.pattern); ++term) {
            terms.emplace_back(term.get_termfreq(), *term);
        }
        if (terms.size() > wildcard_expansion_limit) {
            // The most frequent, and of equal frequency the first in term order.
            std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
            terms.resize(wildcard_expansion_limit);
            std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        }
        std::vector<Xapian::Query> expanded;
        for (const auto& [frequency, term] : terms) expanded.emplace_back(term);
        Xapian::Query synonym(Xapian::Query::OP_SYNONYM, expanded.begin(), expanded.end());
        return wildcard.is_filter ? weightless(synonym) : synonym;
    }

    Xapian::Query build(const BooleanTerm& term) { return weightless(Xapian::Query(term.term)); }

    Xapian::Query build(const YearRange& range) {
        const auto bound = [](int year) { return Xapian::sortable_serialise(year); };
        if (range.from && range.to) {
            return weightless(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::year, bound(*range.from), bound(*range.to)));
        }
        if (range.from) return weightless(Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::year, bound(*range.from)));
        return weightless(Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::year, bound(*range.to)));
    }

    // Looks up the pieces from `first` on in the synonym table, the longest run (up to
    // longest_synonym_key words) first. On a match appends "the pieces as typed, or any synonym" and
    // returns the index of the piece after the match; otherwise returns `first`.
    std::size_t add_synonym_match(const FreeText& text, std::size_t first, std::vector<Xapian::Query>& parts) {
        std::vector<std::size_t> lasts;
        std::size_t words = 0;
        for (std::size_t last = first; last < text.pieces.size(); ++last) {
            words += text.pieces[last].size();
            if (words > longest_synonym_key) break;
            lasts.push_back(last);
        }
        for (auto last = lasts.rbegin(); last != lasts.rend(); ++last) {
            const std::vector<std::string> synonyms = synonyms_of(text, first, *last);
            if (synonyms.empty()) continue;
            std::vector<Xapian::Query> as_typed;
            for (std::size_t piece = first; piece <= *last; ++piece) {
                as_typed.push_back(words_query(text.pieces[piece], text.prefix));
            }
            std::vector<Xapian::Query> alternatives{all_of(as_typed)};
            for (const std::string& synonym : synonyms) {
                const std::vector<TextWord> synonym_words = split_words(synonym);
                if (synonym_words.empty() || finds_nothing_more(text, first, *last, synonym_words)) continue;
                alternatives.push_back(words_query(synonym_words, text.prefix));
            }
            // OP_SYNONYM matches like OR but weighs the alternatives as one term, so a record that
            // says both "LDN" and "low-dose naltrexone" does not count the idea twice.
            parts.push_back(Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end()));
            return *last + 1;
        }
        return first;
    }

    // True when every record the synonym's phrase matches also has every typed word, each typed
    // piece being one word ("fibromyalgia" and "fibromyalgia syndrome"): such a synonym finds no
    // record the typed words do not; in the OP_SYNONYM it would only count the typed word again
    // (and a phrase that is not indexed costs a position check on every candidate), so it is left out.
    static bool finds_nothing_more(const FreeText& text, std::size_t first, std::size_t last,
                                   const std::vector<TextWord>& synonym_words) {
        for (std::size_t piece = first; piece <= last; ++piece) {
            if (text.pieces[piece].size() != 1) return false;
            const std::string& typed = text.pieces[piece].front().text;
            const auto same = [&](const TextWord& word) { return word.text == typed; };
            if (std::none_of(synonym_words.begin(), synonym_words.end(), same)) return false;
        }
        return true;
    }

    // Keys are lower case with single spaces for hyphens and spaces (ldn::synonym_key). The words
    // joined give that form with Unicode lower case ("SJÖGREN"); the text as typed keeps the
    // punctuation some names have ("me/cfs").
    std::vector<std::string> synonyms_of(const FreeText& text, std::size_t first, std::size_t last) {
        std::string joined;
        for (std::size_t piece = first; piece <= last; ++piece) {
            for (const TextWord& word : text.pieces[piece]) joined += (joined.empty() ? "" : " ") + word.text;
        }
        const std::size_t begin = text.pieces[first].front().offset;
        const std::size_t end = text.pieces[last].back().offset + text.pieces[last].back().length;
        for (const std::string& key : {joined, synonym_key(std::string(query_.substr(begin, end - begin)))}) {
            std::vector<std::string> synonyms = synonyms_of_key(key);
            if (!synonyms.empty()) return synonyms;
        }
        return {};
    }

    // From the synonym table, or, when the index shows none (shards served by xapian-tcpsrv), from
    // the copy in its metadata.
    std::vector<std::string> synonyms_of_key(const std::string& key) {
        if (has_synonym_table_) return {database_.synonyms_begin(key), database_.synonyms_end(key)};
        if (!metadata_synonyms_) metadata_synonyms_ = synonyms_in_metadata(database_);
        const auto found = metadata_synonyms_->find(key);
        if (found == metadata_synonyms_->end()) return {};
        return {found->second.begin(), found->second.end()};
    }

    std::string_view query_;
    const Xapian::Database& database_;
    bool has_synonym_table_;
    std::optional<std::map<std::string, std::set<std::string>>> metadata_synonyms_;
};

}  // namespace

Xapian::Query build_query(const QueryNode& root, std::string_view query, const Xapian::Database& database) {
    return Builder(query, database).build(root);
}

}  // namespace ldn::query

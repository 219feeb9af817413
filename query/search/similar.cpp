// similar_records (declared in searcher.hpp): relevance feedback with the record as the one relevant
// document. Its most telling words become an OR query; the record itself is excluded.

#include <algorithm>
#include <cctype>
#include <set>

#include "crawler/errors.hpp"
#include "index/schema.hpp"
#include "query/search/search_hit.hpp"
#include "query/search/searcher.hpp"

namespace ldn {

namespace {

// Enough words to characterise an abstract; more only adds the record's incidental vocabulary.
constexpr Xapian::termcount expansion_terms = 40;
constexpr std::size_t shortest_word = 3;

bool number_only(const std::string& term) {
    return std::all_of(term.begin(), term.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ','; });
}

// The unprefixed words that the record's title, abstract, MeSH headings or keywords hold: what it is
// about. Prefixed and Z-stemmed terms (an upper-case first byte) repeat those words or are filters
// (its PMID, year, design); author names and journal titles say who and where, not what; short
// words and numbers ("4.5", "12") say nothing about a topic.
class TopicWords : public Xapian::ExpandDecider {
public:
    explicit TopicWords(const Xapian::Document& record) {
        for (const char* field : {schema::prefix::title, schema::prefix::abstract, schema::prefix::mesh,
                                  schema::prefix::keyword}) {
            const std::string prefix = field;
            Xapian::TermIterator term = record.termlist_begin();
            for (term.skip_to(prefix); term != record.termlist_end(); ++term) {
                const std::string& text = *term;
                if (text.compare(0, prefix.size(), prefix) != 0) break;
                std::string word = text.substr(prefix.size());
                if (word.size() >= shortest_word && !std::isupper(static_cast<unsigned char>(word.front())) &&
                    !number_only(word)) {
                    words_.insert(std::move(word));
                }
            }
        }
    }

    bool operator()(const std::string& term) const override { return words_.count(term) > 0; }

private:
    std::set<std::string> words_;
};

}  // namespace

std::vector<SearchHit> similar_records(const Xapian::Database& database, const std::string& pmid, std::size_t limit) {
    const std::string unique_term = schema::pmid_term(pmid);
    Xapian::PostingIterator posting = database.postlist_begin(unique_term);
    if (posting == database.postlist_end(unique_term)) {
        throw Error(ExitCode::failure, "PMID " + pmid + " is not in the index");
    }
    Xapian::RSet relevant;
    relevant.add_document(*posting);

    Xapian::Enquire enquire(database);
    const TopicWords topic_words(database.get_document(*posting));
    Xapian::ESet words = enquire.get_eset(expansion_terms, relevant, &topic_words);
    if (words.empty()) return {};

    std::vector<Xapian::Query> alternatives;
    for (auto word = words.begin(); word != words.end(); ++word) alternatives.emplace_back(*word);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                    Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                                    Xapian::Query(unique_term)));
    const auto page = static_cast<Xapian::doccount>(std::min<std::size_t>(limit, database.get_doccount()));
    return hits_of(enquire.get_mset(0, page));
}

}  // namespace ldn

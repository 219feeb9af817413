#pragma once
// Phrases indexed as one term each. Searching a phrase otherwise checks the positions of its words in
// every record that holds them all: "low dose naltrexone", which every LDN search asks for through
// its synonyms, is such a check on tens of thousands of records in a large index. As a term it is
// one posting list. The term's wdf is the number of times the phrase occurs (times the field's
// weight), so it ranks like a word; it matches exactly the records OP_PHRASE over the unprefixed
// words would match, since a phrase never spans two fields (index/document_builder.cpp).
//
// The list is part of the schema: a phrase added here needs a new schema version, for records
// indexed before it lack its term. It holds the several-word names of data/vocab/synonyms.json
// (a test checks that), the phrases LDN searches expand to.

#include <xapian.h>

#include <string>
#include <vector>

namespace ldn {

// Each phrase as its words, lower case and unstemmed, as TermGenerator indexes them.
const std::vector<std::vector<std::string>>& indexed_phrases();

// The phrase's term ("XW" + the words joined by single spaces), or "" when the words are not an
// indexed phrase.
std::string indexed_phrase_term(const std::vector<std::string>& words);

// Where the unprefixed pass of one field's text lies in the document, and the wdf it adds a word.
struct TextSpan {
    Xapian::termpos first;
    Xapian::termpos last;
    Xapian::termcount weight;
};

// Adds the term of every indexed phrase that the document's unprefixed text holds, once all of its
// text is indexed: an occurrence adds the weight of the span it lies in.
void add_indexed_phrases(Xapian::Document& document, const std::vector<TextSpan>& unprefixed_text);

}  // namespace ldn

#pragma once
// The authors' conclusion of an abstract, quoted exactly as written (issue 6's honesty rules): the
// CONCLUSION(S) section of a structured abstract, else the abstract's closing sentences. The text is
// always a copy of the record's own characters, never shortened inside a sentence or reworded.

#include <string>
#include <string_view>
#include <vector>

#include "crawler/article.hpp"

namespace ldn {

inline constexpr std::string_view conclusions_section_source = "conclusions section";
inline constexpr std::string_view closing_sentences_source = "closing sentences";

struct QuotedConclusion {
    std::string text;    // empty when the record has no abstract text
    std::string source;  // conclusions_section_source, closing_sentences_source, or empty
};

// Sections labelled or categorised CONCLUSION or CONCLUSIONS (any case), joined by a space; else the
// last two sentences of the last section that has text (all of it when it is shorter).
QuotedConclusion authors_conclusion(const std::vector<AbstractSection>& abstract);

// The sentences of `text` as views into it. A sentence ends at '.', '?' or '!' (and any closing
// quote or bracket) followed by a space and a character that is not a lowercase letter, unless the
// word before the point is an abbreviation that never ends one ("et al.", "e.g.", "vs.").
std::vector<std::string_view> split_sentences(std::string_view text);

}  // namespace ldn

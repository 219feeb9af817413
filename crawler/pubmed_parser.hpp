#pragma once
// Turns one PubMed record (the XML of a single PubmedArticle, PubmedBookArticle, MedlineCitation or
// DeleteCitation element) into Article values. Never throws for bad XML: a record that cannot be read
// comes back as an error value with the offset inside the record where reading failed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/article.hpp"
#include "crawler/record_splitter.hpp"

namespace ldn {

struct ParsedRecord {
    std::vector<Article> articles;  // one, or one per PMID of a DeleteCitation
    std::string pmid;               // best effort, also on failure (for the message)
    std::string error;              // empty on success
    std::size_t error_offset = 0;   // byte offset inside the record's XML, when error is set
    bool ok() const { return error.empty(); }
};

// Before pugixml sees a record, one pass over its bytes refuses (as an error value, located like
// malformed XML) what no PubMed record holds and what would make parsing unbounded:
//  - elements nested deeper than max_element_depth (PubMed nests about 10 deep, MathML a few more;
//    text flattening walks the tree recursively, so depth is stack);
//  - more than max_record_nodes elements, attributes and text runs (a tree node costs pugixml 40 to
//    64 bytes, so this bounds a record's tree at about 128 MB however small its tags);
//  - a reference to an entity other than XML's five (&amp; &lt; &gt; &quot; &apos;) and character
//    references: the DOCTYPE is never read, so a declared entity (an "XML bomb", an external
//    entity naming a file or a URL) is never expanded or fetched; such a record is refused rather
//    than kept with the reference as text.
inline constexpr std::size_t max_element_depth = 256;
inline constexpr std::size_t max_record_nodes = 2'000'000;

ParsedRecord parse_record(RecordKind kind, std::string_view xml);

}  // namespace ldn

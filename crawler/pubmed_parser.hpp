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

ParsedRecord parse_record(RecordKind kind, std::string_view xml);

}  // namespace ldn

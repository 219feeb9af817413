#pragma once
// An Article and its Annotations as a Xapian document, following index/schema.hpp.

#include <xapian.h>

#include <vector>

#include "crawler/article.hpp"
#include "index/annotations.hpp"
#include "index/indexed_phrases.hpp"

namespace ldn {

class DocumentBuilder {
public:
    DocumentBuilder();

    // Not thread-safe (it reuses one TermGenerator): use one builder per thread.
    Xapian::Document build(const Article& article, const Annotations& annotations);

private:
    void index_text(const std::string& text, const char* field_prefix, Xapian::termcount weight);

    Xapian::TermGenerator generator_;
    std::vector<TextSpan> unprefixed_text_;  // of the document being built
};

// The document data: the Article JSON with "annotations" added (what search results print).
std::string document_data(const Article& article, const Annotations& annotations);

}  // namespace ldn

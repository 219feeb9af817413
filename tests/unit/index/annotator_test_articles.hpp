#pragma once
// Small Articles for the annotator tests, and the Annotator over the bundled vocabularies (built once:
// loading compiles every matcher).

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "crawler/article.hpp"
#include "index/annotator.hpp"
#include "tests/support/paths.hpp"

namespace ldn::test {

inline std::filesystem::path bundled_vocabularies() { return fixture("..") / ".." / "data" / "vocab"; }

inline const Annotator& bundled_annotator() {
    static const Annotator annotator(bundled_vocabularies());
    return annotator;
}

struct Record {
    std::string title;
    std::string abstract;  // one unstructured section
    std::vector<std::string> publication_types = {};
    std::vector<std::string> mesh_uis = {};
    std::vector<std::string> keywords = {};
};

inline Article article_of(const Record& record) {
    Article article;
    article.title = record.title;
    if (!record.abstract.empty()) article.abstract.push_back({"", "", record.abstract});
    article.publication_types = record.publication_types;
    for (const std::string& ui : record.mesh_uis) article.mesh.push_back({ui, "", false, {}});
    article.keywords = record.keywords;
    return article;
}

// A structured abstract: (NlmCategory, text) pairs.
inline Article structured_article(std::string title, std::vector<std::pair<std::string, std::string>> sections,
                                  std::vector<std::string> publication_types = {}) {
    Article article;
    article.title = std::move(title);
    for (auto& [category, text] : sections) article.abstract.push_back({category, category, std::move(text)});
    article.publication_types = std::move(publication_types);
    return article;
}

inline Annotations annotate(const Record& record) { return bundled_annotator().annotate(article_of(record)); }

}  // namespace ldn::test

#pragma once
// CSL-JSON (the Citation Style Language's input format) for pandoc, citeproc, citation-js and
// Zotero: one JSON array of "article-journal" items.

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "query/export/export_sink.hpp"

namespace ldn {

// The CSL item of one record, keys in a fixed order.
nlohmann::ordered_json csl_item(const ExportRecord& record);

// CSL wants a BCP 47 language tag ("en"); PubMed gives ISO 639-2 codes ("eng"). Common codes are
// mapped; an unknown code is returned as it is.
std::string bcp47_language(std::string_view pubmed_language);

std::unique_ptr<ExportSink> make_csl_json_sink();

}  // namespace ldn

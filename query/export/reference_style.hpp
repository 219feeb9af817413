#pragma once
// Text reference styles (AMA, Vancouver, APA): a style turns one Article into one plain-text
// reference, without markup (no italics), which `ldn cite` prints and the reference sink writes one
// a line.

#include <initializer_list>
#include <memory>
#include <string>

#include "crawler/article.hpp"
#include "query/export/export_sink.hpp"

namespace ldn {

using ReferenceStyle = std::string (*)(const Article& article);

// "[RETRACTED] " before the reference of a retracted paper, so no reader can miss it.
std::string with_retraction_marker(const Article& article, std::string reference);

// Pieces joined by single spaces, empty pieces skipped.
std::string joined_reference_parts(std::initializer_list<std::string> parts);

// One reference per record, each on its own line.
std::unique_ptr<ExportSink> make_reference_sink(ReferenceStyle style);

}  // namespace ldn

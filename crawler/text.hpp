#pragma once
// Plain text out of PubMed's mixed content. pugixml's child_value() returns only the first text child,
// so a title such as "CD4<sup>+</sup> cells" needs a walk over every descendant.

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace ldn {

// All text under `node` (inline markup such as <i>, <sup>, MathML flattened to its characters, in
// document order, with nothing inserted between elements), whitespace normalised.
std::string flattened_text(const pugi::xml_node& node);

// Runs of ASCII whitespace become one space; leading and trailing whitespace goes.
std::string normalize_space(std::string_view text);

}  // namespace ldn

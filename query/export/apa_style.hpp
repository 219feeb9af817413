#pragma once
// APA Publication Manual, 7th edition (9.8 authors, 10.1 journal articles), as plain text without
// italics:
//   Doe, J. F., Roe, J. P., & LDN Study Group. (2020). Title. Journal Title, 12(3), 1865–1876.
//   https://doi.org/10.1000/xyz
// The rules and their sources are in docs/EXPORTS.md.

#include <string>

#include "crawler/article.hpp"

namespace ldn {

std::string apa_reference(const Article& article);

}  // namespace ldn

#pragma once
// AMA Manual of Style, 11th edition (3.11, references to journal articles), as plain text:
//   Doe JF, Roe JP, Coe RT, et al. Title. N Engl J Med. 2020;12(3):1865-1876. doi:10.1000/xyz
// The rules and their sources are in docs/EXPORTS.md.

#include <string>

#include "crawler/article.hpp"

namespace ldn {

std::string ama_reference(const Article& article);

}  // namespace ldn

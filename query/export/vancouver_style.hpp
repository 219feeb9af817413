#pragma once
// Vancouver (ICMJE recommendations, formatted per NLM's Citing Medicine, 2nd ed., chapter 1), as
// plain text:
//   Doe JF, Roe JP, Coe RT, Loe JT, Poe EA, Voe AE, et al. Title. N Engl J Med. 2020 Mar;12(3):1865-76.
//   doi:10.1000/xyz
// The rules and their sources are in docs/EXPORTS.md.

#include <string>

#include "crawler/article.hpp"

namespace ldn {

std::string vancouver_reference(const Article& article);

}  // namespace ldn

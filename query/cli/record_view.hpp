#pragma once
// The text `ldn show` prints for one record: a warning when it was retracted, the title, authors,
// journal, date, types and language; each abstract section with its label; MeSH headings and
// keywords; the annotations; links to PubMed, the DOI and PMC. Parts a record lacks are left out.
// Pure: a record and a width in, text out.

#include <cstddef>
#include <string>

#include "query/export/export_record.hpp"

namespace ldn::cli {

// Blocks separated by blank lines, lines ended by '\n' and wrapped at `width` columns (a URL or
// another word longer than a line is never cut).
std::string record_view(const ExportRecord& record, std::size_t width);

}  // namespace ldn::cli

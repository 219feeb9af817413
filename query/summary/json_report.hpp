#pragma once
// `ldn summarize --format json`: the EvidenceSummary as one JSON object, keys in a fixed order
// (documented in README.md, "Summarizing the evidence"), two-space indent, ending with a newline. Absent values are
// null, never missing keys, so a script can read every key of every report.

#include <string>

#include "query/summary/evidence_summary.hpp"

namespace ldn {

std::string render_json_report(const EvidenceSummary& summary);

}  // namespace ldn

#pragma once
// The HTML format of `ldn summarize` (issue 6): one self-contained page with inline CSS and inline SVG
// charts. It runs no script, loads no font and makes no request (a Content-Security-Policy says so to
// the browser); the only URLs are plain links to PubMed, never fetched. Every string that comes from a
// record is escaped. It prints on paper and reads with a screen reader: one h1, one h2 per section,
// captioned tables with scoped headers, and charts with a title, a description and a data table.
// It computes nothing: it lays out the numbers of the EvidenceSummary, and the same summary always
// gives the same bytes.

#include <string>

#include "query/summary/evidence_summary.hpp"

namespace ldn {

std::string render_html_report(const EvidenceSummary& summary);

}  // namespace ldn

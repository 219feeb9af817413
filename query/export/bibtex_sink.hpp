#pragma once
// BibTeX (@article entries) for LaTeX, pandoc, Zotero and JabRef. Values are brace-delimited and
// UTF-8; the title is double-braced so bibliography styles keep its capitalisation.

#include <memory>
#include <string>
#include <string_view>

#include "query/export/export_sink.hpp"

namespace ldn {

// A value made single-line and safe inside `{…}`: the LaTeX specials % & # _ $ get a backslash,
// ~ ^ and \ become \textasciitilde{}, \textasciicircum{} and \textbackslash{}. Braces become \{ and \}
// when they pair up; an unpaired brace becomes \textbraceleft{} or \textbraceright{}, because BibTeX
// counts braces even after a backslash and one stray brace would swallow the rest of the file.
std::string bibtex_escape(std::string_view text);

std::unique_ptr<ExportSink> make_bibtex_sink();

}  // namespace ldn

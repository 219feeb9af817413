#include "query/export/ris_sink.hpp"

#include <cstdio>

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"

namespace ldn {

namespace {

constexpr std::string_view crlf = "\r\n";

// "Last, Fore, Suffix" as the RIS specification writes a name. A group author is written whole and
// without a comma, which Zotero and EndNote read as a single-field (institutional) name.
std::string ris_author(const Author& author) {
    if (is_collective(author)) return family_or_group_name(author);
    std::string out = family_or_group_name(author);
    std::string given = single_line(author.fore);
    if (given.empty()) given = initials_of(author);
    const std::string suffix = single_line(author.suffix);
    if (!given.empty() || !suffix.empty()) out += ", " + given;
    if (!suffix.empty()) out += ", " + suffix;
    return out;
}

// RIS dates are "YYYY/MM/DD/other", with empty parts for what is unknown.
std::string ris_date(const PublicationDate& date) {
    if (date.year == 0) return {};
    char buffer[32];
    if (date.day != 0)
        std::snprintf(buffer, sizeof buffer, "%04d/%02d/%02d/", date.year, date.month, date.day);
    else if (date.month != 0)
        std::snprintf(buffer, sizeof buffer, "%04d/%02d//", date.year, date.month);
    else
        std::snprintf(buffer, sizeof buffer, "%04d///", date.year);
    return buffer;
}

std::string ris_record(const Article& article) {
    std::string out = ris_line("TY", "JOUR");
    out += ris_line("TI", title_without_final_period(article.title));
    for (const Author& author : named_authors(article)) out += ris_line("AU", ris_author(author));
    out += ris_line("T2", article.journal.title);
    out += ris_line("J2", article.journal.iso_abbrev);
    const PublicationDate date = publication_date(article);
    if (date.year != 0) out += ris_line("PY", std::to_string(date.year));
    out += ris_line("DA", ris_date(date));
    out += ris_line("VL", article.journal.volume);
    out += ris_line("IS", article.journal.issue);
    const PageRange pages = first_page_range(article.journal.pages);
    out += ris_line("SP", pages.first);
    out += ris_line("EP", pages.last);
    out += ris_line("SN", article.journal.issn);
    out += ris_line("DO", article.doi);
    out += ris_line("AN", article.pmid);
    out += ris_line("C2", article.pmcid);
    out += ris_line("UR", pubmed_url(article.pmid));
    out += ris_line("DB", "PubMed");
    out += ris_line("AB", abstract_text(article));
    for (const std::string& keyword : article.keywords) out += ris_line("KW", keyword);
    for (const std::string& language : article.languages) out += ris_line("LA", language);
    if (article.retracted) out += ris_line("N1", retraction_note);
    out += "ER  - ";
    out += crlf;
    return out;
}

class RisSink final : public ExportSink {
public:
    std::string record(const ExportRecord& record) override {
        // A blank line between records: the specification's readers accept it and people read it.
        std::string out = first_ ? std::string() : std::string(crlf);
        first_ = false;
        return out + ris_record(record.article);
    }

private:
    bool first_ = true;
};

}  // namespace

std::string ris_line(std::string_view tag, std::string_view value) {
    const std::string text = single_line(value);
    if (text.empty()) return {};
    std::string out(tag);
    out += "  - ";
    out += text;
    out += crlf;
    return out;
}

std::unique_ptr<ExportSink> make_ris_sink() { return std::make_unique<RisSink>(); }

}  // namespace ldn

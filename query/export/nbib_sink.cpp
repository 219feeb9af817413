#include "query/export/nbib_sink.hpp"

#include <algorithm>

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"
#include "query/export/publication_date.hpp"

namespace ldn {

namespace {

constexpr std::size_t tag_width = 6;  // "TAG - " and the continuation indent
const std::string continuation_indent(tag_width, ' ');

// Code points in UTF-8 text: continuation bytes (10xxxxxx) are not counted.
std::size_t columns_of(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string nbib_full_author(const Author& author) {
    std::string out = family_or_group_name(author);
    const std::string fore = single_line(author.fore);
    if (!fore.empty()) out += ", " + fore;
    const std::string suffix = single_line(author.suffix);
    if (!suffix.empty()) out += ' ' + suffix;
    return out;
}

std::string nbib_author(const Author& author) {
    std::string out = family_or_group_name(author);
    const std::string initials = initials_of(author);
    if (!initials.empty()) out += ' ' + initials;
    const std::string suffix = single_line(author.suffix);
    if (!suffix.empty()) out += ' ' + suffix;
    return out;
}

// "*Fibromyalgia/drug therapy/*physiopathology": a star marks a major topic.
std::string mesh_term(const MeshHeading& heading) {
    std::string out = heading.major ? "*" : "";
    out += single_line(heading.name);
    for (const MeshQualifier& qualifier : heading.qualifiers) {
        out += qualifier.major ? "/*" : "/";
        out += single_line(qualifier.name);
    }
    return out;
}

std::string authors_block(const Article& article) {
    std::string out;
    for (const Author& author : named_authors(article)) {
        if (is_collective(author)) {
            out += nbib_field("CN", family_or_group_name(author));
            continue;
        }
        out += nbib_field("FAU", nbib_full_author(author));
        out += nbib_field("AU", nbib_author(author));
        if (!author.orcid.empty()) out += nbib_field("AUID", "ORCID: " + author.orcid);
        for (const std::string& affiliation : author.affiliations) out += nbib_field("AD", affiliation);
    }
    return out;
}

// PubMed's source line: "N Engl J Med. 2020 Mar;12(3):123-9. doi: 10.1000/x."
std::string source_line(const Article& article) {
    std::string out = nlm_journal_abbreviation(article.journal);
    if (!out.empty()) out += ". ";
    out += nlm_date(article);
    const std::string volume = single_line(article.journal.volume);
    const std::string issue = single_line(article.journal.issue);
    const std::string pages = single_line(article.journal.pages);
    if (!volume.empty() || !issue.empty()) out += ';' + volume;
    if (!issue.empty()) out += '(' + issue + ')';
    if (!pages.empty()) out += ':' + pages;
    if (!out.empty()) out += '.';
    const std::string doi = single_line(article.doi);
    if (!doi.empty()) out += " doi: " + doi + '.';
    return single_line(out);
}

std::string nbib_record(const Article& article) {
    std::string out = nbib_field("PMID", article.pmid);
    out += nbib_field("IS", article.journal.issn);
    out += nbib_field("VI", article.journal.volume);
    out += nbib_field("IP", article.journal.issue);
    out += nbib_field("DP", nlm_date(article));
    out += nbib_field("TI", article.title);
    out += nbib_field("TT", article.vernacular_title);
    out += nbib_field("PG", article.journal.pages);
    if (!single_line(article.doi).empty())
        out += nbib_field("LID", single_line(article.doi) + " [doi]");
    else if (!single_line(article.pii).empty())
        out += nbib_field("LID", single_line(article.pii) + " [pii]");
    out += nbib_field("AB", abstract_text(article));
    out += authors_block(article);
    for (const std::string& language : article.languages) out += nbib_field("LA", language);
    bool typed_retracted = false;
    for (const std::string& type : article.publication_types) {
        out += nbib_field("PT", type);
        typed_retracted = typed_retracted || type == "Retracted Publication";
    }
    if (article.retracted && !typed_retracted) out += nbib_field("PT", "Retracted Publication");
    out += nbib_field("TA", nlm_journal_abbreviation(article.journal));
    out += nbib_field("JT", article.journal.title);
    for (const MeshHeading& heading : article.mesh) out += nbib_field("MH", mesh_term(heading));
    for (const std::string& keyword : article.keywords) out += nbib_field("OT", keyword);
    out += nbib_field("PMC", article.pmcid);
    if (!single_line(article.doi).empty()) out += nbib_field("AID", single_line(article.doi) + " [doi]");
    if (!single_line(article.pii).empty()) out += nbib_field("AID", single_line(article.pii) + " [pii]");
    if (article.retracted) out += nbib_field("GN", retraction_note);
    out += nbib_field("SO", source_line(article));
    return out;
}

class NbibSink final : public ExportSink {
public:
    std::string record(const ExportRecord& record) override {
        std::string out = first_ ? std::string() : std::string("\n");
        first_ = false;
        return out + nbib_record(record.article);
    }

private:
    bool first_ = true;
};

}  // namespace

std::string nbib_field(std::string_view tag, std::string_view value) {
    const std::string text = single_line(value);
    if (text.empty()) return {};
    std::string out(tag);
    out.resize(tag_width - 2, ' ');
    out += "- ";
    const std::size_t width = nbib_line_width - tag_width;
    std::size_t line_columns = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view word = std::string_view(text).substr(start, end - start);
        const std::size_t word_columns = columns_of(word);
        if (line_columns == 0) {
            out += word;
            line_columns = word_columns;
        } else if (line_columns + 1 + word_columns <= width) {
            out += ' ';
            out += word;
            line_columns += 1 + word_columns;
        } else {
            out += '\n';
            out += continuation_indent;
            out += word;
            line_columns = word_columns;
        }
        start = end + 1;
    }
    out += '\n';
    return out;
}

std::unique_ptr<ExportSink> make_nbib_sink() { return std::make_unique<NbibSink>(); }

}  // namespace ldn

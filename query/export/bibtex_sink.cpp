#include "query/export/bibtex_sink.hpp"

#include <cctype>
#include <vector>

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"

namespace ldn {

namespace {

// Which braces of `text` have a partner: an opening brace closed later, a closing brace opened before.
std::vector<bool> paired_braces(std::string_view text) {
    std::vector<bool> paired(text.size(), false);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            open.push_back(i);
        } else if (text[i] == '}' && !open.empty()) {
            paired[i] = true;
            paired[open.back()] = true;
            open.pop_back();
        }
    }
    return paired;
}

// True when `name` would not survive BibTeX's name parser whole: a comma splits it into parts and a
// word "and" splits the author list.
bool needs_protection(std::string_view name) {
    if (name.find(',') != std::string_view::npos) return true;
    std::string lower;
    for (const char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string padded = " " + lower + " ";
    return padded.find(" and ") != std::string::npos;
}

std::string name_part(std::string_view part) {
    const std::string escaped = bibtex_escape(part);
    return needs_protection(part) ? "{" + escaped + "}" : escaped;
}

// "Last, Fore" or "Last, Jr, Fore" (BibTeX's "von Last, Jr, First"); a group author is braced whole
// so that it is one name, never split into first and last.
std::string bibtex_author(const Author& author) {
    if (is_collective(author)) return "{" + bibtex_escape(family_or_group_name(author)) + "}";
    std::string given = single_line(author.fore);
    if (given.empty()) given = dotted_initials(author);
    const std::string suffix = single_line(author.suffix);
    std::string out = name_part(family_or_group_name(author));
    if (!suffix.empty()) out += ", " + name_part(suffix);
    if (!given.empty() || !suffix.empty()) out += ", " + name_part(given);
    return out;
}

std::string citation_key(const Article& article, std::size_t ordinal) {
    std::string digits;
    for (const char c : article.pmid)
        if (std::isalnum(static_cast<unsigned char>(c))) digits += c;
    return digits.empty() ? "record" + std::to_string(ordinal) : "pmid" + digits;
}

class BibtexEntry {
public:
    explicit BibtexEntry(std::string key) : text_("@article{" + key + ",\n") {}

    // A field whose value is already BibTeX (escaped, braced as needed); skipped when empty.
    void raw(std::string_view name, std::string_view value) {
        if (value.empty()) return;
        text_ += "  ";
        text_ += name;
        text_ += " = ";
        text_ += value;
        text_ += ",\n";
    }
    void field(std::string_view name, std::string_view value) {
        const std::string escaped = bibtex_escape(value);
        if (!escaped.empty()) raw(name, "{" + escaped + "}");
    }
    std::string finish() { return text_ + "}\n"; }

private:
    std::string text_;
};

std::string bibtex_record(const Article& article, std::size_t ordinal) {
    BibtexEntry entry(citation_key(article, ordinal));
    std::string authors;
    for (const Author& author : named_authors(article)) {
        if (!authors.empty()) authors += " and ";
        authors += bibtex_author(author);
    }
    if (!authors.empty()) entry.raw("author", "{" + authors + "}");
    const std::string title = bibtex_escape(title_without_final_period(article.title));
    if (!title.empty()) entry.raw("title", "{{" + title + "}}");
    entry.field("journal", article.journal.title);
    entry.field("shortjournal", article.journal.iso_abbrev);
    const PublicationDate date = publication_date(article);
    if (date.year != 0) entry.raw("year", "{" + std::to_string(date.year) + "}");
    if (date.month != 0) {
        // The standard month macros (jan … dec), which every BibTeX style knows.
        std::string month(month_abbreviation(date.month));
        month[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(month[0])));
        entry.raw("month", month);
    }
    entry.field("volume", article.journal.volume);
    entry.field("number", article.journal.issue);
    entry.field("pages", expanded_pages(article.journal.pages, "--"));
    entry.field("issn", article.journal.issn);
    entry.field("doi", article.doi);
    entry.field("pmid", article.pmid);
    entry.field("pmcid", article.pmcid);
    entry.field("abstract", abstract_text(article));
    entry.field("keywords", comma_joined(article.keywords));
    if (!article.languages.empty()) entry.field("language", article.languages.front());
    if (article.retracted) entry.field("note", retraction_note);
    return entry.finish();
}

class BibtexSink final : public ExportSink {
public:
    std::string record(const ExportRecord& record) override {
        std::string out = ordinal_ == 0 ? std::string() : std::string("\n");
        out += bibtex_record(record.article, ++ordinal_);
        return out;
    }

private:
    std::size_t ordinal_ = 0;
};

}  // namespace

std::string bibtex_escape(std::string_view text) {
    const std::string line = single_line(text);
    const std::vector<bool> paired = paired_braces(line);
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        switch (c) {
        case '%': case '&': case '#': case '_': case '$':
            out += '\\';
            out += c;
            break;
        case '~': out += "\\textasciitilde{}"; break;
        case '^': out += "\\textasciicircum{}"; break;
        case '\\': out += "\\textbackslash{}"; break;
        case '{': out += paired[i] ? "\\{" : "\\textbraceleft{}"; break;
        case '}': out += paired[i] ? "\\}" : "\\textbraceright{}"; break;
        default: out += c;
        }
    }
    return out;
}

std::unique_ptr<ExportSink> make_bibtex_sink() { return std::make_unique<BibtexSink>(); }

}  // namespace ldn

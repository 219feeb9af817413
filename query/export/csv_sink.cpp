#include "query/export/csv_sink.hpp"

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/journal_names.hpp"

namespace ldn {

namespace {

constexpr std::string_view crlf = "\r\n";
// Several values in one cell (authors, conditions, doses) are separated by this, which no author
// name or condition id contains.
constexpr std::string_view list_separator = "; ";

bool starts_formula(std::string_view value) {
    if (value.empty()) return false;
    const char first = value.front();
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}

std::string quoted_if_needed(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

template <typename Range, typename ToText>
std::string joined(const Range& values, ToText to_text) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += list_separator;
        out += to_text(value);
    }
    return out;
}

std::string csv_author(const Author& author) {
    if (is_collective(author)) return family_or_group_name(author);
    std::string out = family_or_group_name(author);
    const std::string initials = initials_of(author);
    if (!initials.empty()) out += ' ' + initials;
    const std::string suffix = single_line(author.suffix);
    if (!suffix.empty()) out += ' ' + suffix;
    return out;
}

std::string identity(const std::string& text) { return text; }

std::vector<std::string> row_of(const ExportRecord& record) {
    const Article& article = record.article;
    const Annotations& annotations = record.annotations;
    return {
        article.pmid,
        article.year ? std::to_string(*article.year) : std::string(),
        article.title,
        joined(named_authors(article), csv_author),
        article.journal.title,
        nlm_journal_abbreviation(article.journal),
        article.journal.volume,
        article.journal.issue,
        article.journal.pages,
        article.doi,
        article.pmcid,
        joined(article.publication_types, identity),
        annotations.design,
        std::to_string(annotations.evidence_level),
        joined(annotations.conditions, identity),
        annotations.sample_size ? std::to_string(*annotations.sample_size) : std::string(),
        joined(annotations.doses_mg, decimal_text),
        annotations.dose_class.value_or(""),
        annotations.duration_weeks ? decimal_text(*annotations.duration_weeks) : std::string(),
        annotations.human ? "true" : "false",
        article.retracted ? "true" : "false",
        pubmed_url(article.pmid),
    };
}

std::string csv_line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i != 0) out += ',';
        out += csv_cell(cells[i]);
    }
    out += crlf;
    return out;
}

class CsvSink final : public ExportSink {
public:
    std::string begin() override {
        return csv_line(std::vector<std::string>(csv_columns().begin(), csv_columns().end()));
    }
    std::string record(const ExportRecord& record) override { return csv_line(row_of(record)); }
};

}  // namespace

const std::vector<std::string_view>& csv_columns() {
    static const std::vector<std::string_view> columns = {
        "pmid",         "year",          "title",   "authors",     "journal",      "journal_abbrev",
        "volume",       "issue",         "pages",   "doi",         "pmcid",        "publication_types",
        "design",       "evidence_level", "conditions", "sample_size", "doses_mg", "dose_class",
        "duration_weeks", "human",       "retracted", "url",
    };
    return columns;
}

std::string csv_cell(std::string_view value) {
    std::string text = single_line(value);
    // single_line has already removed a leading tab or CR; the check still names them because this is
    // the rule the cell must satisfy, whatever clean-up ran before.
    if (starts_formula(text)) text.insert(0, 1, '\'');
    return quoted_if_needed(text);
}

std::unique_ptr<ExportSink> make_csv_sink() { return std::make_unique<CsvSink>(); }

}  // namespace ldn

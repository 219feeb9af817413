#include "query/cli/record_view.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "query/cli/terminal.hpp"
#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"

namespace ldn::cli {

namespace {

constexpr std::size_t label_column = 12;  // "Published:" and two spaces
constexpr std::size_t narrowest = 40;     // below this, labels would leave no room for values

// `text` wrapped at `width`, each line after `first_prefix` or, from the second on, `next_prefix`.
std::string wrapped(std::string_view text, std::size_t width, const std::string& first_prefix,
                    const std::string& next_prefix) {
    const std::size_t room = width - display_width(next_prefix);
    std::string out;
    bool first = true;
    for (const std::string& line : wrap_text(text, room)) {
        out += (first ? first_prefix : next_prefix) + line + "\n";
        first = false;
    }
    return out;
}

// "Label:      value", continuation lines aligned under the value; nothing when the value is empty.
std::string field(std::string_view label, std::string_view value, std::size_t width, std::size_t indent = 0) {
    if (value.empty()) return {};
    const std::string margin(indent, ' ');
    return wrapped(value, width, margin + pad_right(std::string(label) + ":", label_column),
                   margin + std::string(label_column, ' '));
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const std::string& value : values) {
        if (value.empty()) continue;
        if (!out.empty()) out += separator;
        out += single_line(value);
    }
    return out;
}

std::string author_list(const Article& article) {
    std::vector<std::string> names;
    for (const Author& author : named_authors(article)) {
        if (is_collective(author)) {
            names.push_back(family_or_group_name(author));
            continue;
        }
        std::string name = family_or_group_name(author);
        for (const std::string& part : {initials_of(author), author.suffix}) {
            if (!part.empty()) name += " " + part;
        }
        names.push_back(name);
    }
    return joined(names, ", ");
}

// "The journal. 2020;12(3):1865-76", parts the record lacks left out with their punctuation.
std::string journal_line(const Article& article) {
    const Journal& journal = article.journal;
    std::string issue_part = journal.volume + (journal.issue.empty() ? "" : "(" + journal.issue + ")");
    std::string locator = article.year ? std::to_string(*article.year) : "";
    if (!issue_part.empty()) locator += (locator.empty() ? "" : ";") + issue_part;
    if (!journal.pages.empty()) locator += (locator.empty() ? "" : ":") + journal.pages;
    std::string line = single_line(journal.title.empty() ? journal.iso_abbrev : journal.title);
    if (!locator.empty()) line += (line.empty() ? "" : ". ") + locator;
    return line;
}

std::string publication_date_text(const Article& article) {
    if (article.medline_date.empty()) return article.pubdate;
    if (article.pubdate.empty()) return article.medline_date;
    return article.pubdate + " (" + article.medline_date + ")";
}

// MEDLINE's form: "Fibromyalgia/*drug therapy", a star on each major descriptor or qualifier.
std::string mesh_heading_text(const MeshHeading& heading) {
    std::string text = (heading.major ? "*" : "") + heading.name;
    for (const MeshQualifier& qualifier : heading.qualifiers) text += "/" + std::string(qualifier.major ? "*" : "") + qualifier.name;
    return text;
}

std::string mesh_list(const Article& article) {
    std::vector<std::string> headings;
    for (const MeshHeading& heading : article.mesh) headings.push_back(mesh_heading_text(heading));
    return joined(headings, "; ");
}

std::string header_block(const Article& article, std::size_t width) {
    std::string out;
    if (article.retracted) out += std::string(retraction_marker) + " This publication has been retracted.\n";
    out += wrapped(single_line(article.title), width, "", "");
    out += wrapped(single_line(article.vernacular_title), width, "", "");
    out += field("Authors", author_list(article), width);
    out += field("Journal", journal_line(article), width);
    out += field("Published", publication_date_text(article), width);
    out += field("Types", joined(article.publication_types, ", "), width);
    out += field("Language", joined(article.languages, ", "), width);
    return out;
}

std::vector<std::string> abstract_blocks(const Article& article, std::size_t width) {
    std::vector<std::string> blocks;
    for (const AbstractSection& section : article.abstract) {
        std::string text = single_line(section.text);
        std::string label = single_line(section.label);
        if (!label.empty()) text = label + ": " + text;
        if (!text.empty()) blocks.push_back(wrapped(text, width, "", ""));
    }
    return blocks;
}

std::string weeks_text(double weeks) { return decimal_text(std::round(weeks * 10) / 10) + " weeks"; }

std::string doses_text(const Annotations& annotations) {
    std::vector<std::string> doses;
    for (double dose : annotations.doses_mg) doses.push_back(decimal_text(dose));
    if (doses.empty()) return {};
    std::string text = joined(doses, ", ") + " mg";
    if (annotations.dose_class) text += " (" + *annotations.dose_class + ")";
    return text;
}

std::string annotations_block(const Annotations& annotations, std::size_t width) {
    constexpr std::size_t indent = 2;
    std::string out = "Annotations\n";
    out += field("Design", annotations.design + " (evidence level " + std::to_string(annotations.evidence_level) + ")",
                 width, indent);
    out += field("Conditions", joined(annotations.conditions, ", "), width, indent);
    out += field("N", annotations.sample_size ? std::to_string(*annotations.sample_size) : "", width, indent);
    out += field("Doses", doses_text(annotations), width, indent);
    out += field("Duration", annotations.duration_weeks ? weeks_text(*annotations.duration_weeks) : "", width, indent);
    out += field("Human", annotations.human ? "yes" : "no", width, indent);
    return out;
}

std::string links_block(const Article& article, std::size_t width) {
    std::string out = field("PubMed", pubmed_url(article.pmid), width);
    std::string doi = bare_doi(article.doi);
    if (!doi.empty()) out += field("DOI", "https://doi.org/" + doi, width);
    if (!article.pmcid.empty()) out += field("PMC", "https://www.ncbi.nlm.nih.gov/pmc/articles/" + article.pmcid + "/", width);
    return out;
}

}  // namespace

std::string record_view(const ExportRecord& record, std::size_t width) {
    width = std::max(width, narrowest);
    const Article& article = record.article;
    std::vector<std::string> blocks{header_block(article, width)};
    for (std::string& block : abstract_blocks(article, width)) blocks.push_back(std::move(block));
    std::string subjects = field("MeSH", mesh_list(article), width) + field("Keywords", joined(article.keywords, ", "), width);
    blocks.push_back(std::move(subjects));
    blocks.push_back(annotations_block(record.annotations, width));
    blocks.push_back(links_block(article, width));

    std::string out;
    for (const std::string& block : blocks) {
        if (block.empty()) continue;
        if (!out.empty()) out += "\n";
        out += block;
    }
    return out;
}

}  // namespace ldn::cli

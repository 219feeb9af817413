#include "query/export/csl_json_sink.hpp"

#include <array>
#include <utility>

#include "query/export/author_names.hpp"
#include "query/export/export_text.hpp"
#include "query/export/page_range.hpp"
#include "query/export/publication_date.hpp"

namespace ldn {

namespace {

using Json = nlohmann::ordered_json;

void set_text(Json& item, const char* key, std::string_view value) {
    std::string text = single_line(value);
    if (!text.empty()) item[key] = std::move(text);
}

Json csl_author(const Author& author) {
    Json name = Json::object();
    if (is_collective(author)) {
        name["literal"] = family_or_group_name(author);
        return name;
    }
    name["family"] = family_or_group_name(author);
    std::string given = single_line(author.fore);
    if (given.empty()) given = dotted_initials(author);
    if (!given.empty()) name["given"] = given;
    set_text(name, "suffix", author.suffix);
    return name;
}

Json issued(const PublicationDate& date) {
    Json parts = Json::array({date.year});
    if (date.month != 0) parts.push_back(date.month);
    if (date.day != 0) parts.push_back(date.day);
    return Json{{"date-parts", Json::array({parts})}};
}

class CslJsonSink final : public ExportSink {
public:
    std::string begin() override { return "["; }
    std::string record(const ExportRecord& record) override {
        std::string out = first_ ? "\n" : ",\n";
        first_ = false;
        // Invalid UTF-8 in a hostile record becomes U+FFFD instead of throwing mid-export.
        out += csl_item(record).dump(2, ' ', false, Json::error_handler_t::replace);
        return out;
    }
    std::string end() override { return first_ ? "]\n" : "\n]\n"; }

private:
    bool first_ = true;
};

}  // namespace

std::string bcp47_language(std::string_view pubmed_language) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> codes = {{
        {"ara", "ar"}, {"chi", "zh"}, {"cze", "cs"}, {"dan", "da"}, {"dut", "nl"}, {"eng", "en"},
        {"fin", "fi"}, {"fre", "fr"}, {"ger", "de"}, {"gre", "el"}, {"heb", "he"}, {"hun", "hu"},
        {"ita", "it"}, {"jpn", "ja"}, {"kor", "ko"}, {"nor", "no"}, {"per", "fa"}, {"pol", "pl"},
        {"por", "pt"}, {"rus", "ru"}, {"spa", "es"}, {"swe", "sv"}, {"tur", "tr"}, {"ukr", "uk"},
    }};
    for (const auto& [pubmed, bcp47] : codes)
        if (pubmed == pubmed_language) return std::string(bcp47);
    return std::string(pubmed_language);
}

nlohmann::ordered_json csl_item(const ExportRecord& record) {
    const Article& article = record.article;
    Json item = Json::object();
    item["id"] = article.pmid.empty() ? std::string("record") : "pmid:" + single_line(article.pmid);
    item["type"] = "article-journal";
    set_text(item, "title", title_without_final_period(article.title));
    set_text(item, "container-title", article.journal.title);
    set_text(item, "container-title-short", article.journal.iso_abbrev);
    Json authors = Json::array();
    for (const Author& author : named_authors(article)) authors.push_back(csl_author(author));
    if (!authors.empty()) item["author"] = std::move(authors);
    const PublicationDate date = publication_date(article);
    if (date.year != 0) item["issued"] = issued(date);
    set_text(item, "volume", article.journal.volume);
    set_text(item, "issue", article.journal.issue);
    set_text(item, "page", expanded_pages(article.journal.pages, "-"));
    set_text(item, "page-first", first_page_range(article.journal.pages).first);
    set_text(item, "ISSN", article.journal.issn);
    set_text(item, "DOI", article.doi);
    set_text(item, "PMID", article.pmid);
    set_text(item, "PMCID", article.pmcid);
    set_text(item, "URL", pubmed_url(article.pmid));
    set_text(item, "abstract", abstract_text(article));
    set_text(item, "keyword", comma_joined(article.keywords));
    if (!article.languages.empty()) set_text(item, "language", bcp47_language(article.languages.front()));
    if (article.retracted) {
        item["note"] = std::string(retraction_note);
        // CSL 1.0.2 names "retracted" as a value of the publication status variable.
        item["status"] = "retracted";
    }
    return item;
}

std::unique_ptr<ExportSink> make_csl_json_sink() { return std::make_unique<CslJsonSink>(); }

}  // namespace ldn

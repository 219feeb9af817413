#include "crawler/article_json.hpp"

namespace ldn {


template <typename Json>
void to_json(Json& out, const AbstractSection& section) {
    out = Json{{"label", section.label}, {"category", section.category}, {"text", section.text}};
}

template <typename Json>
void from_json(const Json& in, AbstractSection& section) {
    in.at("label").get_to(section.label);
    in.at("category").get_to(section.category);
    in.at("text").get_to(section.text);
}

template <typename Json>
void to_json(Json& out, const Author& author) {
    out = Json{{"last", author.last},
               {"fore", author.fore},
               {"initials", author.initials},
               {"suffix", author.suffix},
               {"collective", author.collective},
               {"orcid", author.orcid},
               {"affiliations", author.affiliations}};
}

template <typename Json>
void from_json(const Json& in, Author& author) {
    in.at("last").get_to(author.last);
    in.at("fore").get_to(author.fore);
    in.at("initials").get_to(author.initials);
    in.at("suffix").get_to(author.suffix);
    in.at("collective").get_to(author.collective);
    in.at("orcid").get_to(author.orcid);
    in.at("affiliations").get_to(author.affiliations);
}

template <typename Json>
void to_json(Json& out, const Journal& journal) {
    out = Json{{"title", journal.title},   {"iso_abbrev", journal.iso_abbrev},
               {"issn", journal.issn},     {"volume", journal.volume},
               {"issue", journal.issue},   {"pages", journal.pages}};
}

template <typename Json>
void from_json(const Json& in, Journal& journal) {
    in.at("title").get_to(journal.title);
    in.at("iso_abbrev").get_to(journal.iso_abbrev);
    in.at("issn").get_to(journal.issn);
    in.at("volume").get_to(journal.volume);
    in.at("issue").get_to(journal.issue);
    in.at("pages").get_to(journal.pages);
}

template <typename Json>
void to_json(Json& out, const MeshQualifier& qualifier) {
    out = Json{{"ui", qualifier.ui}, {"name", qualifier.name}, {"major", qualifier.major}};
}

template <typename Json>
void from_json(const Json& in, MeshQualifier& qualifier) {
    in.at("ui").get_to(qualifier.ui);
    in.at("name").get_to(qualifier.name);
    in.at("major").get_to(qualifier.major);
}

template <typename Json>
void to_json(Json& out, const MeshHeading& heading) {
    out = Json{{"ui", heading.ui},
               {"name", heading.name},
               {"major", heading.major},
               {"qualifiers", heading.qualifiers}};
}

template <typename Json>
void from_json(const Json& in, MeshHeading& heading) {
    in.at("ui").get_to(heading.ui);
    in.at("name").get_to(heading.name);
    in.at("major").get_to(heading.major);
    in.at("qualifiers").get_to(heading.qualifiers);
}

template <typename Json>
void to_json(Json& out, const Article& article) {
    out = Json{{"pmid", article.pmid},
               {"deleted", article.deleted},
               {"title", article.title},
               {"vernacular_title", article.vernacular_title},
               {"abstract", article.abstract},
               {"authors", article.authors},
               {"journal", article.journal},
               {"year", article.year ? Json(*article.year) : Json(nullptr)},
               {"pubdate", article.pubdate},
               {"medline_date", article.medline_date},
               {"doi", article.doi},
               {"pmcid", article.pmcid},
               {"pii", article.pii},
               {"publication_types", article.publication_types},
               {"mesh", article.mesh},
               {"keywords", article.keywords},
               {"chemicals", article.chemicals},
               {"languages", article.languages},
               {"retracted", article.retracted},
               {"retraction_of", article.retraction_of},
               {"corrected", article.corrected},
               {"book", article.book}};
}

template <typename Json>
void from_json(const Json& in, Article& article) {
    in.at("pmid").get_to(article.pmid);
    in.at("deleted").get_to(article.deleted);
    in.at("title").get_to(article.title);
    in.at("vernacular_title").get_to(article.vernacular_title);
    in.at("abstract").get_to(article.abstract);
    in.at("authors").get_to(article.authors);
    in.at("journal").get_to(article.journal);
    const Json& year = in.at("year");
    article.year = year.is_null() ? std::nullopt : std::optional<int>(year.template get<int>());
    in.at("pubdate").get_to(article.pubdate);
    in.at("medline_date").get_to(article.medline_date);
    in.at("doi").get_to(article.doi);
    in.at("pmcid").get_to(article.pmcid);
    in.at("pii").get_to(article.pii);
    in.at("publication_types").get_to(article.publication_types);
    in.at("mesh").get_to(article.mesh);
    in.at("keywords").get_to(article.keywords);
    in.at("chemicals").get_to(article.chemicals);
    in.at("languages").get_to(article.languages);
    in.at("retracted").get_to(article.retracted);
    in.at("retraction_of").get_to(article.retraction_of);
    in.at("corrected").get_to(article.corrected);
    in.at("book").get_to(article.book);
}

namespace {

void write_author(JsonWriter& json, const Author& author) {
    json.begin_object();
    json.key("last"), json.value(author.last);
    json.key("fore"), json.value(author.fore);
    json.key("initials"), json.value(author.initials);
    json.key("suffix"), json.value(author.suffix);
    json.key("collective"), json.value(author.collective);
    json.key("orcid"), json.value(author.orcid);
    json.key("affiliations"), json.value(author.affiliations);
    json.end_object();
}

void write_mesh_heading(JsonWriter& json, const MeshHeading& heading) {
    json.begin_object();
    json.key("ui"), json.value(heading.ui);
    json.key("name"), json.value(heading.name);
    json.key("major"), json.value(heading.major);
    json.key("qualifiers"), json.begin_array();
    for (const MeshQualifier& qualifier : heading.qualifiers) {
        json.begin_object();
        json.key("ui"), json.value(qualifier.ui);
        json.key("name"), json.value(qualifier.name);
        json.key("major"), json.value(qualifier.major);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

void write_article_fields(JsonWriter& json, const Article& article) {
    json.key("pmid"), json.value(article.pmid);
    json.key("deleted"), json.value(article.deleted);
    json.key("title"), json.value(article.title);
    json.key("vernacular_title"), json.value(article.vernacular_title);
    json.key("abstract"), json.begin_array();
    for (const AbstractSection& section : article.abstract) {
        json.begin_object();
        json.key("label"), json.value(section.label);
        json.key("category"), json.value(section.category);
        json.key("text"), json.value(section.text);
        json.end_object();
    }
    json.end_array();
    json.key("authors"), json.begin_array();
    for (const Author& author : article.authors) write_author(json, author);
    json.end_array();
    json.key("journal"), json.begin_object();
    json.key("title"), json.value(article.journal.title);
    json.key("iso_abbrev"), json.value(article.journal.iso_abbrev);
    json.key("issn"), json.value(article.journal.issn);
    json.key("volume"), json.value(article.journal.volume);
    json.key("issue"), json.value(article.journal.issue);
    json.key("pages"), json.value(article.journal.pages);
    json.end_object();
    json.key("year"), json.value(article.year);
    json.key("pubdate"), json.value(article.pubdate);
    json.key("medline_date"), json.value(article.medline_date);
    json.key("doi"), json.value(article.doi);
    json.key("pmcid"), json.value(article.pmcid);
    json.key("pii"), json.value(article.pii);
    json.key("publication_types"), json.value(article.publication_types);
    json.key("mesh"), json.begin_array();
    for (const MeshHeading& heading : article.mesh) write_mesh_heading(json, heading);
    json.end_array();
    json.key("keywords"), json.value(article.keywords);
    json.key("chemicals"), json.value(article.chemicals);
    json.key("languages"), json.value(article.languages);
    json.key("retracted"), json.value(article.retracted);
    json.key("retraction_of"), json.value(article.retraction_of);
    json.key("corrected"), json.value(article.corrected);
    json.key("book"), json.value(article.book);
}

std::string article_json_text(const Article& article) {
    std::string text;
    JsonWriter json(text);
    json.begin_object();
    write_article_fields(json, article);
    json.end_object();
    return text;
}

#define LDN_INSTANTIATE_ARTICLE_JSON(Json, Type)       \
    template void to_json<Json>(Json&, const Type&); \
    template void from_json<Json>(const Json&, Type&);
#define LDN_INSTANTIATE_ARTICLE_JSON_ALL(Json)                 \
    LDN_INSTANTIATE_ARTICLE_JSON(Json, AbstractSection)        \
    LDN_INSTANTIATE_ARTICLE_JSON(Json, Author)                 \
    LDN_INSTANTIATE_ARTICLE_JSON(Json, Journal)                \
    LDN_INSTANTIATE_ARTICLE_JSON(Json, MeshQualifier)          \
    LDN_INSTANTIATE_ARTICLE_JSON(Json, MeshHeading)            \
    LDN_INSTANTIATE_ARTICLE_JSON(Json, Article)

LDN_INSTANTIATE_ARTICLE_JSON_ALL(nlohmann::json)
LDN_INSTANTIATE_ARTICLE_JSON_ALL(nlohmann::ordered_json)

}  // namespace ldn

#include "index/document_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "crawler/article_json.hpp"
#include "index/schema.hpp"

namespace ldn {

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Xapian terms are at most 245 bytes; a longer boolean value (a freak DOI) is cut, not fatal.
std::string boolean_term(const char* prefix, const std::string& value) {
    std::string term = prefix + lower(value);
    if (term.size() > 240) term.resize(240);
    return term;
}

std::string pubdate_value(const std::string& pubdate) {
    // "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> "YYYYMMDD" with 00 for the unknown parts.
    std::string value = "00000000";
    for (std::size_t from = 0, to = 0; from < pubdate.size() && to < value.size(); ++from) {
        if (pubdate[from] == '-') continue;
        value[to++] = pubdate[from];
    }
    return pubdate.empty() ? std::string() : value;
}

// Fixed width, so that text order is numeric order.
std::string padded_pmid(const std::string& pmid) {
    if (pmid.size() >= schema::pmid_order_width) return pmid;
    return std::string(schema::pmid_order_width - pmid.size(), '0') + pmid;
}

// Each digit d as 9 - d: ascending order of the result is descending order of the digits.
std::string digits_inverted(std::string digits) {
    for (char& c : digits) {
        if (c >= '0' && c <= '9') c = static_cast<char>('9' - (c - '0'));
    }
    return digits;
}

}  // namespace

DocumentBuilder::DocumentBuilder() { generator_.set_stemmer(Xapian::Stem("english")); }

void DocumentBuilder::index_text(const std::string& text, const char* field_prefix, Xapian::termcount weight) {
    if (text.empty()) return;
    const Xapian::termpos first = generator_.get_termpos() + 1;
    generator_.index_text(text, weight);
    unprefixed_text_.push_back({first, generator_.get_termpos(), weight});
    generator_.index_text(text, weight, field_prefix);
    // A gap so that a phrase cannot match across the end of one field and the start of the next.
    generator_.increase_termpos(100);
}

Xapian::Document DocumentBuilder::build(const Article& article, const Annotations& annotations) {
    Xapian::Document document;
    generator_.set_document(document);
    unprefixed_text_.clear();

    index_text(article.title, schema::prefix::title, schema::title_weight);
    index_text(article.vernacular_title, schema::prefix::title, 1);
    for (const AbstractSection& section : article.abstract) index_text(section.text, schema::prefix::abstract, 1);
    for (const Author& author : article.authors) {
        std::string name = author.collective.empty() ? author.fore + " " + author.last : author.collective;
        if (!author.initials.empty()) name += " " + author.initials;
        index_text(name, schema::prefix::author, 1);
    }
    index_text(article.journal.title, schema::prefix::journal, 1);
    index_text(article.journal.iso_abbrev, schema::prefix::journal, 1);
    for (const MeshHeading& heading : article.mesh) {
        index_text(heading.name, schema::prefix::mesh, 1);
        if (!heading.ui.empty()) document.add_boolean_term(boolean_term(schema::prefix::mesh_ui, heading.ui));
    }
    for (const std::string& keyword : article.keywords) index_text(keyword, schema::prefix::keyword, 1);
    for (const std::string& type : article.publication_types) {
        index_text(type, schema::prefix::publication_type, 1);
        document.add_boolean_term(boolean_term(schema::prefix::type, type));
    }

    add_indexed_phrases(document, unprefixed_text_);

    document.add_boolean_term(schema::pmid_term(article.pmid));
    if (!article.doi.empty()) document.add_boolean_term(boolean_term(schema::prefix::doi, article.doi));
    if (article.year) document.add_boolean_term(schema::prefix::year + std::to_string(*article.year));
    for (const std::string& language : article.languages) {
        document.add_boolean_term(boolean_term(schema::prefix::language, language));
    }
    for (const std::string& condition : annotations.conditions) {
        document.add_boolean_term(boolean_term(schema::prefix::condition, condition));
    }
    document.add_boolean_term(boolean_term(schema::prefix::design, annotations.design));
    document.add_boolean_term(std::string(schema::prefix::retracted) + (article.retracted ? "yes" : "no"));

    if (std::string date = pubdate_value(article.pubdate); !date.empty()) document.add_value(schema::pubdate, date);
    if (article.year) document.add_value(schema::year, Xapian::sortable_serialise(*article.year));
    document.add_value(schema::evidence_level, Xapian::sortable_serialise(annotations.evidence_level));
    if (annotations.sample_size) {
        document.add_value(schema::sample_size, Xapian::sortable_serialise(*annotations.sample_size));
    }
    if (!annotations.doses_mg.empty()) {
        double largest = *std::max_element(annotations.doses_mg.begin(), annotations.doses_mg.end());
        document.add_value(schema::dose, Xapian::sortable_serialise(largest));
    }
    document.add_value(schema::design, annotations.design);
    std::string conditions;
    for (const std::string& condition : annotations.conditions) {
        if (!conditions.empty()) conditions += schema::condition_separator;
        conditions += condition;
    }
    if (!conditions.empty()) document.add_value(schema::conditions, conditions);
    const std::string pmid = padded_pmid(article.pmid);
    document.add_value(schema::pmid_order, pmid);
    document.add_value(schema::evidence_order, std::to_string(annotations.evidence_level) + pmid);
    std::string date = pubdate_value(article.pubdate);
    document.add_value(schema::date_order, (date.empty() ? "00000000" : date) + digits_inverted(pmid));
    document.set_data(document_data(article, annotations));
    return document;
}

std::string document_data(const Article& article, const Annotations& annotations) {
    std::string data;
    data.reserve(4096);  // a typical record's JSON is 3-4 KB
    JsonWriter json(data);
    json.begin_object();
    write_article_fields(json, article);
    json.key("annotations");
    write_annotations(json, annotations);
    json.end_object();
    return data;
}

}  // namespace ldn

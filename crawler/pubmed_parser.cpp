#include "crawler/pubmed_parser.hpp"

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "crawler/pubmed_dates.hpp"
#include "crawler/text.hpp"

namespace ldn {

namespace {

using pugi::xml_node;

// Whitespace-only text between inline elements separates words ("<i>a</i> <b>b</b>"), so it must be
// kept; the DOCTYPE is never read, so no entity declared there is ever expanded.
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata;

bool is_yes(const xml_node& node, const char* attribute) {
    return std::string_view(node.attribute(attribute).value()) == "Y";
}

std::string text_of(const xml_node& node) { return normalize_space(node.child_value()); }

bool same(const char* a, std::string_view b) { return std::string_view(a) == b; }

// ORCIDs come bare or as a URL; the bare 16-character form is what users paste elsewhere.
std::string bare_orcid(std::string value) {
    std::size_t slash = value.find_last_of('/');
    if (slash != std::string::npos) value.erase(0, slash + 1);
    return value;
}

Author read_author(const xml_node& node) {
    Author author;
    for (xml_node child : node.children()) {
        std::string_view name = child.name();
        if (name == "LastName") {
            author.last = flattened_text(child);
        } else if (name == "ForeName" || name == "FirstName") {
            author.fore = flattened_text(child);
        } else if (name == "Initials") {
            author.initials = flattened_text(child);
        } else if (name == "Suffix") {
            author.suffix = flattened_text(child);
        } else if (name == "CollectiveName") {
            author.collective = flattened_text(child);
        } else if (name == "Identifier") {
            if (same(child.attribute("Source").value(), "ORCID") && author.orcid.empty()) {
                author.orcid = bare_orcid(text_of(child));
            }
        } else if (name == "AffiliationInfo") {
            std::string affiliation = flattened_text(child.child("Affiliation"));
            if (!affiliation.empty()) author.affiliations.push_back(std::move(affiliation));
        } else if (name == "Affiliation") {  // MEDLINE files before 2015
            std::string affiliation = flattened_text(child);
            if (!affiliation.empty()) author.affiliations.push_back(std::move(affiliation));
        }
    }
    return author;
}

// Authors NLM marked invalid (ValidYN="N") are errata of the author list, not authors.
void read_author_list(const xml_node& list, std::vector<Author>& authors) {
    for (xml_node author : list.children("Author")) {
        if (same(author.attribute("ValidYN").value(), "N")) continue;
        authors.push_back(read_author(author));
    }
}

void read_abstract(const xml_node& abstract, std::vector<AbstractSection>& sections) {
    for (xml_node text : abstract.children("AbstractText")) {
        AbstractSection section{text.attribute("Label").value(),
                                text.attribute("NlmCategory").value(), flattened_text(text)};
        if (section.text.empty() && section.label.empty()) continue;
        sections.push_back(std::move(section));
    }
}

void apply_pub_date(const xml_node& pub_date, Article& article) {
    if (xml_node medline = pub_date.child("MedlineDate")) {
        article.medline_date = text_of(medline);
        auto date = date_from_medline_date(article.medline_date);
        article.year = date.year;
        article.pubdate = date.iso;
        return;
    }
    auto date = date_from_parts(pub_date.child_value("Year"), pub_date.child_value("Month"),
                                pub_date.child_value("Day"));
    article.year = date.year;
    article.pubdate = date.iso;
}

void read_article_ids(const xml_node& list, Article& article) {
    for (xml_node id : list.children("ArticleId")) {
        std::string_view type = id.attribute("IdType").value();
        if (type == "doi" && article.doi.empty()) {
            article.doi = text_of(id);
        } else if (type == "pmc" && article.pmcid.empty()) {
            article.pmcid = text_of(id);
        } else if (type == "pii" && article.pii.empty()) {
            article.pii = text_of(id);
        }
    }
}

void read_elocations(const xml_node& parent, Article& article) {
    for (xml_node location : parent.children("ELocationID")) {
        if (same(location.attribute("ValidYN").value(), "N")) continue;
        std::string_view type = location.attribute("EIdType").value();
        if (type == "doi" && article.doi.empty()) {
            article.doi = text_of(location);
        } else if (type == "pii" && article.pii.empty()) {
            article.pii = text_of(location);
        }
    }
}

void read_languages(const xml_node& parent, Article& article) {
    for (xml_node language : parent.children("Language")) {
        std::string value = text_of(language);
        if (!value.empty()) article.languages.push_back(std::move(value));
    }
}

// Article records list their types in a PublicationTypeList; book records put them directly
// under BookDocument: both are children named PublicationType of `parent`.
void read_publication_types(const xml_node& parent, Article& article) {
    for (xml_node type : parent.children("PublicationType")) {
        std::string value = text_of(type);
        if (value == "Retracted Publication") article.retracted = true;
        if (!value.empty()) article.publication_types.push_back(std::move(value));
    }
}

void read_keywords(const xml_node& parent, Article& article) {
    for (xml_node list : parent.children("KeywordList")) {
        for (xml_node keyword : list.children("Keyword")) {
            std::string value = flattened_text(keyword);
            if (!value.empty()) article.keywords.push_back(std::move(value));
        }
    }
}

void read_journal(const xml_node& journal, Article& article) {
    article.journal.title = flattened_text(journal.child("Title"));
    article.journal.iso_abbrev = text_of(journal.child("ISOAbbreviation"));
    article.journal.issn = text_of(journal.child("ISSN"));
    xml_node issue = journal.child("JournalIssue");
    article.journal.volume = text_of(issue.child("Volume"));
    article.journal.issue = text_of(issue.child("Issue"));
    apply_pub_date(issue.child("PubDate"), article);
}

std::string read_pages(const xml_node& pagination) {
    if (xml_node medline = pagination.child("MedlinePgn")) return text_of(medline);
    std::string start = text_of(pagination.child("StartPage"));
    std::string end = text_of(pagination.child("EndPage"));
    return end.empty() || start.empty() ? start : start + "-" + end;
}

void read_medline_citation(const xml_node& citation, Article& article) {
    article.pmid = text_of(citation.child("PMID"));
    xml_node body = citation.child("Article");
    read_journal(body.child("Journal"), article);
    article.title = flattened_text(body.child("ArticleTitle"));
    article.vernacular_title = flattened_text(body.child("VernacularTitle"));
    article.journal.pages = read_pages(body.child("Pagination"));
    read_elocations(body, article);
    read_abstract(body.child("Abstract"), article.abstract);
    read_author_list(body.child("AuthorList"), article.authors);
    read_languages(body, article);
    read_publication_types(body.child("PublicationTypeList"), article);

    for (xml_node chemical : citation.child("ChemicalList").children("Chemical")) {
        std::string name = text_of(chemical.child("NameOfSubstance"));
        if (!name.empty()) article.chemicals.push_back(std::move(name));
    }
    for (xml_node heading : citation.child("MeshHeadingList").children("MeshHeading")) {
        xml_node descriptor = heading.child("DescriptorName");
        MeshHeading mesh{descriptor.attribute("UI").value(), text_of(descriptor),
                         is_yes(descriptor, "MajorTopicYN"), {}};
        for (xml_node qualifier : heading.children("QualifierName")) {
            mesh.qualifiers.push_back(MeshQualifier{qualifier.attribute("UI").value(),
                                                    text_of(qualifier),
                                                    is_yes(qualifier, "MajorTopicYN")});
        }
        article.mesh.push_back(std::move(mesh));
    }
    for (xml_node comment : citation.child("CommentsCorrectionsList").children("CommentsCorrections")) {
        std::string_view type = comment.attribute("RefType").value();
        if (type == "RetractionIn") {
            article.retracted = true;
        } else if (type == "ErratumIn" || type == "CorrectedandRepublishedIn") {
            article.corrected = true;
        } else if (type == "RetractionOf") {
            std::string pmid = text_of(comment.child("PMID"));
            if (!pmid.empty()) article.retraction_of.push_back(std::move(pmid));
        }
    }
    read_keywords(citation, article);
    // MEDLINE files before PubmedData existed carried the PMC id here.
    for (xml_node other : citation.children("OtherID")) {
        std::string value = text_of(other);
        if (article.pmcid.empty() && value.starts_with("PMC")) article.pmcid = value.substr(0, value.find(' '));
    }
}

void read_book_document(const xml_node& document, Article& article) {
    article.book = true;
    article.pmid = text_of(document.child("PMID"));
    xml_node book = document.child("Book");
    std::string book_title = flattened_text(book.child("BookTitle"));
    article.title = flattened_text(document.child("ArticleTitle"));
    if (article.title.empty()) {
        article.title = book_title;
    } else {
        article.journal.title = book_title;  // a chapter: the book is its container
    }
    article.vernacular_title = flattened_text(document.child("VernacularTitle"));
    article.journal.volume = text_of(book.child("Volume"));
    apply_pub_date(book.child("PubDate"), article);
    read_article_ids(document.child("ArticleIdList"), article);
    read_abstract(document.child("Abstract"), article.abstract);
    for (xml_node list : document.children("AuthorList")) {
        if (!same(list.attribute("Type").value(), "editors")) read_author_list(list, article.authors);
    }
    if (article.authors.empty()) {
        for (xml_node list : book.children("AuthorList")) {
            if (!same(list.attribute("Type").value(), "editors")) read_author_list(list, article.authors);
        }
    }
    read_languages(document, article);
    read_publication_types(document, article);
    read_publication_types(document.child("PublicationTypeList"), article);
    read_keywords(document, article);
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':' || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// A problem found by check_record_shape: what, and where in the record.
struct ShapeProblem {
    std::string reason;
    std::size_t offset;
};

// `at` is an '&'. An entity reference (&name;) other than XML's five is a problem; character
// references and an '&' that starts no reference are left to pugixml.
std::optional<ShapeProblem> check_reference(std::string_view xml, std::size_t at) {
    std::size_t end = at + 1;
    while (end < xml.size() && is_name_char(xml[end])) ++end;  // '&' ends a name: linear overall
    if (end == at + 1 || end >= xml.size() || xml[end] != ';') return std::nullopt;
    std::string_view name = xml.substr(at + 1, end - at - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return std::nullopt;
    std::string shown(name.substr(0, 64));
    if (name.size() > shown.size()) shown += "...";
    return ShapeProblem{"reference to the undeclared entity &" + shown +
                            "; (entities declared in a DOCTYPE are never expanded)",
                        at};
}

// One pass over the record's bytes before pugixml builds its tree: see parse_record's declaration.
// Constructs it cannot follow (an unterminated comment or tag) are left for pugixml to report. The
// searches are memchr-based; only tags with attributes are read character by character.
std::optional<ShapeProblem> check_record_shape(std::string_view xml) {
    constexpr auto npos = std::string_view::npos;
    std::size_t depth = 0;
    std::size_t nodes = 0;
    std::size_t at = 0;
    auto too_many = [&](std::size_t where) {
        return ShapeProblem{"more than " + std::to_string(max_record_nodes) +
                                " elements, attributes and text runs in one record",
                            where};
    };
    auto past = [&](std::string_view terminator, std::size_t from) {
        std::size_t end = xml.find(terminator, from);
        return end == npos ? xml.size() : end + terminator.size();
    };
    while (at < xml.size()) {
        const std::size_t markup = xml.find('<', at);
        const std::size_t text_end = markup == npos ? xml.size() : markup;
        if (text_end > at) {
            if (++nodes > max_record_nodes) return too_many(at);
            const std::string_view text = xml.substr(at, text_end - at);
            for (std::size_t amp = text.find('&'); amp != npos; amp = text.find('&', amp + 1)) {
                if (auto problem = check_reference(xml, at + amp)) return problem;
            }
        }
        if (markup == npos || markup + 1 >= xml.size()) break;
        const char kind = xml[markup + 1];
        if (kind == '/') {
            if (depth > 0) --depth;
            at = past(">", markup + 2);
            continue;
        }
        if (kind == '?') {
            at = past("?>", markup + 2);
            continue;
        }
        if (kind == '!') {
            const std::string_view rest = xml.substr(markup);
            if (rest.starts_with("<!--")) {
                at = past("-->", markup + 4);
            } else if (rest.starts_with("<![CDATA[")) {
                if (++nodes > max_record_nodes) return too_many(markup);
                at = past("]]>", markup + 9);
            } else {
                at = markup + 2;  // a DOCTYPE inside a record: pugixml refuses it
            }
            continue;
        }
        // A start tag: one element, and one attribute per '=' outside quotes.
        if (++depth > max_element_depth) {
            return ShapeProblem{"elements nested deeper than " + std::to_string(max_element_depth) + " levels",
                                markup};
        }
        if (++nodes > max_record_nodes) return too_many(markup);
        // Tags are short: a plain loop finds the end faster than library calls.
        std::size_t end = markup + 1;
        bool attributes = false;
        while (end < xml.size() && xml[end] != '>') attributes |= xml[end++] == '=';
        if (end >= xml.size()) break;
        if (attributes) {
            // Attributes: their quoted values may hold '>' and references.
            char quote = 0;
            for (end = markup + 1; end < xml.size(); ++end) {
                const char c = xml[end];
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '&') {
                        if (auto problem = check_reference(xml, end)) return problem;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '=') {
                    if (++nodes > max_record_nodes) return too_many(end);
                } else if (c == '>') {
                    break;
                }
            }
            if (end >= xml.size()) break;
        }
        if (xml[end - 1] == '/') --depth;
        at = end + 1;
    }
    return std::nullopt;
}

// The PMID of a record refused before parsing, for its message: the first <PMID>'s digits.
std::string sniff_pmid(std::string_view xml) {
    std::size_t tag = xml.find("<PMID");
    if (tag == std::string_view::npos) return {};
    std::size_t open_end = xml.find('>', tag);
    if (open_end == std::string_view::npos) return {};
    std::size_t end = open_end + 1;
    while (end < xml.size() && end - open_end <= 20 && xml[end] >= '0' && xml[end] <= '9') ++end;
    return std::string(xml.substr(open_end + 1, end - open_end - 1));
}

ParsedRecord failure(std::string pmid, std::string reason, std::size_t offset = 0) {
    ParsedRecord record;
    record.pmid = std::move(pmid);
    record.error = std::move(reason);
    record.error_offset = offset;
    return record;
}

}  // namespace

ParsedRecord parse_record(RecordKind kind, std::string_view xml) {
    if (auto problem = check_record_shape(xml)) {
        return failure(sniff_pmid(xml), std::move(problem->reason), problem->offset);
    }
    pugi::xml_document document;
    pugi::xml_parse_result parsed =
        document.load_buffer(xml.data(), xml.size(), parse_options, pugi::encoding_utf8);
    if (!parsed) {
        std::string pmid;
        if (xml_node partial = document.first_child()) {
            pmid = text_of(partial.child("PMID"));
            if (pmid.empty()) pmid = text_of(partial.child("MedlineCitation").child("PMID"));
        }
        return failure(std::move(pmid), std::string("malformed XML: ") + parsed.description(),
                       static_cast<std::size_t>(parsed.offset));
    }
    xml_node root = document.document_element();
    ParsedRecord record;

    if (kind == RecordKind::delete_citation) {
        for (xml_node pmid : root.children("PMID")) {
            Article deleted;
            deleted.pmid = text_of(pmid);
            deleted.deleted = true;
            if (!deleted.pmid.empty()) record.articles.push_back(std::move(deleted));
        }
        return record;
    }

    Article article;
    switch (kind) {
        case RecordKind::pubmed_article:
            read_medline_citation(root.child("MedlineCitation"), article);
            read_article_ids(root.child("PubmedData").child("ArticleIdList"), article);
            break;
        case RecordKind::medline_citation:
            read_medline_citation(root, article);
            break;
        case RecordKind::pubmed_book_article:
            read_book_document(root.child("BookDocument"), article);
            read_article_ids(root.child("PubmedBookData").child("ArticleIdList"), article);
            break;
        case RecordKind::delete_citation:
            break;
    }
    if (article.pmid.empty()) return failure({}, "record has no PMID");
    if (article.pmid.find_first_not_of("0123456789") != std::string::npos) {
        return failure(article.pmid, "PMID '" + article.pmid + "' is not a number");
    }
    record.pmid = article.pmid;
    record.articles.push_back(std::move(article));
    return record;
}

}  // namespace ldn

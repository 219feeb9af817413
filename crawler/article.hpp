#pragma once
// The Article model: the contract between the PubMed reader, the index, the exports and the tests.
// Every field maps one-to-one onto a key of the Article JSON described in DESIGN.md; an absent value
// is an empty string, an empty vector or std::nullopt, never a missing key.

#include <optional>
#include <string>
#include <vector>

namespace ldn {

struct AbstractSection {
    std::string label;     // the Label attribute ("METHODS"); empty for an unstructured abstract
    std::string category;  // the NlmCategory attribute ("METHODS", "UNASSIGNED", …)
    std::string text;      // flattened plain text

    bool operator==(const AbstractSection&) const = default;
};

struct Author {
    std::string last;
    std::string fore;
    std::string initials;
    std::string suffix;
    std::string collective;  // a CollectiveName author has this and no personal name
    std::string orcid;       // bare 0000-0000-0000-000X form
    std::vector<std::string> affiliations;

    bool operator==(const Author&) const = default;
};

struct Journal {
    std::string title;
    std::string iso_abbrev;
    std::string issn;
    std::string volume;
    std::string issue;
    std::string pages;

    bool operator==(const Journal&) const = default;
};

struct MeshQualifier {
    std::string ui;
    std::string name;
    bool major = false;

    bool operator==(const MeshQualifier&) const = default;
};

struct MeshHeading {
    std::string ui;
    std::string name;
    bool major = false;
    std::vector<MeshQualifier> qualifiers;

    bool operator==(const MeshHeading&) const = default;
};

struct Article {
    std::string pmid;
    bool deleted = false;  // a DeleteCitation entry: only pmid is meaningful

    std::string title;
    std::string vernacular_title;
    std::vector<AbstractSection> abstract;
    std::vector<Author> authors;
    Journal journal;

    std::optional<int> year;
    std::string pubdate;       // YYYY, YYYY-MM or YYYY-MM-DD
    std::string medline_date;  // the raw MedlineDate text when the record has one

    std::string doi;
    std::string pmcid;
    std::string pii;

    std::vector<std::string> publication_types;
    std::vector<MeshHeading> mesh;
    std::vector<std::string> keywords;
    std::vector<std::string> chemicals;
    std::vector<std::string> languages;

    bool retracted = false;
    std::vector<std::string> retraction_of;  // PMIDs of the papers this notice retracts
    bool corrected = false;  // a correction was published: an ErratumIn or CorrectedandRepublishedIn comment

    bool book = false;  // a PubmedBookArticle

    bool operator==(const Article&) const = default;
};

}  // namespace ldn

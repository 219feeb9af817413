#pragma once
// Records the export tests share: one full record, and edge records that each change one thing
// (authors, pages, retraction, hostile text). Every name, title and identifier is fictional.

#include <string>
#include <vector>

#include "query/export/export_record.hpp"

namespace ldn::test {

inline Author person(std::string last, std::string fore, std::string initials, std::string suffix = "") {
    Author author;
    author.last = std::move(last);
    author.fore = std::move(fore);
    author.initials = std::move(initials);
    author.suffix = std::move(suffix);
    return author;
}

inline Author group(std::string name) {
    Author author;
    author.collective = std::move(name);
    return author;
}

// Doe JF Jr, Müller J, Zhang W; NEJM; 2020 Mar 15; 12(3):1865-76; every identifier present.
inline ExportRecord full_record() {
    ExportRecord record;
    Article& article = record.article;
    article.pmid = "31234567";
    article.title = "Low-dose naltrexone for fibromyalgia: a randomized, placebo-controlled trial.";
    article.abstract = {{"BACKGROUND", "BACKGROUND", "Fibromyalgia is common."},
                        {"RESULTS", "RESULTS", "Pain fell by 30%."}};
    Author doe = person("Doe", "John F", "JF", "Jr");
    doe.orcid = "0000-0002-1825-0097";
    doe.affiliations = {"Department of Anesthesiology, Example University, Springfield, USA."};
    article.authors = {doe, person("Müller", "Jörg", "J"), person("Zhang", "Wei", "W")};
    article.journal = {"The New England journal of medicine", "N. Engl. J. Med.", "0028-4793", "12", "3", "1865-76"};
    article.year = 2020;
    article.pubdate = "2020-03-15";
    article.doi = "10.1000/ldn.2020.12";
    article.pmcid = "PMC7654321";
    article.pii = "NEJMoa2000001";
    article.publication_types = {"Journal Article", "Randomized Controlled Trial"};
    article.mesh = {{"D005356", "Fibromyalgia", true, {{"Q000188", "drug therapy", true}}},
                    {"D009271", "Naltrexone", false, {{"Q000008", "administration & dosage", false}}}};
    article.keywords = {"low-dose naltrexone", "fibromyalgia"};
    article.languages = {"eng"};
    record.annotations.conditions = {"fibromyalgia"};
    record.annotations.design = "rct";
    record.annotations.evidence_level = 2;
    record.annotations.doses_mg = {1.5, 4.5};
    record.annotations.dose_class = "low";
    record.annotations.sample_size = 67;
    record.annotations.duration_weeks = 12;
    return record;
}

// A plain record to vary: one author, J Pain 2019;20(4):100-110, no identifiers but a DOI.
inline ExportRecord small_record() {
    ExportRecord record;
    Article& article = record.article;
    article.pmid = "30000001";
    article.title = "Naltrexone in chronic pain.";
    article.authors = {person("Adams", "Alice A", "AA")};
    article.journal = {"The journal of pain", "J. Pain", "", "20", "4", "100-10"};
    article.year = 2019;
    article.pubdate = "2019-04";
    article.doi = "10.1000/jpain.2019.4";
    return record;
}

// `count` authors named Author1 A … AuthorN A, for the et al. rules.
inline std::vector<Author> numbered_authors(int count) {
    std::vector<Author> authors;
    for (int i = 1; i <= count; ++i) authors.push_back(person("Author" + std::to_string(i), "Anne", "A"));
    return authors;
}

inline ExportRecord with_authors(std::vector<Author> authors) {
    ExportRecord record = small_record();
    record.article.authors = std::move(authors);
    return record;
}

inline ExportRecord retracted_record() {
    ExportRecord record = small_record();
    record.article.retracted = true;
    record.article.publication_types = {"Journal Article", "Retracted Publication"};
    return record;
}

// PLOS-style: no pages, the DOI is the only location.
inline ExportRecord elocation_only_record() {
    ExportRecord record = small_record();
    record.article.journal = {"PloS one", "PLoS One", "1932-6203", "10", "3", ""};
    record.article.doi = "10.1371/journal.pone.0123456";
    return record;
}

inline ExportRecord hostile_record() {
    ExportRecord record = small_record();
    record.article.title = "=cmd|' /C calc'!A0";
    record.article.abstract = {{"", "", "<script>alert(1)</script> {unbalanced and 100% & $x_1^2 #1 ~ \\cmd\nsecond line"}};
    record.article.keywords = {"-2+3", "@SUM(A1)"};
    return record;
}

}  // namespace ldn::test

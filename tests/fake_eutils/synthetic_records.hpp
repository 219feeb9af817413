#pragma once
// Small, valid PubMed records made up on the spot, for corpora too large to keep as fixtures (a
// window of more than 9,999 records needs at least 10,000 of them) and for day-2 changes (a record
// revised with a later DateRevised, a new record with a recent Entrez date).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ldn::fake {

struct SimpleDate {
    int year = 2020;
    int month = 1;
    int day = 1;
};

struct SyntheticRecord {
    std::uint64_t pmid = 0;
    std::string title;                  // empty: "Synthetic record <pmid>."
    SimpleDate published;               // JournalIssue/PubDate (pdat)
    SimpleDate entrez;                  // History/PubMedPubDate[@PubStatus="entrez"] (edat)
    std::optional<SimpleDate> revised;  // MedlineCitation/DateRevised (mdat); absent: mdat = edat
};

// The <PubmedArticle> element of one record.
std::string synthetic_record_xml(const SyntheticRecord& record);

// A whole efetch-like PubmedArticleSet document holding the records.
std::string synthetic_article_set(const std::vector<SyntheticRecord>& records);

// `count` records with PMIDs first_pmid, first_pmid + 1, …; publication and Entrez dates spread
// evenly, day by day, over the years [first_year, first_year + years), deterministically.
std::vector<SyntheticRecord> synthetic_records(std::size_t count, std::uint64_t first_pmid = 10000001,
                                               int first_year = 2015, int years = 10);

}  // namespace ldn::fake

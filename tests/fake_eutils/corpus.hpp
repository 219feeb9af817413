#pragma once
// The records the fake server serves: PubMed records keyed by PMID, each with the raw bytes of its
// record element (efetch returns them as they were read) and the three dates esearch can filter on.
//
// Thread-safe: a test may add, revise or delete records while the server answers requests (the
// "day-2" corpus of an incremental crawl). Readers take a snapshot under a shared lock.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fake_eutils/entrez_date.hpp"

namespace ldn {
class ByteSource;
}

namespace ldn::fake {

// Which date esearch's `datetype` names.
enum class DateType { pdat, edat, mdat };

struct CorpusRecord {
    std::string pmid;
    std::string xml;   // the record element (<PubmedArticle>…</PubmedArticle>) exactly as read
    DateKey pdat = 0;  // publication date: the Article's pubdate
    DateKey edat = 0;  // Entrez date: History/PubMedPubDate[@PubStatus="entrez"], else "pubmed", else pdat
    DateKey mdat = 0;  // modification date: MedlineCitation/DateRevised, else edat

    DateKey date(DateType type) const;
};

// What loading a file or a string did.
struct LoadReport {
    std::size_t added = 0;     // records stored (new or replacing an earlier version)
    std::size_t deleted = 0;   // PMIDs removed by <DeleteCitation> entries
    std::vector<std::string> problems;  // records that could not be read, with the reason
};

// Builds a record from the XML of one PubmedArticle / PubmedBookArticle / MedlineCitation element.
// Throws std::runtime_error when the XML cannot be read or has no PMID.
CorpusRecord make_corpus_record(std::string_view record_xml);

class Corpus {
public:
    Corpus() = default;
    Corpus(const Corpus&) = delete;
    Corpus& operator=(const Corpus&) = delete;

    // PubMed XML files, plain or gzip (PubmedArticleSet or MedlineCitationSet), in order: a later
    // record with the same PMID replaces the earlier one, and <DeleteCitation> removes PMIDs, the
    // way baseline and update files combine. Throws ldn::Error when a file cannot be read at all.
    LoadReport load_file(const std::filesystem::path& path);

    // The same from a document in memory (a whole PubmedArticleSet).
    LoadReport load_xml(std::string_view document);

    // Adds a record or replaces the one with its PMID (a revised record).
    void put(CorpusRecord record);
    // Removes a PMID; false when it was not there.
    bool remove(const std::string& pmid);

    std::size_t size() const;
    bool contains(const std::string& pmid) const;
    std::optional<CorpusRecord> find(const std::string& pmid) const;

    // PMIDs whose date of `type` lies in [min, max] (both inclusive, DateKey form; nullopt = open),
    // highest PMID first, the order PubMed's esearch returns by default.
    std::vector<std::string> matching(DateType type, std::optional<DateKey> min,
                                      std::optional<DateKey> max) const;

    // The record XML for each PMID, in the given order; PMIDs that are not (or no longer) in the
    // corpus are skipped, the way efetch leaves deleted records out.
    std::vector<std::shared_ptr<const std::string>> record_xml(const std::vector<std::string>& pmids) const;

private:
    void put_locked(CorpusRecord record);
    LoadReport load(ldn::ByteSource& source);

    // Ordered by the numeric PMID, highest first.
    struct Entry {
        std::string pmid;
        DateKey pdat, edat, mdat;
        std::shared_ptr<const std::string> xml;
    };
    mutable std::shared_mutex mutex_;
    std::map<std::uint64_t, Entry, std::greater<>> records_;
};

}  // namespace ldn::fake

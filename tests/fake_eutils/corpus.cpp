#include "tests/fake_eutils/corpus.hpp"

#include <charconv>
#include <mutex>
#include <stdexcept>

#include <pugixml.hpp>

#include "crawler/byte_source.hpp"
#include "crawler/pubmed_parser.hpp"
#include "crawler/record_splitter.hpp"

namespace ldn::fake {

namespace {

std::uint64_t pmid_number(const std::string& pmid) {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(pmid.data(), pmid.data() + pmid.size(), value);
    if (pmid.empty() || error != std::errc() || end != pmid.data() + pmid.size())
        throw std::runtime_error("PMID is not a number: '" + pmid + "'");
    return value;
}

int int_child(const pugi::xml_node& node, const char* name) {
    return node.child(name).text().as_int(0);
}

// Year/Month/Day children (Month may be a number or, in some elements, an abbreviation: PubMedPubDate
// and DateRevised always use numbers, which is all we read here).
DateKey ymd_key(const pugi::xml_node& node) {
    const int year = int_child(node, "Year");
    if (year <= 0) return 0;
    return date_key(year, int_child(node, "Month"), int_child(node, "Day"));
}

RecordKind kind_of(std::string_view element) {
    if (element == "PubmedArticle") return RecordKind::pubmed_article;
    if (element == "PubmedBookArticle") return RecordKind::pubmed_book_article;
    if (element == "MedlineCitation") return RecordKind::medline_citation;
    if (element == "DeleteCitation") return RecordKind::delete_citation;
    throw std::runtime_error("not a PubMed record element: <" + std::string(element) + ">");
}

// History dates sit in PubmedData (articles) or PubmedBookData (books).
DateKey entrez_date(const pugi::xml_node& record) {
    pugi::xml_node history = record.child("PubmedData").child("History");
    if (!history) history = record.child("PubmedBookData").child("History");
    DateKey pubmed = 0;
    for (pugi::xml_node date : history.children("PubMedPubDate")) {
        const std::string_view status = date.attribute("PubStatus").value();
        if (status == "entrez") {
            if (DateKey key = ymd_key(date)) return key;
        } else if (status == "pubmed" && pubmed == 0) {
            pubmed = ymd_key(date);
        }
    }
    return pubmed;
}

}  // namespace

DateKey CorpusRecord::date(DateType type) const {
    switch (type) {
    case DateType::pdat: return pdat;
    case DateType::edat: return edat;
    case DateType::mdat: return mdat;
    }
    return 0;
}

CorpusRecord make_corpus_record(std::string_view record_xml) {
    pugi::xml_document document;
    const auto parsed = document.load_buffer(record_xml.data(), record_xml.size(),
                                             pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) throw std::runtime_error(std::string("record XML: ") + parsed.description());
    const pugi::xml_node root = document.document_element();
    const RecordKind kind = kind_of(root.name());
    if (kind == RecordKind::delete_citation)
        throw std::runtime_error("a DeleteCitation is not a record to serve");

    // The reader owns the meaning of PubDate (seasons, MedlineDate): take pmid and pubdate from it.
    const ParsedRecord article = parse_record(kind, record_xml);
    if (!article.ok()) throw std::runtime_error("record " + article.pmid + ": " + article.error);
    if (article.articles.empty() || article.articles.front().pmid.empty())
        throw std::runtime_error("record without a PMID");

    CorpusRecord record;
    record.pmid = article.articles.front().pmid;
    record.xml = std::string(record_xml);
    const pugi::xml_node citation =
        kind == RecordKind::medline_citation ? root : root.child("MedlineCitation");
    record.edat = entrez_date(root);
    record.pdat = parse_article_pubdate(article.articles.front().pubdate).value_or(0);
    if (record.pdat == 0) record.pdat = record.edat;
    if (record.edat == 0) record.edat = record.pdat;
    record.mdat = ymd_key(citation.child("DateRevised"));
    if (record.mdat == 0) record.mdat = record.edat;
    return record;
}

LoadReport Corpus::load_file(const std::filesystem::path& path) {
    auto source = open_file_source(path);
    return load(*source);
}

LoadReport Corpus::load_xml(std::string_view document) {
    auto source = memory_source(document);
    return load(*source);
}

LoadReport Corpus::load(ldn::ByteSource& source) {
    LoadReport report;
    RecordSplitter splitter(source);
    auto collect_problems = [&] {
        while (auto problem = splitter.take_problem())
            report.problems.push_back(source.name() + ": record " + std::to_string(problem->index) +
                                      ": " + problem->reason);
    };
    // Records are parsed outside the lock; only storing them takes it.
    while (auto raw = splitter.next()) {
        collect_problems();
        try {
            if (raw->kind == RecordKind::delete_citation) {
                const ParsedRecord deletion = parse_record(raw->kind, raw->xml);
                for (const Article& gone : deletion.articles)
                    if (remove(gone.pmid)) ++report.deleted;
                continue;
            }
            put(make_corpus_record(raw->xml));
            ++report.added;
        } catch (const std::exception& error) {
            report.problems.push_back(source.name() + ": record " + std::to_string(raw->index) + ": " +
                                      error.what());
        }
    }
    collect_problems();
    return report;
}

void Corpus::put(CorpusRecord record) {
    std::unique_lock lock(mutex_);
    put_locked(std::move(record));
}

void Corpus::put_locked(CorpusRecord record) {
    const std::uint64_t key = pmid_number(record.pmid);
    records_[key] = Entry{std::move(record.pmid), record.pdat, record.edat, record.mdat,
                          std::make_shared<const std::string>(std::move(record.xml))};
}

bool Corpus::remove(const std::string& pmid) {
    std::uint64_t key = 0;
    try {
        key = pmid_number(pmid);
    } catch (const std::runtime_error&) {
        return false;
    }
    std::unique_lock lock(mutex_);
    return records_.erase(key) > 0;
}

std::size_t Corpus::size() const {
    std::shared_lock lock(mutex_);
    return records_.size();
}

bool Corpus::contains(const std::string& pmid) const { return find(pmid).has_value(); }

std::optional<CorpusRecord> Corpus::find(const std::string& pmid) const {
    std::uint64_t key = 0;
    try {
        key = pmid_number(pmid);
    } catch (const std::runtime_error&) {
        return std::nullopt;
    }
    std::shared_lock lock(mutex_);
    auto found = records_.find(key);
    if (found == records_.end()) return std::nullopt;
    const Entry& entry = found->second;
    return CorpusRecord{entry.pmid, *entry.xml, entry.pdat, entry.edat, entry.mdat};
}

std::vector<std::string> Corpus::matching(DateType type, std::optional<DateKey> min,
                                          std::optional<DateKey> max) const {
    std::vector<std::string> pmids;
    std::shared_lock lock(mutex_);
    pmids.reserve(records_.size());
    for (const auto& [key, entry] : records_) {
        const DateKey date = type == DateType::pdat   ? entry.pdat
                             : type == DateType::edat ? entry.edat
                                                      : entry.mdat;
        if (min && date < *min) continue;
        if (max && date > *max) continue;
        pmids.push_back(entry.pmid);
    }
    return pmids;
}

std::vector<std::shared_ptr<const std::string>> Corpus::record_xml(
    const std::vector<std::string>& pmids) const {
    std::vector<std::shared_ptr<const std::string>> found;
    found.reserve(pmids.size());
    std::shared_lock lock(mutex_);
    for (const std::string& pmid : pmids) {
        std::uint64_t key = 0;
        try {
            key = pmid_number(pmid);
        } catch (const std::runtime_error&) {
            continue;
        }
        auto entry = records_.find(key);
        if (entry != records_.end()) found.push_back(entry->second.xml);
    }
    return found;
}

}  // namespace ldn::fake

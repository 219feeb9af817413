#include "tests/fake_eutils/synthetic_records.hpp"

#include <chrono>
#include <cstdio>

namespace ldn::fake {

namespace {

void append_ymd(std::string& out, const char* element, const SimpleDate& date, const char* attributes = "") {
    char text[192];
    std::snprintf(text, sizeof text, "<%s%s><Year>%04d</Year><Month>%02d</Month><Day>%02d</Day></%s>",
                  element, attributes, date.year, date.month, date.day, element);
    out += text;
}

}  // namespace

std::string synthetic_record_xml(const SyntheticRecord& record) {
    const std::string pmid = std::to_string(record.pmid);
    std::string out;
    out.reserve(1200);
    out += "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">";
    out += pmid;
    out += "</PMID>";
    if (record.revised) append_ymd(out, "DateRevised", *record.revised);
    out += "<Article PubModel=\"Print\"><Journal><ISSN IssnType=\"Print\">0000-0000</ISSN>"
           "<JournalIssue CitedMedium=\"Print\"><Volume>1</Volume><Issue>1</Issue>";
    append_ymd(out, "PubDate", record.published);
    out += "</JournalIssue><Title>Journal of Synthetic Records</Title>"
           "<ISOAbbreviation>J Synth Rec</ISOAbbreviation></Journal><ArticleTitle>";
    out += record.title.empty() ? "Synthetic record " + pmid + "." : record.title;
    out += "</ArticleTitle><Abstract><AbstractText>Low-dose naltrexone, synthetic abstract ";
    out += pmid;
    out += ".</AbstractText></Abstract><AuthorList CompleteYN=\"Y\"><Author ValidYN=\"Y\">"
           "<LastName>Synthetic</LastName><ForeName>Author</ForeName><Initials>A</Initials></Author>"
           "</AuthorList><Language>eng</Language><PublicationTypeList>"
           "<PublicationType UI=\"D016428\">Journal Article</PublicationType></PublicationTypeList>"
           "</Article></MedlineCitation><PubmedData><History>";
    append_ymd(out, "PubMedPubDate", record.entrez, " PubStatus=\"pubmed\"");
    append_ymd(out, "PubMedPubDate", record.entrez, " PubStatus=\"entrez\"");
    out += "</History><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
           "<ArticleId IdType=\"pubmed\">";
    out += pmid;
    out += "</ArticleId></ArticleIdList></PubmedData></PubmedArticle>";
    return out;
}

std::string synthetic_article_set(const std::vector<SyntheticRecord>& records) {
    std::string out = "<?xml version=\"1.0\" ?>\n<PubmedArticleSet>\n";
    for (const SyntheticRecord& record : records) {
        out += synthetic_record_xml(record);
        out += '\n';
    }
    out += "</PubmedArticleSet>\n";
    return out;
}

std::vector<SyntheticRecord> synthetic_records(std::size_t count, std::uint64_t first_pmid,
                                               int first_year, int years) {
    using namespace std::chrono;
    const sys_days start{year{first_year} / January / 1};
    const auto span = (sys_days{year{first_year + years} / January / 1} - start).count();
    std::vector<SyntheticRecord> records;
    records.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        // Even spread: record i lands on day i * span / count of the period.
        const auto offset = static_cast<long>(count > 0 ? static_cast<long long>(i) * span /
                                                                  static_cast<long long>(count)
                                                        : 0);
        const year_month_day date{start + days{offset}};
        SimpleDate simple{static_cast<int>(date.year()), static_cast<int>(unsigned(date.month())),
                          static_cast<int>(unsigned(date.day()))};
        SyntheticRecord record;
        record.pmid = first_pmid + i;
        record.published = simple;
        record.entrez = simple;
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace ldn::fake

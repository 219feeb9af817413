#include "query/summary/evidence_summary.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "index/schema.hpp"
#include "query/export/ama_style.hpp"
#include "query/search/searcher.hpp"
#include "query/search/stored_record.hpp"
#include "query/summary/conclusion.hpp"
#include "query/summary/dose_profile.hpp"

namespace ldn {

namespace {

// Matches are read a page at a time, so a search never holds more than one page of documents.
constexpr std::size_t page_size = 1000;
const std::string no_condition = "none";
const std::string rct = "rct";
const std::string systematic_review = "sr-ma";

std::vector<ExportRecord> every_match(const Xapian::Database& database, SearchRequest request) {
    request.limit = page_size;
    request.offset = 0;
    std::vector<ExportRecord> records;
    while (true) {
        const SearchResults page = search(database, request);
        for (const SearchHit& hit : page.hits) records.push_back(read_stored_record(hit.data));
        if (page.hits.size() < page_size || records.size() >= page.total) break;
        request.offset += page_size;
    }
    return records;
}

// "2019-06" -> "20190600": the pubdate slot's form, so that dates of any precision compare.
std::string date_key(const std::string& pubdate) {
    std::string key;
    for (char c : pubdate) {
        if (c != '-') key += c;
    }
    key.resize(8, '0');
    return key;
}

std::size_t design_rank(const std::string& design) {
    const auto& designs = design_ids_strongest_first();
    return static_cast<std::size_t>(std::find(designs.begin(), designs.end(), design) - designs.begin());
}

StudyDigest digest(const ExportRecord& record) {
    const Article& article = record.article;
    const Annotations& annotations = record.annotations;
    StudyDigest study;
    study.pmid = article.pmid;
    study.year = article.year;
    study.title = article.title;
    study.design = annotations.design;
    study.evidence_level = annotations.evidence_level;
    study.conditions = annotations.conditions;
    study.sample_size = annotations.sample_size;
    study.doses_mg = annotations.doses_mg;
    study.duration_weeks = annotations.duration_weeks;
    QuotedConclusion conclusion = authors_conclusion(article.abstract);
    study.conclusion = std::move(conclusion.text);
    study.conclusion_source = std::move(conclusion.source);
    study.reference = ama_reference(article);  // with its [RETRACTED] marker when retracted
    study.retracted = article.retracted;
    study.corrected = article.corrected;
    return study;
}

// Newest first; the PMID breaks ties, so the order never depends on the index's document order.
bool newer(const ExportRecord& a, const ExportRecord& b) {
    return std::make_tuple(date_key(a.article.pubdate), b.article.pmid) >
           std::make_tuple(date_key(b.article.pubdate), a.article.pmid);
}

bool has_abstract(const Article& article) {
    return std::any_of(article.abstract.begin(), article.abstract.end(),
                       [](const AbstractSection& section) { return !section.text.empty(); });
}

// Conditions in vocabulary order, then the ones the vocabulary does not have (in id order).
std::vector<std::string> in_vocabulary_order(const std::set<std::string>& conditions,
                                             const std::vector<std::string>& vocabulary) {
    std::vector<std::string> ordered;
    for (const std::string& condition : vocabulary) {
        if (conditions.count(condition) != 0) ordered.push_back(condition);
    }
    for (const std::string& condition : conditions) {
        if (std::find(vocabulary.begin(), vocabulary.end(), condition) == vocabulary.end())
            ordered.push_back(condition);
    }
    return ordered;
}

ConditionEvidence condition_evidence(const std::string& condition, std::vector<const ExportRecord*> records) {
    ConditionEvidence evidence;
    evidence.condition = condition;
    std::sort(records.begin(), records.end(), [](const ExportRecord* a, const ExportRecord* b) {
        const std::size_t rank_a = design_rank(a->annotations.design);
        const std::size_t rank_b = design_rank(b->annotations.design);
        if (rank_a != rank_b) return rank_a < rank_b;
        return newer(*a, *b);
    });
    const ExportRecord* newest = nullptr;
    for (const ExportRecord* record : records) {
        const Annotations& annotations = record->annotations;
        ++evidence.designs[annotations.design];
        if (annotations.design == systematic_review || annotations.design == rct) {
            evidence.key_studies.push_back(digest(*record));
        }
        if (annotations.design == rct) {
            if (annotations.sample_size) {
                evidence.randomized_participants += static_cast<std::size_t>(*annotations.sample_size);
            } else {
                ++evidence.rcts_without_sample_size;
            }
        }
        if (newest == nullptr || newer(*record, *newest)) newest = record;
    }
    if (newest != nullptr) evidence.newest = digest(*newest);
    return evidence;
}

}  // namespace

const std::vector<std::string>& design_ids_strongest_first() {
    static const std::vector<std::string> designs{
        "sr-ma",       "rct",    "non-randomized-trial", "observational", "case-control", "case-series",
        "case-report", "review", "preclinical",          "other"};
    return designs;
}

const std::vector<std::string>& exclusion_reasons() {
    static const std::vector<std::string> reasons{"out of window", "no date", "retracted", "corrected", "not human"};
    return reasons;
}

EvidenceSummary summarize_evidence(const Xapian::Database& database, const SummaryOptions& options,
                                   const std::vector<std::string>& vocabulary_conditions) {
    EvidenceSummary summary;
    summary.options = options;
    summary.last_refresh = database.get_metadata(schema::metadata::last_refresh);
    for (const std::string& reason : exclusion_reasons()) summary.excluded[reason] = 0;

    SearchRequest request;
    request.query = options.query;
    request.conditions = options.conditions;
    const std::vector<ExportRecord> identified = every_match(database, request);
    summary.identified = identified.size();
    request.since = options.since;
    request.until = options.until;
    const std::vector<ExportRecord> in_window = every_match(database, request);

    // The window's own rule (searcher.cpp) decides what is in it, so the counts agree with `ldn search`.
    std::set<std::string> in_window_pmids;
    for (const ExportRecord& record : in_window) in_window_pmids.insert(record.article.pmid);
    for (const ExportRecord& record : identified) {
        if (in_window_pmids.count(record.article.pmid) != 0) continue;
        ++summary.excluded[record.article.pubdate.empty() ? "no date" : "out of window"];
    }

    std::vector<const ExportRecord*> included;
    std::vector<const ExportRecord*> retracted;
    std::vector<const ExportRecord*> corrected;
    for (const ExportRecord& record : in_window) {
        if (record.article.retracted) {
            ++summary.excluded["retracted"];
            retracted.push_back(&record);
        } else if (record.article.corrected) {
            ++summary.excluded["corrected"];
            corrected.push_back(&record);
        } else if (!record.annotations.human) {
            ++summary.excluded["not human"];
        } else {
            included.push_back(&record);
        }
    }
    summary.included = included.size();

    std::map<std::string, std::vector<const ExportRecord*>> by_condition;
    std::set<std::string> designs;
    std::vector<std::vector<double>> doses;
    for (const ExportRecord* record : included) {
        const Article& article = record->article;
        const Annotations& annotations = record->annotations;
        if (!has_abstract(article)) ++summary.included_without_abstract;
        if (!annotations.sample_size) ++summary.included_without_sample_size;
        designs.insert(annotations.design);
        if (annotations.conditions.empty()) {
            ++summary.evidence_map[no_condition][annotations.design];
        }
        for (const std::string& condition : annotations.conditions) {
            ++summary.evidence_map[condition][annotations.design];
            by_condition[condition].push_back(record);
        }
        if (article.year) ++summary.timeline[*article.year][annotations.design];
        doses.push_back(annotations.doses_mg);
        if (annotations.design == rct) {
            ++summary.rcts;
            if (annotations.sample_size) {
                summary.randomized_participants += static_cast<std::size_t>(*annotations.sample_size);
            } else {
                ++summary.rcts_without_sample_size;
            }
        }
    }
    summary.doses = dose_profile(doses);

    std::set<std::string> mapped_conditions;
    for (const auto& [condition, counts] : summary.evidence_map) {
        if (condition != no_condition) mapped_conditions.insert(condition);
    }
    summary.map_conditions = in_vocabulary_order(mapped_conditions, vocabulary_conditions);
    if (summary.evidence_map.count(no_condition) != 0) summary.map_conditions.push_back(no_condition);
    summary.map_designs.assign(designs.begin(), designs.end());
    std::stable_sort(summary.map_designs.begin(), summary.map_designs.end(),
                     [](const std::string& a, const std::string& b) { return design_rank(a) < design_rank(b); });

    // A --condition filter narrows the per-condition sections and the gaps to the conditions asked
    // for; a record's other conditions still show in the evidence map.
    const std::set<std::string> asked(options.conditions.begin(), options.conditions.end());
    const std::vector<std::string> scope =
        options.conditions.empty() ? vocabulary_conditions : in_vocabulary_order(asked, vocabulary_conditions);
    const std::vector<std::string> sections =
        options.conditions.empty() ? summary.map_conditions : in_vocabulary_order(asked, vocabulary_conditions);
    for (const std::string& condition : sections) {
        auto found = by_condition.find(condition);
        if (found != by_condition.end()) summary.conditions.push_back(condition_evidence(condition, found->second));
    }
    for (const std::string& condition : scope) {
        auto found = summary.evidence_map.find(condition);
        if (found == summary.evidence_map.end() || found->second.count(rct) == 0) {
            summary.conditions_without_rct.push_back(condition);
        }
    }

    std::sort(retracted.begin(), retracted.end(),
              [](const ExportRecord* a, const ExportRecord* b) { return newer(*a, *b); });
    for (const ExportRecord* record : retracted) summary.retracted.push_back(digest(*record));
    std::sort(corrected.begin(), corrected.end(),
              [](const ExportRecord* a, const ExportRecord* b) { return newer(*a, *b); });
    for (const ExportRecord* record : corrected) summary.corrected.push_back(digest(*record));
    return summary;
}

}  // namespace ldn

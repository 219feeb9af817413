#pragma once
// The evidence report of `ldn summarize` (issue 6) as data: every number and every quoted conclusion,
// computed once from the index, then rendered as Markdown, HTML or JSON by the renderers beside this
// file. Renderers compute nothing: what the JSON says is what the Markdown and the HTML show.
//
// Honesty rules (issue 6): the summary reports what records say. A conclusion is quoted as the
// authors wrote it (the CONCLUSION(S) section of a structured abstract, else the abstract's closing
// sentences) and says which; records without an abstract or a sample size are counted, not guessed.

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crawler/calendar.hpp"

namespace ldn {

struct SummaryOptions {
    std::string query;                    // the query language; empty = every record
    std::vector<std::string> conditions;  // --condition: any of these; empty = all
    Day since;                            // the window: --since, or now minus --years (default 10)
    Day until;                            // now (--now DATE fixes it, for reproducible reports)
    Day now;
    // The search strategy the records came from, for the methods section (from data/topics/, or the
    // index's ldn.topic metadata); empty when unknown (an index filled by `ldn ingest` alone).
    std::string topic_name;
    std::string search_strategy;
};

// One study as the report lists it.
struct StudyDigest {
    std::string pmid;
    std::optional<int> year;
    std::string title;
    std::string design;  // design id (DESIGN.md)
    int evidence_level = 5;
    std::vector<std::string> conditions;
    std::optional<int> sample_size;
    std::vector<double> doses_mg;
    std::optional<double> duration_weeks;
    std::string conclusion;  // quoted as written; empty when the record has no abstract
    // "conclusions section" or "closing sentences" (or "" when there is no abstract)
    std::string conclusion_source;
    std::string reference;  // AMA style, with [RETRACTED] when retracted
    bool retracted = false;
    bool corrected = false;  // a correction (erratum) was published
};

struct ConditionEvidence {
    std::string condition;                       // condition id
    std::map<std::string, std::size_t> designs;  // design id -> included records
    // Systematic reviews/meta-analyses and RCTs, strongest first, then newest first; the rest are
    // only counted in `designs`.
    std::vector<StudyDigest> key_studies;
    std::size_t randomized_participants = 0;  // sum of sample sizes over the condition's RCTs
    std::size_t rcts_without_sample_size = 0;
    std::optional<StudyDigest> newest;        // the newest included study of any design
};

struct DoseProfile {
    std::size_t studies_with_dose = 0;            // included records that report a naltrexone dose
    std::map<double, std::size_t> studies_per_dose;  // dose in mg -> records reporting it
    std::optional<double> most_common;            // the dose most records report (smallest on a tie)
    std::optional<double> median;                 // over the per-record doses (every dose of every record)
    std::optional<double> lowest;
    std::optional<double> highest;
};

struct EvidenceSummary {
    // 1. Scope and methods (PRISMA-S style).
    SummaryOptions options;
    std::string database = "PubMed (NCBI E-utilities)";
    std::string last_refresh;      // the index's ldn.last_refresh, "" when never refreshed
    std::size_t identified = 0;    // records matching the query and filters, in or out of the window
    std::size_t included = 0;      // in the window, human, neither retracted nor corrected
    // reason -> records, every reason of exclusion_reasons() present (0 when none); each excluded
    // record counts under the first reason that applies, in that order.
    std::map<std::string, std::size_t> excluded;
    std::size_t included_without_abstract = 0;
    std::size_t included_without_sample_size = 0;

    // The rows and columns of the evidence map in report order: conditions in vocabulary order (then
    // any the vocabulary no longer has, then "none"); the design ids that occur, strongest first.
    std::vector<std::string> map_conditions;
    std::vector<std::string> map_designs;

    // 2. Evidence map: condition id -> design id -> included records (records without a condition
    // under "none").
    std::map<std::string, std::map<std::string, std::size_t>> evidence_map;
    // 3. Timeline: year -> design id -> included records.
    std::map<int, std::map<std::string, std::size_t>> timeline;
    // 4. and 6. Per condition, strongest evidence first; participants randomized per condition.
    std::vector<ConditionEvidence> conditions;
    // 5. Dose profile over included records.
    DoseProfile doses;
    // 6. Participants randomized over every included RCT, each RCT counted once (a trial in two
    // conditions adds to both conditions' sums but once here).
    std::size_t randomized_participants = 0;
    std::size_t rcts = 0;
    std::size_t rcts_without_sample_size = 0;
    // 7. Retracted records matching the query in the window, listed apart (not in any count above).
    std::vector<StudyDigest> retracted;
    // 7. Corrected records (an erratum was published), listed apart and left out of the counts as
    // issue 6 asks, so that a reader checks the correction before relying on them.
    std::vector<StudyDigest> corrected;
    // 8. Gaps: conditions (of the vocabulary, or of the --condition filter) with no included RCT.
    std::vector<std::string> conditions_without_rct;
};

// The design ids of DESIGN.md, strongest evidence first: the order of columns and of key studies.
const std::vector<std::string>& design_ids_strongest_first();

// Why a record is not included, in the order they are tried: "out of window", "no date", "retracted",
// "corrected", "not human".
const std::vector<std::string>& exclusion_reasons();

// Throws QuerySyntaxError for a bad query (exit 2).
EvidenceSummary summarize_evidence(const Xapian::Database& database, const SummaryOptions& options,
                                   const std::vector<std::string>& vocabulary_conditions);

}  // namespace ldn

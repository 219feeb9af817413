#pragma once
// Evidence summaries built by hand for the HTML report's tests (no index needed): a plausible one
// with every section filled, and a hostile one whose every record-derived string tries to break out
// of its HTML context (element text, attribute, SVG text, link).

#include <string>

#include "query/summary/evidence_summary.hpp"

namespace ldn::test {

inline Day sample_day(const char* iso) { return *Day::parse(iso); }

inline StudyDigest sample_study(const std::string& pmid, int year, const std::string& design, const std::string& title) {
    StudyDigest study;
    study.pmid = pmid;
    study.year = year;
    study.title = title;
    study.design = design;
    study.evidence_level = design == "sr-ma" ? 1 : 2;
    study.conditions = {"fibromyalgia"};
    study.sample_size = 67;
    study.doses_mg = {4.5};
    study.duration_weeks = 12;
    study.conclusion = "Low-dose naltrexone reduced pain more than placebo in women with fibromyalgia.";
    study.conclusion_source = "conclusions section";
    study.reference = "Doe JF, Smith A. " + title + " Pain. " + std::to_string(year) + ";12(3):100-110. doi:10.1000/ldn." +
                      pmid;
    return study;
}

inline EvidenceSummary sample_summary() {
    EvidenceSummary summary;
    summary.options.query = "pain";
    summary.options.since = sample_day("2016-11-26");
    summary.options.until = sample_day("2026-11-26");
    summary.options.now = sample_day("2026-11-26");
    summary.options.topic_name = "ldn";
    summary.options.search_strategy = "(naltrexone[tiab] AND (low dose[tiab] OR LDN[tiab]))";
    summary.last_refresh = "2026-11-25T03:00:00Z";
    summary.identified = 40;
    summary.included = 30;
    summary.excluded = {{"out of window", 6}, {"no date", 0}, {"retracted", 2}, {"corrected", 0}, {"not human", 2}};
    summary.included_without_abstract = 3;
    summary.included_without_sample_size = 11;

    summary.map_conditions = {"fibromyalgia", "crps", "none"};
    summary.map_designs = {"sr-ma", "rct", "case-report", "review"};
    summary.evidence_map = {
        {"fibromyalgia", {{"sr-ma", 2}, {"rct", 4}, {"review", 9}}},
        {"crps", {{"case-report", 5}, {"review", 2}}},
        {"none", {{"review", 8}}},
    };
    summary.timeline = {
        {2017, {{"review", 3}}},
        {2019, {{"rct", 1}, {"case-report", 2}, {"review", 4}}},
        {2021, {{"sr-ma", 1}, {"rct", 2}, {"review", 5}}},
        {2024, {{"sr-ma", 1}, {"rct", 1}, {"case-report", 3}, {"review", 7}}},
    };

    ConditionEvidence fibromyalgia;
    fibromyalgia.condition = "fibromyalgia";
    fibromyalgia.designs = {{"sr-ma", 2}, {"rct", 4}, {"review", 9}};
    fibromyalgia.key_studies = {
        sample_study("38000001", 2024, "sr-ma", "Low-dose naltrexone for chronic pain: a systematic review."),
        sample_study("33000002", 2021, "rct", "Low-dose naltrexone in fibromyalgia: a randomized trial."),
    };
    fibromyalgia.key_studies[1].conclusion_source = "closing sentences";
    fibromyalgia.key_studies[1].doses_mg = {1.5, 4.5};
    fibromyalgia.key_studies[1].sample_size.reset();
    fibromyalgia.randomized_participants = 231;
    fibromyalgia.rcts_without_sample_size = 1;
    fibromyalgia.newest = fibromyalgia.key_studies[0];

    ConditionEvidence crps;
    crps.condition = "crps";
    crps.designs = {{"case-report", 5}, {"review", 2}};
    crps.newest = sample_study("39000003", 2024, "case-report", "Low-dose naltrexone in complex regional pain syndrome.");
    crps.newest->conclusion.clear();
    crps.newest->conclusion_source.clear();
    summary.conditions = {fibromyalgia, crps};

    summary.doses.studies_with_dose = 9;
    summary.doses.studies_per_dose = {{1.5, 2}, {3, 1}, {4.5, 7}};
    summary.doses.most_common = 4.5;
    summary.doses.median = 4.5;
    summary.doses.lowest = 1.5;
    summary.doses.highest = 4.5;

    summary.randomized_participants = 231;
    summary.rcts = 4;
    summary.rcts_without_sample_size = 1;

    StudyDigest retracted = sample_study("30000004", 2018, "rct", "A retracted trial of naltrexone.");
    retracted.retracted = true;
    retracted.reference = "Roe R. A retracted trial of naltrexone [RETRACTED]. Pain. 2018;9:1-2.";
    summary.retracted = {retracted};
    summary.conditions_without_rct = {"crps", "lupus"};
    return summary;
}

// Strings that would run script, add an attribute, or inject a spreadsheet formula if left raw.
inline const std::string hostile_markup = "<script>alert(1)</script>";
inline const std::string hostile_attribute = "x\" onmouseover=\"alert(1)";
inline const std::string hostile_formula = "=cmd|' /C calc'!A0";
inline const std::string hostile_entity = "Tom &amp; Jerry";

inline EvidenceSummary hostile_summary() {
    EvidenceSummary summary = sample_summary();
    const std::string all = hostile_markup + " " + hostile_attribute + " " + hostile_formula + " " + hostile_entity;
    summary.options.query = all;
    summary.options.topic_name = all;
    summary.options.search_strategy = all;
    summary.options.conditions = {hostile_markup};
    summary.last_refresh = all;
    summary.database = all;
    summary.excluded[hostile_markup] = 1;
    summary.map_conditions.push_back(hostile_attribute);
    summary.map_designs.push_back(hostile_markup);
    summary.evidence_map[hostile_attribute] = {{hostile_markup, 1}};
    summary.timeline[2022] = {{hostile_markup, 2}, {hostile_attribute, 1}};
    for (ConditionEvidence& condition : summary.conditions) {
        condition.condition = all;
        for (StudyDigest& study : condition.key_studies) {
            study.pmid = "javascript:alert(1)";
            study.title = all;
            study.design = hostile_attribute;
            study.conclusion = all;
            study.conclusion_source = all;
            study.reference = all;
        }
        if (condition.newest) condition.newest->title = all;
    }
    summary.retracted.front().pmid = "\"><script>alert(1)</script>";
    summary.retracted.front().reference = all;
    summary.conditions_without_rct.push_back(all);
    return summary;
}

}  // namespace ldn::test

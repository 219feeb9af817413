#include "query/summary/json_report.hpp"

#include <nlohmann/json.hpp>

namespace ldn {

namespace {

using Json = nlohmann::ordered_json;

template <typename Value>
Json or_null(const std::optional<Value>& value) {
    return value ? Json(*value) : Json(nullptr);
}

// Design counts in the report's column order, so every object lists designs strongest first.
Json design_counts(const std::map<std::string, std::size_t>& counts, const std::vector<std::string>& designs) {
    Json out = Json::object();
    for (const std::string& design : designs) {
        auto found = counts.find(design);
        if (found != counts.end()) out[design] = found->second;
    }
    return out;
}

Json study_json(const StudyDigest& study) {
    Json out = Json::object();
    out["pmid"] = study.pmid;
    out["year"] = or_null(study.year);
    out["title"] = study.title;
    out["design"] = study.design;
    out["evidence_level"] = study.evidence_level;
    out["conditions"] = study.conditions;
    out["sample_size"] = or_null(study.sample_size);
    out["doses_mg"] = study.doses_mg;
    out["duration_weeks"] = or_null(study.duration_weeks);
    out["conclusion"] = study.conclusion;
    out["conclusion_source"] = study.conclusion_source;
    out["reference"] = study.reference;
    out["retracted"] = study.retracted;
    out["corrected"] = study.corrected;
    return out;
}

Json scope_json(const EvidenceSummary& summary) {
    const SummaryOptions& options = summary.options;
    Json out = Json::object();
    out["topic"] = options.topic_name;
    out["search_strategy"] = options.search_strategy;
    out["database"] = summary.database;
    out["query"] = options.query;
    out["conditions"] = options.conditions;
    out["since"] = options.since.iso();
    out["until"] = options.until.iso();
    out["now"] = options.now.iso();
    out["last_refresh"] = summary.last_refresh;
    out["identified"] = summary.identified;
    out["included"] = summary.included;
    Json excluded = Json::object();
    for (const std::string& reason : exclusion_reasons()) {
        auto found = summary.excluded.find(reason);
        excluded[reason] = found == summary.excluded.end() ? 0 : found->second;
    }
    out["excluded"] = excluded;
    out["included_without_abstract"] = summary.included_without_abstract;
    out["included_without_sample_size"] = summary.included_without_sample_size;
    return out;
}

Json condition_json(const ConditionEvidence& evidence, const std::vector<std::string>& designs) {
    Json out = Json::object();
    out["condition"] = evidence.condition;
    out["designs"] = design_counts(evidence.designs, designs);
    Json studies = Json::array();
    for (const StudyDigest& study : evidence.key_studies) studies.push_back(study_json(study));
    out["key_studies"] = studies;
    out["randomized_participants"] = evidence.randomized_participants;
    out["rcts_without_sample_size"] = evidence.rcts_without_sample_size;
    out["newest"] = evidence.newest ? study_json(*evidence.newest) : Json(nullptr);
    return out;
}

Json doses_json(const DoseProfile& doses) {
    Json out = Json::object();
    out["studies_with_dose"] = doses.studies_with_dose;
    out["most_common"] = or_null(doses.most_common);
    out["median"] = or_null(doses.median);
    out["lowest"] = or_null(doses.lowest);
    out["highest"] = or_null(doses.highest);
    Json per_dose = Json::array();
    for (const auto& [dose, studies] : doses.studies_per_dose)
        per_dose.push_back(Json{{"dose_mg", dose}, {"studies", studies}});
    out["studies_per_dose"] = per_dose;
    return out;
}

}  // namespace

std::string render_json_report(const EvidenceSummary& summary) {
    Json report = Json::object();
    report["scope"] = scope_json(summary);

    Json map = Json::object();
    for (const std::string& condition : summary.map_conditions) {
        map[condition] = design_counts(summary.evidence_map.at(condition), summary.map_designs);
    }
    report["evidence_map"] = map;

    Json timeline = Json::object();
    for (const auto& [year, counts] : summary.timeline)
        timeline[std::to_string(year)] = design_counts(counts, summary.map_designs);
    report["timeline"] = timeline;

    Json conditions = Json::array();
    for (const ConditionEvidence& evidence : summary.conditions)
        conditions.push_back(condition_json(evidence, summary.map_designs));
    report["conditions"] = conditions;

    report["doses"] = doses_json(summary.doses);

    Json participants = Json::object();
    participants["randomized"] = summary.randomized_participants;
    participants["rcts"] = summary.rcts;
    participants["rcts_without_sample_size"] = summary.rcts_without_sample_size;
    Json per_condition = Json::object();
    for (const ConditionEvidence& evidence : summary.conditions)
        per_condition[evidence.condition] = evidence.randomized_participants;
    participants["per_condition"] = per_condition;
    report["participants"] = participants;

    Json retracted = Json::array();
    for (const StudyDigest& study : summary.retracted) retracted.push_back(study_json(study));
    report["retracted"] = retracted;
    Json corrected = Json::array();
    for (const StudyDigest& study : summary.corrected) corrected.push_back(study_json(study));
    report["corrected"] = corrected;

    Json gaps = Json::object();
    gaps["conditions_without_rct"] = summary.conditions_without_rct;
    Json newest = Json::object();
    for (const ConditionEvidence& evidence : summary.conditions) {
        newest[evidence.condition] = evidence.newest ? Json(evidence.newest->pmid) : Json(nullptr);
    }
    gaps["newest_per_condition"] = newest;
    report["gaps"] = gaps;

    return report.dump(2) + "\n";
}

}  // namespace ldn

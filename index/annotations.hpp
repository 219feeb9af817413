#pragma once
// What the annotators find in a record (issue 4): conditions, study design and evidence level, LDN
// doses, sample size, duration, human or not. Stored with each document as "annotations" and used for
// filters, facets, sorting and the evidence summary.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crawler/json_writer.hpp"

namespace ldn {

struct Annotations {
    std::vector<std::string> conditions;  // condition ids of data/vocab/conditions.json, sorted
    std::string design = "other";         // design id of data/vocab/designs.json
    int evidence_level = 5;               // 1 (strongest) to 5, from the design
    std::vector<double> doses_mg;         // naltrexone doses per day in mg, ascending, distinct
    // "low" when any dose is at most about 5 mg, else "standard" when one is 50 mg or more; null otherwise
    std::optional<std::string> dose_class;
    std::optional<int> sample_size;       // participants enrolled or randomized
    std::optional<double> duration_weeks;
    bool human = true;

    bool operator==(const Annotations&) const = default;
};

void to_json(nlohmann::json& out, const Annotations& annotations);
void from_json(const nlohmann::json& in, Annotations& annotations);
void to_json(nlohmann::ordered_json& out, const Annotations& annotations);
void from_json(const nlohmann::ordered_json& in, Annotations& annotations);
// The same object as to_json, written straight into the text (the index's document data).
void write_annotations(JsonWriter& json, const Annotations& annotations);

}  // namespace ldn

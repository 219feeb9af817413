#include "index/annotations.hpp"

namespace ldn {

namespace {

template <typename Json>
void write(Json& out, const Annotations& annotations) {
    out = Json::object();
    out["conditions"] = annotations.conditions;
    out["design"] = annotations.design;
    out["evidence_level"] = annotations.evidence_level;
    out["doses_mg"] = annotations.doses_mg;
    out["dose_class"] = annotations.dose_class ? Json(*annotations.dose_class) : Json(nullptr);
    out["sample_size"] = annotations.sample_size ? Json(*annotations.sample_size) : Json(nullptr);
    out["duration_weeks"] = annotations.duration_weeks ? Json(*annotations.duration_weeks) : Json(nullptr);
    out["human"] = annotations.human;
}

template <typename Value, typename Json>
std::optional<Value> optional_at(const Json& in, const char* key) {
    const Json& value = in.at(key);
    if (value.is_null()) return std::nullopt;
    return value.template get<Value>();
}

template <typename Json>
void read(const Json& in, Annotations& annotations) {
    in.at("conditions").get_to(annotations.conditions);
    in.at("design").get_to(annotations.design);
    in.at("evidence_level").get_to(annotations.evidence_level);
    in.at("doses_mg").get_to(annotations.doses_mg);
    annotations.dose_class = optional_at<std::string>(in, "dose_class");
    annotations.sample_size = optional_at<int>(in, "sample_size");
    annotations.duration_weeks = optional_at<double>(in, "duration_weeks");
    in.at("human").get_to(annotations.human);
}

}  // namespace

void to_json(nlohmann::json& out, const Annotations& annotations) { write(out, annotations); }
void from_json(const nlohmann::json& in, Annotations& annotations) { read(in, annotations); }
void to_json(nlohmann::ordered_json& out, const Annotations& annotations) { write(out, annotations); }
void from_json(const nlohmann::ordered_json& in, Annotations& annotations) { read(in, annotations); }

void write_annotations(JsonWriter& json, const Annotations& annotations) {
    json.begin_object();
    json.key("conditions"), json.value(annotations.conditions);
    json.key("design"), json.value(annotations.design);
    json.key("evidence_level"), json.value(annotations.evidence_level);
    json.key("doses_mg"), json.value(annotations.doses_mg);
    json.key("dose_class"), json.value(annotations.dose_class);
    json.key("sample_size"), json.value(annotations.sample_size);
    json.key("duration_weeks"), json.value(annotations.duration_weeks);
    json.key("human"), json.value(annotations.human);
    json.end_object();
}

}  // namespace ldn

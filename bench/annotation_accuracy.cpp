// ldn-annotation-accuracy: how often the annotators agree with a hand-labelled set. Reads JSON Lines
// (tests/fixtures/annotations/labelled.jsonl): one record a line with the Article fields the annotators
// read (title, abstract, publication_types, mesh, keywords), an id and note, and the labels under
// "expected". Prints precision and recall per annotator (definitions in bench/annotation_accuracy.md),
// then every disagreement with the record's id.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "crawler/article.hpp"
#include "crawler/article_json.hpp"
#include "crawler/errors.hpp"
#include "index/annotations.hpp"
#include "index/annotator.hpp"

namespace {

using nlohmann::json;

constexpr double duration_tolerance_weeks = 0.5;
constexpr double dose_tolerance_mg = 1e-6;

struct Labelled {
    std::string id;
    std::string note;
    ldn::Article article;
    ldn::Annotations expected;
};

template <typename Value>
Value value_or(const json& object, const char* key, Value otherwise) {
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) return otherwise;
    return found->get<Value>();
}

Labelled read_labelled(const std::string& line) {
    const json record = json::parse(line);
    Labelled labelled;
    labelled.id = value_or<std::string>(record, "id", "");
    labelled.note = value_or<std::string>(record, "note", "");
    labelled.article.pmid = labelled.id;
    labelled.article.title = value_or<std::string>(record, "title", "");
    if (auto abstract = record.find("abstract"); abstract != record.end() && abstract->is_string()) {
        labelled.article.abstract.push_back({"", "", abstract->get<std::string>()});
    } else {
        labelled.article.abstract = value_or<std::vector<ldn::AbstractSection>>(record, "abstract", {});
    }
    labelled.article.publication_types = value_or<std::vector<std::string>>(record, "publication_types", {});
    for (const json& heading : value_or<json>(record, "mesh", json::array())) {
        ldn::MeshHeading mesh;
        mesh.ui = value_or<std::string>(heading, "ui", "");
        mesh.name = value_or<std::string>(heading, "name", "");
        mesh.major = value_or<bool>(heading, "major", false);
        labelled.article.mesh.push_back(std::move(mesh));
    }
    labelled.article.keywords = value_or<std::vector<std::string>>(record, "keywords", {});
    labelled.expected = record.at("expected").get<ldn::Annotations>();
    return labelled;
}

// Counts for precision = agreed / claimed and recall = agreed / labelled.
struct Score {
    std::size_t agreed_claims = 0;
    std::size_t claimed = 0;
    std::size_t agreed_labels = 0;
    std::size_t labelled = 0;

    static double ratio(std::size_t part, std::size_t whole) {
        return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
    }
    double precision() const { return ratio(agreed_claims, claimed); }
    double recall() const { return ratio(agreed_labels, labelled); }
};

template <typename Value>
std::string text_of(const Value& value) {
    return json(value).dump();
}

template <typename Value>
std::string text_of(const std::optional<Value>& value) {
    if (!value) return "null";
    std::ostringstream out;
    out << *value;
    return out.str();
}

struct Report {
    Score conditions;
    Score design;
    std::size_t design_exact = 0;
    std::size_t level_exact = 0;
    Score doses;
    std::size_t dose_class_exact = 0;
    Score sample_size;
    Score duration;
    Score non_human;  // "not human" as the class found
    std::size_t human_exact = 0;
    std::size_t records = 0;
    std::vector<std::string> disagreements;

    void disagree(const Labelled& labelled, const char* field, const std::string& expected, const std::string& got) {
        disagreements.push_back(labelled.id + "  " + field + ": expected " + expected + ", got " + got +
                                (labelled.note.empty() ? "" : "  (" + labelled.note + ")"));
    }

    void add(const Labelled& labelled, const ldn::Annotations& got) {
        const ldn::Annotations& want = labelled.expected;
        ++records;

        // Conditions: micro-averaged over condition labels.
        std::size_t shared = 0;
        for (const std::string& id : got.conditions) {
            shared += std::count(want.conditions.begin(), want.conditions.end(), id) > 0 ? 1 : 0;
        }
        conditions.agreed_claims += shared;
        conditions.agreed_labels += shared;
        conditions.claimed += got.conditions.size();
        conditions.labelled += want.conditions.size();
        if (shared != got.conditions.size() || shared != want.conditions.size()) {
            disagree(labelled, "conditions", text_of(want.conditions), text_of(got.conditions));
        }

        // Design: one label per record; "other" is where a design is not claimed.
        const bool design_right = got.design == want.design;
        design_exact += design_right ? 1 : 0;
        level_exact += got.evidence_level == want.evidence_level ? 1 : 0;
        if (got.design != "other") {
            ++design.claimed;
            design.agreed_claims += design_right ? 1 : 0;
        }
        if (want.design != "other") {
            ++design.labelled;
            design.agreed_labels += design_right ? 1 : 0;
        }
        if (!design_right) disagree(labelled, "design", want.design, got.design);

        // Doses: the sets of values, micro-averaged.
        std::size_t same_doses = 0;
        for (double dose : got.doses_mg) {
            same_doses += std::any_of(want.doses_mg.begin(), want.doses_mg.end(),
                                      [&](double wanted) { return std::fabs(wanted - dose) < dose_tolerance_mg; })
                              ? 1
                              : 0;
        }
        doses.agreed_claims += same_doses;
        doses.agreed_labels += same_doses;
        doses.claimed += got.doses_mg.size();
        doses.labelled += want.doses_mg.size();
        if (same_doses != got.doses_mg.size() || same_doses != want.doses_mg.size()) {
            disagree(labelled, "doses_mg", text_of(want.doses_mg), text_of(got.doses_mg));
        }
        dose_class_exact += got.dose_class == want.dose_class ? 1 : 0;
        if (got.dose_class != want.dose_class) {
            disagree(labelled, "dose_class", text_of(want.dose_class), text_of(got.dose_class));
        }

        // Sample size: exact; null is no claim.
        const bool size_right = got.sample_size && got.sample_size == want.sample_size;
        if (got.sample_size) {
            ++sample_size.claimed;
            sample_size.agreed_claims += size_right ? 1 : 0;
        }
        if (want.sample_size) {
            ++sample_size.labelled;
            sample_size.agreed_labels += size_right ? 1 : 0;
        }
        if (got.sample_size != want.sample_size) {
            disagree(labelled, "sample_size", text_of(want.sample_size), text_of(got.sample_size));
        }

        // Duration: within half a week; null is no claim.
        const bool duration_right = got.duration_weeks && want.duration_weeks &&
                                    std::fabs(*got.duration_weeks - *want.duration_weeks) <= duration_tolerance_weeks;
        if (got.duration_weeks) {
            ++duration.claimed;
            duration.agreed_claims += duration_right ? 1 : 0;
        }
        if (want.duration_weeks) {
            ++duration.labelled;
            duration.agreed_labels += duration_right ? 1 : 0;
        }
        if (!duration_right && (got.duration_weeks || want.duration_weeks)) {
            disagree(labelled, "duration_weeks", text_of(want.duration_weeks), text_of(got.duration_weeks));
        }

        // Human: accuracy, and precision/recall of finding the records that are not about people.
        human_exact += got.human == want.human ? 1 : 0;
        if (!got.human) {
            ++non_human.claimed;
            non_human.agreed_claims += !want.human ? 1 : 0;
        }
        if (!want.human) {
            ++non_human.labelled;
            non_human.agreed_labels += !got.human ? 1 : 0;
        }
        if (got.human != want.human) disagree(labelled, "human", text_of(want.human), text_of(got.human));
    }
};

void print_row(const char* name, const Score& score, const std::string& extra) {
    std::printf("%-16s %9.3f %9.3f %7zu %7zu  %s\n", name, score.precision(), score.recall(), score.claimed,
                score.labelled, extra.c_str());
}

std::string accuracy(const char* what, std::size_t right, std::size_t records) {
    char text[96];
    std::snprintf(text, sizeof text, "%s %.3f (%zu/%zu)", what, Score::ratio(right, records), right, records);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"ldn-annotation-accuracy: precision and recall of the annotators against a labelled set"};
    std::string labelled_path;
    std::string vocab_folder = "data/vocab";
    app.add_option("labelled", labelled_path, "labelled records, JSON Lines")->required();
    app.add_option("--vocab", vocab_folder, "vocabulary folder (default: data/vocab, from the repository root)");
    CLI11_PARSE(app, argc, argv);

    try {
        const ldn::Annotator annotator(vocab_folder);
        std::ifstream in(labelled_path);
        if (!in) throw ldn::io_error(labelled_path + ": cannot open");
        Report report;
        std::string line;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            Labelled labelled;
            try {
                labelled = read_labelled(line);
            } catch (const json::exception& error) {
                throw ldn::input_error(labelled_path + ": line " + std::to_string(number) + ": " + error.what());
            }
            report.add(labelled, annotator.annotate(labelled.article));
        }

        std::printf("%zu labelled records from %s\n\n", report.records, labelled_path.c_str());
        std::printf("%-16s %9s %9s %7s %7s\n", "annotator", "precision", "recall", "claimed", "labels");
        print_row("conditions", report.conditions, "");
        print_row("design", report.design,
                  accuracy("accuracy", report.design_exact, report.records) + ", " +
                      accuracy("evidence level", report.level_exact, report.records));
        print_row("doses_mg", report.doses, accuracy("dose_class", report.dose_class_exact, report.records));
        print_row("sample_size", report.sample_size, "");
        print_row("duration_weeks", report.duration, "");
        print_row("not human", report.non_human, accuracy("human", report.human_exact, report.records));
        std::printf("\n%zu disagreements\n", report.disagreements.size());
        for (const std::string& disagreement : report.disagreements) std::printf("  %s\n", disagreement.c_str());
    } catch (const ldn::Error& error) {
        std::cerr << "ldn-annotation-accuracy: error: " << error.what() << "\n";
        return static_cast<int>(error.code());
    }
    return 0;
}

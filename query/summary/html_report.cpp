#include "query/summary/html_report.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <string_view>

#include "query/export/export_text.hpp"
#include "query/summary/html_escape.hpp"
#include "query/summary/svg_charts.hpp"

namespace ldn {

namespace {

// How each design id of DESIGN.md is shown. Colours are dark enough for 3:1 against white; patterns
// tell them apart without colour.
struct DesignStyle {
    std::string_view id;
    std::string_view abbreviation;  // table headers
    std::string_view label;
    std::string_view colour;
    SvgFillPattern pattern;
};

constexpr DesignStyle design_styles[] = {
    {"sr-ma", "SR/MA", "Systematic review or meta-analysis", "#1b4f9c", SvgFillPattern::solid},
    {"rct", "RCT", "Randomized controlled trial", "#b34700", SvgFillPattern::rising_lines},
    {"non-randomized-trial", "Non-rand.", "Non-randomized trial", "#2e7d32", SvgFillPattern::falling_lines},
    {"observational", "Obs.", "Observational (cohort, cross-sectional)", "#7b1fa2", SvgFillPattern::horizontal_lines},
    {"case-control", "Case-ctrl", "Case-control", "#00695c", SvgFillPattern::vertical_lines},
    {"case-series", "Case ser.", "Case series", "#7a5c00", SvgFillPattern::grid},
    {"case-report", "Case rep.", "Case report", "#ad1457", SvgFillPattern::crosshatch},
    {"review", "Review", "Narrative review", "#5d4037", SvgFillPattern::dots},
    {"preclinical", "Preclin.", "Preclinical (animal or in vitro)", "#37474f", SvgFillPattern::zigzag},
    {"other", "Other", "Other (editorial, letter, comment, protocol)", "#616161", SvgFillPattern::rings},
};

// A design id the vocabulary may add later is shown by its id, after the known ones.
DesignStyle design_style(std::string_view id) {
    for (const DesignStyle& style : design_styles)
        if (style.id == id) return style;
    return {id, id, id, "#616161", SvgFillPattern::solid};
}

std::string design_label(std::string_view id) { return std::string(design_style(id).label); }

// The design ids among `present`, strongest evidence first, unknown ones last in name order.
std::vector<std::string> designs_in_order(const std::set<std::string>& present) {
    std::vector<std::string> ordered;
    for (const std::string& id : design_ids_strongest_first())
        if (present.count(id)) ordered.push_back(id);
    for (const std::string& id : present)
        if (std::find(ordered.begin(), ordered.end(), id) == ordered.end()) ordered.push_back(id);
    return ordered;
}

std::string condition_label(const std::string& id) { return id == "none" ? "No condition identified" : id; }

std::string esc(std::string_view text) { return html_escape(text); }

std::string count(std::size_t value) { return std::to_string(value); }

std::string plural(std::size_t value, std::string_view one, std::string_view many) {
    return count(value) + " " + std::string(value == 1 ? one : many);
}

std::string year_text(const std::optional<int>& year) { return year ? std::to_string(*year) : "year unknown"; }

std::string doses_text(const std::vector<double>& doses) {
    if (doses.empty()) return "not reported";
    std::string text;
    for (const double dose : doses) text += (text.empty() ? "" : ", ") + decimal_text(dose);
    return text + " mg";
}

// A link to the record on PubMed, made only from a PMID of digits, so no record can choose a URL.
std::string pubmed_link(const std::string& pmid) {
    const bool digits =
        !pmid.empty() && std::all_of(pmid.begin(), pmid.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return "PMID " + esc(pmid);
    return "<a href=\"https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/\">PMID " + pmid + "</a>";
}

std::string header_cell(std::string_view content) { return "<th scope=\"col\">" + std::string(content) + "</th>"; }
std::string row_header(std::string_view content) { return "<th scope=\"row\">" + std::string(content) + "</th>"; }
std::string number_cell(std::size_t value) { return "<td class=\"number\">" + count(value) + "</td>"; }

std::string design_header(std::string_view id) {
    const DesignStyle style = design_style(id);
    if (style.abbreviation == style.label) return header_cell(esc(style.label));
    return header_cell("<abbr title=\"" + esc(style.label) + "\">" + esc(style.abbreviation) + "</abbr>");
}

// The sections of issue 6 in its order, which numbers their headings.
struct Section {
    std::string_view id;
    std::string_view title;
};

constexpr Section sections[] = {
    {"scope", "Scope and methods"},
    {"evidence-map", "Evidence map"},
    {"timeline", "Timeline"},
    {"key-studies", "Key studies by condition"},
    {"doses", "Dose profile"},
    {"participants", "Participants"},
    {"retracted", "Retracted and corrected papers"},
    {"gaps", "Gaps"},
};

std::string section_open(std::size_t index) {
    const std::string id(sections[index].id);
    return "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-heading\">\n<h2 id=\"" + id + "-heading\">" +
           std::to_string(index + 1) + ". " + std::string(sections[index].title) + "</h2>\n";
}

constexpr std::string_view style_sheet = R"(
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem 3rem; color: #1a1a1a; background: #ffffff;
       font-family: system-ui, sans-serif; line-height: 1.5; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1b4f9c; }
h3 { font-size: 1.15rem; margin-top: 1.8rem; }
h4 { font-size: 1rem; margin: 0 0 0.4rem; }
a { color: #0b4f9c; }
.subtitle, .note, figcaption { color: #444444; }
.note, figcaption { font-size: 0.92rem; }
nav ol { columns: 2; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; }
td.number { text-align: right; }
abbr[title] { text-decoration: none; }
.table-scroll { overflow-x: auto; }
.heat-0 { color: #595959; }
.heat-1 { background: #e8f1fa; }
.heat-2 { background: #c6dbef; }
.heat-3 { background: #9ecae1; }
.heat-4 { background: #6baed6; font-weight: 700; }
figure { margin: 1rem 0; }
svg.chart { display: block; max-width: 100%; height: auto; }
ol.studies { padding-left: 1.5rem; }
li.study { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #1b4f9c; background: #f7f7f7; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.3rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
blockquote { margin: 0.5rem 0; padding: 0.4rem 0.8rem; border-left: 3px solid #8a8a8a; background: #ffffff;
             font-style: italic; }
figure.conclusion { margin: 0.5rem 0; }
.reference { font-size: 0.92rem; }
pre.strategy { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2, h3, h4 { break-after: avoid; }
  table, figure, li.study { break-inside: avoid; }
  .table-scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

std::string window_text(const SummaryOptions& options) { return options.since.iso() + " to " + options.until.iso(); }

std::string head(const EvidenceSummary& summary) {
    std::string title = "Low-dose naltrexone evidence report";
    if (!summary.options.query.empty()) title += ": " + summary.options.query;
    title += " (" + window_text(summary.options) + ")";
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           // Proof for the browser, not only for the reader: nothing on this page may be fetched.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>" +
           esc(title) + "</title>\n<style>" + std::string(style_sheet) + "</style>\n</head>\n";
}

std::string page_header(const EvidenceSummary& summary) {
    std::string html = "<header>\n<h1>Low-dose naltrexone: evidence report</h1>\n<p class=\"subtitle\">";
    if (!summary.options.topic_name.empty()) html += "Topic " + esc(summary.options.topic_name) + ". ";
    html += "Records published from " + esc(window_text(summary.options)) + ": " +
            plural(summary.included, "record", "records") + " included. Report dated " +
            esc(summary.options.now.iso()) + ".</p>\n</header>\n<nav aria-label=\"Sections\">\n<ol>\n";
    for (const Section& section : sections)
        html += "<li><a href=\"#" + std::string(section.id) + "\">" + std::string(section.title) + "</a></li>\n";
    return html + "</ol>\n</nav>\n";
}

std::string scope_section(const EvidenceSummary& summary) {
    const SummaryOptions& options = summary.options;
    std::string html = section_open(0);
    html += "<p>Records come from " + esc(summary.database) +
            ", searched with the strategy below and annotated by ldn (condition, design, dose, sample size). Counts "
            "exclude retracted and corrected records, which are listed apart in section 7.</p>\n";
    html += "<div class=\"table-scroll\"><table>\n<caption>Search and selection</caption>\n<tbody>\n";
    const auto row = [&html](std::string_view name, const std::string& cell_html) {
        html += "<tr>" + row_header(name) + "<td>" + cell_html + "</td></tr>\n";
    };
    row("Database", esc(summary.database));
    row("Topic", options.topic_name.empty() ? "not recorded" : esc(options.topic_name));
    row("Search strategy", options.search_strategy.empty()
                               ? "not recorded"
                               : "<pre class=\"strategy\">" + esc(options.search_strategy) + "</pre>");
    row("Query", options.query.empty() ? "every record" : "<code>" + esc(options.query) + "</code>");
    std::string conditions;
    for (const std::string& condition : options.conditions) conditions += (conditions.empty() ? "" : ", ") + esc(condition);
    row("Conditions", conditions.empty() ? "all" : conditions);
    row("Publication dates", esc(window_text(options)));
    row("Last refresh", summary.last_refresh.empty() ? "never refreshed" : esc(summary.last_refresh));
    row("Report date", esc(options.now.iso()));
    html += "<tr>" + row_header("Records identified") + number_cell(summary.identified) + "</tr>\n";
    for (const auto& [reason, records] : summary.excluded)
        html += "<tr>" + row_header("Excluded: " + esc(reason)) + number_cell(records) + "</tr>\n";
    html += "<tr>" + row_header("Records included") + number_cell(summary.included) + "</tr>\n";
    html += "<tr>" + row_header("Included without an abstract") + number_cell(summary.included_without_abstract) +
            "</tr>\n";
    html += "<tr>" + row_header("Included without a sample size") + number_cell(summary.included_without_sample_size) +
            "</tr>\n";
    return html + "</tbody>\n</table></div>\n</section>\n";
}

// Cell shading in four steps of the largest count; the number is always written, so the shade is
// only a reading aid.
std::string heat_class(std::size_t value, std::size_t largest) {
    if (value == 0 || largest == 0) return "heat-0";
    return "heat-" + count((value * 4 + largest - 1) / largest);
}

std::string evidence_map_section(const EvidenceSummary& summary) {
    std::string html = section_open(1);
    if (summary.map_conditions.empty()) return html + "<p>No included records.</p>\n</section>\n";
    const auto records_in = [&summary](const std::string& condition, const std::string& design) -> std::size_t {
        const auto row = summary.evidence_map.find(condition);
        if (row == summary.evidence_map.end()) return 0;
        const auto cell = row->second.find(design);
        return cell == row->second.end() ? 0 : cell->second;
    };
    std::size_t largest = 0;
    for (const std::string& condition : summary.map_conditions)
        for (const std::string& design : summary.map_designs) largest = std::max(largest, records_in(condition, design));

    html += "<p class=\"note\">A record about several conditions is counted under each. Darker cells hold more "
            "records.</p>\n<div class=\"table-scroll\"><table class=\"evidence-map\">\n<caption>Included records by "
            "condition and study design</caption>\n<thead><tr>" +
            header_cell("Condition");
    for (const std::string& design : summary.map_designs) html += design_header(design);
    html += header_cell("All designs") + "</tr></thead>\n<tbody>\n";
    for (const std::string& condition : summary.map_conditions) {
        html += "<tr>" + row_header(esc(condition_label(condition)));
        std::size_t total = 0;
        for (const std::string& design : summary.map_designs) {
            const std::size_t records = records_in(condition, design);
            total += records;
            html += "<td class=\"number " + heat_class(records, largest) + "\">" + count(records) + "</td>";
        }
        html += number_cell(total) + "</tr>\n";
    }
    return html + "</tbody>\n</table></div>\n</section>\n";
}

int year_of(const Day& day) { return std::stoi(day.iso().substr(0, 4)); }

std::string timeline_section(const EvidenceSummary& summary) {
    std::string html = section_open(2);
    std::set<std::string> present;
    for (const auto& [year, designs] : summary.timeline)
        for (const auto& [design, records] : designs) present.insert(design);
    const std::vector<std::string> designs = designs_in_order(present);

    // Every year of the window gets a bar, empty or not, so a gap in the literature shows as one.
    int first = year_of(summary.options.since);
    int last = year_of(summary.options.until);
    if (first > last) std::swap(first, last);
    if (!summary.timeline.empty()) {
        first = std::min(first, summary.timeline.begin()->first);
        last = std::max(last, summary.timeline.rbegin()->first);
    }

    StackedBarChart chart;
    chart.id = "timeline-chart";
    chart.title = "Included records per publication year, stacked by study design";
    chart.x_axis_label = "Publication year";
    chart.y_axis_label = "Records";
    for (const std::string& design : designs) {
        const DesignStyle style = design_style(design);
        chart.series.push_back({std::string(style.label), std::string(style.colour), style.pattern});
    }
    std::string rows;
    std::size_t busiest_records = 0;
    int busiest_year = first;
    for (int year = first; year <= last; ++year) {
        const auto found = summary.timeline.find(year);
        SvgStackedBar bar{std::to_string(year), {}};
        for (const std::string& design : designs) {
            std::size_t records = 0;
            if (found != summary.timeline.end()) {
                const auto in_design = found->second.find(design);
                if (in_design != found->second.end()) records = in_design->second;
            }
            bar.values.push_back(records);
        }
        const std::size_t total = std::accumulate(bar.values.begin(), bar.values.end(), std::size_t{0});
        if (total > busiest_records) {
            busiest_records = total;
            busiest_year = year;
        }
        if (found != summary.timeline.end()) {
            rows += "<tr>" + row_header(std::to_string(year));
            for (const std::size_t records : bar.values) rows += number_cell(records);
            rows += number_cell(total) + "</tr>\n";
        }
        chart.bars.push_back(std::move(bar));
    }
    chart.description = "Stacked bars, one per year from " + std::to_string(first) + " to " + std::to_string(last) +
                        ". " +
                        (busiest_records == 0
                             ? std::string("No included records.")
                             : plural(designs.size(), "design", "designs") + ". The most records, " +
                                   count(busiest_records) + ", were published in " + std::to_string(busiest_year) +
                                   ". The table below gives every number.");

    html += "<figure>\n" + svg_stacked_bar_chart(chart) +
            "<figcaption>Included records per publication year, stacked by design (strongest evidence at the "
            "bottom).";
    if (summary.timeline.empty()) return html + "</figcaption>\n</figure>\n</section>\n";
    html += " The table gives every number; years without records are left out of it.</figcaption>\n</figure>\n";
    html += "<div class=\"table-scroll\"><table>\n<caption>Included records per year and design</caption>\n<thead><tr>" +
            header_cell("Year");
    for (const std::string& design : designs) html += design_header(design);
    html += header_cell("All designs") + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table></div>\n";
    return html + "</section>\n";
}

std::string design_counts(const std::map<std::string, std::size_t>& designs) {
    std::set<std::string> present;
    for (const auto& [design, records] : designs) present.insert(design);
    std::string text;
    for (const std::string& design : designs_in_order(present))
        text += (text.empty() ? "" : "; ") + esc(design_label(design)) + " " + count(designs.at(design));
    return text;
}

std::string conclusion_caption(const StudyDigest& study) {
    std::string caption = "Authors' conclusion";
    if (!study.conclusion_source.empty()) caption += ", quoted from the abstract's " + esc(study.conclusion_source);
    return caption + " (" + pubmed_link(study.pmid) + ")";
}

std::string study_item(const StudyDigest& study) {
    std::string html = "<li class=\"study\"><article>\n<h4>" + esc(study.title) + "</h4>\n<dl class=\"facts\">";
    html += "<dt>Design</dt><dd>" + esc(design_label(study.design)) + "</dd>";
    html += "<dt>Year</dt><dd>" + year_text(study.year) + "</dd>";
    html += "<dt>Participants</dt><dd>" + (study.sample_size ? std::to_string(*study.sample_size) : "not reported") +
            "</dd>";
    html += "<dt>Dose</dt><dd>" + esc(doses_text(study.doses_mg)) + "</dd>";
    html += "<dt>Duration</dt><dd>" +
            (study.duration_weeks ? decimal_text(*study.duration_weeks) + " weeks" : std::string("not reported")) +
            "</dd>";
    html += "<dt>Record</dt><dd>" + pubmed_link(study.pmid) + "</dd></dl>\n";
    if (study.conclusion.empty())
        html += "<p class=\"note\">No abstract: there is no conclusion to quote.</p>\n";
    else
        html += "<figure class=\"conclusion\"><blockquote><p>" + esc(study.conclusion) + "</p></blockquote>\n<figcaption>" +
                conclusion_caption(study) + "</figcaption></figure>\n";
    html += "<p class=\"reference\"><strong>Reference (AMA):</strong> " + esc(study.reference) + "</p>\n";
    return html + "</article></li>\n";
}

std::string key_studies_section(const EvidenceSummary& summary) {
    std::string html = section_open(3);
    html += "<p>Per condition, systematic reviews and meta-analyses first, then randomized controlled trials, newest "
            "first within each; other designs are counted only.</p>\n";
    if (summary.conditions.empty()) return html + "<p>No included records.</p>\n</section>\n";
    for (std::size_t i = 0; i < summary.conditions.size(); ++i) {
        const ConditionEvidence& condition = summary.conditions[i];
        const std::string id = "condition-" + std::to_string(i + 1);
        const std::size_t records = std::accumulate(condition.designs.begin(), condition.designs.end(), std::size_t{0},
                                                    [](std::size_t sum, const auto& entry) { return sum + entry.second; });
        html += "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-heading\">\n<h3 id=\"" + id + "-heading\">" +
                esc(condition_label(condition.condition)) + "</h3>\n";
        html += "<p>" + plural(records, "included record", "included records");
        if (records > 0) html += ": " + design_counts(condition.designs);
        html += ".</p>\n";
        if (condition.key_studies.empty()) {
            html += "<p class=\"note\">No systematic review, meta-analysis or randomized controlled trial in the "
                    "window.</p>\n";
        } else {
            html += "<ol class=\"studies\">\n";
            for (const StudyDigest& study : condition.key_studies) html += study_item(study);
            html += "</ol>\n";
        }
        html += "</section>\n";
    }
    return html + "</section>\n";
}

std::string mg(const std::optional<double>& dose) { return dose ? decimal_text(*dose) + " mg" : "not reported"; }

std::string doses_section(const EvidenceSummary& summary) {
    const DoseProfile& doses = summary.doses;
    std::string html = section_open(4);
    html += "<p>" + count(doses.studies_with_dose) + " of " +
            plural(summary.included, "included record", "included records") +
            " report a naltrexone dose. Most common: " + mg(doses.most_common) + "; median: " + mg(doses.median) +
            "; range: " +
            (doses.lowest && doses.highest ? decimal_text(*doses.lowest) + " to " + decimal_text(*doses.highest) + " mg"
                                           : std::string("not reported")) +
            ".</p>\n";
    if (doses.studies_per_dose.empty()) return html + "</section>\n";

    HorizontalBarChart chart;
    chart.id = "dose-chart";
    chart.title = "Records reporting each naltrexone dose";
    chart.value_axis_label = "Records";
    chart.colour = "#1b4f9c";
    std::string rows;
    for (const auto& [dose, records] : doses.studies_per_dose) {
        chart.bars.emplace_back(decimal_text(dose) + " mg", records);
        rows += "<tr>" + row_header(decimal_text(dose) + " mg") + number_cell(records) + "</tr>\n";
    }
    chart.description = "Horizontal bars, one per reported dose from " + chart.bars.front().first + " to " +
                        chart.bars.back().first + "; the most common is " + mg(doses.most_common) +
                        ". The table below gives every number.";
    html += "<figure>\n" + svg_horizontal_bar_chart(chart) +
            "<figcaption>Records reporting each dose; a record reporting several doses counts under each.</figcaption>\n"
            "</figure>\n";
    html += "<table>\n<caption>Records reporting each dose</caption>\n<thead><tr>" + header_cell("Dose") +
            header_cell("Records") + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
    return html + "</section>\n";
}

std::string participants_section(const EvidenceSummary& summary) {
    std::string html = section_open(5);
    html += "<p>Across the included randomized controlled trials, " +
            plural(summary.randomized_participants, "participant was", "participants were") + " randomized in " +
            plural(summary.rcts, "trial", "trials") + "; " + count(summary.rcts_without_sample_size) +
            " of them report no sample size.</p>\n";
    if (summary.conditions.empty()) return html + "</section>\n";
    html += "<table>\n<caption>Participants randomized in randomized controlled trials, by condition</caption>\n"
            "<thead><tr>" +
            header_cell("Condition") + header_cell("Trials") + header_cell("Participants randomized") +
            header_cell("Trials without a sample size") + "</tr></thead>\n<tbody>\n";
    for (const ConditionEvidence& condition : summary.conditions) {
        const auto trials = condition.designs.find("rct");
        html += "<tr>" + row_header(esc(condition_label(condition.condition))) +
                number_cell(trials == condition.designs.end() ? 0 : trials->second) +
                number_cell(condition.randomized_participants) + number_cell(condition.rcts_without_sample_size) +
                "</tr>\n";
    }
    // Not the column sums: a trial of two conditions is in two rows but counts once here.
    html += "</tbody>\n<tfoot><tr>" + row_header("All trials, each counted once") + number_cell(summary.rcts) +
            number_cell(summary.randomized_participants) + number_cell(summary.rcts_without_sample_size) +
            "</tr></tfoot>\n</table>\n";
    return html + "</section>\n";
}

std::string apart_table(const char* caption, const std::vector<StudyDigest>& studies) {
    std::string html = "<div class=\"table-scroll\"><table>\n<caption>" + std::string(caption) +
                       "</caption>\n<thead><tr>" + header_cell("Record") + header_cell("Year") + header_cell("Design") +
                       header_cell("Reference (AMA)") + "</tr></thead>\n<tbody>\n";
    for (const StudyDigest& study : studies)
        html += "<tr>" + row_header(pubmed_link(study.pmid)) + "<td>" + year_text(study.year) + "</td><td>" +
                esc(design_label(study.design)) + "</td><td>" + esc(study.reference) + "</td></tr>\n";
    return html + "</tbody>\n</table></div>\n";
}

std::string retracted_section(const EvidenceSummary& summary) {
    std::string html = section_open(6);
    html += "<p>These records are excluded from every count and list above: a retracted paper is withdrawn, and a "
            "corrected one should be read with its correction (erratum).</p>\n";
    html += summary.retracted.empty() ? "<p>No retracted record matches the query in the window.</p>\n"
                                      : apart_table("Retracted records matching the query in the window", summary.retracted);
    html += summary.corrected.empty() ? "<p>No corrected record matches the query in the window.</p>\n"
                                      : apart_table("Corrected records matching the query in the window", summary.corrected);
    return html + "</section>\n";
}

std::string gaps_section(const EvidenceSummary& summary) {
    std::string html = section_open(7);
    html += "<h3>Conditions with no randomized controlled trial in the window</h3>\n";
    if (summary.conditions_without_rct.empty()) {
        html += "<p>Every condition has at least one.</p>\n";
    } else {
        html += "<ul>\n";
        for (const std::string& condition : summary.conditions_without_rct)
            html += "<li>" + esc(condition_label(condition)) + "</li>\n";
        html += "</ul>\n";
    }
    html += "<h3>Newest study per condition</h3>\n";
    if (summary.conditions.empty()) return html + "<p>No included records.</p>\n</section>\n";
    html += "<div class=\"table-scroll\"><table>\n<caption>The newest included study of each condition</caption>\n"
            "<thead><tr>" +
            header_cell("Condition") + header_cell("Year") + header_cell("Design") + header_cell("Title") +
            header_cell("Record") + "</tr></thead>\n<tbody>\n";
    for (const ConditionEvidence& condition : summary.conditions) {
        html += "<tr>" + row_header(esc(condition_label(condition.condition)));
        if (condition.newest)
            html += "<td>" + year_text(condition.newest->year) + "</td><td>" + esc(design_label(condition.newest->design)) +
                    "</td><td>" + esc(condition.newest->title) + "</td><td>" + pubmed_link(condition.newest->pmid) +
                    "</td>";
        else
            html += "<td colspan=\"4\">none in the window</td>";
        html += "</tr>\n";
    }
    return html + "</tbody>\n</table></div>\n</section>\n";
}

}  // namespace

std::string render_html_report(const EvidenceSummary& summary) {
    std::string html = head(summary);
    html += "<body>\n" + page_header(summary) + "<main>\n";
    html += scope_section(summary);
    html += evidence_map_section(summary);
    html += timeline_section(summary);
    html += key_studies_section(summary);
    html += doses_section(summary);
    html += participants_section(summary);
    html += retracted_section(summary);
    html += gaps_section(summary);
    html += "</main>\n<footer>\n<p class=\"note\">Generated by ldn from the records' own words: conclusions are quoted "
            "as the authors wrote them, and no effect is inferred.</p>\n</footer>\n</body>\n</html>\n";
    return html;
}

}  // namespace ldn

#include "query/summary/markdown_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ldn {

namespace {

std::string counted(std::size_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// Doses as the record gives them (shortest exact form: "4.5", "0.001"); durations to a tenth of a week.
std::string dose_text(double mg) { return fmt::format("{} mg", mg); }

std::string weeks_text(double weeks) {
    std::string text = fmt::format("{:.1f}", weeks);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text + (text == "1" ? " week" : " weeks");
}

std::string design_name(const std::string& design) {
    static const std::map<std::string, std::string> names{
        {"sr-ma", "systematic review or meta-analysis"},
        {"rct", "randomized controlled trial"},
        {"non-randomized-trial", "non-randomized trial"},
        {"observational", "observational study"},
        {"case-control", "case-control study"},
        {"case-series", "case series"},
        {"case-report", "case report"},
        {"review", "narrative review"},
        {"preclinical", "preclinical study"},
        {"other", "other (editorial, letter, comment, protocol)"},
    };
    auto found = names.find(design);
    return found == names.end() ? markdown_escaped(design) : found->second;
}

std::size_t count_in(const std::map<std::string, std::size_t>& counts, const std::string& key) {
    auto found = counts.find(key);
    return found == counts.end() ? 0 : found->second;
}

std::size_t total_of(const std::map<std::string, std::size_t>& counts) {
    std::size_t total = 0;
    for (const auto& [key, count] : counts) total += count;
    return total;
}

// A fenced block, indented two spaces to stay inside a list item, that no backtick run inside the
// (one-line) text can close early.
std::string fenced(const std::string& text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    return "  " + fence + "text\n  " + text + "\n  " + fence + "\n";
}

// "| a | b |" and its alignment row: the first `text_columns` columns left, the counts after them right.
std::string table_head(const std::vector<std::string>& headers, std::size_t text_columns = 1) {
    std::string head = "|";
    std::string rule = "|";
    for (std::size_t i = 0; i < headers.size(); ++i) {
        head += " " + headers[i] + " |";
        rule += i < text_columns ? " --- |" : " ---: |";
    }
    return head + "\n" + rule + "\n";
}

std::string table_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const std::string& cell : cells) row += " " + cell + " |";
    return row + "\n";
}

// "2 sr-ma, 3 rct, 1 review": a condition's records by design, strongest first.
std::string design_breakdown(const std::map<std::string, std::size_t>& counts,
                             const std::vector<std::string>& designs) {
    std::string text;
    for (const std::string& design : designs) {
        const std::size_t count = count_in(counts, design);
        if (count == 0) continue;
        if (!text.empty()) text += ", ";
        text += std::to_string(count) + " " + markdown_escaped(design);
    }
    return text;
}

std::string scope_section(const EvidenceSummary& summary) {
    const SummaryOptions& options = summary.options;
    std::string out = "## 1. Scope and methods\n\n";
    out += "- **Database:** " + markdown_escaped(summary.database) + "\n";
    if (options.topic_name.empty()) {
        out +=
            "- **Search strategy:** not recorded: this index was filled from files (`ldn ingest`), not by a "
            "crawl of a topic, so the records are whatever those files held.\n";
    } else if (options.search_strategy.empty()) {
        out += "- **Search strategy:** topic " + markdown_escaped(options.topic_name) +
               "; its file is not in data/topics, so its PubMed query cannot be shown.\n";
    } else {
        out += "- **Search strategy:** topic " + markdown_escaped(options.topic_name) + ", this PubMed query:\n\n";
        out += fenced(options.search_strategy) + "\n";
    }
    out += "- **Query:** " +
           (options.query.empty() ? std::string("every record in the index") : markdown_escaped(options.query)) + "\n";
    if (!options.conditions.empty()) {
        std::string conditions;
        for (const std::string& condition : options.conditions) {
            if (!conditions.empty()) conditions += ", ";
            conditions += markdown_escaped(condition);
        }
        out += "- **Conditions:** " + conditions + "\n";
    }
    out += "- **Publication dates:** " + options.since.iso() + " to " + options.until.iso() + "\n";
    out += "- **Last refresh of the index:** " +
           (summary.last_refresh.empty() ? std::string("none recorded") : markdown_escaped(summary.last_refresh)) +
           "\n";
    out +=
        "- **Records identified** (matching the query and filters, any date): " + std::to_string(summary.identified) +
        "\n";
    out += "- **Records included** (in the window, human, neither retracted nor corrected): " +
           std::to_string(summary.included) + "\n";
    std::size_t excluded_total = 0;
    std::string reasons;
    for (const std::string& reason : exclusion_reasons()) {
        const std::size_t count = count_in(summary.excluded, reason);
        excluded_total += count;
        if (!reasons.empty()) reasons += ", ";
        reasons += std::to_string(count) + " " + reason;
    }
    out += "- **Records excluded:** " + std::to_string(excluded_total) + " (" + reasons + ")\n";
    out += "- **Completeness:** " +
           counted(summary.included_without_abstract, "included record has", "included records have") +
           " no abstract; " + counted(summary.included_without_sample_size, "reports", "report") +
           " no sample size.\n\n";
    return out;
}

std::string evidence_map_section(const EvidenceSummary& summary) {
    std::string out =
        "## 2. Evidence map\n\nIncluded records by condition and design; a record about two conditions "
        "counts in both rows.\n\n";
    if (summary.map_conditions.empty()) return out + "No record is included.\n\n";
    std::vector<std::string> headers{"Condition"};
    for (const std::string& design : summary.map_designs) headers.push_back(markdown_escaped(design));
    headers.push_back("Records");
    out += table_head(headers);
    for (const std::string& condition : summary.map_conditions) {
        const auto& counts = summary.evidence_map.at(condition);
        std::vector<std::string> cells{markdown_escaped(condition)};
        for (const std::string& design : summary.map_designs) cells.push_back(std::to_string(count_in(counts, design)));
        cells.push_back(std::to_string(total_of(counts)));
        out += table_row(cells);
    }
    return out + "\n";
}

std::string timeline_section(const EvidenceSummary& summary) {
    std::string out = "## 3. Timeline\n\nIncluded records per publication year, by design.\n\n";
    if (summary.timeline.empty()) return out + "No record is included.\n\n";
    std::vector<std::string> headers{"Year"};
    for (const std::string& design : summary.map_designs) headers.push_back(markdown_escaped(design));
    headers.push_back("Records");
    out += table_head(headers);
    std::map<std::string, std::size_t> all_years;
    for (const auto& [year, counts] : summary.timeline) {
        std::vector<std::string> cells{std::to_string(year)};
        for (const std::string& design : summary.map_designs) cells.push_back(std::to_string(count_in(counts, design)));
        cells.push_back(std::to_string(total_of(counts)));
        out += table_row(cells);
        for (const auto& [design, count] : counts) all_years[design] += count;
    }
    std::vector<std::string> cells{"**All**"};
    for (const std::string& design : summary.map_designs) cells.push_back(std::to_string(count_in(all_years, design)));
    cells.push_back(std::to_string(total_of(all_years)));
    return out + table_row(cells) + "\n";
}

std::string doses_text(const std::vector<double>& doses) {
    if (doses.empty()) return "not reported";
    std::string text;
    for (double dose : doses) {
        if (!text.empty()) text += ", ";
        text += dose_text(dose);
    }
    return text;
}

std::string key_study(std::size_t number, const StudyDigest& study) {
    std::string out = std::to_string(number) + ". **" + markdown_escaped(study.title) + "** (PMID " + study.pmid +
                      (study.year ? ", " + std::to_string(*study.year) : std::string()) + ")\n";
    out += "   - " + design_name(study.design) +
           "; N: " + (study.sample_size ? std::to_string(*study.sample_size) : std::string("not reported")) +
           "; dose: " + doses_text(study.doses_mg) +
           "; duration: " + (study.duration_weeks ? weeks_text(*study.duration_weeks) : std::string("not reported")) +
           "\n";
    if (study.conclusion.empty()) {
        out += "   - Authors' conclusion: none quoted (the record has no abstract)\n";
    } else {
        out += "   - Authors' conclusion (" + study.conclusion_source + "):\n";
        out += "     > " + markdown_escaped(study.conclusion) + "\n";
    }
    out += "   - " + markdown_escaped(study.reference) + "\n";
    return out;
}

std::string conditions_section(const EvidenceSummary& summary) {
    std::string out =
        "## 4. Evidence by condition\n\nStrongest evidence first: systematic reviews and meta-analyses, "
        "then randomized controlled trials, newest first; other designs are counted. Conclusions are "
        "quoted as the authors wrote them.\n\n";
    if (summary.conditions.empty()) return out + "No record about a condition is included.\n\n";
    for (const ConditionEvidence& evidence : summary.conditions) {
        out += "### " + markdown_escaped(evidence.condition) + "\n\n";
        out += counted(total_of(evidence.designs), "included record", "included records") + ": " +
               design_breakdown(evidence.designs, summary.map_designs) + ".\n\n";
        if (evidence.key_studies.empty()) {
            out += "No systematic review, meta-analysis or randomized controlled trial in the window.\n\n";
            continue;
        }
        std::size_t number = 0;
        for (const StudyDigest& study : evidence.key_studies) out += key_study(++number, study);
        out += "\n";
    }
    return out;
}

std::string doses_section(const EvidenceSummary& summary) {
    const DoseProfile& doses = summary.doses;
    std::string out = "## 5. Dose profile\n\n";
    out += counted(doses.studies_with_dose, "included record reports", "included records report") +
           " a naltrexone dose; " + std::to_string(summary.included - doses.studies_with_dose) + " report none.";
    if (doses.studies_with_dose == 0) return out + "\n\n";
    out += " Most common: " + dose_text(*doses.most_common) + "; median: " + dose_text(*doses.median) +
           "; range: " + dose_text(*doses.lowest) + " to " + dose_text(*doses.highest) + " per day.\n\n";
    out += table_head({"Dose per day", "Records"});
    for (const auto& [dose, studies] : doses.studies_per_dose)
        out += table_row({dose_text(dose), std::to_string(studies)});
    return out + "\n";
}

std::string participants_section(const EvidenceSummary& summary) {
    std::string out = "## 6. Participants\n\n";
    out += std::to_string(summary.randomized_participants) + " participants randomized across " +
           counted(summary.rcts, "included randomized controlled trial", "included randomized controlled trials");
    if (summary.rcts_without_sample_size > 0) {
        out += " (" + counted(summary.rcts_without_sample_size, "trial reports", "trials report") + " no sample size)";
    }
    out += ". A trial about two conditions counts in both rows below.\n\n";
    bool any = false;
    for (const ConditionEvidence& evidence : summary.conditions) any = any || count_in(evidence.designs, "rct") > 0;
    if (!any) return out;
    out += table_head({"Condition", "RCTs", "Randomized", "RCTs without sample size"});
    for (const ConditionEvidence& evidence : summary.conditions) {
        const std::size_t rcts = count_in(evidence.designs, "rct");
        if (rcts == 0) continue;
        out += table_row({markdown_escaped(evidence.condition), std::to_string(rcts),
                          std::to_string(evidence.randomized_participants),
                          std::to_string(evidence.rcts_without_sample_size)});
    }
    return out + "\n";
}

std::string retracted_section(const EvidenceSummary& summary) {
    std::string out =
        "## 7. Retracted and corrected papers\n\nListed apart and left out of every count above: check a "
        "correction (erratum) before relying on a corrected paper.\n\n";
    const auto list = [&out](const char* heading, const std::vector<StudyDigest>& studies, const char* none) {
        out += std::string("### ") + heading + "\n\n";
        if (studies.empty()) out += std::string(none) + "\n";
        for (const StudyDigest& study : studies) {
            out += "- " + markdown_escaped(study.reference) + " (PMID " + study.pmid + ", " +
                   design_name(study.design) + ")\n";
        }
        out += "\n";
    };
    list("Retracted", summary.retracted, "No retracted paper matches the query in the window.");
    list("Corrected", summary.corrected, "No corrected paper matches the query in the window.");
    return out;
}

std::string gaps_section(const EvidenceSummary& summary) {
    std::string out = "## 8. Gaps\n\n";
    if (summary.conditions_without_rct.empty()) {
        out += "Every condition has at least one randomized controlled trial in the window.\n\n";
    } else {
        std::string conditions;
        for (const std::string& condition : summary.conditions_without_rct) {
            if (!conditions.empty()) conditions += ", ";
            conditions += markdown_escaped(condition);
        }
        out += "Conditions with no randomized controlled trial in the window: " + conditions + ".\n\n";
    }
    if (summary.conditions.empty()) return out;
    out += "The newest included study per condition:\n\n";
    out += table_head({"Condition", "Year", "Design", "PMID", "Title"}, 5);
    for (const ConditionEvidence& evidence : summary.conditions) {
        if (!evidence.newest) continue;
        const StudyDigest& newest = *evidence.newest;
        out +=
            table_row({markdown_escaped(evidence.condition), newest.year ? std::to_string(*newest.year) : std::string(),
                       markdown_escaped(newest.design), newest.pmid, markdown_escaped(newest.title)});
    }
    return out;
}

bool opens_list_item(std::string_view text) {
    if (text.starts_with("- ") || text.starts_with("+ ") || text.starts_with("= ") || text == "-" || text == "+")
        return true;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    // CommonMark's ordered-list marker: digits, '.' or ')', then a space or the end.
    return digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') &&
           (digits + 1 == text.size() || text[digits + 1] == ' ');
}

}  // namespace

std::string markdown_escaped(std::string_view text) {
    static constexpr std::string_view markup = "\\`*_[]<>|~&#";
    std::string out;
    out.reserve(text.size());
    // A leading "- ", "+ " or "12. " would open a list inside a blockquote or a table cell.
    if (opens_list_item(text)) {
        std::size_t marker = 0;
        while (marker < text.size() && text[marker] >= '0' && text[marker] <= '9') ++marker;
        out.append(text.substr(0, marker));
        out += '\\';
        text.remove_prefix(marker);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        // Line breaks, tabs and the other C0, DEL and C1 controls (a terminal's escape sequences
        // start with ESC or U+009B) become spaces: the report is read in terminals too. So do U+2028
        // and U+2029, which some renderers take for line ends.
        const auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
        if (byte < 0x20 || byte == 0x7F) {
            out += ' ';
            continue;
        }
        if (byte == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
            out += ' ';
            i += 1;
            continue;
        }
        if (byte == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) {
            out += ' ';
            i += 2;
            continue;
        }
        if (markup.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string render_markdown_report(const EvidenceSummary& summary) {
    std::string out = "# Evidence summary";
    if (!summary.options.topic_name.empty()) out += ": " + markdown_escaped(summary.options.topic_name);
    out += "\n\nReport of " + summary.options.now.iso() + " on publications from " + summary.options.since.iso() +
           " to " + summary.options.until.iso() + ": " + std::to_string(summary.included) + " of " +
           counted(summary.identified, "identified record", "identified records") + " included.\n\n";
    out += scope_section(summary);
    out += evidence_map_section(summary);
    out += timeline_section(summary);
    out += conditions_section(summary);
    out += doses_section(summary);
    out += participants_section(summary);
    out += retracted_section(summary);
    out += gaps_section(summary);
    return out;
}

}  // namespace ldn

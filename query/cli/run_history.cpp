#include "query/cli/run_history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <system_error>

#include "crawler/errors.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

const nlohmann::ordered_json* member(const nlohmann::ordered_json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

std::optional<long long> integer_member(const nlohmann::ordered_json& object, const char* key) {
    const nlohmann::ordered_json* value = member(object, key);
    if (value == nullptr || !value->is_number_integer()) return std::nullopt;
    return value->get<long long>();
}

std::string text_member(const nlohmann::ordered_json& object, const char* key) {
    const nlohmann::ordered_json* value = member(object, key);
    return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

// A stored value on one line of the table: a server's error body may hold line breaks.
std::string one_line(std::string text) {
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return text;
}

std::string count_or_unknown(const nlohmann::ordered_json& counts, const char* key) {
    const std::optional<long long> value = integer_member(counts, key);
    return value ? std::to_string(*value) : "?";
}

std::string refresh_counts_summary(const nlohmann::ordered_json& report, const nlohmann::ordered_json& counts) {
    std::string summary = count_or_unknown(counts, "new") + " new, " + count_or_unknown(counts, "updated") +
                          " updated, " + count_or_unknown(counts, "deleted") + " deleted, ";
    // Only when it happened: a newly retracted paper is the news a clinician must not miss.
    if (const std::optional<long long> retracted = integer_member(counts, "newly_retracted");
        retracted && *retracted > 0) {
        summary += std::to_string(*retracted) + " newly retracted, ";
    }
    summary += count_or_unknown(counts, "failed") + " failed";
    if (const nlohmann::ordered_json* alerts = member(report, "alerts")) {
        if (const std::optional<long long> matches = integer_member(*alerts, "new_matches"); matches && *matches > 0) {
            summary += "; " + std::to_string(*matches) + " new watch " + (*matches == 1 ? "match" : "matches");
        }
    }
    return summary;
}

std::string generic_counts_summary(const nlohmann::ordered_json& counts) {
    std::string summary;
    for (const auto& [key, value] : counts.items()) {
        if (!value.is_number() && !value.is_boolean() && !value.is_string()) continue;
        if (!summary.empty()) summary += ' ';
        summary += key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
    }
    return summary.empty() ? "-" : summary;
}

}  // namespace

std::string StoredRun::command() const { return text_member(report, "command"); }

int StoredRun::exit_code() const { return static_cast<int>(integer_member(report, "exit_code").value_or(-1)); }

std::string StoredRun::error() const { return text_member(report, "error"); }

std::optional<double> StoredRun::duration_seconds() const { return run_duration_seconds(report); }

std::vector<std::filesystem::path> run_report_files(const StoreLayout& store) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    if (!std::filesystem::exists(store.runs(), error)) return files;
    try {
        for (const auto& entry : std::filesystem::directory_iterator(store.runs())) {
            if (entry.path().extension() == ".json" && !entry.is_directory()) files.push_back(entry.path());
        }
    } catch (const std::filesystem::filesystem_error& failure) {
        throw io_error(store.runs().string() + ": cannot list the run reports: " + failure.code().message());
    }
    std::sort(files.begin(), files.end(), [](const std::filesystem::path& a, const std::filesystem::path& b) {
        return run_id_before(b.stem().string(), a.stem().string());
    });
    return files;
}

std::optional<StoredRun> read_run_report(const std::filesystem::path& file, const WarningSink& warn) {
    const auto skip = [&](const std::string& reason) -> std::optional<StoredRun> {
        warn(file.string() + ": " + reason + "; skipped");
        return std::nullopt;
    };
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) return skip(std::string("cannot open the run report: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return skip("cannot read the run report");
    nlohmann::ordered_json report = nlohmann::ordered_json::parse(text.str(), nullptr, false);
    if (report.is_discarded()) return skip("not a run report (not valid JSON)");
    if (!report.is_object()) return skip("not a run report (not a JSON object)");
    if (text_member(report, "command").empty()) return skip("not a run report (no \"command\")");
    if (!integer_member(report, "exit_code")) return skip("not a run report (no \"exit_code\")");
    return StoredRun{file.stem().string(), file, std::move(report)};
}

std::vector<StoredRun> recent_runs(const StoreLayout& store, std::size_t limit, const WarningSink& warn) {
    std::vector<StoredRun> runs;
    for (const std::filesystem::path& file : run_report_files(store)) {
        if (limit != 0 && runs.size() == limit) break;
        if (std::optional<StoredRun> run = read_run_report(file, warn)) runs.push_back(std::move(*run));
    }
    return runs;
}

std::optional<std::chrono::sys_seconds> parse_utc_time(std::string_view text) {
    // Exactly YYYY-MM-DDTHH:MM:SSZ: what the run reports and the index metadata hold.
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + length, value);
        if (error != std::errc() || end != text.data() + at + length) return std::nullopt;
        return value;
    };
    const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    return std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
           std::chrono::seconds(*second);
}

std::optional<double> run_duration_seconds(const nlohmann::ordered_json& report) {
    if (const nlohmann::ordered_json* duration = member(report, "duration_seconds")) {
        if (duration->is_number()) return duration->get<double>();
        if (const nlohmann::ordered_json* total = member(*duration, "total"); total && total->is_number()) {
            return total->get<double>();
        }
    }
    const auto started = parse_utc_time(text_member(report, "started"));
    const auto finished = parse_utc_time(text_member(report, "finished"));
    if (!started || !finished || *finished < *started) return std::nullopt;
    return static_cast<double>((*finished - *started).count());
}

std::string format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    // Tenths only when measured: index and ingest reports give whole seconds (started to finished).
    if (seconds < 9.95 && seconds != std::floor(seconds)) return fmt::format("{:.1f} s", seconds);
    const auto whole = static_cast<long long>(std::llround(seconds));
    if (whole < 60) return fmt::format("{} s", whole);
    if (whole < 3600) return fmt::format("{} min {:02} s", whole / 60, whole % 60);
    if (whole < 86400) return fmt::format("{} h {:02} min", whole / 3600, whole % 3600 / 60);
    return fmt::format("{} d {} h", whole / 86400, whole % 86400 / 3600);
}

std::string counts_summary(const nlohmann::ordered_json& report) {
    const nlohmann::ordered_json* counts = member(report, "counts");
    if (counts == nullptr || !counts->is_object()) return "-";
    if (text_member(report, "command") == "refresh") return refresh_counts_summary(report, *counts);
    return generic_counts_summary(*counts);
}

std::string format_run_table(const std::vector<StoredRun>& runs) {
    struct Row {
        std::string id, command, status, duration, counts, error;
    };
    std::vector<Row> rows;
    std::size_t id_width = 0, command_width = 0, status_width = 0, duration_width = 0, counts_width = 0;
    for (const StoredRun& run : runs) {
        Row row{run.run_id,
                one_line(run.command()),
                std::to_string(run.exit_code()) + (run.succeeded() ? " ok" : " failed"),
                run.duration_seconds() ? format_duration(*run.duration_seconds()) : "?",
                one_line(counts_summary(run.report)),
                run.succeeded() ? std::string() : one_line(run.error())};
        id_width = std::max(id_width, display_width(row.id));
        command_width = std::max(command_width, display_width(row.command));
        status_width = std::max(status_width, display_width(row.status));
        duration_width = std::max(duration_width, display_width(row.duration));
        // Errors line up with each other; a long count on a good run does not push them away.
        if (!row.error.empty()) counts_width = std::max(counts_width, display_width(row.counts));
        rows.push_back(std::move(row));
    }
    std::string table;
    for (const Row& row : rows) {
        std::string line = pad_right(row.id, id_width) + "  " + pad_right(row.command, command_width) + "  " +
                           pad_right(row.status, status_width) + "  " + pad_left(row.duration, duration_width) + "  ";
        // The counts are padded only when an error follows them, so that no line ends in spaces.
        line += row.error.empty() ? row.counts : pad_right(row.counts, counts_width) + "  error: " + row.error;
        table += line + '\n';
    }
    return table;
}

}  // namespace ldn::cli

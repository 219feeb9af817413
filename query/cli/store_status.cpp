#include "query/cli/store_status.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "crawler/disk_usage.hpp"
#include "crawler/errors.hpp"
#include "index/index_layout.hpp"
#include "index/schema.hpp"
#include "query/cli/terminal.hpp"

namespace ldn::cli {

namespace {

namespace fs = std::filesystem;

constexpr double seconds_per_hour = 3600.0;

std::string iso_time(std::chrono::sys_seconds time) {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(time)));
}

void read_index(IndexStatus& index, std::vector<std::string>& problems) {
    std::error_code error;
    if (!fs::exists(index.path, error)) return;
    index.bytes = bytes_under(index.path);
    try {
        // Opening for reading creates nothing and waits for no writer.
        const Xapian::Database database(index.path.string());
        index.present = true;
        index.documents = database.get_doccount();
        try {
            index.shards = existing_shards(index.path);
        } catch (const Error&) {
            // A stub ldn did not write: the index still reads, its shard count is not ours to say.
        }
        index.retracted = database.get_termfreq(std::string(schema::prefix::retracted) + "yes");
        index.schema_version = database.get_metadata(schema::metadata::schema_version);
        index.last_refresh = database.get_metadata(schema::metadata::last_refresh);
        index.last_refresh_run = database.get_metadata(schema::metadata::last_refresh_run);
    } catch (const Xapian::DatabaseNotFoundError&) {
        // A folder without a database in it: no index yet, as when the folder is absent.
        index.present = false;
    } catch (const Xapian::Error& failure) {
        index.unreadable = true;
        problems.push_back("index " + index.path.string() + ": cannot open: " + failure.get_description());
    }
}

RawStoreStatus read_raw_store(const fs::path& raw, std::vector<std::string>& problems) {
    RawStoreStatus status;
    std::error_code error;
    if (!fs::is_directory(raw, error)) return status;
    fs::directory_iterator it(raw, error);
    if (error) {
        problems.push_back(raw.string() + ": cannot list: " + error.message());
        return status;
    }
    for (fs::directory_iterator end; !error && it != end; it.increment(error)) {
        std::error_code kind_error;
        if (!it->is_directory(kind_error)) continue;
        ++status.runs;
        std::error_code batch_error;
        for (fs::directory_iterator batch(it->path(), batch_error), batch_end; !batch_error && batch != batch_end;
             batch.increment(batch_error)) {
            if (batch->path().filename().string().ends_with(".xml.gz")) ++status.batches;
        }
        status.bytes += bytes_under(it->path());
    }
    if (error) problems.push_back(raw.string() + ": cannot list: " + error.message());
    return status;
}

// watches.json is `{"watches": [...]}`: only how many there are matters here.
std::optional<std::size_t> read_watch_count(const fs::path& file, std::vector<std::string>& problems) {
    std::error_code error;
    if (!fs::exists(file, error)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const nlohmann::json watches = nlohmann::json::parse(text.str(), nullptr, false);
    if (!in.is_open() || in.bad() || watches.is_discarded() || !watches.is_object() || !watches.contains("watches") ||
        !watches.at("watches").is_array()) {
        problems.push_back(file.string() + ": cannot read the watches (want {\"watches\": [...]})");
        return std::nullopt;
    }
    return watches.at("watches").size();
}

void read_runs(const StoreLayout& store, StoreStatus& status, const WarningSink& warn) {
    try {
        const std::vector<fs::path> files = run_report_files(store);
        status.run_reports = files.size();
        for (const fs::path& file : files) {
            status.newest_run = read_run_report(file, warn);
            if (status.newest_run) break;
        }
    } catch (const Error& failure) {
        status.problems.push_back(failure.what());
    }
}

std::string newest_run_text(const StoredRun& run) {
    std::string text = run.run_id + " " + run.command() + ": exit " + std::to_string(run.exit_code()) +
                       (run.succeeded() ? " (ok)" : " (failed)");
    if (const std::optional<double> seconds = run.duration_seconds()) text += ", " + format_duration(*seconds);
    if (!run.succeeded() && !run.error().empty()) text += ": " + run.error();
    return text;
}

std::string last_refresh_text(const StoreStatus& status) {
    if (status.index.unreadable) return "unknown (the index cannot be opened)";
    if (status.index.last_refresh.empty()) return "never";
    std::string text = status.index.last_refresh;
    if (const std::optional<std::chrono::seconds> age = status.last_refresh_age()) {
        text += age->count() < 0 ? " (in the future: is the clock right?)" : ", " + format_age(*age) + " ago";
    } else {
        text += " (not a UTC time)";
    }
    if (!status.index.last_refresh_run.empty()) text += " (run " + status.index.last_refresh_run + ")";
    return text;
}

std::string index_text(const IndexStatus& index) {
    if (index.unreadable) return index.path.string() + ": cannot be opened (see the warning above)";
    if (!index.present) {
        return index.path.string() + ": none (fill it with 'ldn refresh' or 'ldn ingest FILE...')";
    }
    std::string text = fmt::format("{}: {} records, {} retracted, {}", index.path.string(), *index.documents,
                                   *index.retracted, format_bytes(index.bytes));
    if (index.shards.value_or(1) > 1) text += fmt::format(", {} shards", *index.shards);
    if (index.schema_version != std::to_string(schema::version)) {
        text += fmt::format("; schema version {} (this ldn reads {}: rebuild with 'ldn index --rebuild')",
                            index.schema_version.empty() ? "unknown" : index.schema_version, schema::version);
    }
    return text;
}

}  // namespace

std::optional<std::chrono::seconds> StoreStatus::last_refresh_age() const {
    if (!last_refresh) return std::nullopt;
    return now - *last_refresh;
}

StoreStatus read_store_status(const StoreLayout& store, std::chrono::sys_seconds now, const WarningSink& warn) {
    StoreStatus status;
    status.store = store.root();
    status.now = now;
    std::error_code error;
    status.store_exists = fs::is_directory(store.root(), error);
    status.index.path = store.index();
    read_index(status.index, status.problems);
    if (!status.index.last_refresh.empty()) {
        status.last_refresh = parse_utc_time(status.index.last_refresh);
        if (!status.last_refresh) {
            status.problems.push_back("index metadata " + std::string(schema::metadata::last_refresh) + " is '" +
                                      status.index.last_refresh + "', not a time like 2026-11-26T02:00:05Z");
        }
    }
    read_runs(store, status, warn);
    status.raw = read_raw_store(store.raw(), status.problems);
    status.watches = read_watch_count(store.watches(), status.problems);
    return status;
}

std::string format_age(std::chrono::seconds age) {
    const long long minutes = std::max<long long>(age.count(), 0) / 60;
    if (minutes < 60) return fmt::format("{} min", minutes);
    if (minutes < 48 * 60) return fmt::format("{} h {:02} min", minutes / 60, minutes % 60);
    return fmt::format("{} d {} h", minutes / (24 * 60), minutes % (24 * 60) / 60);
}

std::string format_bytes(std::uintmax_t bytes) {
    if (bytes < 1000) return fmt::format("{} bytes", bytes);
    const char* units[] = {"kB", "MB", "GB", "TB"};
    double scaled = static_cast<double>(bytes) / 1000.0;
    std::size_t unit = 0;
    while (scaled >= 1000.0 && unit + 1 < std::size(units)) {
        scaled /= 1000.0;
        ++unit;
    }
    return fmt::format("{:.1f} {} ({} bytes)", scaled, units[unit], bytes);
}

std::string format_status_text(const StoreStatus& status) {
    std::vector<std::pair<std::string, std::string>> lines;
    lines.emplace_back("store", status.store.string() + (status.store_exists ? "" : " (does not exist)"));
    lines.emplace_back("last refresh", last_refresh_text(status));
    lines.emplace_back("newest run", status.newest_run ? newest_run_text(*status.newest_run) : "none");
    lines.emplace_back("index", index_text(status.index));
    lines.emplace_back("raw store", fmt::format("{} runs, {} batches, {}", status.raw.runs, status.raw.batches,
                                                format_bytes(status.raw.bytes)));
    lines.emplace_back("run reports", std::to_string(status.run_reports));
    lines.emplace_back("watches", status.watches ? std::to_string(*status.watches) : "none");
    std::size_t label_width = 0;
    for (const auto& line : lines) label_width = std::max(label_width, line.first.size());
    std::string text;
    for (const auto& [label, value] : lines) text += pad_right(label, label_width) + "  " + value + '\n';
    return text;
}

nlohmann::ordered_json status_json(const StoreStatus& status, std::optional<double> max_age_hours) {
    using nlohmann::ordered_json;
    ordered_json last_refresh = nullptr;
    if (!status.index.last_refresh.empty()) {
        const std::optional<std::chrono::seconds> age = status.last_refresh_age();
        last_refresh = {{"time", status.index.last_refresh},
                        {"run_id", status.index.last_refresh_run.empty() ? ordered_json(nullptr)
                                                                         : ordered_json(status.index.last_refresh_run)},
                        {"age_seconds", age ? ordered_json(age->count()) : ordered_json(nullptr)},
                        {"age_hours", age ? ordered_json(static_cast<double>(age->count()) / seconds_per_hour)
                                          : ordered_json(nullptr)}};
    }
    ordered_json newest_run = nullptr;
    if (status.newest_run) {
        const StoredRun& run = *status.newest_run;
        const std::optional<double> seconds = run.duration_seconds();
        newest_run = {{"run_id", run.run_id},
                      {"command", run.command()},
                      {"exit_code", run.exit_code()},
                      {"ok", run.succeeded()},
                      {"duration_seconds", seconds ? ordered_json(*seconds) : ordered_json(nullptr)},
                      {"error", run.error()}};
    }
    const IndexStatus& index = status.index;
    const auto count_or_null = [](const std::optional<std::size_t>& count) {
        return count ? ordered_json(*count) : ordered_json(nullptr);
    };
    ordered_json output{
        {"store", status.store.string()},
        {"store_exists", status.store_exists},
        {"now", iso_time(status.now)},
        {"last_refresh", last_refresh},
        {"newest_run", newest_run},
        {"index",
         {{"path", index.path.string()},
          {"present", index.present},
          {"documents", count_or_null(index.documents)},
          {"retracted", count_or_null(index.retracted)},
          {"shards", count_or_null(index.shards)},
          {"bytes", index.bytes},
          {"schema_version", index.present ? ordered_json(index.schema_version) : ordered_json(nullptr)}}},
        {"raw", {{"runs", status.raw.runs}, {"batches", status.raw.batches}, {"bytes", status.raw.bytes}}},
        {"run_reports", status.run_reports},
        {"watches", count_or_null(status.watches)},
        {"max_age_hours", max_age_hours ? ordered_json(*max_age_hours) : ordered_json(nullptr)},
        {"stale", max_age_hours ? ordered_json(staleness(status, *max_age_hours).has_value()) : ordered_json(nullptr)},
        {"problems", status.problems},
    };
    return output;
}

std::optional<std::string> staleness(const StoreStatus& status, double max_age_hours) {
    if (status.index.last_refresh.empty()) {
        // An index that could not be opened may well hold a recent refresh: unknown, not never.
        if (status.index.unreadable) return std::nullopt;
        return "store " + status.store.string() +
               " was never refreshed (no successful 'ldn refresh' recorded in its index)";
    }
    const std::optional<std::chrono::seconds> age = status.last_refresh_age();
    if (!age) return std::nullopt;  // the stored time is unreadable: reported as a problem
    const double hours = static_cast<double>(age->count()) / seconds_per_hour;
    if (hours <= max_age_hours) return std::nullopt;
    return fmt::format("last successful refresh {}{} is {:.1f} hours old (more than {})", status.index.last_refresh,
                       status.index.last_refresh_run.empty() ? "" : " (run " + status.index.last_refresh_run + ")",
                       hours, max_age_hours);
}

}  // namespace ldn::cli

#include "query/refresh/refresh_job.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <optional>

#include "crawler/run_report.hpp"
#include "crawler/store_layout.hpp"
#include "crawler/store_lock.hpp"
#include "index/annotator.hpp"
#include "index/index_writer.hpp"
#include "index/schema.hpp"
#include "index/synonyms.hpp"

namespace ldn {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The crawl wrote its own report (on success and on failure); the refresh report extends it, so
// the windows, requests and retries are told once, the way the crawl saw them.
nlohmann::ordered_json crawl_report(const StoreLayout& store, const std::string& run_id) {
    std::ifstream in(store.run_report(run_id));
    if (!in) return nlohmann::ordered_json::object();
    try {
        return nlohmann::ordered_json::parse(in);
    } catch (const nlohmann::json::exception&) {
        return nlohmann::ordered_json::object();
    }
}

class RefreshRun {
public:
    RefreshRun(const RefreshRequest& request, const RefreshObserver& observer)
        : request_(request), observer_(observer), store_(request.crawl.store) {}

    RefreshOutcome run() {
        StoreLock lock = StoreLock::acquire(store_.root());
        const std::string started = utc_now_iso();
        const Clock::time_point start = Clock::now();

        CrawlObserver crawl_observer = observer_.crawl;
        crawl_observer.run_begun = [this](const std::string& run_id) { outcome_.run_id = run_id; };
        std::optional<Error> crawl_failure;
        try {
            outcome_.crawl = crawl_holding_lock(request_.crawl, crawl_observer, lock);
            outcome_.mode = outcome_.crawl.mode;
            outcome_.resumed = outcome_.crawl.resumed;
        } catch (const Error& error) {
            // What was fetched before NCBI gave out is worth indexing; anything else stops here.
            if (error.code() != ExitCode::unavailable || outcome_.run_id.empty()) throw;
            crawl_failure = error;
        }
        crawl_seconds_ = seconds_since(start);

        try {
            index_and_check(crawl_failure.has_value() || outcome_.crawl.failed > 0);
        } catch (const Error& error) {
            write_report(started, start, error.code(), error.what());
            throw;
        }
        if (crawl_failure) {
            outcome_.code = ExitCode::unavailable;
            outcome_.error = crawl_failure->what();
        } else if (outcome_.crawl.failed > 0) {
            outcome_.code = ExitCode::unavailable;
            outcome_.error = std::to_string(outcome_.crawl.failed) +
                             " records found by the search were not delivered by efetch; the next refresh asks again";
        } else if (outcome_.index.failed > 0) {
            outcome_.code = ExitCode::data_error;
        }
        outcome_.seconds = seconds_since(start);
        write_report(started, start, outcome_.code, outcome_.error);
        return outcome_;
    }

private:
    void index_and_check(bool crawl_incomplete) {
        const Clock::time_point index_start = Clock::now();
        Annotator annotator(request_.vocab);
        IndexWriter writer(store_.index(), annotator);
        store_synonyms(writer, load_synonyms(request_.vocab / "synonyms.json"));
        writer.set_metadata(schema::metadata::topic, request_.crawl.topic.name);
        if (observer_.index_begun) observer_.index_begun();
        outcome_.index = index_raw_batches(store_, writer, false, observer_.index);
        if (!crawl_incomplete) {
            // In the same commit as nothing else: the marks of the batches were committed with them.
            writer.set_metadata(schema::metadata::last_refresh, utc_now_iso());
            writer.set_metadata(schema::metadata::last_refresh_run, outcome_.run_id);
        }
        writer.commit();
        outcome_.documents = writer.documents();
        index_seconds_ = seconds_since(index_start);

        const Clock::time_point watch_start = Clock::now();
        outcome_.watches = check_saved_searches(store_, writer.database(), outcome_.run_id, request_.notify_command,
                                                observer_.warning);
        watch_seconds_ = seconds_since(watch_start);
    }

    void write_report(const std::string& started, Clock::time_point start, ExitCode code, const std::string& error) {
        if (outcome_.run_id.empty()) return;
        nlohmann::ordered_json crawl = crawl_report(store_, outcome_.run_id);
        auto crawl_value = [&crawl](const char* section, const char* key) -> nlohmann::ordered_json {
            if (crawl.contains(section) && crawl[section].contains(key)) return crawl[section][key];
            return 0;
        };
        const IndexCounts& index = outcome_.index;
        nlohmann::ordered_json report{
            {"run_id", outcome_.run_id},
            {"command", "refresh"},
            {"topic", request_.crawl.topic.name},
            {"term", crawl.value("term", request_.crawl.topic.query())},
            {"mode", crawl.value("mode", std::string())},
            {"resumed", crawl.value("resumed", false)},
            {"started", started},
            {"finished", utc_now_iso()},
            {"duration_seconds",
             {{"crawl", crawl_seconds_}, {"index", index_seconds_}, {"watches", watch_seconds_},
              {"total", seconds_since(start)}}},
            {"windows", crawl.value("windows", nlohmann::ordered_json::array())},
            {"listing", crawl.value("listing", nlohmann::ordered_json::array())},
            {"counts",
             {{"identified", crawl_value("counts", "identified")},
              {"fetched", crawl_value("counts", "fetched")},
              {"new", index.added},
              {"updated", index.updated},
              {"unchanged", index.unchanged},
              {"deleted", index.deleted},
              {"newly_retracted", index.newly_retracted},
              {"failed", crawl_value("counts", "failed").get<std::size_t>() + index.failed},
              {"withdrawals_held", crawl_value("counts", "withdrawals_held")},
              {"batches", crawl_value("counts", "batches")}}},
            {"requests", crawl.value("requests", 0)},
            {"retries", crawl.value("retries", nlohmann::ordered_json::object())},
            {"documents", outcome_.documents},
            {"alerts", outcome_.watches.report(store_)},
            {"exit_code", static_cast<int>(code)},
            {"error", error},
        };
        write_run_report(store_, outcome_.run_id, report);
    }

    const RefreshRequest& request_;
    const RefreshObserver& observer_;
    StoreLayout store_;
    RefreshOutcome outcome_;
    double crawl_seconds_ = 0;
    double index_seconds_ = 0;
    double watch_seconds_ = 0;
};

}  // namespace

RefreshOutcome refresh(const RefreshRequest& request, const RefreshObserver& observer) {
    return RefreshRun(request, observer).run();
}

}  // namespace ldn

#include "crawler/crawl.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <map>
#include <set>
#include <unordered_set>

#include "crawler/atomic_file.hpp"
#include "crawler/crawl_manifest.hpp"
#include "crawler/crawl_state.hpp"
#include "crawler/errors.hpp"
#include "crawler/run_report.hpp"
#include "crawler/store_layout.hpp"
#include "crawler/store_lock.hpp"
#include "crawler/topic_holdings.hpp"

namespace ldn {

namespace {

// Records revised or added just before the last success may not have been visible yet.
constexpr int incremental_overlap_days = 2;

// The window options the user gave explicitly, and the day a window without --until ends: a resume
// only continues a run asked for the same way on the same day. A run planned on an earlier day
// searched an earlier window; finishing it would record today as done, and the records revised in
// between would never be fetched (the next incremental window starts two days before today).
std::string describe_request(const CrawlRequest& request) {
    std::string text = request.full ? "full" : "default";
    if (request.since) text += " since=" + request.since->iso();
    if (request.until) text += " until=" + request.until->iso();
    if (request.years) text += " years=" + std::to_string(*request.years);
    if (!request.until) text += " today=" + request.today.iso();
    return text;
}

class CrawlRun {
public:
    CrawlRun(const CrawlRequest& request, const CrawlObserver& observer)
        : request_(request), observer_(observer), store_(request.store), client_(request.eutils) {
        if (observer_.log) client_.set_request_log(observer_.log);
    }

    CrawlSummary run() {
        started_ = std::chrono::steady_clock::now();
        begin();
        if (observer_.run_begun) observer_.run_begun(manifest_.run_id);
        try {
            if (!manifest_.planned) plan();
            note_out_of_topic();
            fetch_all();
            manifest_.complete = true;
            manifest_.finished = utc_now_iso();
            save_manifest();
            CrawlState{request_.topic.name, manifest_.term, manifest_.run_id, window_end(), manifest_.finished}.save(
                store_.state());
            write_report(0, "");
        } catch (const Error& error) {
            write_report(static_cast<int>(error.code()), error.what());
            throw;
        }
        return summary();
    }

private:
    Day window_end() const { return request_.until.value_or(request_.today); }

    void begin() {
        std::string term = request_.topic.query();
        std::optional<CrawlManifest> unfinished = find_unfinished_run(store_.raw());
        if (unfinished && unfinished->term == term && unfinished->request == describe_request(request_)) {
            manifest_ = std::move(*unfinished);
            resumed_ = true;
            for (const StoredBatch& batch : manifest_.batches) fetched_.insert(batch.pmids.begin(), batch.pmids.end());
            manifest_.failed.clear();  // records that failed before get another chance
            log("resuming run " + manifest_.run_id + " after " + std::to_string(manifest_.batches.size()) +
                " stored batches");
            return;
        }
        if (unfinished) {
            warn("run " + unfinished->run_id + " did not finish and was asked for differently; starting a new run");
        }
        manifest_.run_id = new_run_id(store_);
        manifest_.topic = request_.topic.name;
        manifest_.term = term;
        manifest_.request = describe_request(request_);
        manifest_.started = utc_now_iso();
        manifest_.mode = incremental_start() ? "incremental" : "full";
        create_directories_or_fail(store_.run_raw(manifest_.run_id));
        save_manifest();
    }

    // The day an incremental run starts from, when this run is incremental.
    std::optional<Day> incremental_start() const {
        if (request_.full || request_.since || request_.years) return std::nullopt;
        std::optional<CrawlState> state = CrawlState::load(store_.state());
        if (!state || state->term != request_.topic.query()) return std::nullopt;
        return state->until.plus_days(-incremental_overlap_days);
    }

    // The topic's own window was asked for (an --until only moves it), so this run can list the topic.
    bool lists_topic() const { return !request_.since && !request_.years; }

    SearchWindow topic_window() const {
        Day end = window_end();
        return SearchWindow{request_.topic.datetype, end.minus_years(request_.topic.years), end};
    }

    std::vector<SearchWindow> requested_windows() const {
        Day end = window_end();
        if (manifest_.mode == "incremental") {
            Day start = *incremental_start();
            if (start > end) start = end;
            // New records by entry date, revised ones by modification date.
            return {SearchWindow{"edat", start, end}, SearchWindow{"mdat", start, end}};
        }
        if (lists_topic()) return {topic_window()};
        Day start = request_.since.value_or(end.minus_years(request_.years.value_or(request_.topic.years)));
        if (start > end) throw Error(ExitCode::usage, "the window starts (" + start.iso() + ") after it ends (" + end.iso() + ")");
        return {SearchWindow{request_.topic.datetype, start, end}};
    }

    void plan() {
        manifest_.windows.clear();
        manifest_.listing.clear();
        manifest_.unstored.clear();
        manifest_.withdrawn.clear();
        manifest_.withdrawals_held.clear();
        for (const SearchWindow& window : requested_windows()) plan_window(window, manifest_.windows);
        if (lists_topic()) {
            // An incremental run's windows hold only what changed: the topic window is listed apart.
            if (manifest_.mode == "incremental") plan_window(topic_window(), manifest_.listing);
            compare_with_store();
        }
        manifest_.planned = true;
        save_manifest();
    }

    // What the topic holds now against what earlier runs stored: records never stored are fetched,
    // records that left the topic are withdrawn from the index (unless implausibly many leave at once).
    void compare_with_store() {
        manifest_.lists_topic = true;
        std::vector<std::string> listed = manifest_.topic_pmids();
        std::unordered_set<std::string> topic(listed.begin(), listed.end());
        std::unordered_set<std::string> held = pmids_held_before(store_, manifest_.run_id);
        std::unordered_set<std::string> in_windows;
        for (const PlannedWindow& planned : manifest_.windows) in_windows.insert(planned.ids.begin(), planned.ids.end());
        for (const std::string& pmid : listed) {
            if (!held.count(pmid) && !in_windows.count(pmid)) manifest_.unstored.push_back(pmid);
        }
        std::vector<std::string> leaving;
        for (const std::string& pmid : held) {
            if (!topic.count(pmid)) leaving.push_back(pmid);
        }
        std::sort(leaving.begin(), leaving.end());
        const auto allowed = std::max<std::size_t>(
            5, static_cast<std::size_t>(static_cast<double>(held.size()) * request_.max_withdrawn_fraction));
        if (leaving.size() > allowed && request_.max_withdrawn_fraction < 1.0) {
            warn(std::to_string(leaving.size()) + " of the " + std::to_string(held.size()) +
                 " records stored for the topic are no longer found by its search; more than expected at once, "
                 "so they stay in the index (if the change is real, run with --allow-withdrawals)");
            manifest_.withdrawals_held = std::move(leaving);
        } else {
            manifest_.withdrawn = std::move(leaving);
        }
    }

    // Records an incremental window found that lie outside the topic window (an old record revised).
    void note_out_of_topic() {
        if (manifest_.listing.empty()) return;
        std::unordered_set<std::string> topic;
        for (const PlannedWindow& planned : manifest_.listing) topic.insert(planned.ids.begin(), planned.ids.end());
        for (const PlannedWindow& planned : manifest_.windows) {
            for (const std::string& pmid : planned.ids) {
                if (!topic.count(pmid)) out_of_topic_.insert(pmid);
            }
        }
    }

    // Searches the window; a window holding more than PubMed pages through is split in two by date.
    void plan_window(const SearchWindow& window, std::vector<PlannedWindow>& into) {
        SearchResult result = client_.search(manifest_.term, window, request_.search_limit, "esearch " + window.label());
        for (const std::string& note : result.notes) log("esearch " + window.label() + ": " + note);
        if (result.count > request_.search_limit) {
            if (window.min == window.max) {
                throw Error(ExitCode::failure, "esearch " + window.label() + ": " + std::to_string(result.count) +
                                                   " records on one day, more than PubMed serves for one search (" +
                                                   std::to_string(request_.search_limit) + "); narrow the topic");
            }
            int span = window.min.days_until(window.max);
            Day middle = window.min.plus_days(span / 2);
            log("esearch " + window.label() + ": " + std::to_string(result.count) + " records, splitting the window");
            plan_window(SearchWindow{window.datetype, window.min, middle}, into);
            plan_window(SearchWindow{window.datetype, middle.plus_days(1), window.max}, into);
            return;
        }
        if (&into == &manifest_.windows) histories_[into.size()] = result;
        into.push_back(PlannedWindow{window, result.count, result.ids, result.query_translation});
    }

    // The distinct PMIDs this run sets out to store.
    std::size_t identified() const {
        std::unordered_set<std::string> all(manifest_.unstored.begin(), manifest_.unstored.end());
        for (const PlannedWindow& window : manifest_.windows) {
            for (const std::string& pmid : window.ids) {
                if (!out_of_topic_.count(pmid)) all.insert(pmid);
            }
        }
        return all.size();
    }

    void fetch_all() {
        total_ = identified();
        report_progress();
        for (std::size_t w = 0; w < manifest_.windows.size(); ++w) fetch_window(w);
        for (const std::string& pmid : manifest_.unstored) {
            if (!fetched_.count(pmid) && !failed_.count(pmid)) queue(pmid);
        }
        fetch_queued(1);
    }

    // Whole batches go through the history server while it knows the search. The rest (a window's
    // short last batch, records another window already brought, everything when resuming) is queued
    // and fetched by id in whole batches, so overlapping windows cost no extra requests.
    void fetch_window(std::size_t w) {
        const std::size_t batch = request_.batch;
        int expirations = 0;
        std::size_t start = 0;
        while (start < manifest_.windows[w].ids.size()) {
            const std::vector<std::string>& ids = manifest_.windows[w].ids;
            std::vector<std::string> chunk(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                           ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + batch)));
            std::vector<std::string> todo;
            for (const std::string& id : chunk) {
                if (!fetched_.count(id) && !failed_.count(id) && !queued_set_.count(id) && !out_of_topic_.count(id)) {
                    todo.push_back(id);
                }
            }
            auto history = histories_.find(w);
            bool by_history = chunk.size() == batch && todo.size() == chunk.size() && history != histories_.end() &&
                              expirations < request_.eutils.retry.max_attempts;
            if (!by_history) {
                for (std::string& id : todo) queue(std::move(id));
                fetch_queued(batch);
                start += batch;
                continue;
            }
            std::string what = "efetch batch " + std::to_string(manifest_.batches.size() + 1);
            FetchedBatch fetched;
            try {
                fetched = client_.fetch_history(history->second, start, chunk.size(), what);
            } catch (const HistoryExpired& expired) {
                ++expirations;
                log(std::string(expired.what()) + "; searching again");
                if (!research(w)) start = 0;  // the results changed: walk the new list from the top
                continue;
            }
            store_batch(fetched);
            verify(todo, fetched, what);
            start += batch;
        }
    }

    void queue(std::string id) {
        if (queued_set_.insert(id).second) queued_.push_back(std::move(id));
    }

    // Fetches queued ids by id while at least `minimum` are waiting, a batch at a time.
    void fetch_queued(std::size_t minimum) {
        while (!queued_.empty() && queued_.size() >= minimum) {
            std::size_t count = std::min(queued_.size(), request_.batch);
            std::vector<std::string> todo(queued_.begin(), queued_.begin() + static_cast<std::ptrdiff_t>(count));
            std::string what = "efetch batch " + std::to_string(manifest_.batches.size() + 1);
            FetchedBatch fetched = client_.fetch_ids(todo, what);
            queued_.erase(queued_.begin(), queued_.begin() + static_cast<std::ptrdiff_t>(count));
            for (const std::string& id : todo) queued_set_.erase(id);
            store_batch(fetched);
            verify(todo, fetched, what);
        }
    }

    // A new history for window w. True when the search found the same PMIDs in the same order.
    bool research(std::size_t w) {
        PlannedWindow& planned = manifest_.windows[w];
        SearchResult result =
            client_.search(manifest_.term, planned.window, request_.search_limit, "esearch " + planned.window.label());
        bool same = result.ids == planned.ids;
        histories_[w] = result;
        if (!same) {
            planned.ids = result.ids;
            planned.count = result.count;
            save_manifest();
            total_ = identified();
        }
        return same;
    }

    // Every PMID asked for must come back; the missing ones are asked for again by id.
    void verify(const std::vector<std::string>& expected, const FetchedBatch& batch, const std::string& what) {
        std::set<std::string> received(batch.pmids.begin(), batch.pmids.end());
        std::vector<std::string> missing;
        for (const std::string& id : expected) {
            if (!received.count(id)) missing.push_back(id);
        }
        if (missing.empty()) return;
        log(what + ": " + std::to_string(missing.size()) + " of " + std::to_string(expected.size()) +
            " records missing; fetching them by id");
        retries_missing_ += 1;
        FetchedBatch again = client_.fetch_ids(missing, what + " (missing records)");
        store_batch(again);
        std::set<std::string> arrived(again.pmids.begin(), again.pmids.end());
        for (const std::string& id : missing) {
            if (arrived.count(id)) continue;
            failed_.insert(id);
            manifest_.failed.push_back(id);
            warn(what + ": PMID " + id + " was found by the search but efetch did not return it");
        }
        save_manifest();
    }

    void store_batch(const FetchedBatch& batch) {
        if (batch.pmids.empty() && batch.bad_records == 0) return;
        std::size_t number = manifest_.batches.size() + 1;
        std::filesystem::path file = store_.batch(manifest_.run_id, number);
        write_gzip_atomically(file, batch.body);
        manifest_.batches.push_back(StoredBatch{file.filename().string(), batch.pmids, batch.body.size()});
        for (const std::string& pmid : batch.pmids) {
            fetched_.insert(pmid);
            failed_.erase(pmid);
        }
        save_manifest();
        report_progress();
    }

    void report_progress() const {
        if (observer_.progress) observer_.progress(std::min(fetched_.size(), total_), total_);
    }

    void save_manifest() const { manifest_.save(store_.manifest(manifest_.run_id)); }

    void log(const std::string& line) const {
        if (observer_.log) observer_.log(line);
    }
    void warn(const std::string& line) const {
        if (observer_.warning) observer_.warning(line);
    }

    CrawlSummary summary() const {
        CrawlSummary summary;
        summary.run_id = manifest_.run_id;
        summary.mode = manifest_.mode;
        summary.resumed = resumed_;
        summary.windows = manifest_.windows.size();
        summary.identified = identified();
        summary.fetched = fetched_.size();
        summary.failed = failed_.size();
        summary.withdrawn = manifest_.withdrawn.size();
        summary.withdrawals_held = manifest_.withdrawals_held.size();
        summary.batches = manifest_.batches.size();
        summary.requests = client_.requests();
        summary.retries = client_.retries();
        summary.retries.by_cause[static_cast<std::size_t>(FailureCause::missing_records)] += retries_missing_;
        summary.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
        return summary;
    }

    void write_report(int exit_code, const std::string& error) const {
        CrawlSummary figures = summary();
        auto windows_json = [](const std::vector<PlannedWindow>& list) {
            nlohmann::ordered_json windows = nlohmann::ordered_json::array();
            for (const PlannedWindow& planned : list) {
                windows.push_back({{"datetype", planned.window.datetype},
                                   {"mindate", planned.window.min.iso()},
                                   {"maxdate", planned.window.max.iso()},
                                   {"count", planned.count},
                                   {"query_translation", planned.query_translation}});
            }
            return windows;
        };
        nlohmann::ordered_json retries = nlohmann::ordered_json::object();
        for (std::size_t cause = 0; cause < failure_cause_count; ++cause) {
            retries[std::string(cause_name(static_cast<FailureCause>(cause)))] = figures.retries.by_cause[cause];
        }
        nlohmann::ordered_json report{
            {"run_id", manifest_.run_id},
            {"command", "crawl"},
            {"topic", manifest_.topic},
            {"term", manifest_.term},
            {"mode", manifest_.mode},
            {"resumed", resumed_},
            {"started", manifest_.started},
            {"finished", utc_now_iso()},
            {"duration_seconds", figures.seconds},
            {"windows", windows_json(manifest_.windows)},
            {"listing", windows_json(manifest_.listing)},
            {"counts",
             {{"identified", figures.identified},
              {"fetched", figures.fetched},
              {"failed", figures.failed},
              {"withdrawn", figures.withdrawn},
              {"withdrawals_held", figures.withdrawals_held},
              {"batches", figures.batches}}},
            {"requests", figures.requests},
            {"retries", retries},
            {"exit_code", exit_code},
            {"error", error},
        };
        try {
            write_run_report(store_, manifest_.run_id, report);
        } catch (const Error& failure) {
            if (exit_code == 0) throw;
            warn(std::string("cannot write the run report: ") + failure.what());  // keep the first error
        }
    }

    const CrawlRequest& request_;
    const CrawlObserver& observer_;
    StoreLayout store_;
    EutilsClient client_;
    CrawlManifest manifest_;
    bool resumed_ = false;
    std::map<std::size_t, SearchResult> histories_;  // live WebEnvs of this process, by window
    std::unordered_set<std::string> fetched_;
    std::unordered_set<std::string> failed_;
    std::unordered_set<std::string> out_of_topic_;
    std::deque<std::string> queued_;  // to fetch by id, in the order found
    std::unordered_set<std::string> queued_set_;
    std::size_t total_ = 0;
    std::size_t retries_missing_ = 0;
    std::chrono::steady_clock::time_point started_{};
};

}  // namespace

CrawlSummary crawl(const CrawlRequest& request, const CrawlObserver& observer) {
    StoreLock lock = StoreLock::acquire(request.store);
    return crawl_holding_lock(request, observer, lock);
}

CrawlSummary crawl_holding_lock(const CrawlRequest& request, const CrawlObserver& observer, const StoreLock&) {
    return CrawlRun(request, observer).run();
}

}  // namespace ldn

#include "query/refresh/watch_step.hpp"

#include <filesystem>

#include "crawler/run_report.hpp"
#include "query/watch/alert_file.hpp"
#include "query/watch/notify_command.hpp"
#include "query/watch/watch_list.hpp"

namespace ldn {

nlohmann::ordered_json WatchOutcome::report(const StoreLayout& store) const {
    nlohmann::ordered_json per_watch = nlohmann::ordered_json::object();
    for (const WatchAlert& alert : alerts) per_watch[alert.name] = alert.new_records.size();
    nlohmann::ordered_json file = nullptr;
    if (!alert_file.empty()) file = alert_file.lexically_relative(store.root()).generic_string();
    return {{"file", file}, {"new_matches", new_records()}, {"watches", per_watch}};
}

WatchOutcome check_saved_searches(const StoreLayout& store, const Xapian::Database& database,
                                  const std::string& run_id, const std::string& notify_command,
                                  const std::function<void(const std::string&)>& warning) {
    WatchOutcome outcome;
    if (!std::filesystem::exists(store.watches())) return outcome;
    WatchList watches = WatchList::load(store.watches());
    outcome.watches = watches.watches().size();
    outcome.alerts = check_watches(watches, database);
    for (const WatchAlert& alert : outcome.alerts) {
        if (!alert.problem.empty() && warning) warning("watch " + alert.name + ": " + alert.problem);
    }
    if (outcome.new_records() > 0) {
        outcome.alert_file = store.alert(run_id);
        write_alert_file(outcome.alert_file, run_id, utc_now_iso(), outcome.alerts);
        if (!notify_command.empty()) {
            NotifyOutcome notified = run_notify_command(notify_command, outcome.alert_file);
            if (!notified.ok() && warning) warning("--notify-cmd " + notified.failure);
        }
    }
    // Last: killed before this, the next refresh alerts the same records again.
    watches.save(store.watches());
    return outcome;
}

}  // namespace ldn

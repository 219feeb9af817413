// `ldn watch add NAME QUERY...`, `ldn watch list`, `ldn watch rm NAME`: saved searches whose new
// matches every `ldn refresh` reports (issue 7). The library is query/watch/.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crawler/run_report.hpp"
#include "crawler/store_layout.hpp"
#include "crawler/store_lock.hpp"
#include "index/index_reader.hpp"
#include "query/cli/commands.hpp"
#include "query/cli/locations.hpp"
#include "query/cli/messages.hpp"
#include "query/cli/search_options.hpp"
#include "query/cli/terminal.hpp"
#include "query/search/query_language.hpp"
#include "query/search/searcher.hpp"
#include "query/watch/watch_check.hpp"
#include "query/watch/watch_list.hpp"

namespace ldn::cli {

namespace {

struct WatchAddFlags {
    std::string name;
    std::vector<std::string> query_words;
    bool replace = false;
    std::string store;
};

struct WatchListFlags {
    std::string format;
    std::string store;
};

struct WatchRemoveFlags {
    std::string name;
    std::string store;
};

struct WatchFlags {
    WatchAddFlags add;
    WatchListFlags list;
    WatchRemoveFlags remove;
};

Error usage(const std::string& message) { return Error(ExitCode::usage, message); }

std::string records_phrase(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " record" : " records");
}

// The store's index, or nullopt while it has none (or an empty one): watches may be set up before
// the first refresh. open_index reports exactly those two cases with exit code 1; its other errors
// (another schema version, an unreadable index) still stop the command.
std::optional<Xapian::Database> open_filled_index(const StoreLayout& store) {
    try {
        return open_index(store.index());
    } catch (const Error& error) {
        if (error.code() != ExitCode::failure) throw;
        return std::nullopt;
    }
}

// --- add ---------------------------------------------------------------------------------------

ExitCode run_watch_add(const WatchAddFlags& flags) {
    if (std::string problem = watch_name_problem(flags.name); !problem.empty()) throw usage(problem);
    Watch watch{flags.name, joined_query(flags.query_words), utc_now_iso(), std::nullopt};
    // Syntax first, before the lock and without the index: the same QuerySyntaxError (exit 2, with the
    // column) that `ldn search` reports. An empty database parses as well as any for that.
    parse_query(watch.query, Xapian::Database());

    const StoreLayout store(store_folder(flags.store));
    const StoreLock lock = StoreLock::acquire(store.root());
    WatchList watches = WatchList::load(store.watches());
    const bool replacing = watches.find(watch.name) != nullptr;
    // The matches of today are the baseline: the next refresh alerts only on records new since now.
    const std::optional<Xapian::Database> index = open_filled_index(store);
    if (index) watch.matched = matching_pmids(*index, watch.query);
    const std::string what = "watch " + flags.name + (replacing ? " replaced" : " added");
    const std::string note =
        watch.matched ? what + ": " + records_phrase(watch.matched->size()) + " match now; each refresh reports the new ones"
                      : what + ": the store has no index yet, so the first refresh records what it matches and later "
                               "ones report what is new";
    watches.add(std::move(watch), flags.replace);
    watches.save(store.watches());
    print_note(note);
    return ExitCode::ok;
}

// --- rm ----------------------------------------------------------------------------------------

std::string names_of(const WatchList& watches) {
    std::string names;
    for (const Watch& watch : watches.watches()) names += (names.empty() ? "" : ", ") + watch.name;
    return names.empty() ? "none" : names;
}

ExitCode run_watch_remove(const WatchRemoveFlags& flags) {
    const StoreLayout store(store_folder(flags.store));
    const StoreLock lock = StoreLock::acquire(store.root());
    WatchList watches = WatchList::load(store.watches());
    if (!watches.remove(flags.name)) {
        throw Error(ExitCode::failure, "no watch named '" + flags.name + "' (watches: " + names_of(watches) + ")");
    }
    watches.save(store.watches());
    print_note("watch " + flags.name + " removed");
    return ExitCode::ok;
}

// --- list --------------------------------------------------------------------------------------

struct ListedWatch {
    const Watch* watch;
    std::optional<std::size_t> matches_now;  // nullopt: no index, or the query does not parse
    std::string problem;                     // why the query does not parse
};

std::vector<ListedWatch> listed_watches(const WatchList& watches, const std::optional<Xapian::Database>& index) {
    std::vector<ListedWatch> listed;
    for (const Watch& watch : watches.watches()) {
        ListedWatch entry{&watch, std::nullopt, {}};
        if (index) {
            SearchRequest count_only;
            count_only.query = watch.query;
            count_only.limit = 0;
            try {
                entry.matches_now = search(*index, count_only).total;
            } catch (const QuerySyntaxError& error) {
                entry.problem = error.what();
            }
        }
        listed.push_back(entry);
    }
    return listed;
}

std::string list_json(const std::vector<ListedWatch>& listed) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const ListedWatch& entry : listed) {
        entries.push_back(
            {{"name", entry.watch->name},
             {"query", entry.watch->query},
             {"added", entry.watch->added},
             {"matches", entry.matches_now ? nlohmann::ordered_json(*entry.matches_now) : nlohmann::ordered_json()},
             {"problem", entry.problem.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(entry.problem)}});
    }
    const nlohmann::ordered_json document{{"watches", entries}};
    return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string matches_cell(const ListedWatch& entry) {
    if (entry.matches_now) return std::to_string(*entry.matches_now);
    return entry.problem.empty() ? "-" : "error";
}

// Name, matches now, the day added, and the query last, cut to the terminal's width.
std::string list_table(const std::vector<ListedWatch>& listed, std::size_t width) {
    constexpr std::string_view separator = "  ";
    constexpr std::size_t query_floor = 20;  // below this the line overflows rather than cut the query further
    const std::array<std::string, 4> headers{"Name", "Matches", "Added", "Query"};
    std::vector<std::array<std::string, 4>> rows;
    for (const ListedWatch& entry : listed) {
        rows.push_back({entry.watch->name, matches_cell(entry), entry.watch->added.substr(0, 10), entry.watch->query});
    }
    std::array<std::size_t, 3> widths{};
    for (std::size_t column = 0; column < widths.size(); ++column) {
        widths[column] = display_width(headers[column]);
        for (const auto& row : rows) widths[column] = std::max(widths[column], display_width(row[column]));
    }
    std::size_t fixed = 0;
    for (std::size_t column_width : widths) fixed += column_width + separator.size();
    const std::size_t query_width = std::max(width > fixed ? width - fixed : 0, query_floor);

    std::string table;
    rows.insert(rows.begin(), headers);
    for (const auto& row : rows) {
        table += pad_right(row[0], widths[0]) + std::string(separator);
        table += pad_left(row[1], widths[1]) + std::string(separator);
        table += pad_right(row[2], widths[2]) + std::string(separator);
        table += cut_to_width(row[3], query_width) + "\n";
    }
    return table;
}

ExitCode run_watch_list(const WatchListFlags& flags) {
    std::string format = flags.format;
    if (format.empty()) format = stdout_is_terminal() ? "table" : "json";
    if (format != "table" && format != "json") throw usage("--format wants table or json, not '" + format + "'");

    const StoreLayout store(store_folder(flags.store));
    const WatchList watches = WatchList::load(store.watches());
    const std::vector<ListedWatch> listed = listed_watches(watches, open_filled_index(store));
    for (const ListedWatch& entry : listed) {
        if (!entry.problem.empty()) print_warning("watch " + entry.watch->name + ": " + entry.problem);
    }
    if (format == "json") {
        write_stdout(list_json(listed));
    } else if (listed.empty()) {
        print_note("no watches yet; add one with 'ldn watch add NAME QUERY'");
    } else {
        constexpr std::size_t width_off_terminal = 100;
        write_stdout(list_table(listed, terminal_columns().value_or(width_off_terminal)));
    }
    return ExitCode::ok;
}

}  // namespace

Command add_watch_command(CLI::App& app) {
    auto flags = std::make_shared<WatchFlags>();
    CLI::App* command =
        app.add_subcommand("watch", "Saved searches: each refresh reports the records that newly match them");
    command->require_subcommand(1);
    command->footer("The watches live in <store>/watches.json; 'ldn refresh' writes their alerts to\n"
                    "<store>/alerts/<run-id>.json and lists them on stdout.");

    CLI::App* add =
        command->add_subcommand("add", "Save a search under NAME; the next refresh reports what newly matches it");
    add->add_option("name", flags->add.name, "1-64 letters, digits, '.', '_' or '-'")->required()->type_name("NAME");
    add->add_option("query", flags->add.query_words, "Query (docs/QUERY.md); its words are joined by spaces")
        ->required()
        ->type_name("QUERY");
    add->add_flag("--replace", flags->add.replace, "Replace the watch of that name (its matches start again from now)");
    add_store_option(*add, flags->add.store);
    add->footer("Quote the query for the shell: ldn watch add fm-rct 'condition:fibromyalgia design:rct'\n"
                "Exit codes: 0 ok, 2 bad name or query or the name is taken (without --replace),\n"
                "65 damaged watches.json, 75 a refresh holds the store.");

    CLI::App* list = command->add_subcommand("list", "The watches: name, records matching now, date added, query");
    list->add_option("--format", flags->list.format, "table or json (default: table on a terminal, else json)")
        ->type_name("FORMAT");
    add_store_option(*list, flags->list.store);
    list->footer("Reads without the lock, so it runs during a refresh.\n"
                 "Exit codes: 0 ok, 2 bad option, 65 damaged watches.json.");

    CLI::App* remove = command->add_subcommand("rm", "Delete the watch NAME");
    remove->add_option("name", flags->remove.name, "The watch's name")->required()->type_name("NAME");
    add_store_option(*remove, flags->remove.store);
    remove->footer("Exit codes: 0 ok, 1 no watch of that name, 65 damaged watches.json, 75 a refresh holds the store.");

    return {command, [flags, add, list] {
                if (add->parsed()) return run_watch_add(flags->add);
                if (list->parsed()) return quiet_on_closed_stdout([&] { return run_watch_list(flags->list); });
                return run_watch_remove(flags->remove);
            }};
}

}  // namespace ldn::cli

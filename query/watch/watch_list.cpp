#include "query/watch/watch_list.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "crawler/atomic_file.hpp"
#include "crawler/errors.hpp"

namespace ldn {

namespace {

constexpr std::size_t longest_name = 64;

bool name_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

bool less_by_name(const Watch& left, const Watch& right) { return left.name < right.name; }

auto named(std::string_view name) {
    return [name](const Watch& watch) { return watch.name == name; };
}

bool digits_only(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw io_error(file.string() + ": cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw io_error(file.string() + ": cannot read");
    return text.str();
}

std::vector<std::string> read_matched(const nlohmann::json& value, const std::string& where) {
    std::vector<std::string> pmids = value.get<std::vector<std::string>>();
    for (const std::string& pmid : pmids) {
        if (!digits_only(pmid)) throw input_error(where + ".matched holds '" + pmid + "', which is not a PMID");
    }
    // Kept sorted by save(); sorted again so that a list edited by hand still compares correctly.
    std::sort(pmids.begin(), pmids.end(), pmid_less);
    pmids.erase(std::unique(pmids.begin(), pmids.end()), pmids.end());
    return pmids;
}

Watch read_watch(const nlohmann::json& entry, const std::string& where) {
    Watch watch;
    watch.name = entry.at("name").get<std::string>();
    if (std::string problem = watch_name_problem(watch.name); !problem.empty()) {
        throw input_error(where + ": " + problem);
    }
    watch.query = entry.at("query").get<std::string>();
    watch.added = entry.at("added").get<std::string>();
    const nlohmann::json& matched = entry.at("matched");
    if (!matched.is_null()) watch.matched = read_matched(matched, where);
    return watch;
}

}  // namespace

bool pmid_less(const std::string& left, const std::string& right) {
    if (left.size() != right.size()) return left.size() < right.size();
    return left < right;
}

std::string watch_name_problem(std::string_view name) {
    const std::string quoted = "'" + std::string(name) + "' is not a watch name: ";
    if (name.empty()) return quoted + "it is empty";
    if (name.size() > longest_name) return quoted + "it is longer than 64 characters";
    if (!std::all_of(name.begin(), name.end(), name_character)) {
        return quoted + "use letters, digits, '.', '_' and '-' only";
    }
    return {};
}

WatchList WatchList::load(const std::filesystem::path& file) {
    WatchList list;
    if (!std::filesystem::exists(file)) return list;
    const std::string damaged = file.string() + ": damaged watch list";
    try {
        const nlohmann::json document = nlohmann::json::parse(read_text(file));
        const nlohmann::json& entries = document.at("watches");
        if (!entries.is_array()) throw input_error(damaged + ": 'watches' is not an array");
        for (std::size_t at = 0; at < entries.size(); ++at) {
            list.watches_.push_back(read_watch(entries[at], damaged + ": watches[" + std::to_string(at) + "]"));
        }
    } catch (const nlohmann::json::exception& error) {
        throw input_error(damaged + ": " + error.what());
    }
    std::sort(list.watches_.begin(), list.watches_.end(), less_by_name);
    const auto repeated = std::adjacent_find(list.watches_.begin(), list.watches_.end(),
                                             [](const Watch& left, const Watch& right) { return left.name == right.name; });
    if (repeated != list.watches_.end()) {
        throw input_error(damaged + ": the name '" + repeated->name + "' is used twice");
    }
    return list;
}

void WatchList::save(const std::filesystem::path& file) const {
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const Watch& watch : watches_) {
        const nlohmann::ordered_json matched = watch.matched ? nlohmann::ordered_json(*watch.matched) : nullptr;
        entries.push_back({{"name", watch.name}, {"query", watch.query}, {"added", watch.added}, {"matched", matched}});
    }
    const nlohmann::ordered_json document{{"watches", entries}};
    // A query typed with invalid UTF-8 is stored with U+FFFD rather than refusing to save the list.
    write_file_atomically(file, document.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

const Watch* WatchList::find(std::string_view name) const {
    const auto found = std::find_if(watches_.begin(), watches_.end(), named(name));
    return found == watches_.end() ? nullptr : &*found;
}

void WatchList::add(Watch watch, bool replace) {
    if (std::string problem = watch_name_problem(watch.name); !problem.empty()) throw Error(ExitCode::usage, problem);
    const auto at = std::lower_bound(watches_.begin(), watches_.end(), watch, less_by_name);
    if (at != watches_.end() && at->name == watch.name) {
        if (!replace) {
            throw Error(ExitCode::usage, "a watch named '" + watch.name + "' exists; add --replace to replace it");
        }
        *at = std::move(watch);
        return;
    }
    watches_.insert(at, std::move(watch));
}

bool WatchList::remove(std::string_view name) {
    const auto found = std::find_if(watches_.begin(), watches_.end(), named(name));
    if (found == watches_.end()) return false;
    watches_.erase(found);
    return true;
}

}  // namespace ldn

#include "index/synonyms.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <sstream>

#include "crawler/errors.hpp"
#include "index/schema.hpp"

namespace ldn {

std::string synonym_key(const std::string& name) {
    std::string key;
    bool space = false;
    for (char c : name) {
        if (c == '-' || std::isspace(static_cast<unsigned char>(c))) {
            space = !key.empty();
            continue;
        }
        if (space) key += ' ';
        space = false;
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::vector<SynonymGroup> load_synonyms(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw io_error("vocabulary " + file.string() + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    auto fail = [&](const std::string& key, const std::string& problem) {
        return input_error("vocabulary " + file.string() + ": key '" + key + "' " + problem);
    };
    if (document.is_discarded()) throw input_error("vocabulary " + file.string() + ": not valid JSON");
    if (!document.contains("groups") || !document["groups"].is_array()) throw fail("groups", "must be an array");
    std::vector<SynonymGroup> groups;
    for (std::size_t g = 0; g < document["groups"].size(); ++g) {
        const auto& group = document["groups"][g];
        std::string path = "groups[" + std::to_string(g) + "]";
        if (!group.is_array() || group.size() < 2) throw fail(path, "must list at least two names");
        SynonymGroup names;
        for (std::size_t n = 0; n < group.size(); ++n) {
            if (!group[n].is_string() || synonym_key(group[n].get<std::string>()).empty()) {
                throw fail(path + "[" + std::to_string(n) + "]", "must be a non-empty string");
            }
            names.push_back(synonym_key(group[n].get<std::string>()));
        }
        groups.push_back(std::move(names));
    }
    return groups;
}

void store_synonyms(Xapian::WritableDatabase& database, const std::vector<SynonymGroup>& groups) {
    for (auto key = database.synonym_keys_begin(); key != database.synonym_keys_end(); ++key) {
        database.clear_synonyms(*key);
    }
    for (const SynonymGroup& group : groups) {
        for (const std::string& name : group) {
            for (const std::string& other : group) {
                if (other != name) database.add_synonym(name, other);
            }
        }
    }
    database.set_metadata(schema::metadata::synonyms, nlohmann::json(groups).dump());
}

void store_synonyms(IndexWriter& writer, std::vector<SynonymGroup> groups) {
    writer.change_every_shard([groups = std::move(groups)](Xapian::WritableDatabase& database) {
        store_synonyms(database, groups);
    });
}

std::map<std::string, std::set<std::string>> synonyms_in_metadata(const Xapian::Database& database) {
    std::map<std::string, std::set<std::string>> synonyms;
    const auto groups = nlohmann::json::parse(database.get_metadata(schema::metadata::synonyms), nullptr, false);
    if (!groups.is_array()) return synonyms;
    for (const auto& group : groups) {
        if (!group.is_array()) continue;
        for (const auto& name : group) {
            for (const auto& other : group) {
                if (name.is_string() && other.is_string() && other != name) {
                    synonyms[name.get<std::string>()].insert(other.get<std::string>());
                }
            }
        }
    }
    return synonyms;
}

}  // namespace ldn

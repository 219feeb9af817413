#pragma once
// Reading a vocabulary (data/vocab/*.json). Users edit these files, so every mistake is reported as
// ldn::Error(data_error) "vocabulary FILE: key 'conditions[2].mesh[0].ui' must be …", and a file
// that cannot be read as io_error.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/annotators/phrase_matcher.hpp"

namespace ldn::annotators {

class VocabularyFile {
public:
    // Reads and parses `file`; the top level must be a JSON object.
    explicit VocabularyFile(std::filesystem::path file);

    const nlohmann::json& root() const { return root_; }

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

    // `key` is the member name; `path` the full key for messages ("conditions[2].label").
    const nlohmann::json& member(const nlohmann::json& object, const std::string& key, const std::string& path) const;
    const nlohmann::json& array_member(const nlohmann::json& object, const std::string& key, const std::string& path,
                                       bool may_be_empty) const;
    std::string string_member(const nlohmann::json& object, const std::string& key, const std::string& path) const;
    // An optional array of non-empty strings (absent: empty).
    std::vector<std::string> strings_member(const nlohmann::json& object, const std::string& key,
                                            const std::string& path) const;
    // An optional array of matcher patterns, each checked with PhraseMatcher::pattern_problem.
    std::vector<std::string> patterns_member(const nlohmann::json& object, const std::string& key,
                                             const std::string& path) const;
    double number_member(const nlohmann::json& object, const std::string& key, const std::string& path) const;
    bool bool_member(const nlohmann::json& object, const std::string& key, const std::string& path,
                     bool absent_value) const;

private:
    std::filesystem::path file_;
    nlohmann::json root_;
};

std::string indexed(const std::string& path, std::size_t index);

}  // namespace ldn::annotators

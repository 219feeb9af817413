#include "index/annotators/vocabulary_file.hpp"

#include <fstream>
#include <sstream>

#include "crawler/errors.hpp"

namespace ldn::annotators {

using nlohmann::json;

std::string indexed(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

VocabularyFile::VocabularyFile(std::filesystem::path file) : file_(std::move(file)) {
    std::ifstream in(file_);
    if (!in) throw io_error("vocabulary " + file_.string() + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();
    if (in.bad()) throw io_error("vocabulary " + file_.string() + ": cannot read");
    try {
        root_ = json::parse(text.str());
    } catch (const json::parse_error& error) {
        throw input_error("vocabulary " + file_.string() + ": not valid JSON at byte " + std::to_string(error.byte));
    }
    if (!root_.is_object()) fail("(top level)", "must be an object");
}

void VocabularyFile::fail(const std::string& key, const std::string& problem) const {
    throw input_error("vocabulary " + file_.string() + ": key '" + key + "' " + problem);
}

const json& VocabularyFile::member(const json& object, const std::string& key, const std::string& path) const {
    auto found = object.find(key);
    if (found == object.end()) fail(path, "is missing");
    return *found;
}

const json& VocabularyFile::array_member(const json& object, const std::string& key, const std::string& path,
                                         bool may_be_empty) const {
    const json& value = member(object, key, path);
    if (!value.is_array()) fail(path, "must be an array");
    if (!may_be_empty && value.empty()) fail(path, "must not be empty");
    return value;
}

std::string VocabularyFile::string_member(const json& object, const std::string& key, const std::string& path) const {
    const json& value = member(object, key, path);
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) fail(path, "must be a non-empty string");
    return value.get<std::string>();
}

std::vector<std::string> VocabularyFile::strings_member(const json& object, const std::string& key,
                                                        const std::string& path) const {
    std::vector<std::string> strings;
    auto found = object.find(key);
    if (found == object.end()) return strings;
    if (!found->is_array()) fail(path, "must be an array of strings");
    for (std::size_t i = 0; i < found->size(); ++i) {
        const json& item = (*found)[i];
        if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
            fail(indexed(path, i), "must be a non-empty string");
        }
        strings.push_back(item.get<std::string>());
    }
    return strings;
}

std::vector<std::string> VocabularyFile::patterns_member(const json& object, const std::string& key,
                                                         const std::string& path) const {
    std::vector<std::string> patterns = strings_member(object, key, path);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (auto problem = PhraseMatcher::pattern_problem(patterns[i])) fail(indexed(path, i), *problem);
    }
    return patterns;
}

double VocabularyFile::number_member(const json& object, const std::string& key, const std::string& path) const {
    const json& value = member(object, key, path);
    if (!value.is_number()) fail(path, "must be a number");
    return value.get<double>();
}

bool VocabularyFile::bool_member(const json& object, const std::string& key, const std::string& path,
                                 bool absent_value) const {
    auto found = object.find(key);
    if (found == object.end()) return absent_value;
    if (!found->is_boolean()) fail(path, "must be true or false");
    return found->get<bool>();
}

}  // namespace ldn::annotators

#include "crawler/topic.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "crawler/errors.hpp"

namespace ldn {

namespace {

using nlohmann::json;

class TopicReader {
public:
    explicit TopicReader(std::filesystem::path file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw input_error("topic " + file_.string() + ": key '" + key + "' " + problem);
    }

    std::string string_at(const json& object, const std::string& key, const std::string& path,
                          bool required) const {
        auto found = object.find(key);
        if (found == object.end()) {
            if (required) fail(path, "is missing");
            return {};
        }
        if (!found->is_string()) fail(path, "must be a string");
        std::string value = found->get<std::string>();
        if (required && value.empty()) fail(path, "must not be empty");
        return value;
    }

private:
    std::filesystem::path file_;
};

}  // namespace

std::string Topic::query() const {
    std::string term;
    for (const TopicBlock& block : blocks) {
        if (!term.empty()) term += " AND ";
        term += "(";
        for (std::size_t i = 0; i < block.terms.size(); ++i) {
            if (i > 0) term += " OR ";
            term += block.terms[i];
        }
        term += ")";
    }
    return term;
}

Topic load_topic(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw io_error("topic " + file.string() + ": cannot open");
    std::stringstream text;
    text << in.rdbuf();

    json document;
    try {
        document = json::parse(text.str());
    } catch (const json::parse_error& error) {
        throw input_error("topic " + file.string() + ": not valid JSON at byte " +
                          std::to_string(error.byte) + "");
    }
    TopicReader reader(file);
    if (!document.is_object()) reader.fail("(top level)", "must be an object");

    Topic topic;
    topic.file = file;
    topic.name = reader.string_at(document, "name", "name", true);
    topic.description = reader.string_at(document, "description", "description", false);
    if (document.contains("database")) {
        topic.database = reader.string_at(document, "database", "database", true);
        if (topic.database != "pubmed") reader.fail("database", "must be \"pubmed\"");
    }

    if (auto window = document.find("window"); window != document.end()) {
        if (!window->is_object()) reader.fail("window", "must be an object");
        if (window->contains("datetype")) {
            topic.datetype = reader.string_at(*window, "datetype", "window.datetype", true);
            if (topic.datetype != "pdat" && topic.datetype != "edat" && topic.datetype != "mdat") {
                reader.fail("window.datetype", "must be one of pdat, edat, mdat");
            }
        }
        if (auto years = window->find("years"); years != window->end()) {
            if (!years->is_number_integer() || years->get<int>() < 1 || years->get<int>() > 200) {
                reader.fail("window.years", "must be a whole number of years from 1 to 200");
            }
            topic.years = years->get<int>();
        }
    }

    auto blocks = document.find("blocks");
    if (blocks == document.end()) reader.fail("blocks", "is missing");
    if (!blocks->is_array() || blocks->empty()) reader.fail("blocks", "must be a non-empty array");
    for (std::size_t b = 0; b < blocks->size(); ++b) {
        const json& block = (*blocks)[b];
        std::string path = "blocks[" + std::to_string(b) + "]";
        if (!block.is_object()) reader.fail(path, "must be an object");
        TopicBlock parsed;
        parsed.name = reader.string_at(block, "name", path + ".name", true);
        parsed.why = reader.string_at(block, "why", path + ".why", false);
        auto terms = block.find("terms");
        if (terms == block.end()) reader.fail(path + ".terms", "is missing");
        if (!terms->is_array() || terms->empty()) {
            reader.fail(path + ".terms", "must be a non-empty array of strings");
        }
        for (std::size_t t = 0; t < terms->size(); ++t) {
            const json& term = (*terms)[t];
            std::string term_path = path + ".terms[" + std::to_string(t) + "]";
            if (!term.is_string() || term.get<std::string>().empty()) {
                reader.fail(term_path, "must be a non-empty string");
            }
            parsed.terms.push_back(term.get<std::string>());
        }
        topic.blocks.push_back(std::move(parsed));
    }
    return topic;
}

}  // namespace ldn

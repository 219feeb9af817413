#include "query/cli/pubmed_files.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <utility>

#include "crawler/errors.hpp"

namespace ldn::cli {

namespace {

bool is_pubmed_file_name(const std::string& name) { return name.ends_with(".xml") || name.ends_with(".xml.gz"); }

std::vector<std::filesystem::path> files_in_folder(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (entry.is_regular_file(error) && is_pubmed_file_name(entry.path().filename().string())) {
            files.push_back(entry.path());
        }
    }
    if (error) throw io_error(folder.string() + ": cannot list: " + error.message());
    if (files.empty()) throw input_error(folder.string() + ": no PubMed files (*.xml, *.xml.gz) in this folder");
    std::sort(files.begin(), files.end());
    return files;
}

// "pubmed25n0123.xml.gz" -> ("pubmed25n", 123): the series and the file's number in it.
std::optional<std::pair<std::string, unsigned long>> numbered(const std::filesystem::path& file) {
    static const std::regex pattern(R"(^(pubmed\d+n)(\d+)\.xml(\.gz)?$)");
    std::smatch match;
    const std::string name = file.filename().string();
    if (!std::regex_match(name, match, pattern)) return std::nullopt;
    return std::make_pair(match[1].str(), std::stoul(match[2].str()));
}

}  // namespace

std::vector<std::filesystem::path> pubmed_files_in_order(const std::vector<std::string>& arguments) {
    std::vector<std::filesystem::path> files;
    for (const std::string& argument : arguments) {
        const std::filesystem::path path(argument);
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            for (auto& file : files_in_folder(path)) files.push_back(std::move(file));
        } else if (std::filesystem::is_regular_file(path, error)) {
            files.push_back(path);
        } else {
            throw io_error(argument + ": not a readable file or folder");
        }
    }
    std::map<std::string, std::filesystem::path> last_of_series;
    for (const auto& file : files) {
        const auto number = numbered(file);
        if (!number) continue;
        auto [last, first_of_series] = last_of_series.try_emplace(number->first, file);
        if (!first_of_series && number->second < numbered(last->second)->second) {
            throw Error(ExitCode::usage, file.string() + " is given after " + last->second.string() +
                                             ": PubMed's files must be ingested in their order, or an older "
                                             "version of a record would replace a newer one");
        }
        last->second = file;
    }
    return files;
}

}  // namespace ldn::cli

#include "tests/support/index_snapshot.hpp"

#include <xapian.h>

#include <stdexcept>

#include "index/schema.hpp"

namespace ldn::test {

std::map<std::string, std::string> index_snapshot(const std::filesystem::path& database_path) {
    Xapian::Database database(database_path.string());
    std::map<std::string, std::string> snapshot;
    const std::string pmid_prefix = schema::prefix::pmid;
    for (auto id = database.postlist_begin(""); id != database.postlist_end(""); ++id) {
        Xapian::Document document = database.get_document(*id);
        std::string pmid;
        std::string text = "data " + document.get_data() + "\n";
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
            const std::string& name = *term;
            if (name.starts_with(pmid_prefix)) pmid = name.substr(pmid_prefix.size());
            text += "term " + name + " wdf " + std::to_string(term.get_wdf()) + " at";
            for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
                text += " " + std::to_string(*position);
            }
            text += "\n";
        }
        for (auto value = document.values_begin(); value != document.values_end(); ++value) {
            text += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
        }
        if (!snapshot.emplace(pmid, std::move(text)).second) {
            throw std::runtime_error("two documents carry PMID " + pmid);
        }
    }
    return snapshot;
}

}  // namespace ldn::test

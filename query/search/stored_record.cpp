#include "query/search/stored_record.hpp"

#include <nlohmann/json.hpp>

#include "crawler/article_json.hpp"
#include "crawler/errors.hpp"

namespace ldn {

ExportRecord read_stored_record(const std::string& document_data) {
    const std::string problem = "stored record is not a record of this index schema (rebuild the index with "
                                "'ldn index --rebuild'): ";
    ExportRecord record;
    try {
        const nlohmann::json data = nlohmann::json::parse(document_data);
        if (!data.is_object()) throw Error(ExitCode::data_error, problem + "not a JSON object");
        from_json(data, record.article);
        from_json(data.at("annotations"), record.annotations);
    } catch (const nlohmann::json::exception& error) {
        throw Error(ExitCode::data_error, problem + error.what());
    }
    return record;
}

}  // namespace ldn

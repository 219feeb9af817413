#include "index/index_reader.hpp"

#include "crawler/errors.hpp"
#include "index/consistent_read.hpp"
#include "index/schema.hpp"

namespace ldn {

Xapian::Database open_index(const std::filesystem::path& path) {
    const std::string fill = "fill it with 'ldn refresh' (from PubMed) or 'ldn ingest FILE...' (PubMed XML files)";
    if (!std::filesystem::exists(path)) throw Error(ExitCode::failure, "no index at " + path.string() + ": " + fill);
    Xapian::Database database;
    try {
        // Opening reads the newest revision's root blocks: a writer committing twice meanwhile
        // discards them, and opening again sees the next revision.
        for (int attempt = 1;; ++attempt) {
            try {
                database = Xapian::Database(path.string());
                break;
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == consistent_read_attempts) throw;
            }
        }
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw Error(ExitCode::failure, "no index at " + path.string() + ": " + fill);
    } catch (const Xapian::NetworkError& error) {
        throw Error(ExitCode::temporary, "index " + path.string() + ": a remote shard cannot be reached: " +
                                             error.get_description() + "; try again later");
    } catch (const Xapian::Error& error) {
        throw io_error("index " + path.string() + ": cannot open: " + error.get_description());
    }
    const std::string version =
        read_consistently(database, [&] { return database.get_metadata(schema::metadata::schema_version); });
    if (database.get_doccount() == 0) throw Error(ExitCode::failure, "the index at " + path.string() + " is empty: " + fill);
    if (version != std::to_string(schema::version)) {
        throw input_error("index " + path.string() + " was built by schema version " +
                          (version.empty() ? "unknown" : version) + "; this ldn reads version " +
                          std::to_string(schema::version) + ": rebuild it with 'ldn index --rebuild'");
    }
    return database;
}

}  // namespace ldn

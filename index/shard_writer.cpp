#include "index/shard_writer.hpp"

#include <nlohmann/json.hpp>

#include <vector>

#include "crawler/errors.hpp"
#include "index/schema.hpp"

namespace ldn {

namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& path) {
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& error) {
        // Only "already locked" means another writer; a lock file that cannot be created or opened
        // (a read-only index) is an I/O error, which waiting will not cure.
        if (error.get_msg().ends_with("already locked")) {
            throw Error(ExitCode::temporary,
                        "index " + path.string() + " is being written by another process; try again later");
        }
        throw io_error("index " + path.string() + ": cannot open for writing: " + error.get_description());
    } catch (const Xapian::Error& error) {
        throw io_error("index " + path.string() + ": cannot open for writing: " + error.get_description());
    }
}

bool was_retracted(const std::string& data) {
    // The stored JSON has "retracted" at the top level; parsing it whole is the honest way to know.
    auto document = nlohmann::json::parse(data, nullptr, false);
    return !document.is_discarded() && document.value("retracted", false);
}

}  // namespace

template <typename Change>
decltype(auto) ShardWriter::changing(const char* what, Change&& change) {
    try {
        return change();
    } catch (const Xapian::Error& error) {
        // Xapian writes blocks before a commit, and on destruction commits whatever is pending unless a
        // transaction is open, which it then throws away. After a failed write the pending changes may
        // be half made: an open transaction makes sure they are thrown away, not committed.
        try {
            database_.begin_transaction(false);
        } catch (const Xapian::Error&) {
            // Already in a transaction, or the database is unusable: either way nothing is committed.
        }
        throw io_error("index " + path_.string() + ": cannot " + what + ": " + error.get_description());
    }
}

ShardWriter::ShardWriter(const std::filesystem::path& database, const Annotator& annotator)
    : path_(database), database_(open_writable(database)), annotator_(annotator) {
    std::string version = database_.get_metadata(schema::metadata::schema_version);
    if (version.empty() && database_.get_doccount() == 0) {
        database_.set_metadata(schema::metadata::schema_version, std::to_string(schema::version));
    } else if (version != std::to_string(schema::version)) {
        throw input_error("index " + database.string() + " was built by schema version " +
                          (version.empty() ? "unknown" : version) + "; this ldn uses version " +
                          std::to_string(schema::version) + ": rebuild it with 'ldn index --rebuild'");
    }
}

void ShardWriter::put(const Article& article) {
    changing("write", [&] { upsert(article); });
}

void ShardWriter::upsert(const Article& article) {
    const std::string unique = schema::pmid_term(article.pmid);
    Xapian::PostingIterator existing = database_.postlist_begin(unique);
    bool present = existing != database_.postlist_end(unique);
    if (article.deleted) {
        if (present) {
            database_.delete_document(unique);
            ++counts_.deleted;
        }
        return;
    }
    Xapian::Document document = builder_.build(article, annotator_.annotate(article));
    if (present) {
        std::string before = database_.get_document(*existing).get_data();
        if (before == document.get_data()) {
            ++counts_.unchanged;
            return;
        }
        if (article.retracted && !was_retracted(before)) ++counts_.newly_retracted;
        ++counts_.updated;
    } else {
        if (article.retracted) ++counts_.newly_retracted;
        ++counts_.added;
    }
    database_.replace_document(unique, document);
}

void ShardWriter::record_failure(const std::string& where, const std::string& reason) {
    changing("write", [&] { database_.set_metadata(schema::metadata::failed_record + where, reason); });
    ++counts_.failed;
}

bool ShardWriter::batch_done(const std::string& batch_key) const {
    return !database_.get_metadata(schema::metadata::indexed_batch + batch_key).empty();
}

void ShardWriter::mark_batch_done(const std::string& batch_key, std::size_t records_read) {
    changing("write", [&] {
        database_.set_metadata(schema::metadata::indexed_batch + batch_key, std::to_string(records_read));
    });
}

std::set<std::string> ShardWriter::sources_with_failures() {
    std::set<std::string> sources;
    const std::string prefix = schema::metadata::failed_record;
    for (auto key = database_.metadata_keys_begin(prefix); key != database_.metadata_keys_end(prefix); ++key) {
        if (database_.get_metadata(*key).empty()) continue;
        std::string where = (*key).substr(prefix.size());
        sources.insert(where.substr(0, where.rfind('#')));
    }
    return sources;
}

void ShardWriter::forget_failures(const std::string& source) {
    const std::string prefix = std::string(schema::metadata::failed_record) + source + "#";
    std::vector<std::string> keys(database_.metadata_keys_begin(prefix), database_.metadata_keys_end(prefix));
    changing("write", [&] {
        for (const std::string& key : keys) database_.set_metadata(key, "");
    });
}

void ShardWriter::set_metadata(const std::string& key, const std::string& value) {
    changing("write", [&] { database_.set_metadata(key, value); });
}

void ShardWriter::commit() {
    nlohmann::ordered_json counts{{"records", database_.get_doccount()},
                                  {"retracted", database_.get_termfreq(std::string(schema::prefix::retracted) + "yes")}};
    changing("commit", [&] {
        database_.set_metadata(schema::metadata::record_counts, counts.dump());
        database_.commit();
    });
}

}  // namespace ldn

#pragma once
// Synonym groups from data/vocab/synonyms.json, written into the index's synonym table (Xapian's own
// thesaurus), so that query parsing can expand any name of a group to the others.

#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/index_writer.hpp"

namespace ldn {

using SynonymGroup = std::vector<std::string>;

// Throws ldn::Error (65 naming the key, 74 when unreadable).
std::vector<SynonymGroup> load_synonyms(const std::filesystem::path& file);

// Replaces the database's synonym table with these groups: every name maps to every other name of
// its group. Keys are lower case with hyphens as spaces, the form the query parser looks up. The
// groups are also kept as JSON in the metadata (ldn.synonyms), because Xapian's remote backend does
// not carry the synonym table: shards served by xapian-tcpsrv answer every synonym lookup with none.
void store_synonyms(Xapian::WritableDatabase& database, const std::vector<SynonymGroup>& groups);
// The same in every shard of the index being written.
void store_synonyms(IndexWriter& writer, std::vector<SynonymGroup> groups);

// Name -> the other names of its group, as stored in the metadata (empty for an index written
// before the metadata existed). The same sets the synonym table holds.
std::map<std::string, std::set<std::string>> synonyms_in_metadata(const Xapian::Database& database);

// "Low-Dose  Naltrexone" -> "low dose naltrexone"
std::string synonym_key(const std::string& name);

}  // namespace ldn

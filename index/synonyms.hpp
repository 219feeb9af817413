#pragma once
// Synonym groups from data/vocab/synonyms.json, written into the index's synonym table (Xapian's own
// thesaurus), so that query parsing can expand any name of a group to the others.

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace ldn {

using SynonymGroup = std::vector<std::string>;

// Throws ldn::Error (65 naming the key, 74 when unreadable).
std::vector<SynonymGroup> load_synonyms(const std::filesystem::path& file);

// Replaces the database's synonym table with these groups: every name maps to every other name of
// its group. Keys are lower case with hyphens as spaces, the form the query parser looks up.
void store_synonyms(Xapian::WritableDatabase& database, const std::vector<SynonymGroup>& groups);

// "Low-Dose  Naltrexone" -> "low dose naltrexone"
std::string synonym_key(const std::string& name);

}  // namespace ldn

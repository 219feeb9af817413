#pragma once
// An index's content, independent of document ids and commit history, so that two indexes built by
// different routes (incremental refreshes, one fresh crawl) can be compared for equality.

#include <filesystem>
#include <map>
#include <string>

namespace ldn::test {

// PMID -> the document as text: its data, every term with its wdf and positions, every value.
// Throws when two documents carry the same PMID (a duplicate is never acceptable).
std::map<std::string, std::string> index_snapshot(const std::filesystem::path& database);

}  // namespace ldn::test

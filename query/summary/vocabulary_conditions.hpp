#pragma once
// The condition ids of the evidence vocabulary (data/vocab/conditions.json), in the file's order:
// the rows of the summary's evidence map and the conditions its gaps are looked for in.

#include <filesystem>
#include <string>
#include <vector>

namespace ldn {

// Throws ldn::Error (65 for a malformed file, 74 for an unreadable one) naming the key.
std::vector<std::string> vocabulary_condition_ids(const std::filesystem::path& conditions_file);

}  // namespace ldn

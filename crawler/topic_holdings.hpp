#pragma once
// What the raw store holds for a topic before a run: the starting point for telling which records
// left the topic and which it never stored.

#include <string>
#include <unordered_set>

#include "crawler/store_layout.hpp"

namespace ldn {

// The newest finished run that listed the topic gives its topic PMIDs; the batches of every run after
// it (crawls of other windows, unfinished runs) add theirs. Without such a run, every stored batch
// counts. The run `current` is left out.
std::unordered_set<std::string> pmids_held_before(const StoreLayout& store, const std::string& current);

}  // namespace ldn

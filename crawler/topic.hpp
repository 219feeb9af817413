#pragma once
// A topic is a documented PubMed search strategy (data/topics/*.json): blocks of synonyms that are
// OR-ed within a block and AND-ed across blocks, plus the default date window. Users edit these
// files, so every mistake is reported with the file and the key it concerns.

#include <filesystem>
#include <string>
#include <vector>

namespace ldn {

struct TopicBlock {
    std::string name;
    std::string why;
    std::vector<std::string> terms;
};

struct Topic {
    std::filesystem::path file;
    std::string name;
    std::string description;
    std::string database = "pubmed";
    std::string datetype = "pdat";  // the date a full crawl's window is on
    int years = 10;                 // the default window: the past N years
    std::vector<TopicBlock> blocks;

    // The PubMed term: (a OR b …) AND (c OR d …).
    std::string query() const;
};

// Throws ldn::Error (exit 65 for a malformed topic, 74 for an unreadable file) naming the key.
Topic load_topic(const std::filesystem::path& file);

}  // namespace ldn

#pragma once
// Annotates Articles from vocabularies in data/vocab/*.json, which users can edit without
// recompiling. Loading validates the vocabularies and names the file and key of any mistake.

#include <filesystem>
#include <memory>

#include "crawler/article.hpp"
#include "index/annotations.hpp"

namespace ldn {

class Annotator {
public:
    // Reads conditions.json, designs.json, subjects.json, sentences.json, doses.json, participants.json
    // and durations.json from `vocab_folder` and compiles their matchers (about 10 ms: build one
    // Annotator and share it). Throws ldn::Error (exit 65 for a malformed vocabulary, 74 for an
    // unreadable one).
    explicit Annotator(const std::filesystem::path& vocab_folder);
    ~Annotator();
    Annotator(Annotator&&) noexcept;
    Annotator& operator=(Annotator&&) noexcept;

    // Thread-safe: one Annotator may serve several indexing threads.
    Annotations annotate(const Article& article) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ldn

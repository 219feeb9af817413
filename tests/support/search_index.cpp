#include "tests/support/search_index.hpp"

#include <stdexcept>

#include "index/annotator.hpp"
#include "index/index_jobs.hpp"
#include "index/index_writer.hpp"
#include "index/synonyms.hpp"
#include "tests/support/paths.hpp"

namespace ldn::test {

namespace {

std::filesystem::path vocabularies() { return fixture("..") / ".." / "data" / "vocab"; }

const Annotator& bundled_annotator() {
    static const Annotator annotator(vocabularies());
    return annotator;
}

}  // namespace

std::filesystem::path build_search_index(const std::filesystem::path& folder) {
    std::filesystem::path index = folder / "index";
    IndexWriter writer(index, bundled_annotator());
    IndexObserver observer;
    observer.record_issue = [](const RecordIssue& issue) {
        throw std::runtime_error("search corpus: " + issue.to_string());
    };
    ingest_files({fixture("search/corpus.xml")}, writer, false, observer);
    store_synonyms(writer, load_synonyms(vocabularies() / "synonyms.json"));
    writer.commit();
    return index;
}

}  // namespace ldn::test

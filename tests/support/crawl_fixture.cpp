#include "tests/support/crawl_fixture.hpp"

#include "crawler/pubmed_reader.hpp"
#include "tests/fake_eutils/entrez_date.hpp"

namespace ldn::test {

Topic test_topic() {
    Topic topic;
    topic.name = "test-topic";
    topic.years = 30;
    topic.blocks = {TopicBlock{"drug", "", {"naltrexone[tiab]", "LDN[tiab]"}},
                    TopicBlock{"condition", "", {"fibromyalgia[tiab]"}}};
    return topic;
}

CrawlRequest crawl_request(const fake::FakeEutilsServer& server, const std::filesystem::path& store,
                           std::size_t batch, bool with_key) {
    CrawlRequest request;
    request.topic = test_topic();
    request.store = store;
    request.batch = batch;
    request.today = *Day::parse("2026-11-26");
    request.eutils.base_url = server.base_url();
    request.eutils.email = "crawler-tests@example.org";
    if (with_key) request.eutils.api_key = test_api_key;
    request.eutils.retry.max_attempts = 6;
    request.eutils.retry.initial_backoff = std::chrono::milliseconds(10);
    request.eutils.retry.max_backoff = std::chrono::milliseconds(100);
    request.eutils.http.total_timeout = std::chrono::seconds(60);
    request.eutils.http.user_agent = "ldn-tests";
    return request;
}

std::shared_ptr<fake::Corpus> synthetic_corpus(std::size_t count, std::uint64_t first_pmid) {
    auto corpus = std::make_shared<fake::Corpus>();
    corpus->load_xml(fake::synthetic_article_set(fake::synthetic_records(count, first_pmid)));
    return corpus;
}

std::map<std::string, std::size_t> stored_pmids(const std::filesystem::path& store) {
    std::map<std::string, std::size_t> seen;
    if (!std::filesystem::exists(store / "raw")) return seen;
    for (const auto& run : std::filesystem::directory_iterator(store / "raw")) {
        for (const auto& file : std::filesystem::directory_iterator(run.path())) {
            if (file.path().extension() != ".gz") continue;
            read_pubmed_file(
                file.path(), [&](Article&& article) { ++seen[article.pmid]; }, [](const RecordIssue&) {});
        }
    }
    return seen;
}

std::map<std::string, std::size_t> expected_once(const fake::Corpus& corpus) {
    std::map<std::string, std::size_t> expected;
    for (const std::string& pmid : corpus.matching(fake::DateType::pdat, std::nullopt, std::nullopt)) {
        expected[pmid] = 1;
    }
    return expected;
}

}  // namespace ldn::test

#pragma once
// A crawl against the fake E-utilities server, for the crawler's integration tests: a running server
// over a synthetic corpus, a request aimed at it with fast retries, and readers for what the crawl
// stored in the raw store.

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crawler/crawl.hpp"
#include "tests/fake_eutils/corpus.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/fake_eutils/synthetic_records.hpp"

namespace ldn::test {

inline const char* const test_api_key = "TESTKEY-0123456789abcdef";

// A topic whose window (30 years back from the test's today) covers every synthetic record.
Topic test_topic();

// A request to crawl `store` from `server`, with the key (10 requests/s) unless `with_key` is false,
// retries that wait milliseconds rather than seconds, and a fixed today.
CrawlRequest crawl_request(const fake::FakeEutilsServer& server, const std::filesystem::path& store,
                           std::size_t batch, bool with_key = true);

std::shared_ptr<fake::Corpus> synthetic_corpus(std::size_t count, std::uint64_t first_pmid = 10000001);

// Every PMID in every raw batch of the store, with how many times it was stored.
std::map<std::string, std::size_t> stored_pmids(const std::filesystem::path& store);

// The corpus's PMIDs, each once.
std::map<std::string, std::size_t> expected_once(const fake::Corpus& corpus);

}  // namespace ldn::test

#pragma once
// Shared by the fake server's tests: a running server over a small corpus, and readers for the
// answers (the PMIDs of an esearch IdList or of an efetch PubmedArticleSet).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "tests/fake_eutils/corpus.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/fake_eutils/synthetic_records.hpp"

namespace ldn::fake::test {

// Functional tests switch the rate limit off so they are not slowed to 3 requests a second;
// the rate limit has tests of its own.
inline FakeEutilsOptions unlimited() {
    FakeEutilsOptions options;
    options.rate_limit = 0;
    options.key_rate_limit = 0;
    return options;
}

inline std::shared_ptr<Corpus> synthetic_corpus(std::size_t count, std::uint64_t first_pmid = 10000001) {
    auto corpus = std::make_shared<Corpus>();
    corpus->load_xml(synthetic_article_set(synthetic_records(count, first_pmid)));
    return corpus;
}

struct RunningServer {
    std::unique_ptr<FakeEutilsServer> server;
    FakeEutilsServer* operator->() { return server.get(); }
    std::string url() const { return server->base_url(); }
};

inline RunningServer start_server(std::shared_ptr<Corpus> corpus, FakeEutilsOptions options = unlimited()) {
    RunningServer running{std::make_unique<FakeEutilsServer>(std::move(corpus), std::move(options))};
    running.server->start();
    return running;
}

struct SearchAnswer {
    bool well_formed = false;
    std::string error;  // the <ERROR> text, if any
    long count = -1;
    long retmax = -1;
    long retstart = -1;
    std::string query_key;
    std::string webenv;
    std::vector<std::string> ids;
    std::string phrase_not_found;
    std::string output_message;
    std::string query_translation;
};

inline SearchAnswer read_search(const std::string& body) {
    SearchAnswer answer;
    pugi::xml_document document;
    answer.well_formed = static_cast<bool>(document.load_string(body.c_str()));
    const pugi::xml_node root = document.child("eSearchResult");
    answer.error = root.child_value("ERROR");
    if (root.child("Count")) answer.count = root.child("Count").text().as_int();
    if (root.child("RetMax")) answer.retmax = root.child("RetMax").text().as_int();
    if (root.child("RetStart")) answer.retstart = root.child("RetStart").text().as_int();
    answer.query_key = root.child_value("QueryKey");
    answer.webenv = root.child_value("WebEnv");
    for (pugi::xml_node id : root.child("IdList").children("Id")) answer.ids.emplace_back(id.child_value());
    answer.phrase_not_found = root.child("ErrorList").child_value("PhraseNotFound");
    answer.output_message = root.child("WarningList").child_value("OutputMessage");
    answer.query_translation = root.child_value("QueryTranslation");
    return answer;
}

struct FetchAnswer {
    bool well_formed = false;
    std::string error;  // <eFetchResult><ERROR>
    std::vector<std::string> pmids;
};

inline FetchAnswer read_fetch(const std::string& body) {
    FetchAnswer answer;
    pugi::xml_document document;
    answer.well_formed = static_cast<bool>(document.load_string(body.c_str()));
    answer.error = document.child("eFetchResult").child_value("ERROR");
    for (pugi::xml_node article : document.child("PubmedArticleSet").children("PubmedArticle"))
        answer.pmids.emplace_back(article.child("MedlineCitation").child_value("PMID"));
    return answer;
}

// PMIDs first_pmid + count - 1 down to first_pmid: the order esearch gives.
inline std::vector<std::string> descending_pmids(std::uint64_t first_pmid, std::size_t count) {
    std::vector<std::string> pmids;
    for (std::size_t i = count; i-- > 0;) pmids.push_back(std::to_string(first_pmid + i));
    return pmids;
}

}  // namespace ldn::fake::test

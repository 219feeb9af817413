#pragma once
// The E-utilities semantics, without HTTP: parameters in, a reply out. The server adds the network,
// the rate limit, the faults and the recording around it; keeping this part apart lets the answers
// be read (and tested) as plain functions of the corpus and the history.

#include <string>
#include <utility>
#include <vector>

#include "tests/fake_eutils/corpus.hpp"
#include "tests/fake_eutils/entrez_date.hpp"
#include "tests/fake_eutils/form_params.hpp"
#include "tests/fake_eutils/history_store.hpp"

namespace ldn::fake {

struct Reply {
    int status = 200;
    std::string content_type = "text/xml; charset=UTF-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

enum class Utility { esearch, efetch, epost, other };

// By the last path segment, whatever comes before it ("/entrez/eutils/esearch.fcgi").
Utility utility_of(std::string_view path);

// The root element of the utility's status-200 <ERROR> document.
std::string_view error_root(Utility utility);

class EutilsService {
public:
    EutilsService(Corpus& corpus, HistoryStore& history) : corpus_(corpus), history_(history) {}

    Reply esearch(const Params& params, DateKey today) const;
    Reply efetch(const Params& params) const;
    Reply epost(const Params& params) const;

    // NCBI's limits for PubMed.
    static constexpr std::size_t max_retmax = 10000;
    static constexpr std::size_t reachable_records = 9999;  // of one search: retstart <= 9998

private:
    Corpus& corpus_;
    HistoryStore& history_;
};

}  // namespace ldn::fake

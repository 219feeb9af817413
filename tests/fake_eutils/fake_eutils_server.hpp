#pragma once
// A fake NCBI E-utilities server for tests and the offline demo: a real HTTP server (cpp-httplib)
// on loopback that serves a Corpus through esearch.fcgi, efetch.fcgi and epost.fcgi with the
// behaviour EUTILS.md describes, so that the crawler is exercised over the network exactly as it
// will talk to NCBI.
//
// What it honours:
//  - esearch (GET or POST form): db=pubmed, term, usehistory=y, retstart, retmax (default 20, at most
//    10,000), datetype=pdat|edat|mdat with mindate+maxdate (YYYY, YYYY/MM, YYYY/MM/DD, inclusive),
//    reldate=N. We cannot run PubMed's query language: every term matches the whole corpus (within
//    the date window), except a term containing "nosuchthing", which finds nothing and says so the
//    way PubMed does (PhraseNotFound, "No items found."). PMIDs come highest first. Count is the true
//    number even above 9,999; IdList never reaches beyond the 9,999th; retstart > 9998 is an <ERROR>.
//  - efetch (GET or POST form): id=comma-separated PMIDs, or WebEnv + query_key + retstart + retmax
//    (retmax defaults to 20: always send it). Records come back byte for byte as loaded, in order;
//    deleted PMIDs are simply absent. Through history, retstart > 9998 is an <ERROR>; an unknown or
//    expired WebEnv gives <eFetchResult><ERROR>Unable to obtain query #N</ERROR></eFetchResult>, 200.
//    The WebEnv parameter name is case-sensitive, as NCBI documents it.
//  - epost (id=…): stores the PMIDs under a WebEnv/query_key for efetch.
//  - The paths match with any prefix: http://HOST:PORT/esearch.fcgi and
//    http://HOST:PORT/entrez/eutils/esearch.fcgi are the same utility.
//  - Rate limit: a request is refused with HTTP 429 and {"error":"API rate limit exceeded",
//    "count":"N"} when, counting it, more than `rate_limit` requests (`key_rate_limit` when it
//    carries api_key) arrived within the last `rate_window`. Every arrival counts, refused ones too,
//    so a client that keeps hammering stays refused. Retry-After is sent only when configured.
//  - Faults (FaultPlan) are decided after the rate limit, for esearch and efetch only.
//  - Every request is recorded (RequestLog): see max_requests_in_window() for the figure a polite
//    client must keep at or below its limit.
//
// start() binds (port 0: any free port) and serves on background threads; stop() (or the
// destructor) ends it. All public functions are thread-safe. One start per object.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fake_eutils/corpus.hpp"
#include "tests/fake_eutils/entrez_date.hpp"
#include "tests/fake_eutils/fault_plan.hpp"
#include "tests/fake_eutils/history_store.hpp"
#include "tests/fake_eutils/request_log.hpp"

namespace ldn::fake {

struct FakeEutilsOptions {
    std::string bind_address = "127.0.0.1";
    int port = 0;                                    // 0: any free port, see port()
    int rate_limit = 3;                              // per rate_window without api_key; 0: no limit
    int key_rate_limit = 10;                         // per rate_window with api_key; 0: no limit
    std::chrono::milliseconds rate_window{1000};
    std::optional<int> retry_after_seconds;          // Retry-After on 429s (rate limit and fault)
    FaultPlan faults;
    HistoryLimits webenv_limits;                     // default: WebEnvs live as long as the server
    std::optional<DateKey> today;                    // "today" for reldate; default: the system date
    std::size_t threads = 16;                        // slow responses hold one each
    std::chrono::seconds keep_alive_timeout{1};      // stop() waits up to this for idle keep-alive clients
};

class FakeEutilsServer {
public:
    explicit FakeEutilsServer(std::shared_ptr<Corpus> corpus, FakeEutilsOptions options = {});
    ~FakeEutilsServer();
    FakeEutilsServer(const FakeEutilsServer&) = delete;
    FakeEutilsServer& operator=(const FakeEutilsServer&) = delete;

    // Binds and starts serving; returns once requests are accepted. Throws std::runtime_error when
    // the address cannot be bound.
    void start();
    // Stops serving and waits for the server threads; slow responses in progress are cut short.
    void stop();
    bool running() const;

    int port() const;              // the bound port (after start)
    std::string base_url() const;  // "http://127.0.0.1:PORT/"

    Corpus& corpus();

    // What arrived.
    std::size_t request_count() const;
    std::vector<RecordedRequest> requests() const;
    std::size_t request_count(std::string_view utility) const;  // "esearch", "efetch", "epost"
    std::size_t max_requests_in_window() const;  // every request that arrived
    std::size_t max_served_in_window() const;    // only those answered normally
    void clear_requests();                        // numbering continues

    // Changes at run time (take effect for the next request).
    void set_faults(FaultPlan plan);
    void set_rate_limits(int without_key, int with_key);
    void set_retry_after(std::optional<int> seconds);
    void set_webenv_limits(HistoryLimits limits);
    void expire_webenvs();  // every WebEnv handed out so far becomes unknown

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ldn::fake

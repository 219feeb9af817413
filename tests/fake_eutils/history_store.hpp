#pragma once
// NCBI's history server: esearch with usehistory=y (or epost) stores the matching PMIDs under a
// WebEnv and a query_key; efetch then pages through them with retstart/retmax. The PMID list is
// frozen at search time, while the records themselves are read from the corpus when fetched
// (a record deleted in between is simply absent), as on the real server.
//
// NCBI does not document how long a WebEnv lives ("about 8 hours", seen). Tests need it to end on
// cue to prove the crawler "searches again and continues", so a WebEnv can expire after a time, after
// a number of efetch uses, or on demand. An expired WebEnv is forgotten: it stays unknown.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ldn::fake {

struct HistoryLimits {
    std::optional<std::chrono::milliseconds> lifetime;  // from the WebEnv's creation
    std::optional<std::size_t> max_uses;                // efetch requests served through it
};

class HistoryStore {
public:
    explicit HistoryStore(std::uint64_t seed = 1, HistoryLimits limits = {});

    struct Stored {
        std::string webenv;
        int query_key = 0;
    };

    // Stores a result. With a live `webenv` the result is added to it under the next query_key (as
    // NCBI does when a search names its WebEnv); otherwise a new WebEnv is made.
    Stored store(std::vector<std::string> pmids, const std::string& webenv = {});

    // The PMIDs of a stored result, counting one use; null when the WebEnv or query_key is
    // unknown or expired (an expired WebEnv is dropped). Shared, never copied: lists can be long.
    std::shared_ptr<const std::vector<std::string>> use(const std::string& webenv, int query_key);

    void expire(const std::string& webenv);
    void expire_all();
    void set_limits(HistoryLimits limits);
    std::size_t live_count() const;

private:
    struct Session {
        std::chrono::steady_clock::time_point created;
        std::size_t uses = 0;
        std::map<int, std::shared_ptr<const std::vector<std::string>>> queries;
    };
    bool expired_locked(const Session& session, std::chrono::steady_clock::time_point now) const;
    std::string new_webenv_locked();

    mutable std::mutex mutex_;
    std::uint64_t seed_;
    std::uint64_t counter_ = 0;
    HistoryLimits limits_;
    std::map<std::string, Session> sessions_;
};

}  // namespace ldn::fake

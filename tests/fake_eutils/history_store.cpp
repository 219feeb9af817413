#include "tests/fake_eutils/history_store.hpp"

#include <cstdio>

namespace ldn::fake {

HistoryStore::HistoryStore(std::uint64_t seed, HistoryLimits limits) : seed_(seed), limits_(limits) {}

bool HistoryStore::expired_locked(const Session& session, std::chrono::steady_clock::time_point now) const {
    if (limits_.lifetime && now - session.created >= *limits_.lifetime) return true;
    if (limits_.max_uses && session.uses >= *limits_.max_uses) return true;
    return false;
}

// NCBI's WebEnvs look like MCID_ followed by 24 hex digits; ours do too, derived from the seed and a
// counter so that a run is reproducible.
std::string HistoryStore::new_webenv_locked() {
    ++counter_;
    char text[40];
    std::snprintf(text, sizeof text, "MCID_%08llx%016llx",
                  static_cast<unsigned long long>(seed_ & 0xffffffffULL),
                  static_cast<unsigned long long>(counter_ * 0x9e3779b97f4a7c15ULL));
    return text;
}

HistoryStore::Stored HistoryStore::store(std::vector<std::string> pmids, const std::string& webenv) {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    auto session = sessions_.find(webenv);
    if (session != sessions_.end() && expired_locked(session->second, now)) {
        sessions_.erase(session);
        session = sessions_.end();
    }
    if (session == sessions_.end())
        session = sessions_.emplace(new_webenv_locked(), Session{now, 0, {}}).first;
    const int query_key = session->second.queries.empty() ? 1 : session->second.queries.rbegin()->first + 1;
    session->second.queries.emplace(
        query_key, std::make_shared<const std::vector<std::string>>(std::move(pmids)));
    return Stored{session->first, query_key};
}

std::shared_ptr<const std::vector<std::string>> HistoryStore::use(const std::string& webenv, int query_key) {
    std::lock_guard lock(mutex_);
    auto session = sessions_.find(webenv);
    if (session == sessions_.end()) return nullptr;
    if (expired_locked(session->second, std::chrono::steady_clock::now())) {
        sessions_.erase(session);
        return nullptr;
    }
    auto query = session->second.queries.find(query_key);
    if (query == session->second.queries.end()) return nullptr;
    ++session->second.uses;
    return query->second;
}

void HistoryStore::expire(const std::string& webenv) {
    std::lock_guard lock(mutex_);
    sessions_.erase(webenv);
}

void HistoryStore::expire_all() {
    std::lock_guard lock(mutex_);
    sessions_.clear();
}

void HistoryStore::set_limits(HistoryLimits limits) {
    std::lock_guard lock(mutex_);
    limits_ = limits;
}

std::size_t HistoryStore::live_count() const {
    std::lock_guard lock(mutex_);
    std::size_t live = 0;
    const auto now = std::chrono::steady_clock::now();
    for (const auto& [webenv, session] : sessions_)
        if (!expired_locked(session, now)) ++live;
    return live;
}

}  // namespace ldn::fake

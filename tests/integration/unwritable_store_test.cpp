// A store ldn may read but not write (chmod -R a-w; run as nobody when the tests run as root, for
// whom modes do not stop writes). Every writing command exits 74 with one error line naming the path
// and the reason, and changes nothing, byte for byte; searching still works; once the store is
// writable again the next run completes to the reference index.
#include <catch2/catch.hpp>

#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/integration/io_failure_support.hpp"
#include "tests/support/paths.hpp"

using ldn::test::check_day_two_refresh_completes;
using ldn::test::Confinement;
using ldn::test::confinement_refused;
using ldn::test::day_two;
using ldn::test::DayOneStore;
using ldn::test::file_contents;
using ldn::test::io_error_line;
using ldn::test::run_ldn;
using ldn::test::with_server;

namespace {

const Confinement not_owner{.max_file_bytes = std::nullopt, .as_nobody = true};

}  // namespace

TEST_CASE("every writing command on a read-only store exits 74 naming the path, and changes nothing",
          "[hardening][read-only]") {
    DayOneStore stored;
    const auto& store = stored.store;
    REQUIRE(run_ldn({"watch", "add", "fm", "condition:fibromyalgia", "--store", store.string()}).exit_code == 0);
    stored.publish_day_two();
    const auto day2 = ldn::test::fixture("refresh/day2.xml").string();

    ldn::test::set_read_only(store, true);
    const auto before = file_contents(store);
    const std::vector<std::vector<std::string>> commands{
        with_server({"refresh"}, store, stored.server, day_two),
        {"crawl", "--store", store.string(), "--eutils-url", stored.server.base_url(), "--until", day_two},
        {"index", "--store", store.string()},
        {"index", "--rebuild", "--store", store.string()},
        {"ingest", day2, "--store", store.string()},
        {"watch", "add", "rct", "design:rct", "--store", store.string()},
    };
    for (const auto& args : commands) {
        auto result = run_ldn(args, not_owner);
        if (confinement_refused(result)) return;
        CAPTURE(args[0], result.err);
        const auto error = io_error_line(result);
        CHECK_THAT(error, Catch::Contains(store.string()) && Catch::Contains("Permission denied"));
        CHECK(file_contents(store) == before);
    }

    // Reading needs no write: a read-only store can still be searched.
    auto search = run_ldn({"search", "--store", store.string(), "--format", "json", "fibromyalgia"}, not_owner);
    CAPTURE(search.err);
    CHECK(search.exit_code == 0);
    CHECK_THAT(search.out, Catch::Contains("\"total\":"));
    CHECK(file_contents(store) == before);

    ldn::test::set_read_only(store, false);
    check_day_two_refresh_completes(stored);
}

TEST_CASE("a read-only index is an I/O error (74), not a store in use (75), and the crawl before it is kept",
          "[hardening][read-only][regression]") {
    // The regression: Xapian reports a lock file it cannot open as a DatabaseLockError, which ldn took
    // for another writer: "is being written by another process; try again later", exit 75, so a
    // scheduler would retry forever what only a change of permissions can fix.
    DayOneStore stored;
    const auto& store = stored.store;
    stored.publish_day_two();
    if (ldn::test::running_as_root()) ldn::test::give_to_nobody(store);  // writable for nobody, but the index
    ldn::test::set_read_only(store / "index", true);
    const auto index_before = file_contents(store / "index");
    const auto raw_before = file_contents(store / "raw");

    auto refused = run_ldn(with_server({"refresh"}, store, stored.server, day_two), not_owner);
    if (confinement_refused(refused)) return;
    CAPTURE(refused.err);
    const auto error = io_error_line(refused);
    CHECK_THAT(error, Catch::Contains("index " + (store / "index").string() + ": cannot open for writing") &&
                          Catch::Contains("Permission denied"));
    CHECK(file_contents(store / "index") == index_before);
    // The crawl finished before the index step: day 1's batches as they were, day 2's beside them.
    auto raw_after = file_contents(store / "raw");
    for (const auto& [path, bytes] : raw_before) CHECK(raw_after[path] == bytes);
    CHECK(raw_after.size() > raw_before.size());

    auto index = run_ldn({"index", "--store", store.string()}, not_owner);
    CHECK(index.exit_code == 74);

    ldn::test::set_read_only(store / "index", false);
    check_day_two_refresh_completes(stored, not_owner);
}

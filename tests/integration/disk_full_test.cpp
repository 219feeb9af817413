// A store that cannot grow: ldn run under a file-size limit (RLIMIT_FSIZE, what `ulimit -f` sets;
// SIGXFSZ at its default, as a shell leaves it). Each command must exit 74 with one error line that
// names the file and the reason, leave what was stored before intact (earlier raw batches and
// manifests byte for byte, state.json, the index at its last commit with the same documents), leave
// no temporary behind, and a later run with room must complete to the reference index.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <fstream>

#include "crawler/crawl_manifest.hpp"
#include "tests/fake_eutils/fake_eutils_server.hpp"
#include "tests/fake_eutils/synthetic_records.hpp"
#include "tests/integration/io_failure_support.hpp"
#include "tests/support/index_snapshot.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/process.hpp"

namespace fake = ldn::fake;
using ldn::test::check_day_two_refresh_completes;
using ldn::test::confinement_refused;
using ldn::test::day_one;
using ldn::test::day_two;
using ldn::test::DayOneStore;
using ldn::test::file_contents;
using ldn::test::index_revision;
using ldn::test::index_snapshot;
using ldn::test::io_error_line;
using ldn::test::ProcessResult;
using ldn::test::run_ldn;
using ldn::test::run_process;
using ldn::test::with_server;

namespace {

// A PubMed file of `count` generated records (valid, small), big enough to make an index grow.
std::filesystem::path generated_file(const std::filesystem::path& folder, std::size_t count) {
    auto path = folder / "generated.xml";
    std::ofstream(path) << fake::synthetic_article_set(fake::synthetic_records(count, 30000001));
    return path;
}

// What must not change: every file but the index (checked by revision and content) and the lock
// (which holds the last holder's PID).
std::map<std::string, std::string> stored_files(const std::filesystem::path& store) {
    return file_contents(store, {"index", "lock"});
}

// A store as it was before a command that must fail.
struct StoreBefore {
    explicit StoreBefore(const std::filesystem::path& store)
        : files(stored_files(store)), revision(index_revision(store / "index")),
          index(index_snapshot(store / "index")) {}

    std::map<std::string, std::string> files;
    unsigned long revision;                    // of the index
    std::map<std::string, std::string> index;  // its documents
};

// The store is as it was `before`: a sound index at the same commit with the same documents, the
// files of `before` byte for byte, and no temporary left behind.
void check_kept(const std::filesystem::path& store, const StoreBefore& before) {
    // xapian-check in its own process: Xapian::Database::check in this one trips AddressSanitizer
    // inside libxapian (a new/delete size mismatch of Debian's build), which is not ours to fix.
    const ProcessResult checked = run_process("/usr/bin/env", {"xapian-check", (store / "index").string()});
    INFO(checked.out << checked.err);
    CHECK(checked.exit_code == 0);
    CHECK(index_revision(store / "index") == before.revision);
    CHECK(index_snapshot(store / "index") == before.index);
    const auto after = stored_files(store);
    for (const auto& [path, bytes] : before.files) {
        CAPTURE(path);
        auto found = after.find(path);
        REQUIRE(found != after.end());
        CHECK(found->second == bytes);
    }
    CHECK(ldn::test::temporaries(store).empty());
}

// A command stopped by an index that cannot grow: exit 74, one error line naming the index, and the
// store kept as it was `before`.
void check_stopped_by_full_index(const ProcessResult& full, const std::filesystem::path& store,
                                 const StoreBefore& before) {
    CAPTURE(full.err);
    const auto error = io_error_line(full);
    CHECK_THAT(error, Catch::Contains("index " + (store / "index").string() + ": cannot ") &&
                          Catch::Contains("File too large"));
    check_kept(store, before);
}

}  // namespace

TEST_CASE("a crawl whose next batch does not fit exits 74 naming the batch, and keeps what was stored",
          "[hardening][disk-full]") {
    DayOneStore stored({"--batch", "5"});
    const auto& store = stored.store;
    const StoreBefore before(store);

    // Day 2, crawled whole: 27 records in one batch (about 15 kB compressed) while the manifest and
    // the run report stay below 8 kB, so the batch is the first file that cannot be written whole.
    stored.publish_day_two();
    auto full = run_ldn({"crawl", "--full", "--store", store.string(), "--eutils-url", stored.server.base_url(),
                         "--until", day_two, "--batch", "30", "--backoff", "0.01"},
                        {.max_file_bytes = 8192});
    if (confinement_refused(full)) return;
    CAPTURE(full.err);
    const auto error = io_error_line(full);
    CHECK_THAT(error, Catch::Contains((store / "raw").string()) && Catch::Contains(".xml.gz: cannot write") &&
                          Catch::Contains("File too large"));

    // What was there is there, unchanged; state.json still names day 1's run; nothing half-written.
    check_kept(store, before);

    // With room again, a refresh completes and ends with the reference index. (The stopped crawl was
    // asked for with --until, so the refresh starts a run of its own beside it.)
    check_day_two_refresh_completes(stored);
}

TEST_CASE("an ingest whose index cannot grow exits 74 naming the index, which stays at its last commit",
          "[hardening][disk-full][regression]") {
    // The regression: past the limit Xapian threw from replace_document, outside any catch, and ldn
    // aborted (exit 134, "terminate called after throwing an instance of 'Xapian::DatabaseError'").
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    const auto day1 = ldn::test::fixture("refresh/day1.xml");
    const auto day2 = ldn::test::fixture("refresh/day2.xml");
    const auto generated = generated_file(dir.path(), 1500);
    REQUIRE(run_ldn({"ingest", day1.string(), "--store", store.string()}).exit_code == 0);
    const StoreBefore before(store);

    // 16 kB is below the index's tables (each past 40 kB after day 1): the first block that grows one fails.
    auto full = run_ldn({"ingest", generated.string(), day2.string(), "--store", store.string()},
                        {.max_file_bytes = 16384});
    if (confinement_refused(full)) return;
    check_stopped_by_full_index(full, store, before);

    // With room, the same command completes, and the index is what one uninterrupted ingest gives.
    auto roomy = run_ldn({"ingest", generated.string(), day2.string(), "--store", store.string()});
    CAPTURE(roomy.err);
    CHECK(roomy.exit_code == 0);
    const auto reference = dir.path() / "reference";
    REQUIRE(run_ldn({"ingest", day1.string(), generated.string(), day2.string(), "--store", reference.string()})
                .exit_code == 0);
    CHECK(index_snapshot(store / "index") == index_snapshot(reference / "index"));
}

TEST_CASE("a refresh whose index cannot grow exits 74, keeps its crawl, and the next refresh indexes it",
          "[hardening][disk-full]") {
    DayOneStore stored;
    const auto& store = stored.store;
    StoreBefore before(store);
    before.files.erase("state.json");
    const auto last_refresh_run = Xapian::Database((store / "index").string()).get_metadata("ldn.last_refresh_run");

    // Day 2's batch, manifest, state and report each fit in 16 kB; the index's tables do not. The crawl
    // succeeds, so state.json moves on (it drives the next crawl's window); the refresh's success is
    // not recorded in the index, and its batches wait there for the next run.
    stored.publish_day_two();
    auto full = run_ldn(with_server({"refresh"}, store, stored.server, day_two), {.max_file_bytes = 16384});
    if (confinement_refused(full)) return;
    check_stopped_by_full_index(full, store, before);
    CHECK(Xapian::Database((store / "index").string()).get_metadata("ldn.last_refresh_run") == last_refresh_run);

    check_day_two_refresh_completes(stored);
}

TEST_CASE("on a disk that fills up (a 32 kB tmpfs) a crawl exits 74 'No space left', and resumes with room",
          "[hardening][disk-full]") {
    // A real ENOSPC needs a small filesystem: a tmpfs mounted in a private mount namespace (root, or
    // CAP_SYS_ADMIN). Where that is not allowed the test says so and skips.
    ldn::test::TempDir dir;
    const auto mount_point = dir.path() / "disk";
    std::filesystem::create_directory(mount_point);
    auto probe = run_process("/usr/bin/env", {"unshare", "--mount", "--propagation", "private", "sh", "-c",
                                                  "mount -t tmpfs -o size=32768 tmpfs \"$0\"", mount_point.string()});
    if (probe.exit_code != 0) {
        WARN("skipped: cannot mount a tmpfs in a private mount namespace: " << probe.err);
        return;
    }
    fake::FakeEutilsServer server(ldn::test::day_one_corpus());
    server.start();
    // In the namespace: the tiny disk, a crawl onto it (two records a batch, about 1.5 kB each, one
    // 4 kB page each), then the store copied out for the checks, with the crawl's exit code.
    const char* script = R"(mount -t tmpfs -o size=32768 tmpfs "$0" || exit 100
"$1" crawl --store "$0/store" --eutils-url "$2" --until 2026-01-10 --batch 2 --backoff 0.01 --quiet
code=$?
cp -a "$0/store" "$3" || exit 101
exit $code)";
    const auto store = dir.path() / "store";
    auto full = run_process("/usr/bin/env",
                            {"unshare", "--mount", "--propagation", "private", "sh", "-c", script, mount_point.string(),
                             ldn::test::ldn_binary().string(), server.base_url(), store.string()},
                            ldn::test::cron_env());
    CAPTURE(full.err);
    REQUIRE(full.exit_code != 100);
    REQUIRE(full.exit_code != 101);
    const auto error = io_error_line(full);
    CHECK_THAT(error, Catch::Contains((mount_point / "store").string()) && Catch::Contains("No space left on device"));

    // What the full disk holds is consistent: the manifest lists only batches that are there whole.
    CHECK(ldn::test::temporaries(store).empty());
    CHECK_FALSE(std::filesystem::exists(store / "state.json"));
    std::size_t batches = 0;
    for (const auto& run : std::filesystem::directory_iterator(store / "raw")) {
        auto manifest = ldn::CrawlManifest::load(run.path() / "manifest.json");
        for (const auto& batch : manifest.batches) {
            CHECK(std::filesystem::exists(run.path() / batch.file));
            ++batches;
        }
    }
    CHECK(batches > 0);

    // With room, the same crawl resumes, and once indexed the store has the index of a fresh one.
    auto roomy = run_ldn({"crawl", "--store", store.string(), "--eutils-url", server.base_url(), "--until", day_one,
                          "--batch", "2", "--backoff", "0.01"});
    CAPTURE(roomy.err);
    CHECK(roomy.exit_code == 0);
    CHECK_THAT(roomy.err, Catch::Contains("(full, resumed)"));
    REQUIRE(run_ldn({"index", "--store", store.string()}).exit_code == 0);
    const auto reference = dir.path() / "reference";
    REQUIRE(run_ldn(with_server({"refresh"}, reference, server, day_one)).exit_code == 0);
    CHECK(index_snapshot(store / "index") == index_snapshot(reference / "index"));
}

TEST_CASE("a compaction whose copy cannot be written exits 74, and the index stays as it was",
          "[hardening][disk-full][compact]") {
    ldn::test::TempDir dir;
    const auto store = dir.path() / "store";
    REQUIRE(run_ldn({"ingest", ldn::test::fixture("refresh/day1.xml").string(), "--store", store.string()}).exit_code == 0);
    const StoreBefore before(store);

    // 16 kB is below one 64 KiB block: the copy's first table cannot be written. Xapian 1.4's
    // compactor then leaks the table it was writing (inside libxapian; the process exits anyway), and
    // the sanitized build's leak check would turn this exit 74 into 1: leaks are not checked here.
    std::vector<std::string> environment = ldn::test::cron_env();
    environment.push_back("LSAN_OPTIONS=detect_leaks=0");
    const auto full = ldn::test::run_confined(ldn::test::ldn_binary(), {"compact", "--store", store.string()},
                                              {.max_file_bytes = 16384}, environment);
    if (confinement_refused(full)) return;
    CAPTURE(full.err);
    CHECK_THAT(io_error_line(full), Catch::Contains("cannot compact " + (store / "index").string()) &&
                                        Catch::Contains("File too large"));
    check_kept(store, before);
    CHECK_FALSE(std::filesystem::exists(store / "index.compacting"));

    // With room, the same command compacts it, and its documents are the same.
    const auto roomy = run_ldn({"compact", "--store", store.string()});
    CAPTURE(roomy.err);
    CHECK(roomy.exit_code == 0);
    CHECK(index_snapshot(store / "index") == before.index);
    CHECK(index_revision(store / "index") == before.revision);
}

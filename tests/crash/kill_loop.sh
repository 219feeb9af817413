#!/usr/bin/env bash
# Crash consistency of `ldn refresh` and `ldn ingest` (issue 8): SIGKILL at random moments, again
# and again, and after every kill the store must open and be consistent; after the kills one
# uninterrupted run must give exactly the index a fresh, uninterrupted store gets.
#
#   tests/crash/kill_loop.sh BUILD_DIR [--kills N] [--seed S] [--work-dir DIR] [--only refresh|ingest]
#                            [--synthetic N] [--gen-records N] [--generator PATH] [--keep]
#
# BUILD_DIR holds ldn, fake-eutils and tests/crash/ldn-index-digest
# (cmake --build BUILD_DIR --target ldn fake-eutils ldn-index-digest).
#
#   --kills N        kills per command (default 50): refresh N times, ingest N times
#   --seed S         the random delays (default 20261126): the same seed, the same delays
#   --work-dir DIR   where the stores go (default: a new folder under $TMPDIR, removed on success)
#   --only CMD       only refresh, or only ingest
#   --synthetic N    generated records the fake server serves beside the refresh fixtures (default
#                    1000), so that a refresh spends long enough indexing to be killed there
#   --gen-records N  records of the generated PubMed file ingested beside the fixtures and samples
#                    (default 1000; 0 for none). Needs BUILD_DIR/bench/ldn-gen-pubmed or --generator.
#   --keep           keep the work folder
#
# The refresh runs against the fake E-utilities server over tests/fixtures/refresh (day 1, then
# day 2 on top; see its README) with three saved searches and a --notify-cmd that takes 0.3 s, so
# kills land in the crawl, the indexing and the watches. Each episode starts a fresh store, kills
# 1-3 refreshes of day 1 and 1-3 of day 2 (so a run stopped on day 1 meets day 2, as a nightly job
# would), then runs one refresh of day 2 to the end and compares its index with the reference.
# The ingest episodes kill 2-4 ingests of the same file list, then run one to the end.
#
# After every kill: ldn-index-digest check (the index opens, no PMID is in two documents, every raw
# manifest parses and its batches are there and readable, no PMID stored twice in a run, state.json,
# watches.json, run reports and alert files parse), xapian-check of the index when installed, and
# `ldn status` exits 0. Where the kill landed is read from what changed on disk (ldn-index-digest
# status before and after). Prints every attempt, then a summary table; writes attempts.tsv and
# summary.txt in the work folder. Exit 0 when every check passed, 1 otherwise, 2 for a usage error.

set -uo pipefail

usage() {
    sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[[ $# -ge 1 && $1 != -* ]] || usage
BUILD_DIR=$(cd "$1" 2>/dev/null && pwd) || { echo "kill_loop: error: $1: not a folder" >&2; exit 2; }
shift
KILLS=50
SEED=20261126
WORK_DIR=""
ONLY=""
SYNTHETIC=1000
GEN_RECORDS=1000
GENERATOR=""
KEEP=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --kills) KILLS=${2:?}; shift 2 ;;
        --seed) SEED=${2:?}; shift 2 ;;
        --work-dir) WORK_DIR=${2:?}; shift 2 ;;
        --only) ONLY=${2:?}; shift 2 ;;
        --synthetic) SYNTHETIC=${2:?}; shift 2 ;;
        --gen-records) GEN_RECORDS=${2:?}; shift 2 ;;
        --generator) GENERATOR=${2:?}; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage ;;
        *) echo "kill_loop: error: unknown option '$1'" >&2; usage ;;
    esac
done
[[ $KILLS =~ ^[0-9]+$ && $KILLS -ge 1 ]] || { echo "kill_loop: error: --kills wants a number above 0" >&2; exit 2; }
[[ -z $ONLY || $ONLY == refresh || $ONLY == ingest ]] || { echo "kill_loop: error: --only refresh|ingest" >&2; exit 2; }

LDN=$BUILD_DIR/ldn
FAKE=$BUILD_DIR/fake-eutils
DIGEST=$BUILD_DIR/tests/crash/ldn-index-digest
for program in "$LDN" "$FAKE" "$DIGEST"; do
    [[ -x $program ]] || {
        echo "kill_loop: error: $program is missing; cmake --build $BUILD_DIR --target ldn fake-eutils ldn-index-digest" >&2
        exit 2
    }
done
SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
FIXTURES=$SOURCE_DIR/tests/fixtures/refresh
SAMPLES=$SOURCE_DIR/../shared/pubmed-samples
[[ -z $GENERATOR && -x $BUILD_DIR/bench/ldn-gen-pubmed ]] && GENERATOR=$BUILD_DIR/bench/ldn-gen-pubmed
XAPIAN_CHECK=$(command -v xapian-check || true)

if [[ -z $WORK_DIR ]]; then
    WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ldn-kill-loop.XXXXXX")
else
    mkdir -p "$WORK_DIR" && WORK_DIR=$(cd "$WORK_DIR" && pwd)
fi
export NCBI_API_KEY=KILL-LOOP-TEST-KEY NCBI_EMAIL=kill-loop@example.org
RANDOM=$SEED

SERVER_PIDS=()
RUNNING_PID=""
LAST_ELAPSED=0  # of the last attempt, in ms
LAST_KILLED=0   # whether the last attempt was killed (1) or finished first (0)
CROSS_DAY=0     # refresh episodes whose day 1 was left unfinished when day 2 began
FAILURES=0
cleanup() {
    [[ -n $RUNNING_PID ]] && kill -KILL "$RUNNING_PID" 2>/dev/null
    for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }
fail() {
    FAILURES=$((FAILURES + 1))
    say "  FAIL: $*"
}
now_ms() { date +%s%3N; }
random_below() { echo $(((RANDOM * 32768 + RANDOM) % $1)); }
seconds() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# start_server NAME ARGS...: a fake E-utilities server; sets URL.
start_server() {
    local name=$1
    shift
    "$FAKE" "$@" --port 0 >"$WORK_DIR/$name.url" 2>"$WORK_DIR/$name.log" &
    SERVER_PIDS+=($!)
    for _ in $(seq 100); do
        URL=$(sed -n 's/^listening on //p' "$WORK_DIR/$name.url")
        [[ -n $URL ]] && return 0
        sleep 0.1
    done
    echo "kill_loop: error: fake-eutils ($name) did not start: $(cat "$WORK_DIR/$name.log")" >&2
    exit 1
}

status_of() { "$DIGEST" status "$1" 2>&1; }
# The status without the count of leftover temporaries (which a kill may change by itself).
plain() { sed 's/ tmp=[0-9]*//' <<<"$1"; }
field() { sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" <<<"$1"; }

# Where a refresh was when killed, from what it had written.
refresh_phase() {
    local before=$1 after=$2
    if [[ $(plain "$before") == "$(plain "$after")" ]]; then
        echo "start"  # nothing written yet: startup, the lock, a request in flight
    elif [[ $(field "$after" newest_complete) == 0 ]]; then
        [[ $(field "$after" newest_planned) == 0 ]] && echo "crawl:search" || echo "crawl:fetch"
    elif [[ $(field "$after" pending) != 0 || $(field "$after" last_refresh_run) != "$(field "$after" newest_run)" ]]; then
        echo "index"
    elif [[ $(field "$after" newest_report) != refresh ]]; then
        echo "watches"  # index committed with the success; the watches and the report to go
    else
        echo "exit"  # the report written
    fi
}

# Where an ingest was when killed: "file:K" while reading the K-th file (the ones before it are
# committed; "file:K+" when this run had committed something already), then "report" (all committed,
# the run report not written yet) and "exit".
ingest_phase() {
    local before=$1 after=$2 files=$3
    local marks
    marks=$(field "$after" marks)
    if ((marks < files)); then
        [[ $(field "$before" index_rev) == "$(field "$after" index_rev)" ]] && echo "file:$((marks + 1))" ||
            echo "file:$((marks + 1))+"
    elif [[ $(field "$before" reports) == "$(field "$after" reports)" ]]; then
        echo "report"
    else
        echo "exit"
    fi
}

# check_store STORE: what must hold after any kill.
check_store() {
    local store=$1 out
    if ! out=$("$DIGEST" check "$store" 2>&1); then fail "$store: $out"; return 1; fi
    if [[ -n $XAPIAN_CHECK && -f $store/index/iamglass ]]; then
        if ! out=$("$XAPIAN_CHECK" "$store/index" 2>&1); then fail "xapian-check $store/index: $out"; return 1; fi
    fi
    if ! out=$("$LDN" status --store "$store" 2>&1 >/dev/null); then fail "ldn status --store $store: $out"; return 1; fi
    return 0
}

ATTEMPTS=$WORK_DIR/attempts.tsv
printf 'command\tepisode\tstep\tdelay_ms\toutcome\tphase\tcheck\ttemporaries\n' >"$ATTEMPTS"
declare -A KILLED FINISHED PHASES EPISODES EPISODES_OK CHECK_FAILS DELAY_SUM REFERENCE_SECONDS FILE_KILLS
INGEST_FILES=()

# attempt COMMAND EPISODE STEP MAX_DELAY_MS STORE PHASE_FN PHASE_ARG ARGS...: runs ldn ARGS, kills it
# after a random delay below MAX_DELAY_MS, checks the store.
attempt() {
    local command=$1 episode=$2 step=$3 max_delay=$4 store=$5 phase_fn=$6 phase_arg=$7
    shift 7
    local before after delay rc outcome phase check=ok temporaries started
    before=$(status_of "$store")
    delay=$(random_below "$max_delay")
    started=$(now_ms)
    "$LDN" "$@" >"$WORK_DIR/last.out" 2>"$WORK_DIR/last.err" &
    RUNNING_PID=$!
    sleep "$(seconds "$delay")" &
    local sleeper=$! first=""
    wait -n -p first "$RUNNING_PID" "$sleeper" 2>/dev/null
    rc=$?
    if [[ $first == "$RUNNING_PID" ]]; then  # it finished before the kill
        LAST_ELAPSED=$(($(now_ms) - started))
        kill "$sleeper" 2>/dev/null
        wait "$sleeper" 2>/dev/null
    else
        kill -KILL "$RUNNING_PID" 2>/dev/null
        wait "$RUNNING_PID" 2>/dev/null  # without bash's "Killed" line
        rc=$?
        LAST_ELAPSED=$(($(now_ms) - started))
    fi
    RUNNING_PID=""
    after=$(status_of "$store")
    LAST_KILLED=0
    if [[ $rc == 137 ]]; then
        LAST_KILLED=1
        outcome=killed
        phase=$($phase_fn "$before" "$after" "$phase_arg")
        KILLED[$command]=$((${KILLED[$command]:-0} + 1))
        local category=$phase
        if [[ $command == ingest && $phase == file:* ]]; then
            category=file
            local k=${phase#file:}
            k=${k%+}
            FILE_KILLS[$k]=$((${FILE_KILLS[$k]:-0} + 1))
        fi
        PHASES[$command:$category]=$((${PHASES[$command:$category]:-0} + 1))
        DELAY_SUM[$command]=$((${DELAY_SUM[$command]:-0} + delay))
    else
        outcome="exit-$rc"
        phase=finished
        FINISHED[$command]=$((${FINISHED[$command]:-0} + 1))
        [[ $rc == 0 ]] || fail "$command exited $rc before the kill: $(tail -2 "$WORK_DIR/last.err")"
    fi
    check_store "$store" || { check=FAIL; CHECK_FAILS[$command]=$((${CHECK_FAILS[$command]:-0} + 1)); }
    temporaries=$(field "$after" tmp)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$command" "$episode" "$step" "$delay" "$outcome" "$phase" "$check" \
        "${temporaries:-0}" >>"$ATTEMPTS"
    printf '  %-7s ep%-3s %-5s after %6s s: %-10s %-16s check %s\n' "$command" "$episode" "$step" \
        "$(seconds "$delay")" "$outcome" "$phase" "$check"
}

# finish COMMAND EPISODE STORE REFERENCE_DIGEST ARGS...: one uninterrupted run, then the index must be
# the reference's.
finish() {
    local command=$1 episode=$2 store=$3 reference=$4
    shift 4
    local rc
    "$LDN" "$@" >"$WORK_DIR/last.out" 2>"$WORK_DIR/last.err"
    rc=$?
    EPISODES[$command]=$((${EPISODES[$command]:-0} + 1))
    if [[ $rc != 0 && $rc != 65 ]]; then
        fail "episode $episode: the uninterrupted $command exited $rc: $(tail -2 "$WORK_DIR/last.err")"
        return
    fi
    check_store "$store" || return
    if ! "$DIGEST" digest "$store/index" >"$store.digest" 2>"$store.digest.err"; then
        fail "episode $episode: digest: $(cat "$store.digest.err")"
        return
    fi
    if cmp -s "$store.digest" "$reference"; then
        EPISODES_OK[$command]=$((${EPISODES_OK[$command]:-0} + 1))
        say "  $command ep$episode: uninterrupted run exit $rc, index equals the reference ($(wc -l <"$reference") records)"
    else
        fail "episode $episode: the index differs from the reference: $(diff "$reference" "$store.digest" | head -5 | tr '\n' ' ')"
    fi
}

timed() {  # timed VAR COMMAND...: runs it, sets VAR to the milliseconds it took; fails on a non-zero exit
    local var=$1 start rc
    shift
    start=$(now_ms)
    "$@" >"$WORK_DIR/last.out" 2>"$WORK_DIR/last.err"
    rc=$?
    printf -v "$var" '%s' $(($(now_ms) - start))
    if [[ $rc != 0 && $rc != 65 ]]; then
        echo "kill_loop: error: reference run failed (exit $rc): $* $(tail -3 "$WORK_DIR/last.err")" >&2
        exit 1
    fi
}

# ---------------------------------------------------------------------------------------------- refresh

refresh_args() {  # refresh_args STORE URL TODAY
    REFRESH_ARGS=(refresh --store "$1" --eutils-url "$2" --today "$3" --batch 100 --backoff 0.01 --quiet
        --notify-cmd "sleep 0.3; true")  # the alert file's path is appended: for true, not sleep
}

new_refresh_store() {
    mkdir -p "$1"
    "$LDN" watch add fm condition:fibromyalgia --store "$1" 2>/dev/null &&
        "$LDN" watch add retracted retracted:yes --store "$1" 2>/dev/null &&
        "$LDN" watch add rct design:rct --store "$1" 2>/dev/null || { echo "kill_loop: error: watch add failed" >&2; exit 1; }
}

run_refresh() {
    say "== ldn refresh: fixtures day 1 and day 2 plus $SYNTHETIC generated records, $KILLS kills"
    start_server day1 --corpus "$FIXTURES/day1.xml" --synthetic "$SYNTHETIC"
    local day1_url=$URL
    start_server day2 --corpus "$FIXTURES/day1.xml" "$FIXTURES/day2.xml" --synthetic "$SYNTHETIC"
    local day2_url=$URL
    local days=("" 2026-01-10 2026-01-20) urls=("" "$day1_url" "$day2_url")

    local reference=$WORK_DIR/refresh/reference t1 t2
    new_refresh_store "$reference"
    refresh_args "$reference" "$day1_url" 2026-01-10
    timed t1 "$LDN" "${REFRESH_ARGS[@]}"
    refresh_args "$reference" "$day2_url" 2026-01-20
    timed t2 "$LDN" "${REFRESH_ARGS[@]}"
    "$DIGEST" digest "$reference/index" >"$WORK_DIR/refresh.reference" || exit 1
    REFERENCE_SECONDS[refresh]="day 1 $(seconds "$t1") s, day 2 $(seconds "$t2") s"
    local phases
    phases=$(for report in "$reference"/runs/*.json; do
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=d.get("duration_seconds",{});
print("crawl %.2f s, index %.2f s, watches %.2f s" % (s.get("crawl",0), s.get("index",0), s.get("watches",0)))' \
            "$report" 2>/dev/null
    done | paste -sd ';' -)
    say "  reference: day 1 $(seconds "$t1") s, day 2 $(seconds "$t2") s ($phases); $(wc -l <"$WORK_DIR/refresh.reference") records"
    REFERENCE_SECONDS[refresh]+=" ($phases)"
    local limits=("" $((t1 * 12 / 10)) $((t2 * 12 / 10)))

    local episode=0
    while ((${KILLED[refresh]:-0} < KILLS)); do
        episode=$((episode + 1))
        local store=$WORK_DIR/refresh/ep$episode
        new_refresh_store "$store"
        for day in 1 2; do
            if ((day == 2)); then
                # Day 1 left unfinished: day 2 meets a stopped run planned for another day.
                [[ $(field "$(status_of "$store")" last_refresh_run) == none ||
                    $(field "$(status_of "$store")" newest_report) != refresh ]] && CROSS_DAY=$((CROSS_DAY + 1))
            fi
            local tries=$((1 + $(random_below 3))) bound=${limits[$day]}
            for ((try = 1; try <= tries && ${KILLED[refresh]:-0} < KILLS; ++try)); do
                refresh_args "$store" "${urls[$day]}" "${days[$day]}"
                attempt refresh "$episode" "day$day" "$bound" "$store" refresh_phase - "${REFRESH_ARGS[@]}"
                # A run that finished leaves less to do: the next delay is drawn over its duration.
                ((LAST_KILLED)) || bound=$((LAST_ELAPSED * 12 / 10 + 1))
            done
        done
        refresh_args "$store" "$day2_url" 2026-01-20
        finish refresh "$episode" "$store" "$WORK_DIR/refresh.reference" "${REFRESH_ARGS[@]}"
    done
}

# ----------------------------------------------------------------------------------------------- ingest

run_ingest() {
    local files=("$FIXTURES/day1.xml")
    if [[ -d $SAMPLES ]]; then
        files+=("$SAMPLES/medline16n0902.xml.gz")
    else
        say "  (skipped: $SAMPLES is absent, so the real baseline and update samples are not ingested)"
    fi
    if ((GEN_RECORDS > 0)); then
        if [[ -n $GENERATOR ]]; then
            "$GENERATOR" --records "$GEN_RECORDS" --seed "$SEED" --gzip -o "$WORK_DIR/generated.xml.gz" 2>/dev/null ||
                { echo "kill_loop: error: $GENERATOR failed" >&2; exit 1; }
            files+=("$WORK_DIR/generated.xml.gz")
        else
            say "  (skipped: no generator: build the ldn-gen-pubmed target or pass --generator; no generated file)"
        fi
    fi
    if [[ -d $SAMPLES/updates ]]; then
        files+=("$SAMPLES"/updates/baseline-*.xml.gz "$SAMPLES"/updates/update-*.xml.gz)
    fi
    files+=("$FIXTURES/day2.xml")
    INGEST_FILES=("${files[@]}")
    say "== ldn ingest: ${#files[@]} files, $KILLS kills"

    local reference=$WORK_DIR/ingest/reference t
    mkdir -p "$WORK_DIR/ingest"
    timed t "$LDN" ingest --quiet --store "$reference" "${files[@]}"
    "$DIGEST" digest "$reference/index" >"$WORK_DIR/ingest.reference" || exit 1
    REFERENCE_SECONDS[ingest]="$(seconds "$t") s"
    say "  reference: $(seconds "$t") s; $(wc -l <"$WORK_DIR/ingest.reference") records"
    local limit=$((t * 11 / 10))

    local episode=0
    while ((${KILLED[ingest]:-0} < KILLS)); do
        episode=$((episode + 1))
        local store=$WORK_DIR/ingest/ep$episode
        # Killed until a run gets through (at most 4 tries): after that every run would skip every file.
        for ((try = 1; try <= 4 && ${KILLED[ingest]:-0} < KILLS; ++try)); do
            attempt ingest "$episode" "try$try" "$limit" "$store" ingest_phase "${#files[@]}" \
                ingest --quiet --store "$store" "${files[@]}"
            ((LAST_KILLED)) || break
        done
        finish ingest "$episode" "$store" "$WORK_DIR/ingest.reference" ingest --quiet --store "$store" "${files[@]}"
    done
}

# ---------------------------------------------------------------------------------------------- summary

STARTED=$(now_ms)
say "kill_loop: seed $SEED, work folder $WORK_DIR"
[[ -z $XAPIAN_CHECK ]] && say "  (xapian-check is not installed: the index is checked by opening and reading it)"
[[ -z $ONLY || $ONLY == refresh ]] && run_refresh
[[ -z $ONLY || $ONLY == ingest ]] && run_ingest

summary() {
    local command phase
    printf '\n%-8s %6s %9s %9s %10s %12s %s\n' command kills finished episodes "= ref" "check fails" "mean delay"
    for command in refresh ingest; do
        [[ -n ${EPISODES[$command]:-} ]] || continue
        local killed=${KILLED[$command]:-0}
        printf '%-8s %6s %9s %9s %10s %12s %s\n' "$command" "$killed" "${FINISHED[$command]:-0}" \
            "${EPISODES[$command]}" "${EPISODES_OK[$command]:-0}" "${CHECK_FAILS[$command]:-0}" \
            "$(seconds $((${DELAY_SUM[$command]:-0} / (killed > 0 ? killed : 1)))) s"
    done
    printf '\n%-8s %-14s %6s\n' command "kills landed" count
    for command in refresh ingest; do
        [[ -n ${EPISODES[$command]:-} ]] || continue
        for phase in start crawl:search crawl:fetch index watches file report exit; do
            [[ -n ${PHASES[$command:$phase]:-} ]] && printf '%-8s %-14s %6s\n' "$command" "$phase" "${PHASES[$command:$phase]}"
        done
    done
    if [[ -n ${EPISODES[ingest]:-} ]]; then
        printf '\ningest kills by the file being read:\n'
        local k
        for ((k = 1; k <= ${#INGEST_FILES[@]}; ++k)); do
            [[ -n ${FILE_KILLS[$k]:-} ]] && printf '  %2d %-45s %4s\n' "$k" "$(basename "${INGEST_FILES[$((k - 1))]}")" "${FILE_KILLS[$k]}"
        done
    fi
    [[ -n ${EPISODES[refresh]:-} ]] &&
        printf '\nrefresh episodes whose day 1 was left unfinished when day 2 began: %s\n' "$CROSS_DAY"
    printf '\nreference runs: '
    for command in refresh ingest; do
        [[ -n ${REFERENCE_SECONDS[$command]:-} ]] && printf '%s %s; ' "$command" "${REFERENCE_SECONDS[$command]}"
    done
    printf '\nwall time %s s; attempts in %s\n' "$(seconds $(($(now_ms) - STARTED)))" "$ATTEMPTS"
    if ((FAILURES == 0)); then echo "kill_loop: ok"; else echo "kill_loop: $FAILURES failures"; fi
}
summary | tee "$WORK_DIR/summary.txt"

if ((FAILURES > 0)); then
    say "kill_loop: the work folder is kept: $WORK_DIR"
    exit 1
fi
if ((KEEP == 0)); then
    cleanup
    SERVER_PIDS=()
    rm -rf "$WORK_DIR"
fi
exit 0

#!/usr/bin/env bash
# Load test of `ldn serve` (issue 9): a topic-sized index refreshed from the fake E-utilities server,
# `ldn serve` on loopback, then wrk with the page's mix of requests (bench/serve_queries.lua) at 8 and
# 64 connections, and again at 64 while a refresh writes thousands of new records into the same
# index. Prints wrk's figures (requests/s, latency percentiles, errors). Builds nothing: point it at a
# build tree with ldn and fake-eutils (a Release one for figures worth recording).
set -euo pipefail

program=run_serve.sh
usage() {
    cat <<USAGE
usage: bench/run_serve.sh [BUILD_DIR] [options]

  BUILD_DIR        build tree holding ldn and fake-eutils (default ./build)
  --records N      records in the served index (default 5000)
  --seconds S      length of each wrk run (default 20)
  --threads N      ldn serve --threads (default 8)
USAGE
}

fail() {
    echo "$program: error: $*" >&2
    exit 2
}

build_dir=./build
records=5000
seconds=20
threads=8
while (($#)); do
    case $1 in
        --records) records=${2:?--records needs a value}; shift 2 ;;
        --seconds) seconds=${2:?--seconds needs a value}; shift 2 ;;
        --threads) threads=${2:?--threads needs a value}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail "unknown option $1" ;;
        *) build_dir=$1; shift ;;
    esac
done
[[ $records =~ ^[1-9][0-9]*$ ]] || fail "--records takes a positive whole number, not '$records'"
for tool in ldn fake-eutils; do
    [[ -x $build_dir/$tool ]] || fail "$build_dir has no $tool: build the project first"
done
command -v wrk >/dev/null || fail "wrk is not installed (scripts/setup --bench installs it)"
script=$(cd "$(dirname "$0")" && pwd)/serve_queries.lua

work=$(mktemp -d "${TMPDIR:-/tmp}/ldn-serve-bench.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Starts a program that prints "…listening on URL…" on stdout or stderr, in the background.
start() {
    local log=$1
    shift
    "$@" >"$log" 2>&1 &
    pids+=($!)
}

# The URL a program started by start() printed to its log.
url_in() {
    local log=$1 url
    for _ in $(seq 100); do
        url=$(grep -o 'listening on http://[^ ]*' "$log" | head -1 | cut -d' ' -f3 || true)
        [[ -n $url ]] && { echo "${url%/}"; return; }
        sleep 0.1
    done
    fail "a program did not start: $(cat "$log")"
}

export NCBI_EMAIL=bench@example.org
store=$work/store
start "$work/fake-small.log" "$build_dir/fake-eutils" --synthetic "$records" --rate 0 --port 0
small=$(url_in "$work/fake-small.log")
"$build_dir/ldn" refresh --quiet --store "$store" --eutils-url "$small/"
start "$work/serve.log" "$build_dir/ldn" serve --store "$store" --port 0 --threads "$threads"
server=$(url_in "$work/serve.log")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "index: $(curl -s "$server/healthz")"

run_wrk() {
    echo "== $1"
    wrk --threads 2 --connections "$2" --duration "${seconds}s" --latency --script "$script" "$server" |
        grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors'
}
run_wrk "8 connections" 8
run_wrk "64 connections" 64

# A refresh against a larger corpus: thousands of new records fetched (3 requests/s, NCBI's rate) and
# committed batch by batch while the server answers.
start "$work/fake-large.log" "$build_dir/fake-eutils" --synthetic $((records * 4)) --rate 0 --port 0
large=$(url_in "$work/fake-large.log")
"$build_dir/ldn" refresh --quiet --store "$store" --eutils-url "$large/" 2>"$work/refresh.log" &
refresh=$!
run_wrk "64 connections while a refresh writes" 64
if kill -0 "$refresh" 2>/dev/null; then still="still running at the end of the wrk run"; else still="finished during the wrk run"; fi
wait "$refresh" || fail "the refresh failed"
echo "refresh: $still; index now: $(curl -s "$server/healthz")"
kill -0 "${pids[1]}" 2>/dev/null || fail "ldn serve is gone: $(cat "$work/serve.log")"

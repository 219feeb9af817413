#!/usr/bin/env bash
# Query benchmark (issue 5): a generated index of a million records, compacted as `ldn compact` does,
# then ldn-bench-query's fixed mix of queries, printing p50/p99 latency for the top 20 results and for
# full facet counts. Builds nothing: point it at a build tree that has ldn and the bench targets
# (docs/BENCHMARKS.md).
set -euo pipefail

program=run_query.sh
usage() {
    cat <<EOF
usage: bench/run_query.sh [BUILD_DIR] [options]

  BUILD_DIR        build tree holding ldn and bench/ldn-gen-pubmed, ldn-bench-index, ldn-bench-query
                   (default ./build)
  --records N      records in the generated index (default 1000000)
  --corpus C       dense (default: every record in the topic's words, a stress test) or broad (nine
                   records in ten about other fields, as an index of much of PubMed)
  --no-compact     measure the index as written, without 'ldn compact'
  --seed S         generator seed (default 11)
  --rounds N       rounds of the query mix after the warm-up round (default 20)
  --work-dir DIR   where the generated file and the index go (default: a fresh folder under
                   \${TMPDIR:-/tmp}, removed at the end); an index already there is reused
EOF
}

fail() {
    echo "$program: error: $*" >&2
    exit 2
}

build_dir=./build
records=1000000
seed=11
rounds=20
corpus=dense
compact=yes
work_dir=
while (($#)); do
    case $1 in
        --records) records=${2:?--records needs a value}; shift 2 ;;
        --seed) seed=${2:?--seed needs a value}; shift 2 ;;
        --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
        --corpus) corpus=${2:?--corpus needs a value}; shift 2 ;;
        --no-compact) compact=no; shift ;;
        --work-dir) work_dir=${2:?--work-dir needs a value}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail "unknown option $1" ;;
        *) build_dir=$1; shift ;;
    esac
done
[[ $records =~ ^[1-9][0-9]*$ ]] || fail "--records takes a positive whole number, not '$records'"
[[ $rounds =~ ^[1-9][0-9]*$ ]] || fail "--rounds takes a positive whole number, not '$rounds'"
[[ $corpus == dense || $corpus == broad ]] || fail "--corpus takes dense or broad, not '$corpus'"

for tool in ldn-gen-pubmed ldn-bench-index ldn-bench-query; do
    [[ -x $build_dir/bench/$tool ]] || fail "$build_dir/bench has no $tool: build the bench targets first"
done
[[ -x $build_dir/ldn ]] || fail "$build_dir has no ldn: build it first"
if [[ -z $work_dir ]]; then
    work_dir=$(mktemp -d "${TMPDIR:-/tmp}/ldn-query-bench.XXXXXX")
    trap 'rm -rf "$work_dir"' EXIT
else
    mkdir -p "$work_dir"
fi

# A store folder, so that `ldn compact --store` can compact its index.
store=$work_dir/store-$corpus-$records-$seed
if [[ ! -d $store/index ]]; then
    echo "$program: generating $records records ($corpus, seed $seed) and indexing them; this takes a while" >&2
    "$build_dir/bench/ldn-gen-pubmed" --records "$records" --seed "$seed" --corpus "$corpus" --gzip \
        -o "$work_dir/pubmed.xml.gz"
    mkdir -p "$store"
    "$build_dir/bench/ldn-bench-index" --mode ldn --db "$store/index.partial" "$work_dir/pubmed.xml.gz" >&2
    mv "$store/index.partial" "$store/index"
    rm -f "$work_dir/pubmed.xml.gz"
fi
if [[ $compact == yes ]]; then
    "$build_dir/ldn" compact --store "$store" >&2
fi
index=$store/index
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$build_dir/bench/ldn-bench-query" --db "$index" --rounds "$rounds"

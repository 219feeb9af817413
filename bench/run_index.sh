#!/usr/bin/env bash
# Indexing benchmark: the same PubMed records indexed three ways in one run — ldn's full ingest path,
# Xapian's scriptindex, and a bare TermGenerator loop (the floor of issue 10) — on the real 2016 sample
# and on a generated file; prints one table with documents/s, peak RSS and the ratios against the
# goals. Builds nothing: point it at a build tree that has the bench targets (docs/BENCHMARKS.md).
set -euo pipefail

program=run_index.sh
usage() {
    cat <<EOF
usage: bench/run_index.sh [BUILD_DIR] [options]

  BUILD_DIR        build tree holding bench/ldn-gen-pubmed and bench/ldn-bench-index (default ./build)
  --sample FILE    the real PubMed file (default /work/shared/pubmed-samples/medline16n0902.xml.gz)
  --repeat N       times each indexer indexes the sample, each time into a fresh database (default 20)
  --records N      records in the generated file (default 200000; 0 skips it)
  --seed S         generator seed (default 7)
  --work-dir DIR   where files and databases go (default: a fresh folder under \${TMPDIR:-/tmp},
                   removed at the end)
  --keep           keep the generated files (databases are always removed after their run)
Needs scriptindex (Debian xapian-omega) and /usr/bin/time (Debian time).
EOF
}

fail() {
    echo "$program: error: $*" >&2
    exit 2
}

build_dir=./build
sample=/work/shared/pubmed-samples/medline16n0902.xml.gz
repeat=20
records=200000
seed=7
work_dir=
keep=0
while (($#)); do
    case $1 in
        --sample) sample=${2:?--sample needs a value}; shift 2 ;;
        --repeat) repeat=${2:?--repeat needs a value}; shift 2 ;;
        --records) records=${2:?--records needs a value}; shift 2 ;;
        --seed) seed=${2:?--seed needs a value}; shift 2 ;;
        --work-dir) work_dir=${2:?--work-dir needs a value}; shift 2 ;;
        --keep) keep=1; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail "unknown option $1" ;;
        *) build_dir=$1; shift ;;
    esac
done
[[ $repeat =~ ^[1-9][0-9]*$ ]] || fail "--repeat takes a positive whole number, not '$repeat'"
[[ $records =~ ^[0-9]+$ ]] || fail "--records takes a whole number, not '$records'"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
generator=$build_dir/bench/ldn-gen-pubmed
bench=$build_dir/bench/ldn-bench-index
script=$here/scriptindex/pubmed.script
[[ -x $generator && -x $bench ]] ||
    fail "$build_dir/bench has no ldn-gen-pubmed / ldn-bench-index: build the targets first (docs/BENCHMARKS.md)"
command -v scriptindex >/dev/null || fail "scriptindex not found: install xapian-omega"
[[ -x /usr/bin/time ]] || fail "/usr/bin/time not found: install time"
[[ -r $sample ]] || fail "cannot read the sample $sample"

if [[ -z $work_dir ]]; then
    work_dir=$(mktemp -d "${TMPDIR:-/tmp}/ldn-index-bench.XXXXXX")
    ((keep)) || trap 'rm -rf "$work_dir"' EXIT
else
    mkdir -p "$work_dir"
fi

# The value of KEY in a line of key=value figures.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Runs one indexer on INPUT into a fresh database, from outside the process so that all three are
# timed alike: wall clock from exec to exit (database creation and the final commit included), peak
# RSS and CPU seconds (user + system) from the kernel via /usr/bin/time. The input is read first so it
# comes from the page cache. Prints "seconds=… cpu_seconds=… peak_rss_kb=… documents=…".
measure() {  # INDEXER INPUT
    local indexer=$1 input=$2 db=$work_dir/db rss=$work_dir/rss start end documents
    rm -rf "$db"
    cat "$input" >/dev/null
    start=$(now)
    case $indexer in
        ldn) /usr/bin/time -f "%M %U %S" -o "$rss" "$bench" --mode ldn --vocab "$repo/data/vocab" --db "$db" "$input" >/dev/null ;;
        bare) /usr/bin/time -f "%M %U %S" -o "$rss" "$bench" --mode bare --db "$db" "$input" >/dev/null ;;
        bare+data) /usr/bin/time -f "%M %U %S" -o "$rss" "$bench" --mode bare --with-data --db "$db" "$input" >/dev/null ;;
        scriptindex) /usr/bin/time -f "%M %U %S" -o "$rss" scriptindex --overwrite "$db" "$script" "$input" >/dev/null ;;
    esac || fail "$indexer on $input failed"
    end=$(now)
    documents=$(xapian-delve "$db" | sed -n 's/^number of documents = //p')
    rm -rf "$db"
    echo "seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')" \
        "cpu_seconds=$(tail -1 "$rss" | awk '{ printf "%.2f", $2 + $3 }') peak_rss_kb=$(tail -1 "$rss" | cut -d' ' -f1)" \
        "documents=$documents"
}

# bare+data runs on the sample only: on the generated file it would add the longest run of all to say
# what the sample already says (what storing the JSON costs).
sample_indexers=(ldn scriptindex bare bare+data)
generated_indexers=(ldn scriptindex bare)
declare -A total_seconds total_cpu peak_kb documents_seen

# Every indexer RUNS times on the dataset, taking turns, so that a burst of background load is shared.
measure_dataset() {  # NAME XML SCRIPTINDEX_INPUT RUNS INDEXER...
    local name=$1 xml=$2 converted=$3 runs=$4 indexer input figures
    shift 4
    local indexers=("$@")
    for indexer in "${indexers[@]}"; do
        total_seconds[$name,$indexer]=0
        total_cpu[$name,$indexer]=0
        peak_kb[$name,$indexer]=0
    done
    for ((run = 1; run <= runs; run++)); do
        for indexer in "${indexers[@]}"; do
            input=$xml
            [[ $indexer == scriptindex ]] && input=$converted
            figures=$(measure "$indexer" "$input")
            echo "$program: $name run $run/$runs $indexer: $figures (load $(load))" >&2
            total_seconds[$name,$indexer]=$(awk -v a="${total_seconds[$name,$indexer]}" -v b="$(field "$figures" seconds)" 'BEGIN { print a + b }')
            total_cpu[$name,$indexer]=$(awk -v a="${total_cpu[$name,$indexer]}" -v b="$(field "$figures" cpu_seconds)" 'BEGIN { print a + b }')
            peak_kb[$name,$indexer]=$(awk -v a="${peak_kb[$name,$indexer]}" -v b="$(field "$figures" peak_rss_kb)" 'BEGIN { print (b > a ? b : a) }')
            documents_seen[$name,$indexer]=$(field "$figures" documents)
        done
    done
}

prepare() {  # NAME XML -> NAME.si, and prints the records converted
    local converted=$work_dir/$1.si figures
    figures=$("$bench" --mode convert "$2" -o "$converted") || fail "converting $2 failed"
    field "$figures" records
}

load_at_start=$(load)
sample_xml=$work_dir/sample.xml
gzip -dc -- "$sample" >"$sample_xml" 2>/dev/null || cp -- "$sample" "$sample_xml"
sample_records=$(prepare sample "$sample_xml")
echo "$program: sample: $sample_records records; $repeat runs of each indexer" >&2
measure_dataset sample "$sample_xml" "$work_dir/sample.si" "$repeat" "${sample_indexers[@]}"

if ((records > 0)); then
    big_xml=$work_dir/generated-${records}-seed${seed}.xml
    echo "$program: generating $records records (seed $seed)" >&2
    "$generator" --records "$records" --seed "$seed" -o "$big_xml" 2>/dev/null
    big_records=$(prepare generated "$big_xml")
    echo "$program: generated: $big_records records, $(($(stat -c %s "$big_xml") / 1000000)) MB; 1 run of each indexer" >&2
    measure_dataset generated "$big_xml" "$work_dir/generated.si" 1 "${generated_indexers[@]}"
    ((keep)) || rm -f "$big_xml" "$work_dir/generated.si"
fi
load_at_end=$(load)

rate() { awk -v n="$1" -v runs="$2" -v s="$3" 'BEGIN { printf "%.0f", n * runs / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v goal="$2" 'BEGIN { print (r >= goal ? "met" : "MISSED") }'; }
declare -A notes=(
    [ldn]="ingest_files + IndexWriter: read, parse, annotate, index, Article+annotations JSON, commits"
    [scriptindex]="Xapian's scriptindex, same fields, Article JSON as data; converted input"
    [bare]="floor: ldn reader + TermGenerator + replace_document, no annotation, no data"
    [bare+data]="the floor plus the Article JSON as document data"
)

table() {  # NAME LABEL RECORDS RUNS INDEXER...
    local name=$1 label=$2 count=$3 runs=$4 indexer
    shift 4
    for indexer in "$@"; do
        printf '%-12s %-22s %12s %9.1f %9s %11s %12.1f  %s\n' "$indexer" "$label" "$count x $runs" \
            "${total_seconds[$name,$indexer]}" "$(rate "$count" "$runs" "${total_seconds[$name,$indexer]}")" \
            "$(rate "$count" "$runs" "${total_cpu[$name,$indexer]}")" \
            "$(awk -v kb="${peak_kb[$name,$indexer]}" 'BEGIN { print kb / 1024 }')" "${notes[$indexer]}"
        [[ ${documents_seen[$name,$indexer]} == "${documents_seen[$name,ldn]}" ]] ||
            echo "$program: warning: $indexer's database held ${documents_seen[$name,$indexer]} documents, ldn's ${documents_seen[$name,ldn]}" >&2
    done
}

# Ratios of rates (the inverse ratio of times for the same records); CPU-time ratios in brackets,
# which background load disturbs less than wall clock does.
goals() {  # NAME LABEL
    local name=$1 label=$2 vs_scriptindex vs_bare line
    vs_scriptindex=$(ratio "${total_seconds[$name,scriptindex]}" "${total_seconds[$name,ldn]}")
    vs_bare=$(ratio "${total_seconds[$name,bare]}" "${total_seconds[$name,ldn]}")
    line="$label: ldn/scriptindex ${vs_scriptindex}x [cpu $(ratio "${total_cpu[$name,scriptindex]}" "${total_cpu[$name,ldn]}")x]"
    line+=" (goal >= 0.9x: $(verdict "$vs_scriptindex" 0.9)); ldn/bare ${vs_bare}x"
    line+=" [cpu $(ratio "${total_cpu[$name,bare]}" "${total_cpu[$name,ldn]}")x] (goal >= 0.9x: $(verdict "$vs_bare" 0.9))"
    if [[ -n ${total_seconds[$name,bare+data]:-} ]]; then
        line+="; ldn/bare+data $(ratio "${total_seconds[$name,bare+data]}" "${total_seconds[$name,ldn]}")x"
        line+=" [cpu $(ratio "${total_cpu[$name,bare+data]}" "${total_cpu[$name,ldn]}")x]"
    fi
    echo "$line"
}

echo
echo "Indexing benchmark: PubMed records into fresh Xapian databases (positions, English stems)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo);" \
    "load average at start $load_at_start, at end $load_at_end"
echo "inputs read from the page cache (each read once just before its run); databases on" \
    "$(df -T "$work_dir" | awk 'NR == 2 { print $2 }') in $work_dir; commit every 10,000 records and at the end"
echo "docs/s = documents / wall-clock seconds of whole processes, summed over runs; cpu docs/s the same over"
echo "user + system CPU seconds; peak RSS: the largest run"
echo
printf '%-12s %-22s %12s %9s %9s %11s %12s  %s\n' indexer data records seconds "docs/s" "cpu docs/s" "peak RSS MiB" note
table sample "$(basename "$sample")" "$sample_records" "$repeat" "${sample_indexers[@]}"
((records > 0)) && table generated "generated, seed $seed" "$big_records" 1 "${generated_indexers[@]}"
echo
goals sample "sample   "
((records > 0)) && goals generated "generated"
exit 0

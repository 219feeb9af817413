#!/usr/bin/env bash
# The whole benchmark suite (issue 10) in one run and one table: the reader (ldn, a bare pugixml DOM
# and Biopython, through run_reader.sh), the indexers (ldn, scriptindex and the bare TermGenerator
# loop, through run_index.sh), the real `ldn ingest --shards N` with 1 and 2 shards, query latency
# (ldn-bench-query) over the generated records on 1 shard, on 2 local shards and on the same 2 shards
# served by xapian-tcpsrv, and `ldn summarize` over the same records. Builds the bench programs when
# the build tree has none. Progress goes to stderr, the table and the ratios against the goals to
# stdout. docs/BENCHMARKS.md says what each part measures.
set -euo pipefail

program=run.sh
parts=(reader index shards query summarize)
usage() {
    cat <<EOF
usage: bench/run.sh [BUILD_DIR] [options]

  BUILD_DIR          build tree for bench/ldn-gen-pubmed, ldn-bench-reader, ldn-bench-index,
                     ldn-bench-query and ldn (default ./build); when they are missing it is configured
                     (Release, tests off) and built; an existing tree is only built, never reconfigured
  --ldn PATH         the ldn binary for ingest and summarize (default BUILD_DIR/ldn); it needs
                     'ingest --shards' for the 2-shard and remote figures
  --records N        generated records indexed by every indexer, ingested with 1 and with 2 shards,
                     queried and summarized (default 120000: about an hour on 2 quiet cores, where
                     the indexers do about 220 records/s and index them 4 to 5 times in all)
  --seed S           generator seed for every generated file (default 7)
  --reader-mb N      size of the reader's file, MB (run_reader.sh --size-mb; default 100)
  --bio-mb N         largest file Biopython reads (run_reader.sh --bio-mb; default 200)
  --reader-runs N    runs of ldn and pugixml-dom, the fastest reported (run_reader.sh --runs; default 3)
  --index-repeat N   runs of each indexer on the real sample (run_index.sh --repeat; default 5)
  --sample FILE      the real PubMed file of run_index.sh (its default when not given)
  --query-rounds N   rounds of ldn-bench-query's mix after its warm-up round (default 20)
  --remote-summarize also time ldn summarize over the 2 shards served by xapian-tcpsrv (slow: every
                     matching record crosses the network; tens of ms a record on loopback)
  --skip LIST        parts left out, comma-separated: ${parts[*]}
                     (query and summarize read the stores the shards part writes; with shards
                     skipped they reuse stores kept in --work-dir by an earlier --keep run)
  --rebuild          build the targets even when the programs are there (brings them up to date)
  --work-dir DIR     where files, stores and logs go (default: a fresh folder under \${TMPDIR:-/tmp});
                     without --keep, what this run wrote there is removed at the end
  --keep             keep the generated files, the stores and the logs
Needs /usr/bin/time (Debian time), xapian-delve and xapian-tcpsrv (xapian-tools); the reader part
Biopython (python3-biopython), the index part scriptindex (xapian-omega): scripts/setup --bench.
EOF
}

fail() {
    echo "$program: error: $*" >&2
    exit 2
}
say() { echo "$program: $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
when() { if (($1)); then echo "$2"; fi; }  # CONDITION TEXT: TEXT when the arithmetic CONDITION holds

command_line=$(printf '%q ' "$0" "$@")
build_dir=./build
ldn=
records=120000
seed=7
reader_mb=100
bio_mb=200
reader_runs=3
index_repeat=5
sample=
query_rounds=20
remote_summarize=0
skip_list=
rebuild=0
work_dir=
keep=0
while (($#)); do
    case $1 in
        --ldn) ldn=${2:?--ldn needs a value}; shift 2 ;;
        --records) records=${2:?--records needs a value}; shift 2 ;;
        --seed) seed=${2:?--seed needs a value}; shift 2 ;;
        --reader-mb) reader_mb=${2:?--reader-mb needs a value}; shift 2 ;;
        --bio-mb) bio_mb=${2:?--bio-mb needs a value}; shift 2 ;;
        --reader-runs) reader_runs=${2:?--reader-runs needs a value}; shift 2 ;;
        --index-repeat) index_repeat=${2:?--index-repeat needs a value}; shift 2 ;;
        --sample) sample=${2:?--sample needs a value}; shift 2 ;;
        --query-rounds) query_rounds=${2:?--query-rounds needs a value}; shift 2 ;;
        --skip) skip_list=${2:?--skip needs a value}; shift 2 ;;
        --remote-summarize) remote_summarize=1; shift ;;
        --rebuild) rebuild=1; shift ;;
        --work-dir) work_dir=${2:?--work-dir needs a value}; shift 2 ;;
        --keep) keep=1; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail "unknown option $1" ;;
        *) build_dir=$1; shift ;;
    esac
done
for number in "$records" "$reader_mb" "$bio_mb" "$reader_runs" "$index_repeat" "$query_rounds"; do
    [[ $number =~ ^[1-9][0-9]*$ ]] || fail "--records, sizes, runs and rounds take a positive whole number, not '$number'"
done
[[ $seed =~ ^[0-9]+$ ]] || fail "--seed takes a whole number, not '$seed'"
declare -A run_part=()
for part in "${parts[@]}"; do run_part[$part]=1; done
if [[ -n $skip_list ]]; then
    IFS=, read -r -a skipped <<<"$skip_list"
    for part in "${skipped[@]}"; do
        [[ -n ${run_part[$part]:-} ]] || fail "--skip takes parts among: ${parts[*]}; not '$part'"
        run_part[$part]=0
    done
fi
runs() { ((run_part[$1])); }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
[[ -n $ldn ]] || ldn=$build_dir/ldn

# --- what the run needs -------------------------------------------------------------------------------
[[ -x /usr/bin/time ]] || fail "/usr/bin/time not found: install time (Debian package 'time')"
for tool in xapian-delve xapian-tcpsrv; do
    command -v "$tool" >/dev/null || fail "$tool not found: install xapian-tools (scripts/setup)"
done
if runs reader; then
    "${PYTHON:-/usr/bin/python3}" -c 'import Bio.Entrez' 2>/dev/null ||
        fail "${PYTHON:-/usr/bin/python3} cannot import Bio.Entrez: scripts/setup --bench (python3-biopython), or --skip reader"
fi
if runs index; then
    command -v scriptindex >/dev/null || fail "scriptindex not found: scripts/setup --bench (xapian-omega), or --skip index"
fi

# --- the build -----------------------------------------------------------------------------------------
bench_programs=(ldn-gen-pubmed ldn-bench-reader ldn-bench-index ldn-bench-query)
targets=(ldn "${bench_programs[@]}")
missing_programs() {
    local tool
    for tool in "${bench_programs[@]}"; do [[ -x $build_dir/bench/$tool ]] || echo "bench/$tool"; done
    [[ -x $build_dir/ldn ]] || echo ldn
}
missing=$(missing_programs)
if [[ -n $missing ]] || ((rebuild)); then
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        say "configuring $build_dir (Release, tests off, benchmarks on)"
        cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DLDN_BUILD_TESTS=OFF -DLDN_BUILD_BENCH=ON >&2 ||
            fail "configuring $build_dir failed"
    elif grep -q '^LDN_BUILD_BENCH:BOOL=OFF' "$build_dir/CMakeCache.txt"; then
        fail "$build_dir was configured with LDN_BUILD_BENCH=OFF; give a new folder (it is configured for you)"
    fi
    say "building ${targets[*]} in $build_dir"
    cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}" >&2 || fail "building in $build_dir failed"
    missing=$(missing_programs)
    [[ -z $missing ]] || fail "$build_dir still has no $(echo "$missing" | xargs) after the build"
fi
[[ -x $ldn ]] || fail "no ldn at $ldn"
build_type() {  # DIR: the CMAKE_BUILD_TYPE of the build tree holding DIR's programs
    sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$1/CMakeCache.txt" 2>/dev/null | grep . || echo unknown
}
bench_type=$(build_type "$build_dir")
ldn_type=$(build_type "$(dirname "$ldn")")
[[ $bench_type == Release ]] || say "warning: $build_dir is a '$bench_type' build; measure a Release build"
[[ $ldn_type == Release ]] || say "warning: $ldn comes from a '$ldn_type' build; measure a Release build"
generator=$build_dir/bench/ldn-gen-pubmed
query_bench=$build_dir/bench/ldn-bench-query
shards_supported=0
"$ldn" ingest --help 2>/dev/null | grep -q -- '--shards' && shards_supported=1

# --- the work folder, and what is removed at the end ----------------------------------------------------
own_work_dir=0
if [[ -z $work_dir ]]; then
    work_dir=$(mktemp -d "${TMPDIR:-/tmp}/ldn-bench-suite.XXXXXX")
    own_work_dir=1
else
    mkdir -p "$work_dir"
fi
work_dir=$(cd "$work_dir" && pwd)
logs=$work_dir/logs
mkdir -p "$logs"
created=("$logs")  # removed at the end without --keep when the folder was given
child=             # the measuring process group running now
servers=()         # xapian-tcpsrv process groups
failures=0

stop_servers() {
    local pid
    for pid in "${servers[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
    servers=()
}
# shellcheck disable=SC2317  # run by the trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM HUP
    if [[ -n $child ]]; then
        kill -TERM -- "-$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    stop_servers
    if ((!keep)); then
        if ((own_work_dir)); then
            rm -rf "$work_dir"
        else
            rm -rf "${created[@]}"
        fi
    elif ((status != 0)); then
        say "the files are kept in $work_dir"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs COMMAND in a process group of its own with stdout to OUT: a signal to this script stops it and
# everything it started (the trap cannot run while a foreground command runs, but runs during wait).
run_child() {  # OUT COMMAND...
    local out=$1 status=0
    shift
    setsid "$@" >"$out" </dev/null &
    child=$!
    wait "$child" || status=$?
    child=
    return "$status"
}

# A measurement that failed: its log's end on stderr, the run goes on, and the exit status is 1.
failed() {  # WHAT LOG
    say "warning: $1 failed; the end of $2:"
    tail -n 20 "$2" >&2 || true
    failures=$((failures + 1))
}

# --- the header ------------------------------------------------------------------------------------------
load_at_start=$(load)
os=$(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release 2>/dev/null || true)
xapian=$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo unknown)
echo "LDN Evidence benchmark suite: $records generated records (seed $seed) for indexing, queries and summarize"
echo "command: ${command_line% }"
echo "machine: $(hostname), $(uname -sr), $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo), ${os:-unknown OS}; load average at start $load_at_start"
echo "builds: bench programs $build_dir ($bench_type), ldn $ldn ($ldn_type$(when '!shards_supported' ', no ingest --shards')); Xapian $xapian"
echo "work folder: $work_dir ($(df -T "$work_dir" | awk 'NR == 2 { print $2 }'))"
available_kb=$(df -Pk "$work_dir" | awk 'NR == 2 { print $4 }')
# About 11 KB of XML, 7 KB of scriptindex input and 15 KB of index per record, two stores at once.
if ((available_kb < records * 50)); then
    say "warning: $((available_kb / 1024)) MiB free in $work_dir; $records records may need about $((records * 50 / 1024)) MiB"
fi

# The value of KEY in a line of key=value figures.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p" | head -1; }
calc() { awk "BEGIN { $1 }"; }
ratio() { calc "b = ($2); if (b == 0) print 0; else printf \"%.2f\", ($1) / b"; }
at_least() { calc "print ($1 >= $2 ? \"met\" : \"MISSED\")"; }
at_most() { calc "print ($1 <= $2 ? \"met\" : \"MISSED\")"; }
# The figures of a /usr/bin/time -f '%e %M %U %S' file: seconds=… peak_rss_kb=… cpu_seconds=…
time_figures() { tail -1 "$1" | awk '{ printf "seconds=%s peak_rss_kb=%s cpu_seconds=%.2f\n", $1, $2, $3 + $4 }'; }
documents_in() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }

# The table, filled part by part and printed at the end. Empty cells print as '-'.
table_rows=()
row() {  # PART RUN RECORDS SECONDS MB/S RECORDS/S CPU_RECORDS/S P50 P99 PEAK_RSS_MIB NOTE
    local cells=() cell
    for cell in "${@:1:10}"; do cells+=("${cell:--}"); done
    table_rows+=("$(printf '%-9s %-30s %10s %8s %7s %9s %9s %8s %8s %8s  %s' "${cells[@]}" "${11:-}")")
}
goal_lines=()
record_lines=()
notes=()
fmt() { [[ -z $2 ]] && return 0; calc "printf \"$1\", $2"; }  # FORMAT VALUE: empty stays empty

# --- reader: run_reader.sh ----------------------------------------------------------------------------------
if runs reader; then
    say "reader: run_reader.sh, $reader_mb MB (load $(load))"
    created+=("$work_dir/reader")
    reader_args=("$build_dir" --size-mb "$reader_mb" --bio-mb "$bio_mb" --runs "$reader_runs" --seed "$seed" --work-dir "$work_dir/reader")
    ((keep)) && reader_args+=(--keep)
    if run_child "$logs/reader.out" bash "$here/run_reader.sh" "${reader_args[@]}"; then
        cat "$logs/reader.out" >&2
        reader_records=$(sed -n 's/^PubMed reader benchmark: .*, \([0-9]*\) records, seed .*/\1/p' "$logs/reader.out")
        declare -A reader_notes=(
            [ldn]="ldn::read_pubmed_file, every Article built; fastest of $reader_runs"
            [pugixml-dom]="floor: file read + one DOM of it; fastest of $reader_runs"
            [biopython]="Entrez.read, 1 run"
        )
        declare -A reader_label=([ldn]="ldn, $reader_mb MB" [pugixml-dom]="pugixml-dom, $reader_mb MB" [biopython]="biopython, $reader_mb MB")
        declare -A reader_count=([ldn]=$reader_records [pugixml-dom]=$reader_records [biopython]=$reader_records)
        if grep -q '^biopython .*slice' "$logs/reader.out"; then
            reader_label[biopython]="biopython, $bio_mb MB slice"
            reader_count[biopython]=
            reader_notes[biopython]+=", on the first $bio_mb MB of the same records"
        fi
        for reader in ldn pugixml-dom biopython; do
            # reader  input MB  MB/s  records/s  peak RSS MiB  note
            read -r mbs rps rss < <(awk -v r="$reader" '$1 == r && $2 ~ /^[0-9]/ { print $3, $4, $5; exit }' "$logs/reader.out") || true
            row reader "${reader_label[$reader]}" "${reader_count[$reader]}" "" "$mbs" "$rps" "" "" "" "$rss" "${reader_notes[$reader]}"
        done
        while read -r line; do goal_lines+=("reader     $line"); done < <(grep -E '^ldn vs (biopython|pugixml-dom):' "$logs/reader.out")
    else
        failed "run_reader.sh" "$logs/reader.out"
        row reader "FAILED: run_reader.sh" "" "" "" "" "" "" "" "" "its output went to stderr"
    fi
    ((keep)) || rm -rf "$work_dir/reader"
fi

# --- the records every later part reads ------------------------------------------------------------------------
# An earlier --keep run's file in --work-dir is reused (and kept).
xml=$work_dir/records-$records-seed$seed.xml
have_xml() { [[ -s $xml ]]; }
generate_records() {
    have_xml && return 0
    say "generating $records records (seed $seed) into $xml"
    created+=("$xml" "$xml.partial")
    "$generator" --records "$records" --seed "$seed" -o "$xml.partial" 2>/dev/null || fail "ldn-gen-pubmed failed"
    mv "$xml.partial" "$xml"
}

declare -A index_seconds=() index_cpu_rate=()  # DATA,INDEXER: from run_index.sh's table
# --- index: run_index.sh (ldn library path, scriptindex, bare loop; the sample and the generated file) -------
if runs index; then
    say "index: run_index.sh, the sample x $index_repeat and $records generated records (load $(load))"
    index_dir=$work_dir/index
    created+=("$index_dir")
    index_args=("$build_dir" --repeat "$index_repeat" --records "$records" --seed "$seed" --work-dir "$index_dir" --keep)
    [[ -n $sample ]] && index_args+=(--sample "$sample")
    if run_child "$logs/index.out" bash "$here/run_index.sh" "${index_args[@]}"; then
        cat "$logs/index.out" >&2
        # Its generated file has the records ours would have (same generator, count and seed): ours now.
        if ! have_xml && [[ -s $index_dir/generated-$records-seed$seed.xml ]]; then
            created+=("$xml")
            mv "$index_dir/generated-$records-seed$seed.xml" "$xml"
        fi
        ((keep)) || rm -rf "$index_dir"
        have_xml && xml_bytes=$(stat -c %s "$xml")
        declare -A index_labels=([ldn]="ldn (ldn-bench-index)" [scriptindex]="scriptindex" [bare]="bare TermGenerator loop" [bare+data]="bare loop + JSON data")
        declare -A index_notes=(
            [ldn]="library path of ldn ingest: read, parse, annotate, index, JSON data, commits"
            [scriptindex]="Xapian's scriptindex, same fields, Article JSON as data; converted input"
            [bare]="floor (issue 10): ldn reader + TermGenerator + replace_document, no data"
            [bare+data]="the floor plus the Article JSON as document data"
        )
        for data in sample generated; do
            for indexer in ldn scriptindex bare bare+data; do
                # indexer  data…  N x R  seconds  docs/s  cpu docs/s  peak RSS MiB  note…
                figures=$(awk -v who="$indexer" -v data="$data" '
                    $1 == who && ((data == "generated") == ($0 ~ /generated, seed/)) {
                        for (i = 2; i < NF; i++) if ($i == "x") { print $(i-1), $(i+1), $(i+2), $(i+3), $(i+4), $(i+5); exit }
                    }' "$logs/index.out")
                [[ -n $figures ]] || continue
                read -r count times seconds rate cpu_rate rss <<<"$figures"
                index_seconds[$data,$indexer]=$seconds
                index_cpu_rate[$data,$indexer]=$cpu_rate
                mbs=
                if [[ $data == generated && $indexer != scriptindex && -n ${xml_bytes:-} ]]; then
                    mbs=$(fmt %.1f "$xml_bytes / $seconds / 1e6")
                fi
                label=${index_labels[$indexer]}
                if [[ $data == sample ]]; then label="$label, sample"; count="${count}x$times"; fi
                row index "$label" "$count" "$seconds" "$mbs" "$rate" "$cpu_rate" "" "" "$rss" "${index_notes[$indexer]}"
            done
        done
        while read -r line; do
            goal_lines+=("index      ${line/#sample   :/sample:}")
        done < <(grep -E '^(sample   |generated): ldn/scriptindex' "$logs/index.out")
    else
        failed "run_index.sh" "$logs/index.out"
        row index "FAILED: run_index.sh" "" "" "" "" "" "" "" "" "its output went to stderr"
    fi
fi

# --- shards: ldn ingest --shards 1 and --shards 2 ------------------------------------------------------------
store1=$work_dir/store-1shard
store2=$work_dir/store-2shards
have_store1=0
have_store2=0
declare -A ingest=()
# Times `ldn ingest` into a fresh store from outside, like run_index.sh times its indexers: wall clock
# from exec to exit, peak RSS and user + system CPU from /usr/bin/time, the input in the page cache.
# Not in a command substitution, whose subshell would keep the child from the traps: sets ingest_figures.
ingest_store() {  # SHARDS STORE: ingest_figures=seconds=… peak_rss_kb=… cpu_seconds=… documents=… bytes=…
    local shards=$1 store=$2 args=()
    ingest_figures=
    rm -rf "$store"
    ((shards_supported)) && args=(--shards "$shards")
    cat "$xml" >/dev/null
    run_child "$logs/ingest-$shards.out" /usr/bin/time -f '%e %M %U %S' -o "$logs/ingest-$shards.time" \
        "$ldn" ingest "${args[@]}" --store "$store" --quiet "$xml" 2>"$logs/ingest-$shards.err" || return 1
    touch "$store/.complete"
    ingest_figures="$(time_figures "$logs/ingest-$shards.time") documents=$(documents_in "$store/index")"
    ingest_figures+=" bytes=$(du -sb "$store/index" | cut -f1)"
}
if runs shards; then
    created+=("$store1" "$store2")
    generate_records
    xml_bytes=$(stat -c %s "$xml")
    for shards in 1 2; do
        store=$store1
        ((shards == 2)) && store=$store2
        if ((shards == 2 && !shards_supported)); then
            row index "ldn ingest --shards 2" "" "" "" "" "" "" "" "" "not measured: $ldn has no 'ingest --shards'"
            continue
        fi
        say "shards: ldn ingest$(when shards_supported " --shards $shards") of $records records (load $(load))"
        if ingest_store "$shards" "$store"; then
            figures=$ingest_figures
            say "shards: $shards: $figures (load $(load))"
            ingest[$shards]=$figures
            ((shards == 1)) && have_store1=1
            ((shards == 2)) && have_store2=1
            seconds=$(field "$figures" seconds)
            documents=$(field "$figures" documents)
            label="ldn ingest --shards $shards"
            note="the command, timed whole; one index"
            ((shards == 1)) || note="the command, timed whole; $shards shards on $(nproc) cores"
            if ! ((shards_supported)); then
                label="ldn ingest (no --shards)"
                note="the command into one plain index: this ldn has no --shards"
            fi
            [[ $documents == "$records" ]] || note+="; $documents documents"
            row index "$label" "$records" "$(fmt %.1f "$seconds")" "$(fmt %.1f "$xml_bytes / $seconds / 1e6")" \
                "$(fmt %.0f "$records / $seconds")" "$(fmt %.0f "$records / $(field "$figures" cpu_seconds)")" "" "" \
                "$(fmt %.1f "$(field "$figures" peak_rss_kb) / 1024")" "$note"
        else
            failed "ldn ingest --shards $shards" "$logs/ingest-$shards.err"
            row index "FAILED: ingest --shards $shards" "" "" "" "" "" "" "" "" "$logs/ingest-$shards.err"
        fi
    done
else
    # Stores an earlier --keep run left in --work-dir.
    [[ -f $store1/.complete ]] && have_store1=1
    [[ -f $store2/.complete ]] && have_store2=1
    ((have_store1 + have_store2 == 0)) || notes+=("query and summarize read stores of an earlier run in $work_dir")
fi
# The records are not read after this; the stores are.
if ((!keep)) && [[ " ${created[*]} " == *" $xml "* ]]; then rm -f "$xml"; fi

# --- serving the 2 shards with xapian-tcpsrv ----------------------------------------------------------------------
# The shard folders of a store: the lines of its index/XAPIANDB stub ('auto shard-1'), relative to it.
shard_dirs() {  # STORE
    local index=$1/index kind path
    while read -r kind path; do
        [[ $kind == auto && -n $path ]] || continue
        [[ $path == /* ]] && echo "$path" || echo "$index/$path"
    done <"$index/XAPIANDB"
}
free_port() {
    "${PYTHON:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
        echo $((20000 + RANDOM % 40000))
}
accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Starts xapian-tcpsrv on DIR in a process group of its own (on SIGTERM it signals its whole group),
# waits until its port accepts connections; sets served_port.
serve_shard() {  # DIR LOG
    local dir=$1 log=$2 port pid try
    for try in 1 2 3; do
        ((try == 1)) || say "port $port was taken or xapian-tcpsrv did not start on it; trying another"
        port=$(free_port)
        accepts "$port" && continue
        setsid xapian-tcpsrv --port "$port" --interface 127.0.0.1 --quiet "$dir" >>"$log" 2>&1 </dev/null &
        pid=$!
        servers+=("$pid")
        for _ in $(seq 200); do
            kill -0 "$pid" 2>/dev/null || break
            if accepts "$port"; then
                served_port=$port
                return 0
            fi
            sleep 0.1
        done
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
    return 1
}
remote_stub=$work_dir/remote-2shards.stub
created+=("$remote_stub")
have_remote=0
if ((have_store2)) && { runs query || { runs summarize && ((remote_summarize)); }; }; then
    mapfile -t shard_paths < <(shard_dirs "$store2")
    if ((${#shard_paths[@]} != 2)); then
        say "warning: $store2/index/XAPIANDB lists ${#shard_paths[@]} shards, not 2: no remote figures"
    else
        : >"$remote_stub"
        for shard in "${shard_paths[@]}"; do
            if ! serve_shard "$shard" "$logs/tcpsrv.log"; then
                failed "xapian-tcpsrv on $shard" "$logs/tcpsrv.log"
                break
            fi
            echo "remote 127.0.0.1:$served_port" >>"$remote_stub"
            say "serving $shard on 127.0.0.1:$served_port"
        done
        (($(wc -l <"$remote_stub") == 2)) && have_remote=1
    fi
fi

# --- query: ldn-bench-query over 1 shard, 2 local shards, 2 remote shards ----------------------------------------
declare -A query_all=()
if runs query; then
    targets_q=()
    ((have_store1)) && targets_q+=("1 shard, local|$store1/index|local1")
    ((have_store2)) && targets_q+=("2 shards, local|$store2/index|local2")
    ((have_remote)) && targets_q+=("2 shards, tcpsrv|$remote_stub|remote2")
    ((${#targets_q[@]})) || notes+=("query: not measured, no store (the shards part was skipped or failed)")
    for target in "${targets_q[@]}"; do
        IFS='|' read -r label database key <<<"$target"
        say "query: ldn-bench-query --rounds $query_rounds over $label (load $(load))"
        out=$logs/query-$key.out
        if run_child "$out" "$query_bench" --db "$database" --rounds "$query_rounds" 2>"$logs/query-$key.err"; then
            # kind  top20 p50  top20 p99  exact p50  exact p99  facets p50  facets p99 (each "12.3ms")
            query_all[$key]=$(awk '$1 == "all" { gsub(/ms/, ""); print $2, $3, $4, $5, $6, $7; exit }' "$out")
            read -r top50 top99 exact50 exact99 facets50 facets99 <<<"${query_all[$key]}"
            documents=$(sed -n 's/^index: .*, \([0-9]*\) documents;.*/\1/p' "$out")
            queries=$(sed -n 's/.*rounds of \([0-9]*\) queries.*/\1/p' "$out")
            rss=$(fmt %.1f "$(sed -n 's/^peak_rss_kb=//p' "$out") / 1024")
            row query "top 20, $label" "$documents" "" "" "" "" "$top50" "$top99" "$rss" \
                "estimated total; $query_rounds rounds x $queries queries; exact total: p50 $exact50, p99 $exact99 ms"
            row query "facets, $label" "$documents" "" "" "" "" "$facets50" "$facets99" "$rss" \
                "year, design, condition over every match"
            sed -n '/^matches per query:/,/^peak_rss_kb=/p' "$out" | grep -v '^peak_rss_kb=' >"$logs/query-$key.matches"
        else
            failed "ldn-bench-query over $label" "$logs/query-$key.err"
            row query "FAILED: $label" "" "" "" "" "" "" "" "" "$logs/query-$key.err"
        fi
    done
    # Every arrangement of the same records must find the same matches.
    for key in local2 remote2; do
        [[ -f $logs/query-$key.matches && -f $logs/query-local1.matches ]] || continue
        cmp -s "$logs/query-local1.matches" "$logs/query-$key.matches" ||
            notes+=("WARNING: the matches per query of $key differ from 1 shard's (diff $logs/query-local1.matches $logs/query-$key.matches)")
    done
fi

# --- summarize: ldn summarize over the same records ---------------------------------------------------------------
if runs summarize; then
    today=$(date -u +%F)
    targets_s=()
    ((have_store1)) && targets_s+=("1 shard, local|$store1/index|local1")
    ((have_store2)) && targets_s+=("2 shards, local|$store2/index|local2")
    ((have_remote && remote_summarize)) && targets_s+=("2 shards, tcpsrv|$remote_stub|remote2")
    ((${#targets_s[@]})) || notes+=("summarize: not measured, no store (the shards part was skipped or failed)")
    for target in "${targets_s[@]}"; do
        IFS='|' read -r label database key <<<"$target"
        say "summarize: ldn summarize over $label (load $(load))"
        report=$logs/summary-$key.json
        if run_child "$logs/summary-$key.out" /usr/bin/time -f '%e %M %U %S' -o "$logs/summary-$key.time" \
            "$ldn" summarize --db "$database" --since 1900-01-01 --now "$today" --format json -o "$report" --force \
            2>"$logs/summary-$key.err"; then
            figures=$(time_figures "$logs/summary-$key.time")
            seconds=$(field "$figures" seconds)
            identified=$(grep -o -m1 '"identified": *[0-9]*' "$report" | grep -o '[0-9]*$')
            included=$(grep -o -m1 '"included": *[0-9]*' "$report" | grep -o '[0-9]*$')
            row summarize "json report, $label" "$identified" "$(fmt %.2f "$seconds")" "" \
                "$(fmt %.0f "$identified / ($seconds > 0 ? $seconds : 0.01)")" "" "" "" \
                "$(fmt %.1f "$(field "$figures" peak_rss_kb) / 1024")" \
                "ldn summarize --format json --since 1900-01-01: every record; $included included"
        else
            failed "ldn summarize over $label" "$logs/summary-$key.err"
            row summarize "FAILED: $label" "" "" "" "" "" "" "" "" "$logs/summary-$key.err"
        fi
    done
    for key in local2 remote2; do
        [[ -f $logs/summary-$key.json && -f $logs/summary-local1.json ]] || continue
        cmp -s "$logs/summary-local1.json" "$logs/summary-$key.json" ||
            notes+=("WARNING: the summary over $key differs from 1 shard's (diff $logs/summary-local1.json $logs/summary-$key.json)")
    done
fi
stop_servers

# --- the ratios against the goals, and the per-record figures -----------------------------------------------------------
if [[ -n ${index_seconds[generated,ldn]:-} && -n ${index_seconds[generated,bare]:-} && -n ${ingest[1]:-} ]]; then
    # The real command against the bare loop of run_index.sh: the same records, run one after the other.
    vs_bare=$(ratio "${index_seconds[generated,bare]}" "$(field "${ingest[1]}" seconds)")
    cpu_vs_bare=$(ratio "$records / $(field "${ingest[1]}" cpu_seconds)" "${index_cpu_rate[generated,bare]}")
    goal_lines+=("index      generated: ldn ingest$(when shards_supported " --shards 1")/bare ${vs_bare}x [cpu ${cpu_vs_bare}x] (goal >= 0.9x: $(at_least "$vs_bare" 0.9)); the command vs run_index.sh's loop, run apart")
fi
if [[ -n ${ingest[1]:-} && -n ${ingest[2]:-} ]]; then
    speedup=$(ratio "$(field "${ingest[1]}" seconds)" "$(field "${ingest[2]}" seconds)")
    goal_lines+=("shards     2 shards / 1 shard: ${speedup}x documents/s (goal >= 1.7x on 2 cores: $(at_least "$speedup" 1.7)); $(nproc) cores here")
fi
if [[ -n ${query_all[local2]:-} && -n ${query_all[remote2]:-} ]]; then
    read -r _ local_top99 _ _ _ local_facets99 <<<"${query_all[local2]}"
    read -r _ remote_top99 _ _ _ remote_facets99 <<<"${query_all[remote2]}"
    top_ratio=$(ratio "$remote_top99" "$local_top99")
    facets_ratio=$(ratio "$remote_facets99" "$local_facets99")
    goal_lines+=("query      remote p99 / local p99, 2 shards: top 20 ${top_ratio}x (goal <= 2x: $(at_most "$top_ratio" 2)), facets ${facets_ratio}x (goal <= 2x: $(at_most "$facets_ratio" 2))")
fi
if [[ -n ${query_all[local1]:-} && -n ${query_all[local2]:-} ]]; then
    read -r _ one_top99 _ _ _ one_facets99 <<<"${query_all[local1]}"
    read -r _ two_top99 _ _ _ two_facets99 <<<"${query_all[local2]}"
    goal_lines+=("query      2 local shards p99 / 1 shard p99: top 20 $(ratio "$two_top99" "$one_top99")x, facets $(ratio "$two_facets99" "$one_facets99")x (no goal)")
fi
if [[ -n ${xml_bytes:-} ]]; then
    record_lines+=("XML: $(fmt %.0f "$xml_bytes / $records") bytes a record ($records generated records, $(fmt %.1f "$xml_bytes / 1e6") MB)")
fi
for shards in 1 2; do
    [[ -n ${ingest[$shards]:-} ]] || continue
    figures=${ingest[$shards]}
    seconds=$(field "$figures" seconds)
    cpu=$(field "$figures" cpu_seconds)
    documents=$(field "$figures" documents)
    cores=$shards
    ((cores > $(nproc))) && cores=$(nproc)
    line="ldn ingest, $shards shard$(when 'shards > 1' s): $(fmt %.0f "$records / $seconds") documents/s on"
    line+=" $cores core$(when 'cores > 1' s), $(fmt %.0f "$records / $seconds / $cores") per core;"
    line+=" $(fmt %.2f "$cpu * 1000 / $records") ms CPU a record ($(fmt %.0f "$records / $cpu") per CPU second);"
    line+=" peak RSS $(fmt %.1f "$(field "$figures" peak_rss_kb) / 1024") MiB;"
    line+=" index $(fmt %.0f "$(field "$figures" bytes) / ($documents > 0 ? $documents : 1)") bytes a record (du -sb, uncompacted)"
    record_lines+=("$line")
done

# --- the table ------------------------------------------------------------------------------------------------------------
echo
echo "load average at start $load_at_start, at end $(load)"
echo "seconds: whole processes, wall clock; MB/s: MB (10^6 bytes) of XML / s; records/s: records or documents / s;"
echo "cpu rec/s: the same over user + system CPU seconds; p50/p99: ms per query; peak MiB: peak RSS (for remote"
echo "queries the client's only); reader rows: the fastest run as run_reader.sh reports it"
echo
printf '%-9s %-30s %10s %8s %7s %9s %9s %8s %8s %8s  %s\n' part run records seconds "MB/s" "records/s" "cpu rec/s" \
    "p50 ms" "p99 ms" "peak MiB" note
for line in "${table_rows[@]}"; do echo "$line"; done
echo
if ((${#goal_lines[@]})); then
    echo "ratios against the goals:"
    for line in "${goal_lines[@]}"; do echo "  $line"; done
    echo
fi
if ((${#record_lines[@]})); then
    echo "per record (what a projection to the PubMed baseline rests on):"
    for line in "${record_lines[@]}"; do echo "  $line"; done
    echo
fi
for line in "${notes[@]}"; do echo "note: $line"; done
if ((!shards_supported)) && runs shards; then
    echo "note: $ldn has no 'ingest --shards': no 2-shard or remote figures (give --ldn a newer ldn)"
fi
if ((failures)); then
    echo "note: $failures measurement(s) FAILED; their logs' ends are on stderr$(when keep ", the logs in $logs")"
    exit 1
fi
exit 0

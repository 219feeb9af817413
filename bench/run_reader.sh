#!/usr/bin/env bash
# Reader benchmark: generates synthetic PubMed XML, reads it with ldn, with a bare pugixml DOM parse (the
# floor) and with Biopython, and prints one table with the ratios against the goals. Builds nothing:
# point it at a build tree that has the bench targets (docs/BENCHMARKS.md says how).
set -euo pipefail

program=run_reader.sh
usage() {
    cat <<EOF
usage: bench/run_reader.sh [BUILD_DIR] [options]

  BUILD_DIR        build tree holding bench/ldn-gen-pubmed and bench/ldn-bench-reader (default ./build)
  --size-mb N      size of the generated file, MB = 10^6 bytes (default 100)
  --bio-mb N       largest file Biopython is given; past it, it reads a slice of that size made with
                   the same seed, whose records are the first records of the full file (default 200)
  --runs N         runs of ldn and pugixml-dom; the fastest is reported (default 3)
  --seed S         generator seed (default 7, whose files end with a DeleteCitation as update files do)
  --big            also read a 1 GB (1000 MB) file with ldn alone and report its peak RSS
  --work-dir DIR   where the files go (default: a fresh folder under \${TMPDIR:-/tmp}, removed at the end)
  --keep           keep the generated files
Environment: PYTHON, the interpreter with Biopython (default /usr/bin/python3, Debian's python3-biopython).
EOF
}

fail() {
    echo "$program: error: $*" >&2
    exit 2
}

build_dir=./build
size_mb=100
bio_mb=200
runs=3
seed=7
big=0
work_dir=
keep=0
while (($#)); do
    case $1 in
        --size-mb) size_mb=${2:?--size-mb needs a value}; shift 2 ;;
        --bio-mb) bio_mb=${2:?--bio-mb needs a value}; shift 2 ;;
        --runs) runs=${2:?--runs needs a value}; shift 2 ;;
        --seed) seed=${2:?--seed needs a value}; shift 2 ;;
        --big) big=1; shift ;;
        --work-dir) work_dir=${2:?--work-dir needs a value}; shift 2 ;;
        --keep) keep=1; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; fail "unknown option $1" ;;
        *) build_dir=$1; shift ;;
    esac
done
for number in "$size_mb" "$bio_mb" "$runs"; do
    [[ $number =~ ^[1-9][0-9]*$ ]] || fail "sizes and --runs take a positive whole number, not '$number'"
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
generator=$build_dir/bench/ldn-gen-pubmed
reader=$build_dir/bench/ldn-bench-reader
python=${PYTHON:-/usr/bin/python3}
[[ -x $generator && -x $reader ]] ||
    fail "$build_dir/bench has no ldn-gen-pubmed / ldn-bench-reader: build the targets first (docs/BENCHMARKS.md)"
"$python" -c 'import Bio.Entrez' 2>/dev/null ||
    fail "$python cannot import Bio.Entrez: install python3-biopython or set PYTHON"

if [[ -z $work_dir ]]; then
    work_dir=$(mktemp -d "${TMPDIR:-/tmp}/ldn-bench.XXXXXX")
    ((keep)) || trap 'rm -rf "$work_dir"' EXIT
else
    mkdir -p "$work_dir"
fi

# The value of KEY in a line of key=value figures.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

generate() {  # SIZE_MB FILE
    echo "$program: generating $1 MB (seed $seed) into $2" >&2
    "$generator" --size-mb "$1" --seed "$seed" -o "$2" 2>/dev/null
    cat "$2" >/dev/null  # into the page cache, so every reader starts warm
}

# Runs a measuring command RUNS times and prints the figures of the fastest run.
fastest_of() {  # RUNS COMMAND...
    local count=$1 best='' line
    shift
    for ((i = 0; i < count; i++)); do
        line=$("$@") || fail "'$*' failed with exit status $?"
        if [[ -z $best ]] || awk -v a="$(field "$line" seconds)" -v b="$(field "$best" seconds)" 'BEGIN { exit !(a < b) }'; then
            best=$line
        fi
    done
    echo "$best"
}

file=$work_dir/pubmed-${size_mb}mb-seed${seed}.xml
generate "$size_mb" "$file"
bio_file=$file
if ((bio_mb < size_mb)); then
    bio_file=$work_dir/pubmed-${bio_mb}mb-seed${seed}.xml
    generate "$bio_mb" "$bio_file"
fi

load_at_start=$(cut -d' ' -f1 /proc/loadavg)
echo "$program: ldn ($runs runs)" >&2
ldn=$(fastest_of "$runs" "$reader" --mode ldn "$file")
echo "$program: pugixml-dom ($runs runs)" >&2
pugixml=$(fastest_of "$runs" "$reader" --mode pugixml-dom "$file")
echo "$program: biopython (1 run; slow)" >&2
biopython=$("$python" "$here/biopython_reader.py" "$bio_file") || fail "biopython_reader.py failed with exit status $?"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
verdict() { awk -v r="$1" -v goal="$2" 'BEGIN { print (r >= goal ? "met" : "MISSED") }'; }
row() {  # LABEL FIGURES NOTE
    awk -v label="$1" -v bytes="$(field "$2" bytes)" -v mbs="$(field "$2" mb_per_s)" \
        -v rps="$(field "$2" records_per_s)" -v rss="$(field "$2" peak_rss_kb)" -v note="$3" \
        'BEGIN { printf "%-12s %9.0f %9.1f %11.0f %13.1f  %s\n", label, bytes / 1e6, mbs, rps, rss / 1024, note }'
}

records=$(field "$ldn" records)
count_check() {  # FIGURES
    [[ $(field "$1" records) == "$records" ]] ||
        echo "$program: warning: $(field "$1" mode) counted $(field "$1" records) records, ldn $records" >&2
}
count_check "$pugixml"
[[ $bio_file != "$file" ]] || count_check "$biopython"

pugixml_parse_mbs=$(awk -v b="$(field "$pugixml" bytes)" -v s="$(field "$pugixml" parse_seconds)" 'BEGIN { printf "%.1f", b / s / 1e6 }')
bio_note="Entrez.read"
[[ $bio_file != "$file" ]] && bio_note="Entrez.read, on a ${bio_mb} MB slice (same seed, same generator)"
vs_biopython=$(ratio "$(field "$ldn" mb_per_s)" "$(field "$biopython" mb_per_s)")
vs_pugixml=$(ratio "$(field "$ldn" mb_per_s)" "$(field "$pugixml" mb_per_s)")

echo
echo "PubMed reader benchmark: ${size_mb} MB of synthetic PubMed XML, $records records, seed $seed"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo); load average at start $load_at_start"
echo "ldn and pugixml-dom: fastest of $runs runs; biopython: 1 run; all from the page cache"
echo
printf '%-12s %9s %9s %11s %13s  %s\n' reader "input MB" "MB/s" "records/s" "peak RSS MiB" note
row ldn "$ldn" "ldn::read_pubmed_file, every Article built"
row pugixml-dom "$pugixml" "floor: file read + one DOM of it (load_buffer alone: $pugixml_parse_mbs MB/s)"
row biopython "$biopython" "$bio_note"
echo
echo "ldn vs biopython:   ${vs_biopython}x  (goal >= 30x: $(verdict "$vs_biopython" 30))"
echo "ldn vs pugixml-dom: ${vs_pugixml}x  (goal >= 0.5x: $(verdict "$vs_pugixml" 0.5))"

if ((big)); then
    big_file=$work_dir/pubmed-1000mb-seed${seed}.xml
    generate 1000 "$big_file"
    echo "$program: ldn on 1 GB" >&2
    big_figures=$("$reader" --mode ldn "$big_file") || fail "ldn-bench-reader on 1 GB failed with exit status $?"
    big_rss=$(awk -v kb="$(field "$big_figures" peak_rss_kb)" 'BEGIN { printf "%.1f", kb / 1024 }')
    echo "ldn on 1000 MB:     $(field "$big_figures" mb_per_s) MB/s, $(field "$big_figures" records) records," \
        "peak RSS ${big_rss} MiB  (goal well under 100 MB: $(awk -v r="$big_rss" 'BEGIN { print (r < 100 ? "met" : "MISSED") }'))"
    ((keep)) || rm -f "$big_file"
fi

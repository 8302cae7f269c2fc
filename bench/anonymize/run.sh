#!/usr/bin/env bash
# Anonymize throughput of `uplink anonymize --profile Anon-LPU-O` against cp, gdcmanon and pydicom, in one run.
#
# Usage: bench/anonymize/run.sh [-n RUNS] [-s small|large|all] [--small-count N] [--large-count N]
# Corpus: $BENCH_CORPUS (default /tmp/uplink-bench), built by make-corpus.py when absent.
# Method (as shared/design/peers.md section 4): whole-process wall time and peak RSS with GNU time, page
# cache warm, every run writes a fresh output folder, one warm-up, then RUNS counted runs, each paired with
# a cp run; x_cp is the median of the pair ratios. Prints a Markdown table.
set -euo pipefail

runs=3 sets=all small_count=1000 large_count=10
while (($#)); do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    -s) sets=$2; shift 2 ;;
    --small-count) small_count=$2; shift 2 ;;
    --large-count) large_count=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${BENCH_CORPUS:-/tmp/uplink-bench}
out=${BENCH_OUT:-/tmp/uplink-bench-out}
here="$root/bench/anonymize"

dotnet build -c Release -v q -nologo "$root/src/Uplink.Host/Uplink.Host.csproj" >/dev/null
uplink_dll="$root/artifacts/bin/Uplink.Host/release/uplink.dll"
plugins="$root/artifacts/bin/Uplink.Host/release/plugins"
[[ -d "$corpus/small" && -d "$corpus/large" ]] || /usr/bin/python3 "$here/make-corpus.py" "$corpus" "$small_count" "$large_count"

gdcm_args=(--dumb --replace 0010,0010=ANONYMIZED --replace 0010,0020=ANON0001
  --empty 0008,0050 --empty 0008,0090 --empty 0010,0030 --empty 0010,0040 --empty 0020,0010)
for t in 0008,0080 0008,0081 0008,0092 0008,0094 0008,1010 0008,1040 0008,1048 0008,1050 0008,1060 0008,1070 \
         0010,1000 0010,1001 0010,1002 0010,1010 0010,1020 0010,1030 0010,1040 0010,1060 0010,2154 0010,2160 \
         0010,21B0 0010,4000 0018,1000 0032,1032 0040,A123; do gdcm_args+=(--remove "$t"); done
gdcm_args+=(--remove 0009,1001,BENCH_PRIVATE --remove 0009,1002,BENCH_PRIVATE --continue -r)

run_tool() { # tool src dst
  local tool=$1 src=$2 dst=$3
  rm -rf "$dst" "$dst.report.json"
  case "$tool" in
    cp) cp -r "$src" "$dst" ;;
    uplink) dotnet "$uplink_dll" anonymize --profile Anon-LPU-O --out "$dst" --plugins "$plugins" "$src" >/dev/null 2>&1 ;;
    uplink-j1) dotnet "$uplink_dll" anonymize --profile Anon-LPU-O --jobs 1 --out "$dst" --plugins "$plugins" "$src" >/dev/null 2>&1 ;;
    gdcmanon) gdcmanon "${gdcm_args[@]}" -i "$src" -o "$dst" >/dev/null 2>&1 ;;
    pydicom) /usr/bin/python3 "$here/pydicom-anon.py" "$src" "$dst" ;;
    pydicom-j2) /usr/bin/python3 "$here/pydicom-anon.py" "$src" "$dst" -j 2 ;;
  esac
}

timed() { # tool src dst -> "wall rss_kib cpu_s"
  /usr/bin/time -f "%e %M %U %S" -o /tmp/uplink-bench-time.txt bash -c "$(declare -f run_tool); $(declare -p gdcm_args uplink_dll plugins here); run_tool $1 $2 $3"
  tail -n 1 /tmp/uplink-bench-time.txt | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
}

mkdir -p "$out"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| set | tool | wall s (median) | files/s | MB/s | x cp (paired) | cpu s (median) | peak RSS MiB |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for set in small large; do
  [[ $sets == all || $sets == "$set" ]] || continue
  src="$corpus/$set"
  files=$(find "$src" -type f | wc -l)
  bytes=$(du -sb "$src" | cut -f1)
  for tool in cp uplink uplink-j1 gdcmanon pydicom pydicom-j2; do
    timed "$tool" "$src" "$out/$set-$tool" >/dev/null   # warm-up
    walls=() ratios=() cpus=() rss=0
    for ((i = 0; i < runs; i++)); do
      read -r wall kib cpu < <(timed "$tool" "$src" "$out/$set-$tool")
      read -r cpwall _ _ < <(timed cp "$src" "$out/$set-cp")
      walls+=("$wall"); cpus+=("$cpu"); ratios+=("$(awk -v a="$wall" -v b="$cpwall" 'BEGIN {print (b > 0 ? a / b : 0)}')")
      ((kib > rss)) && rss=$kib
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    ratio=$(printf '%s\n' "${ratios[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    written=$(find "$out/$set-$tool" -type f -name '*.dcm' 2>/dev/null | wc -l)
    awk -v s="$set" -v t="$tool" -v w="$wall" -v f="$files" -v b="$bytes" -v r="$ratio" -v m="$rss" -v n="$written" -v c="$cpu" \
      'BEGIN {printf "| %s (%d files, %.0f MB) | %s%s | %.3f | %.0f | %.1f | %.1f | %.2f | %.1f |\n", s, f, b/1e6, t, (n < f ? " (" n " written)" : ""), w, f/w, b/1e6/w, r, c, m/1024}'
  done
done
rm -rf "$out"

#!/usr/bin/env bash
# Parse-and-rewrite throughput of Uplink.Dicom against cp and dcmtk's dcmconv, whole processes, same machine, same run.
# Usage: bench/dicom/run.sh [small-copies=8] [clip-frames=512] [clips=2]
# Needs: dotnet, dcmconv (dcmtk), GNU time (/usr/bin/time). Results: bench/results/dicom-<date>.md (not committed).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COPIES=${1:-8}
FRAMES=${2:-512}
CLIPS=${3:-2}
RUNS=3
CORPUS=""
for dir in "$ROOT/../shared/dicom-corpus" "$ROOT/../../shared/dicom-corpus" /work/shared/dicom-corpus; do
  [[ -f "$dir/MANIFEST.tsv" ]] && CORPUS=$(cd "$dir" && pwd) && break
done
[[ -n "$CORPUS" ]] || { echo "shared/dicom-corpus not found" >&2; exit 1; }
command -v dcmconv >/dev/null || { echo "dcmconv missing: apt-get install dcmtk" >&2; exit 1; }

WORK=$(mktemp -d /tmp/uplink-dicom-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# The same code twice: JIT (what `uplink` runs today) and native AOT (what a per-file tool would ship).
dotnet build -c Release "$ROOT/bench/dicom/Rewrite/Rewrite.csproj" -v q -nologo >/dev/null
REWRITE_JIT="$ROOT/artifacts/bin/Rewrite/release/uplink-dicom-rewrite"
REWRITE="$REWRITE_JIT"
if dotnet publish "$ROOT/bench/dicom/Rewrite/Rewrite.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$WORK/aot" -v q -nologo >/dev/null 2>&1; then
  REWRITE="$WORK/aot/uplink-dicom-rewrite"
else
  echo "native AOT publish failed (needs gcc/clang); the uplink_* rows use the JIT build" >&2
fi
mkdir -p "$WORK/small" "$WORK/large" "$WORK/out" "$ROOT/bench/results"

# Small set: every valid corpus file under 1 MB that dcmconv also rewrites, copied $COPIES times.
while IFS=$'\t' read -r path _ _ _ _ _ _ _ _ bytes _ expect _; do
  [[ "$expect" == valid && "$bytes" -lt 1048576 ]] || continue
  dcmconv "$CORPUS/$path" "$WORK/out/probe.dcm" 2>/dev/null || continue
  for i in $(seq 1 "$COPIES"); do cp "$CORPUS/$path" "$WORK/small/$i-$(basename "$path")"; done
done < <(tail -n +2 "$CORPUS/MANIFEST.tsv")
SMALL_FILES=$(ls "$WORK/small" | wc -l)
SMALL_BYTES=$(du -sb "$WORK/small" | cut -f1)

for i in $(seq 1 "$CLIPS"); do "$REWRITE" --make-clip "$WORK/large/clip$i.dcm" "$FRAMES"; done
LARGE_BYTES=$(du -sb "$WORK/large" | cut -f1)

# measure NAME COMMAND...: best wall time of $RUNS runs and the highest peak RSS (KiB), after one warm-up.
declare -A SECONDS_OF RSS_OF
measure() {
  local name=$1; shift
  rm -rf "$WORK/out"; mkdir -p "$WORK/out"; "$@" >/dev/null 2>&1
  local best="" peak=0
  for _ in $(seq 1 $RUNS); do
    rm -rf "$WORK/out"; mkdir -p "$WORK/out"; sync
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1
    read -r secs rss < "$WORK/time"
    if [[ -z "$best" ]] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
    (( rss > peak )) && peak=$rss
  done
  SECONDS_OF[$name]=$best; RSS_OF[$name]=$peak
}
each() { local tool=$1 dir=$2; for f in "$dir"/*; do "$tool" "$f" "$WORK/out/$(basename "$f")"; done; }
export -f each
export WORK

measure small_cp bash -c "cp '$WORK'/small/* '$WORK/out/'"
measure small_dcmconv bash -c "each dcmconv '$WORK/small'"
measure small_uplink_batch "$REWRITE" --batch "$WORK/small" "$WORK/out"
measure small_uplink_each bash -c "each '$REWRITE' '$WORK/small'"
measure small_uplink_jit_batch "$REWRITE_JIT" --batch "$WORK/small" "$WORK/out"
measure large_cp bash -c "cp '$WORK'/large/* '$WORK/out/'"
measure large_dcmconv bash -c "each dcmconv '$WORK/large'"
measure large_uplink "$REWRITE" --batch "$WORK/large" "$WORK/out"
measure large_uplink_jit "$REWRITE_JIT" --batch "$WORK/large" "$WORK/out"
measure large_uplink_one "$REWRITE" "$WORK/large/clip1.dcm" "$WORK/out/clip1.dcm"

ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }
mbps() { awk "BEGIN{printf \"%.0f\", $1 / 1048576 / ($2 > 0 ? $2 : 0.001)}"; }
REPORT="$ROOT/bench/results/dicom-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); dotnet $(dotnet --version); $(dcmconv --version | head -1 | tr -d '$')"
  echo
  echo "Small set: $SMALL_FILES files, $((SMALL_BYTES / 1048576)) MiB. Large set: $CLIPS clips of $FRAMES MiB ($((LARGE_BYTES / 1048576)) MiB)."
  echo
  echo "| case | best of $RUNS (s) | MiB/s | vs cp | vs dcmconv | peak RSS (MiB) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  for name in small_cp small_dcmconv small_uplink_batch small_uplink_each small_uplink_jit_batch large_cp large_dcmconv large_uplink large_uplink_jit large_uplink_one; do
    set_bytes=$SMALL_BYTES; base=small; [[ $name == large_* ]] && set_bytes=$LARGE_BYTES && base=large
    [[ $name == large_uplink_one ]] && set_bytes=$((LARGE_BYTES / CLIPS))
    s=${SECONDS_OF[$name]}
    cp_s=${SECONDS_OF[${base}_cp]}; dc_s=${SECONDS_OF[${base}_dcmconv]}
    [[ $name == large_uplink_one ]] && cp_s=$(awk "BEGIN{print $cp_s / $CLIPS}") && dc_s=$(awk "BEGIN{print $dc_s / $CLIPS}")
    echo "| $name | $s | $(mbps "$set_bytes" "$s") | $(ratio "$s" "$cp_s") | $(ratio "$s" "$dc_s") | $(( ${RSS_OF[$name]} / 1024 )) |"
  done
} | tee "$REPORT"
echo "(saved to $REPORT)"

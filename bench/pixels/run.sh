#!/usr/bin/env bash
# Cleaning burned-in text: `uplink anonymize` with PS3.15-Basic+CleanPixelData against the same profile without
# cleaning (PS3.15-Basic), against decode + blank + re-encode with real tools, and against cp, in one run.
#
# Usage: bench/pixels/run.sh [-n RUNS] [--clips N] [--frames-640 N] [--frames-1024 N] [--large-frames N|0]
# Corpus: $BENCH_PIXELS (default /tmp/uplink-bench-pixels), built by make-clips.py (+ dcmcjpeg +eb) when absent.
# Sets: {640x480, 1024x768} x {banner, sides} x {native RGB, JPEG Baseline 4:2:2 from dcmcjpeg +eb}, N clips each;
# `banner` keeps every row from 64 down, `sides` keeps x 40..width-41 of those rows (blanks blocks in every MCU row).
# Tools: cp (floor); basic = PS3.15-Basic (no pixel cleaning); clean = PS3.15-Basic+CleanPixelData (everything
# basic does, plus cleaning and the verifier's decode-and-compare of every frame); peer = per file, for JPEG
# dcmdjpeg -> blank.py (pydicom + numpy) -> dcmcjpeg +eb, for native blank.py alone; transcode-jpeg = the JPEG
# peer without the blank step (dcmdjpeg -> dcmcjpeg +eb), a floor for any decode-and-re-encode cleaner.
# Method as bench/anonymize: GNU time, warm page cache, fresh output folder, one warm-up, then RUNS counted runs
# each paired with a cp run (x cp = median of pair ratios); cpu s = user + sys of the process tree.
# Then one large native clip (--large-frames of 1024x768, default 400 = 944 MB), one run each of cp, basic, clean,
# to show that peak RSS does not grow with the clip.
set -euo pipefail

runs=3 clips=2 frames640=60 frames1024=30 large_frames=400
while (($#)); do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    --clips) clips=$2; shift 2 ;;
    --frames-640) frames640=$2; shift 2 ;;
    --frames-1024) frames1024=$2; shift 2 ;;
    --large-frames) large_frames=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/pixels"
corpus=${BENCH_PIXELS:-/tmp/uplink-bench-pixels}
out=${BENCH_OUT:-/tmp/uplink-bench-pixels-out}

dotnet build -c Release -v q -nologo "$root/src/Uplink.Host/Uplink.Host.csproj" >/dev/null
uplink_dll="$root/artifacts/bin/Uplink.Host/release/uplink.dll"
plugins="$root/artifacts/bin/Uplink.Host/release/plugins"

make_set() { # name cols rows frames mask count
  local dir="$corpus/native/$1" jdir="$corpus/jpeg/$1"
  [[ -d "$dir" && -d "$jdir" ]] && return
  mkdir -p "$dir.tmp" "$jdir.tmp"
  for ((i = 0; i < $6; i++)); do
    /usr/bin/python3 "$here/make-clips.py" "$dir.tmp/clip$i.dcm" "$2" "$3" "$4" "$5" "$i"
    dcmcjpeg +eb "$dir.tmp/clip$i.dcm" "$jdir.tmp/clip$i.dcm"
  done
  mv "$dir.tmp" "$dir"; mv "$jdir.tmp" "$jdir"
}
sets=()
for mask in banner sides; do
  make_set "640x480-$mask" 640 480 "$frames640" "$mask" "$clips"; sets+=("640x480-$mask:$frames640")
  make_set "1024x768-$mask" 1024 768 "$frames1024" "$mask" "$clips"; sets+=("1024x768-$mask:$frames1024")
done

run_tool() { # tool src dst
  local tool=$1 src=$2 dst=$3 f
  rm -rf "$dst" "$dst.report.json"
  case "$tool" in
    cp) cp -r "$src" "$dst" ;;
    basic) dotnet "$uplink_dll" anonymize --profile PS3.15-Basic --out "$dst" --plugins "$plugins" "$src" >/dev/null 2>&1 ;;
    clean) dotnet "$uplink_dll" anonymize --profile PS3.15-Basic+CleanPixelData --out "$dst" --plugins "$plugins" "$src" >/dev/null 2>&1 ;;
    peer-native)
      mkdir -p "$dst"
      for f in "$src"/*.dcm; do /usr/bin/python3 "$here/blank.py" "$f" "$dst/$(basename "$f")"; done ;;
    peer-jpeg)
      mkdir -p "$dst"
      for f in "$src"/*.dcm; do
        dcmdjpeg "$f" "$dst/decoded.tmp"
        /usr/bin/python3 "$here/blank.py" "$dst/decoded.tmp" "$dst/blanked.tmp"
        dcmcjpeg +eb "$dst/blanked.tmp" "$dst/$(basename "$f")"
      done
      rm -f "$dst/decoded.tmp" "$dst/blanked.tmp" ;;
    transcode-jpeg) # the peer without its blank step: the decode + re-encode alone, a floor for any pixel-domain cleaner
      mkdir -p "$dst"
      for f in "$src"/*.dcm; do dcmdjpeg "$f" "$dst/decoded.tmp"; dcmcjpeg +eb "$dst/decoded.tmp" "$dst/$(basename "$f")"; done
      rm -f "$dst/decoded.tmp" ;;
  esac
}

timed() { # tool src dst -> "wall rss_kib cpu_s"
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" bash -c "$(declare -f run_tool); $(declare -p uplink_dll plugins here); run_tool $1 $2 $3"
  tail -n 1 "$out/time.txt" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
row() { # set frames src tool wall cpu rss_kib ratio written
  local bytes files
  bytes=$(du -sb "$3" | cut -f1); files=$(find "$3" -type f -name '*.dcm' | wc -l)
  awk -v s="$1" -v fr="$2" -v t="$4" -v w="$5" -v c="$6" -v m="$7" -v r="$8" -v n="$9" -v f="$files" -v b="$bytes" \
    'BEGIN {fps = w > 0 ? sprintf("%.0f", f*fr/w) : "-"; mbs = w > 0 ? sprintf("%.1f", b/1e6/w) : "-"
           printf "| %s | %s%s | %.2f | %s | %s | %s | %.2f | %.0f |\n", s, t, (n < f ? " (" n " of " f " written)" : ""), w, fps, mbs, r, c, m/1024}'
}

mkdir -p "$out"
printf 'load average before: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "| set | tool | wall s (median) | frames/s | MB/s (input) | x cp (paired) | cpu s (median) | peak RSS MiB |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for kind in native jpeg; do
  for entry in "${sets[@]}"; do
    set=${entry%%:*} frames=${entry##*:}
    src="$corpus/$kind/$set"
    tools=(cp basic clean "peer-$kind"); [[ $kind == jpeg ]] && tools+=(transcode-jpeg)
    for tool in "${tools[@]}"; do
      timed "$tool" "$src" "$out/$tool" >/dev/null   # warm-up
      walls=() ratios=() cpus=() rss=0
      for ((i = 0; i < runs; i++)); do
        read -r wall kib cpu < <(timed "$tool" "$src" "$out/$tool")
        read -r cpwall _ _ < <(timed cp "$src" "$out/cp")
        walls+=("$wall"); cpus+=("$cpu")
        # GNU time counts in 10 ms steps: a cp of a few MB reads 0.00, and no ratio is made from that.
        awk -v b="$cpwall" 'BEGIN {exit !(b > 0)}' && ratios+=("$(awk -v a="$wall" -v b="$cpwall" 'BEGIN {print a / b}')")
        ((kib > rss)) && rss=$kib
      done
      written=$(find "$out/$tool" -type f -name '*.dcm' 2>/dev/null | wc -l)
      row "$kind $set ($clips x $frames fr)" "$frames" "$src" "$tool" "$(printf '%s\n' "${walls[@]}" | median)" \
        "$(printf '%s\n' "${cpus[@]}" | median)" "$rss" "$( ((${#ratios[@]})) && printf '%s\n' "${ratios[@]}" | median | awk '{printf "%.1f", $1}' || echo -)" "$written"
      rm -rf "$out/$tool" "$out/$tool.report.json"
    done
  done
done

if ((large_frames > 0)); then
  large="$corpus/large-$large_frames"
  if [[ ! -d "$large" ]]; then
    mkdir -p "$large.tmp"; /usr/bin/python3 "$here/make-clips.py" "$large.tmp/clip0.dcm" 1024 768 "$large_frames" sides 0; mv "$large.tmp" "$large"
  fi
  for tool in cp basic clean; do
    read -r wall kib cpu < <(timed "$tool" "$large" "$out/$tool")
    written=$(find "$out/$tool" -type f -name '*.dcm' 2>/dev/null | wc -l)
    row "native 1024x768-sides (1 x $large_frames fr)" "$large_frames" "$large" "$tool" "$wall" "$cpu" "$kib" "-" "$written"
    rm -rf "$out/$tool" "$out/$tool.report.json"
  done
fi
printf '\nload average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"

#!/usr/bin/env bash
# DIMSE throughput on loopback, one run: dcmsend -> {Uplink (durable: fsync + rename + directory fsync),
# storescp (+B, no fsync), Orthanc}, and sending: Uplink's `uplink dicom send` vs dcmsend into storescp.
# Sets: SMALL small US images and LARGE native clips of LARGE_MB each. Every dcmtk tool runs with TCP_NODELAY=1.
# Usage: bench/dimse/run.sh [SMALL=1000] [LARGE=20] [LARGE_MB=20]   (needs dcmtk, python3 + pydicom, bc; Orthanc and cc optional)
set -euo pipefail
SMALL=${1:-1000}; LARGE=${2:-20}; LARGE_MB=${3:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${CORPUS:-}
if [ -z "$CORPUS" ]; then
  d=$ROOT; while [ "$d" != / ]; do [ -d "$d/shared/dicom-corpus" ] && CORPUS=$d/shared/dicom-corpus && break; d=$(dirname "$d"); done
fi
[ -n "$CORPUS" ] || { echo "shared/dicom-corpus not found; set CORPUS" >&2; exit 2; }
export TCP_NODELAY=1
WORK=$(mktemp -d /tmp/uplink-bench-dimse.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build -c Release -v q "$ROOT/bench/dimse/Uplink.Bench.Dimse" >/dev/null
dotnet build -c Release -v q "$ROOT/src/Uplink.Host" >/dev/null
RECEIVER="$ROOT/artifacts/bin/Uplink.Bench.Dimse/release/Uplink.Bench.Dimse.dll"
UPLINK="$ROOT/artifacts/bin/Uplink.Host/release/uplink"
/usr/bin/python3 "$ROOT/bench/dimse/make-corpus.py" "$CORPUS" "$WORK/sets" "$SMALL" "$LARGE" "$LARGE_MB"

port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do grep -q ":$(printf '%04X' "$1") 00000000:0000 0A" /proc/net/tcp && return 0; sleep 0.05; done; echo "nothing listens on $1" >&2; return 1; }
bytes() { du -sb "$1" | cut -f1; }
row() { # receiver set seconds files bytes
  awk -v r="$1" -v s="$2" -v t="$3" -v n="$4" -v b="$5" 'BEGIN { printf "| %s | %s | %d | %.2f | %.1f | %.1f |\n", r, s, n, t, n / t, b / t / 1e6 }'; }
timed() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>"$WORK/last.err" || { cat "$WORK/last.err" >&2; return 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "| receiver / sender | set | files | seconds | files/s | MB/s |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for set in small large; do
  n=$(ls "$WORK/sets/$set" | wc -l); b=$(bytes "$WORK/sets/$set")

  P=$(port); mkdir -p "$WORK/uplink-$set"
  dotnet "$RECEIVER" "$P" "$WORK/uplink-$set" >/dev/null & PIDS+=($!); wait_port "$P"
  row "dcmsend -> Uplink (durable)" "$set" "$(timed dcmsend -aec UPLINK 127.0.0.1 "$P" --scan-directories "$WORK/sets/$set")" "$n" "$b"
  kill "${PIDS[-1]}"; rm -rf "$WORK/uplink-$set"

  P=$(port); mkdir -p "$WORK/scp-$set"
  storescp -aet STORESCP +xa -pm +B -dhl -fe .dcm -od "$WORK/scp-$set" "$P" >/dev/null 2>&1 & PIDS+=($!); wait_port "$P"
  row "dcmsend -> storescp (no fsync)" "$set" "$(timed dcmsend -aec STORESCP 127.0.0.1 "$P" --scan-directories "$WORK/sets/$set")" "$n" "$b"
  rm -rf "$WORK/scp-$set"/*
  row "uplink dicom send -> storescp" "$set" "$(timed "$UPLINK" dicom send "STORESCP@127.0.0.1:$P" "$WORK/sets/$set"/*.dcm)" "$n" "$b"
  kill "${PIDS[-1]}"; rm -rf "$WORK/scp-$set"

  if [ -x /usr/sbin/Orthanc ] && command -v cc >/dev/null; then
    printf '%s\n' '#define _GNU_SOURCE' '#include <dlfcn.h>' '#include <string.h>' '#include <arpa/inet.h>' '#include <netinet/in.h>' \
      'typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);' \
      'int bind(int fd, const struct sockaddr *a, socklen_t l) { static bind_fn real; if (!real) real = (bind_fn)dlsym(RTLD_NEXT, "bind");' \
      '  if (a && a->sa_family == AF_INET) { struct sockaddr_in s; memcpy(&s, a, sizeof s); if (s.sin_addr.s_addr == htonl(INADDR_ANY)) { s.sin_addr.s_addr = htonl(INADDR_LOOPBACK); return real(fd, (struct sockaddr *)&s, sizeof s); } }' \
      '  return real(fd, a, l); }' > "$WORK/shim.c"
    cc -shared -fPIC -O2 -o "$WORK/shim.so" "$WORK/shim.c" -ldl
    P=$(port); H=$(port); mkdir -p "$WORK/orthanc-$set"
    cat > "$WORK/orthanc-$set/config.json" <<JSON
{ "Name": "bench", "StorageDirectory": "$WORK/orthanc-$set/db", "IndexDirectory": "$WORK/orthanc-$set/db", "StorageCompression": false,
  "HttpPort": $H, "RemoteAccessAllowed": false, "DicomAet": "ORTHANC", "DicomPort": $P, "DicomCheckCalledAet": false, "SaveJobs": false }
JSON
    LD_PRELOAD="$WORK/shim.so" Orthanc "$WORK/orthanc-$set/config.json" >/dev/null 2>&1 & PIDS+=($!); wait_port "$P"
    row "dcmsend -> Orthanc" "$set" "$(timed dcmsend -aec ORTHANC 127.0.0.1 "$P" --scan-directories "$WORK/sets/$set")" "$n" "$b"
    kill "${PIDS[-1]}"; sleep 1; rm -rf "$WORK/orthanc-$set"
  fi
done

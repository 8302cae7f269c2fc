#!/usr/bin/env bash
# Upload throughput: Uplink's Tricefy output -> Tricefy simulator, Uplink's STOW-RS output -> Orthanc,
# each next to a raw HttpClient sender (the floor: only the HTTP). Loopback only.
# Usage: bench/upload/run.sh [RUNS]   (needs .NET 10, cc, orthanc + orthanc-dicomweb; the shared corpus)
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${CORPUS:-}
if [ -z "$CORPUS" ]; then
  d=$ROOT; while [ "$d" != / ]; do [ -d "$d/shared/dicom-corpus" ] && CORPUS=$d/shared/dicom-corpus && break; d=$(dirname "$d"); done
fi
[ -n "$CORPUS" ] || { echo "shared/dicom-corpus not found; set CORPUS" >&2; exit 2; }

dotnet build -c Release -v q "$ROOT/bench/upload/Uplink.Bench.Upload" >/dev/null
BENCH="$ROOT/artifacts/bin/Uplink.Bench.Upload/release/Uplink.Bench.Upload.dll"

ORTHANC_ARGS=()
if [ -x /usr/sbin/Orthanc ] && [ -e /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] && command -v cc >/dev/null; then
  TMP=$(mktemp -d /tmp/uplink-bench-orthanc.XXXXXX)
  cat > "$TMP/shim.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);
int bind(int fd, const struct sockaddr *a, socklen_t l) {
  static bind_fn real; if (!real) real = (bind_fn)dlsym(RTLD_NEXT, "bind");
  if (a && a->sa_family == AF_INET && l >= sizeof(struct sockaddr_in)) {
    struct sockaddr_in s; memcpy(&s, a, sizeof s);
    if (s.sin_addr.s_addr == htonl(INADDR_ANY)) { s.sin_addr.s_addr = htonl(INADDR_LOOPBACK); return real(fd, (struct sockaddr *)&s, sizeof s); }
  }
  return real(fd, a, l);
}
C
  cc -shared -fPIC -O2 -o "$TMP/shim.so" "$TMP/shim.c" -ldl
  read -r HTTP DICOM < <(/usr/bin/python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
  PASS=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$TMP/storage"
  cat > "$TMP/orthanc.json" <<JSON
{ "Name": "UplinkBench", "StorageDirectory": "$TMP/storage", "IndexDirectory": "$TMP/storage", "StorageCompression": false,
  "HttpServerEnabled": true, "HttpPort": $HTTP, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": true, "RegisteredUsers": { "bench": "$PASS" },
  "DicomServerEnabled": true, "DicomAet": "ORTHANC", "DicomPort": $DICOM, "UnknownSopClassAccepted": true,
  "SaveJobs": false, "StableAge": 5, "Plugins": [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "Ssl": false } }
JSON
  ( cd "$TMP" && exec env TCP_NODELAY=1 LD_PRELOAD="$TMP/shim.so" /usr/sbin/Orthanc "$TMP/orthanc.json" ) </dev/null >"$TMP/orthanc.log" 2>&1 &
  OPID=$!
  trap 'kill "$OPID" 2>/dev/null; wait "$OPID" 2>/dev/null; rm -rf "$TMP"' EXIT
  for _ in $(seq 100); do curl -sf -u "bench:$PASS" "http://127.0.0.1:$HTTP/system" >/dev/null && break; sleep 0.2; done
  ORTHANC_ARGS=("http://127.0.0.1:$HTTP/dicom-web" bench "$PASS")
else
  echo "Orthanc, its DICOMweb plugin or cc is missing: simulator rows only." >&2
fi

echo "# $(date -u +%FT%TZ), $(nproc) cores, runs=$RUNS"
dotnet "$BENCH" "$CORPUS" "$RUNS" "${ORTHANC_ARGS[@]}"

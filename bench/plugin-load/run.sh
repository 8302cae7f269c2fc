#!/usr/bin/env bash
# Whole-process benchmark of plugin loading: time from starting `uplink run` to its "Uplink ready"
# log line with every bundled plugin selected, per-plugin load time from the host's own log lines,
# and the same host with an empty plugins folder as the baseline (ratio = plugins / no plugins).
# Usage: bench/plugin-load/run.sh [RUNS]   (default 7; Release build; results in bench/results/)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
dotnet build src/Uplink.Host/Uplink.Host.csproj -c Release -v q -nologo >/dev/null && echo "built" >&2
exec /usr/bin/python3 bench/plugin-load/measure.py artifacts/bin/Uplink.Host/release "$runs"

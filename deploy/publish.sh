#!/usr/bin/env bash
# Publishes the self-contained `uplink` (no .NET needed on the target) for each runtime identifier given,
# by default linux-x64 and win-x64, into artifacts/publish/uplink-<rid>/: the host as uplink or uplink.exe,
# the bundled plugins in plugins/<id>/ with their hash lists in bundled-plugins/, profiles/, the systemd unit.
# The runtime packs come from the NuGet feed like any package. Prints each folder's size.
#   deploy/publish.sh                 both
#   deploy/publish.sh linux-x64       one
# UPLINK_PUBLISH_R2R=false skips ReadyToRun precompilation (a faster publish, a slower start).
# UPLINK_PUBLISH_CONFIGURATION=Debug publishes the Debug build (CI: it reuses the build the tests then use).
set -euo pipefail
cd "$(dirname "$0")/.."

rids=("$@")
[ "${#rids[@]}" -gt 0 ] || rids=(linux-x64 win-x64)
configuration=${UPLINK_PUBLISH_CONFIGURATION:-Release}
r2r=()
[ "${UPLINK_PUBLISH_R2R:-true}" = false ] && r2r=(-p:UplinkReadyToRun=false)

for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64|win-x64) ;;
    *) echo "publish: unsupported runtime identifier '$rid' (linux-x64 or win-x64)" >&2; exit 2 ;;
  esac
  out="artifacts/publish/uplink-$rid"
  rm -rf "$out"
  dotnet publish src/Uplink.Host -m:1 -nologo -v:minimal -c "$configuration" -r "$rid" --self-contained \
    "${r2r[@]}" -o "$out"
  exe="$out/uplink"; [[ "$rid" == win-* ]] && exe="$out/uplink.exe"
  [ -f "$exe" ] || { echo "publish: $exe is missing" >&2; exit 1; }
  for list in "$out"/bundled-plugins/*.sha256; do
    id=$(basename "$list" .sha256)
    # The lists name files relative to the plugin's folder; a mismatch here would make the host refuse it.
    (cd "$out/plugins/$id" && sha256sum --check --quiet --strict "../../bundled-plugins/$id.sha256") ||
      { echo "publish: plugins/$id does not match its hash list" >&2; exit 1; }
  done
  echo "publish: $rid $configuration -> $out ($(du -sh "$out" | cut -f1), $(ls "$out/plugins" | wc -l) bundled plugins)"
done

#!/usr/bin/env bash
# Faults during a build (issue 6): a build killed with SIGKILL at a random moment, ten times in a row, leaves
# each edition exactly as the previous build wrote it or exactly as the new one would (never half of each, never
# missing), and the next build removes the killed build's hidden staging folder; a full disk and a read-only
# output give a clear error (exit 2) and keep the previous output.
#
# usage: scripts/fault-check.sh KIZUNA_BINARY [RUNS]
set -euo pipefail
kizuna=$1
runs=${2:-10}
work=$(mktemp -d)
trap 'umount "$work/mnt" 2>/dev/null || true; rm -rf "$work"' EXIT

# Two versions of the content: B changes a day both editions send.
cp -r content "$work/A"
cp -r content "$work/B"
sed -i "s/顔を近づけると/顔をそっと近づけると/" "$work/B/manuscripts/childcare/0045.yaml"
cmp -s "$work/A/manuscripts/childcare/0045.yaml" "$work/B/manuscripts/childcare/0045.yaml" && { echo "fault-check: B equals A"; exit 1; }

# The hash of every visible file of a folder, as one line.
state() { (cd "$1" && find . -type f -not -path '*/.*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
"$kizuna" build --content "$work/A" --output "$work/outA" --quiet
"$kizuna" build --content "$work/B" --output "$work/outB" --quiet 2>/dev/null
folders=$(ls "$work/outA")

start=$(date +%s%N)
"$kizuna" build --content "$work/B" --output "$work/timing" --quiet 2>/dev/null
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "fault-check: a build takes $duration_ms ms; each is killed 0-150 ms after it starts writing"

midway=0
for i in $(seq 1 "$runs"); do
  rm -rf "$work/out"
  cp -a "$work/outA" "$work/out"
  "$kizuna" build --content "$work/B" --output "$work/out" --quiet 2>/dev/null &
  pid=$!
  # Wait until it writes (its staging folder appears), then kill it a random moment later.
  for _ in $(seq 1 6000); do
    [ -d "$work/out/.kizuna-staging-$pid" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.01
  done
  sleep "$(awk -v s="$i" 'BEGIN { srand(s); printf "%.3f", rand() * 0.15 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for f in $folders; do
    [ -f "$work/outA/$f" ] && continue
    s=$(state "$work/out/$f" 2>/dev/null || echo missing)
    if [ "$s" != "$(state "$work/outA/$f")" ] && [ "$s" != "$(state "$work/outB/$f")" ]; then
      echo "fault-check: run $i: $f is neither the previous nor the new build ($s)"; exit 1
    fi
  done
  extra=$(cd "$work/out" && ls -A | grep -v -x -F "$(ls -A "$work/outA")" || true)
  for e in $extra; do
    # The folders a partial rebuild keeps for the next one are the build's own state, like its cache.
    [[ "$e" == .kizuna-previous ]] && continue
    [[ "$e" == .kizuna-staging-$pid ]] || { echo "fault-check: run $i: stray entry $e"; exit 1; }
    midway=$((midway + 1))
  done
  "$kizuna" build --content "$work/B" --output "$work/out" --quiet 2>/dev/null
  [ -z "$(cd "$work/out" && ls -A | grep '^\.kizuna-staging-' || true)" ] || { echo "fault-check: run $i: the next build left a staging folder"; exit 1; }
  [ "$(state "$work/out")" = "$(state "$work/outB")" ] || { echo "fault-check: run $i: the next build differs"; exit 1; }
done
echo "fault-check: $runs SIGKILLs, $midway of them while staging: every edition whole (previous or new), staging cleaned by the next build"

# A full disk and a read-only output, on a small tmpfs (needs root; skipped elsewhere).
mkdir -p "$work/mnt"
if mount -t tmpfs -o size=16m tmpfs "$work/mnt" 2>/dev/null; then
  "$kizuna" build --content "$work/A" --output "$work/mnt/out" --quiet
  before=$(state "$work/mnt/out")
  dd if=/dev/zero of="$work/mnt/fill" bs=64k 2>/dev/null || true
  set +e
  "$kizuna" build --content "$work/B" --output "$work/mnt/out" --quiet 2> "$work/full.txt"
  status=$?
  set -e
  cat "$work/full.txt"
  [ "$status" -eq 2 ] || { echo "fault-check: a full disk exited $status, expected 2"; exit 1; }
  grep -q "No space left on device" "$work/full.txt"
  [ "$(state "$work/mnt/out")" = "$before" ] || { echo "fault-check: a full disk changed the output"; exit 1; }
  [ -z "$(ls -A "$work/mnt/out" | grep '^\.kizuna-staging-' || true)" ] || { echo "fault-check: a full disk left staging"; exit 1; }
  rm -f "$work/mnt/fill"
  mount -o remount,ro "$work/mnt"
  set +e
  "$kizuna" build --content "$work/B" --output "$work/mnt/out" --quiet 2> "$work/ro.txt"
  status=$?
  set -e
  cat "$work/ro.txt"
  [ "$status" -eq 2 ] || { echo "fault-check: a read-only output exited $status, expected 2"; exit 1; }
  grep -qi "read-only\|not writable" "$work/ro.txt"
  [ "$(state "$work/mnt/out")" = "$before" ] || { echo "fault-check: a read-only output changed"; exit 1; }
  umount "$work/mnt"
  echo "fault-check: full disk and read-only output: exit 2 with the reason, previous output intact"
else
  echo "fault-check: cannot mount a tmpfs here (not root?): full-disk and read-only checks skipped"
fi

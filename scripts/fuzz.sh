#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (a package of its own, so the root `swift build`/`swift test` never
# see them) with the fuzzer and address sanitizers, and runs one for a given time.
#
#   scripts/fuzz.sh manuscript|markup SECONDS [more libFuzzer flags...]
#
#   manuscript  Fuzz/Sources/FuzzManuscript: the input is one manuscript file, validated with the minimal
#               fixture content (Tests/KizunaCoreTests/Fixtures/minimal) through the whole pipeline.
#   markup      Fuzz/Sources/FuzzMarkup: the input is the text of a section, parsed by InlineMarkupParser
#               directly and inside a validated manuscript.
#
# Everything goes under .build-fuzz/ (git-ignored): the build, the working corpus .build-fuzz/corpus-TARGET
# (the seeds in Fuzz/corpus/TARGET are copied in, what the fuzzer adds stays there for the next run), crash
# inputs in .build-fuzz/artifacts-TARGET/, and the log .build-fuzz/fuzz-TARGET-DATE.log.
#
# Flags: SwiftPM's `--sanitize=fuzzer --sanitize=address` reach swiftc as two `-sanitize=` options, of which
# the Swift driver keeps only the last, so Swift code got ASan but no coverage (the fuzzer ran blind on
# KizunaCore). `-Xswiftc -sanitize=fuzzer,address` gives swiftc both in one option.
#
# Reproducing a finding (crash-*, leak-*, timeout-*, oom-* in .build-fuzz/artifacts-TARGET/):
#   .build-fuzz/release/FuzzManuscript .build-fuzz/artifacts-manuscript/crash-…       # (FuzzMarkup for markup)
#   .build-fuzz/release/FuzzManuscript -minimize_crash=1 -max_total_time=120 \
#       -exact_artifact_path=/tmp/min.bin .build-fuzz/artifacts-manuscript/crash-…     # a smaller input
# Turning it into a regression fixture: fix the cause in Sources/KizunaCore, copy the (minimized) input to
# Tests/KizunaCoreTests/Fixtures/fuzz/<short-name>.bin (.yaml/.txt when it is readable text), and run
#   swift test --scratch-path .build-fuzztest --filter FuzzRegression
# FuzzRegressionTests runs every file there through both targets' paths with the same invariants.
set -euo pipefail

usage() { echo "usage: $0 manuscript|markup SECONDS [libFuzzer flags...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1; seconds=$2; shift 2
case "$target" in
    manuscript) product=FuzzManuscript ;;
    markup) product=FuzzMarkup ;;
    *) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

cd "$(dirname "$0")/.."
scratch=.build-fuzz
# Both targets at once (building one with --product changes the build plan and rebuilds everything).
# FUZZ_SKIP_BUILD=1 runs the binary already built.
# A source edited during the build fails it ("was modified during the build"): try again, up to 3 times.
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
    for attempt in 1 2 3; do
        swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address \
            --package-path Fuzz --scratch-path "$scratch" && break
        [ "$attempt" -lt 3 ] || exit 1
    done
fi

corpus=$scratch/corpus-$target
artifacts=$scratch/artifacts-$target
mkdir -p "$corpus" "$artifacts"
cp -n Fuzz/corpus/"$target"/* "$corpus"/
log=$scratch/fuzz-$target-$(date +%Y%m%d-%H%M%S).log

echo "fuzzing $target for ${seconds}s, log $log"
# Swift's own crash backtracer trips ASan (it reads the crashed stack); libFuzzer prints the stack instead.
export SWIFT_BACKTRACE=enable=no
start=$(date +%s)
status=0
# One process (no -jobs/-workers: -jobs forks children that log to ./fuzz-N.log).
"$scratch/release/$product" "$corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$@" >"$log" 2>&1 || status=$?
end=$(date +%s)

tail -n 25 "$log"
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo "target $target: ${executions:-?} executions in $((end - start))s ($(( (end - start) / 60 )) min), exit $status"
echo "findings in $artifacts: $(find "$artifacts" -type f | wc -l)"
exit "$status"

#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer of the readers of outside input: the schedule loader,
# the records importer, the reply reader (any file rsvp reads), the MIME reader of whole emails,
# the report's Markdown rendering (a write-up's learning points) and the template loader.
# Usage: fuzz/run.sh [SECONDS] [NAME…]
# Each fuzzer starts from fuzz/corpus/NAME (committed seeds) and adds what it finds to a scratch
# copy; a crash, a hang (-timeout) or a leak (AddressSanitizer) fails the run and leaves the input
# in .build-fuzz/artifacts/. The reply and MIME readers must stay within a budget for any input
# (issue 11), and so must the Markdown and template renderers (issue 21), so for them an input
# slower than 3 s or a run above 512 MB (-rss_limit_mb, AddressSanitizer's overhead included)
# fails too, so that slowness and memory bombs count as failures; their inputs may grow to
# 64 KiB, room for a bomb (an 8,000-deep multipart is 68 KB; 10,000 '[' hung the old renderer).
# With FUZZ_MERGE=1, what the run found that reaches new code is merged into fuzz/corpus/NAME
# (libFuzzer's -merge=1 keeps the smallest inputs that cover it), to commit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(schedule records reply mime report template)
scratch=.build-fuzz
# Swift's own crash reporter would stop to symbolicate under AddressSanitizer; libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
# AddressSanitizer holds freed memory back (256 MB by default) to catch use after free; a quarter
# of that leaves -rss_limit_mb to measure what the readers themselves hold.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64}
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

for name in "${names[@]}"; do
  product=fuzz-$name
  # SwiftPM links every executable with `--defsym main=<product>_main`, which clashes with
  # libFuzzer's own main; build the objects with SwiftPM, then relink without that symbol.
  link=$(swift build --product "$product" --scratch-path "$scratch" "${flags[@]}" -v 2>&1 \
           | grep -F -- "-module-name ${product//-/_} -emit-executable" | tail -n 1 || true)
  if [ -n "$link" ]; then
    eval "${link// -Xlinker --defsym -Xlinker main=${product//-/_}_main/} -Xlinker --no-warn-mismatch" >/dev/null 2>&1 || true
  fi
  binary=$(swift build --scratch-path "$scratch" --show-bin-path)/$product
  [ -x "$binary" ] || { echo "fuzz: could not build $binary" >&2; exit 1; }
  work=$scratch/corpus/$name
  mkdir -p "$work" "$scratch/artifacts"
  cp fuzz/corpus/"$name"/* "$work"/
  case $name in
    reply|mime|report|template) limits=(-timeout=3 -rss_limit_mb=512 -max_len=65536) ;;
    *) limits=(-timeout=10 -rss_limit_mb=2048) ;;
  esac
  echo "== fuzzing $name for ${seconds}s (${limits[*]})"
  "$binary" "$work" -max_total_time="$seconds" "${limits[@]}" \
    -artifact_prefix="$scratch/artifacts/$name-" -print_final_stats=1 2>&1 | grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" || true
  if ls "$scratch/artifacts/$name-"* >/dev/null 2>&1; then
    echo "fuzz: $name found a failing input: $(ls "$scratch/artifacts/$name-"*)" >&2
    exit 1
  fi
  if [ "${FUZZ_MERGE:-0}" = 1 ]; then
    "$binary" -merge=1 fuzz/corpus/"$name" "$work" 2>&1 | grep -E "^MERGE-OUTER: [0-9]+ new files" || true
  fi
done
echo "fuzz: ${#names[@]} passed, 0 failed"

#!/usr/bin/env bash
# Runs one libFuzzer target the way ctest does (tests/fuzz/CMakeLists.txt):
#
#   run.sh FUZZER SOURCE_DIR WORK_DIR SECONDS SEED_DIR...
#
# First every input in tests/fuzz/regressions/<target>/ is run once (each
# found a bug that is fixed now); then the fuzzer runs for SECONDS on one
# core, starting from the seed folders (relative to SOURCE_DIR). New inputs
# go to WORK_DIR/corpus, never into the source tree; a crashing input is
# saved in WORK_DIR as crash-*, leak-*, timeout-* or oom-*.
set -euo pipefail

fuzzer=$1 src=$2 work=$3 seconds=$4
shift 4
target=$(basename "$fuzzer")
target=${target#fuzz_}
regressions=$src/tests/fuzz/regressions/$target
options=(-rss_limit_mb=2048 -timeout=30 -dict="$src/tests/fuzz/anketa.dict"
	-artifact_prefix="$work/")

mkdir -p "$work/corpus"
shopt -s nullglob
replay=("$regressions"/*)
if [ ${#replay[@]} -gt 0 ]; then
	echo "fuzz_$target: replaying ${#replay[@]} regression inputs"
	"$fuzzer" "${options[@]}" "${replay[@]}"
fi

seeds=()
for dir in "$@"; do
	seeds+=("$src/$dir")
done
"$fuzzer" "${options[@]}" -max_total_time="$seconds" \
	-print_final_stats=1 "$work/corpus" "${seeds[@]}"

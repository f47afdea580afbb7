#!/usr/bin/env bash
# Reports and the big screen on the full synthetic county, in one run:
#   bench/run-report.sh [SCALE [bench_report options: --runs N, --only TEXT]]
#   (SCALE default 1: 150 000 labor records)
# Needs a release build (cmake --preset release && cmake --build --preset
# release). Generates the county year with jiuye-gen, imports it into a fresh
# database under build/release/bench/report-county/ (kept for reruns: delete
# it to regenerate), then runs bench_report on it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scale=${1:-1}
bin=$root/build/release
work=$bin/bench/report-county-$scale
db=$work/xingan.db
if [ ! -f "$db" ]; then
  mkdir -p "$work"
  "$bin/tools/jiuye-gen" --stdout --scale "$scale" > "$work/county.jsonl"
  "$bin/tools/jiuye" init --db "$db"
  "$bin/tools/jiuye" import --db "$db" --mode keep-good "$work/county.jsonl"
  rm -f "$work/county.jsonl"
fi
"$bin/bench/bench_report" --db "$db" "${@:2}"

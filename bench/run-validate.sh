#!/usr/bin/env bash
# Runs the validation benchmark and its peer on the same input, in one run.
#   bench/run-validate.sh [COUNT]      (default 1000000)
# Needs a release build (cmake --preset release && cmake --build --preset
# release) and Debian's python3-stdnum for the peer.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-1000000}
ids=$(mktemp)
trap 'rm -f "$ids"' EXIT
"$root/build/release/bench/bench_validate" --count "$count" --write-ids "$ids"
if /usr/bin/python3 -c 'import stdnum' 2>/dev/null; then
  /usr/bin/python3 "$root/bench/peer_stdnum.py" "$ids"
else
  echo "(peer skipped: apt-get install python3-stdnum)"
fi

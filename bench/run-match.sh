#!/bin/sh
# The matcher benchmark with its peers (docs/BENCHMARKS.md, "Matcher"):
#   bench/run-match.sh [BUILD_DIR] [WORK_DIR]
# BUILD_DIR: a release build (default build/release); WORK_DIR: where the
# corpus goes (default build/bench-match). Needs python3-xapian (Debian) for
# Xapian; the peers are timed on the first 1000 queries (FTS5 is slow).
set -eu
build=${1:-build/release}
work=${2:-build/bench-match}
here=$(dirname "$0")
mkdir -p "$work"
"$build/tools/jiuye-gen" --scale 2.5 --stdout |
    grep -E '"type": ?"(posting|jobseeker|enterprise)"' |
    /usr/bin/python3 "$here/match_corpus.py" "$work" --seekers 20000
/usr/bin/python3 "$here/match_peers.py" labels "$work"
echo "== libjiuye matcher (C, bench_match)"
"$build/bench/bench_match" --postings "$work/postings.jsonl" --queries "$work/queries.jsonl" --date 2027-03-01
"$build/tools/jiuye" match --postings "$work/postings.jsonl" --queries "$work/labeled.jsonl" \
    --date 2027-03-01 > "$work/labeled-out.jsonl"
/usr/bin/python3 "$here/match_peers.py" quality "$work" "$work/labeled-out.jsonl"
echo "== peers (Python driving SQLite FTS5 and Xapian)"
/usr/bin/python3 "$here/match_peers.py" peers "$work" 1000

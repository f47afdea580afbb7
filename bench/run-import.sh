#!/usr/bin/env bash
# Import benchmark: the labor survey from CSV with full validation, side by
# side with sqlite3's .import of the same CSV into a table with the same
# primary key (the ID number), in one run. Then peak memory on a
# 1 000 000-row file (streaming). Each line gives the wall time, the CPU
# time (user + system: steadier than the wall time on a shared machine)
# and the peak resident memory.
#   bench/run-import.sh [SCALE] [BIG_SCALE]   (defaults 1 = 150 000 rows, 6.67 = 1 000 000)
# Needs a release build (cmake --preset release && cmake --build --preset
# release) and Debian's sqlite3 and time packages.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="$root/build/release/tools"
scale=${1:-1}
big=${2:-6.67}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_csv() { # SCALE OUT.csv
  "$bin/jiuye-gen" --scale "$1" --out "$work/gen" >/dev/null
  rm -f "$work/csv.db"*
  "$bin/jiuye" init --db "$work/csv.db" >/dev/null
  "$bin/jiuye" import --db "$work/csv.db" --kind labor "$work/gen/labor.jsonl" >/dev/null
  "$bin/jiuye" export --db "$work/csv.db" --kind labor --format csv --names --unmask "$2" >/dev/null
  rm -rf "$work/gen" "$work/csv.db"*
}

cpu() { awk -v u="$1" -v s="$2" 'BEGIN { printf "%.2f", u + s }'; }

run_jiuye() { # CSV MODE
  rm -f "$work/j.db"*
  "$bin/jiuye" init --db "$work/j.db" >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$bin/jiuye" import --db "$work/j.db" \
    --kind labor --format csv --mode "$2" "$1" >"$work/out"
  read -r secs user sys kb <"$work/t"
  printf '%-46s %6s s  cpu %5s s %5s MB  %s\n' "jiuye import (csv, $2, full validation)" \
    "$secs" "$(cpu "$user" "$sys")" "$((kb / 1024))" "$(cat "$work/out")"
}

run_sqlite() { # CSV JOURNAL_MODE
  rm -f "$work/s.db"*
  local cols
  cols=$(head -1 "$1" | sed 's/^\xef\xbb\xbf//' | tr ',' '\n' | grep -v '^id$' |
    sed 's/$/ TEXT/' | paste -sd, | sed 's/id_number TEXT/id_number TEXT PRIMARY KEY/')
  sqlite3 "$work/s.db" "PRAGMA journal_mode=$2; CREATE TABLE labor (id INTEGER, $cols);" >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" sqlite3 "$work/s.db" \
    ".import --csv --skip 1 $1 labor"
  read -r secs user sys kb <"$work/t"
  printf '%-46s %6s s  cpu %5s s %5s MB  %s rows\n' "sqlite3 .import (same CSV, same key, $2)" \
    "$secs" "$(cpu "$user" "$sys")" "$((kb / 1024))" \
    "$(sqlite3 "$work/s.db" 'SELECT count(*) FROM labor')"
}

echo "libjiuye $("$bin/jiuye" version | cut -d' ' -f2), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
make_csv "$scale" "$work/labor.csv"
echo "labor.csv: $(($(wc -l <"$work/labor.csv") - 1)) rows, $(($(stat -c %s "$work/labor.csv") / 1048576)) MB"
for i in 1 2 3; do
  run_jiuye "$work/labor.csv" keep-good
  run_sqlite "$work/labor.csv" delete
  run_sqlite "$work/labor.csv" wal
done
run_jiuye "$work/labor.csv" all

make_csv "$big" "$work/big.csv"
echo "big.csv: $(($(wc -l <"$work/big.csv") - 1)) rows, $(($(stat -c %s "$work/big.csv") / 1048576)) MB"
run_jiuye "$work/big.csv" keep-good
run_sqlite "$work/big.csv" delete
run_sqlite "$work/big.csv" wal

#!/usr/bin/env bash
# The big screen in a real browser (ctest dashboard_browser):
#
#   tests/dashboard_browser.sh JIUYE JIUYE_GEN WORK_DIR
#
# Builds a small synthetic county (jiuye-gen --scale 0.01, jiuye init and
# import), writes the big-screen page with `jiuye dashboard`, renders it in
# headless Chromium to a 1920x1080 PNG and dumps its DOM, and checks: the
# PNG exists, is 1920x1080 and not trivially small; the browser logged no
# console message and no uncaught error; the DOM holds the Chinese labels;
# the page refers to nothing outside itself. First it proves that the
# console check catches an error, on a page made to log one.
#
# Exit 77 (ctest SKIP_RETURN_CODE) only when no Chromium is installed;
# tools/deps.sh installs Debian's chromium, so CI runs it.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 JIUYE JIUYE_GEN WORK_DIR" >&2
  exit 2
fi
jiuye=$1 gen=$2 work=$3

browser=
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" > /dev/null 2>&1; then
    browser=$(command -v "$b")
    break
  fi
done
if [ -z "$browser" ]; then
  echo "SKIP: no chromium installed (tools/deps.sh installs it)"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

# A profile of our own, so parallel runs and a user's browser do not meet.
run_browser() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --user-data-dir="$work/profile" --enable-logging=stderr --v=0 "$@"
}

# Console messages and uncaught errors, as Chromium logs them.
console_problems() {
  grep -E ':CONSOLE[:(]|Uncaught|Failed to load resource|net::ERR_' "$1" || true
}

# 1. The check can fail: a page that logs an error is caught.
printf '<!DOCTYPE html><html><body><script>console.error("bad")</script></body></html>' > bad.html
run_browser --dump-dom "file://$work/bad.html" > bad.dom 2> bad.log || true
if [ -z "$(console_problems bad.log)" ]; then
  fail "the console check did not see the error of bad.html (log: $work/bad.log)"
fi

# 2. The page of a small synthetic county.
"$gen" --stdout --scale 0.01 > county.jsonl
"$jiuye" init --db county.db > /dev/null
"$jiuye" import --db county.db --mode keep-good county.jsonl > /dev/null
"$jiuye" dashboard --db county.db --from 2026-03-01 --to 2027-02-28 screen.html
[ -s screen.html ] || fail "no page written"
if grep -Eq '<script|<link|src=|@import|url\(|https?:' screen.html; then
  fail "the page refers to something outside itself"
fi

run_browser --screenshot="$work/screen.png" --window-size=1920,1080 \
  "file://$work/screen.html" > shot.out 2> shot.log || fail "chromium failed (log: $work/shot.log)"
[ -f screen.png ] || fail "no screenshot"
size=$(stat -c %s screen.png)
[ "$size" -gt 30000 ] || fail "screenshot of $size bytes: nothing rendered?"
# PNG signature and the IHDR width and height (big-endian at bytes 16..23).
sig=$(od -An -tx1 -N8 screen.png | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a" ] || fail "screen.png is not a PNG"
read -r w1 w2 w3 w4 h1 h2 h3 h4 < <(od -An -tu1 -j16 -N8 screen.png)
width=$(( (w1 << 24) | (w2 << 16) | (w3 << 8) | w4 ))
height=$(( (h1 << 24) | (h2 << 16) | (h3 << 8) | h4 ))
[ "$width" -eq 1920 ] && [ "$height" -eq 1080 ] || fail "screenshot is ${width}x${height}"

run_browser --dump-dom "file://$work/screen.html" > dom.html 2> dom.log || fail "chromium --dump-dom failed"
problems=$(console_problems shot.log; console_problems dom.log)
[ -z "$problems" ] || fail "console errors: $problems"
for label in 新干县就业之家数据大屏 每月发布岗位 每月直播带岗 "劳动力资源信息(按乡镇)" \
             重点群体1311服务覆盖率 金川镇 高校毕业生 统计期间; do
  grep -qF "$label" dom.html || fail "label '$label' missing from the DOM"
done
[ "$(grep -o '<svg' dom.html | wc -l)" -ge 4 ] || fail "fewer than 4 SVG charts in the DOM"

echo "OK: screen.png ${width}x${height}, $size bytes; DOM has the labels; no console errors"

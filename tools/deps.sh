#!/usr/bin/env bash
# Installs the Debian packages libjiuye needs to build and test, if missing.
# Sourced by tools/run-demo and tools/run-tests; safe to run again.
# Needs root, or sudo for a normal user; uses no network but Debian's archive.
set -euo pipefail

JY_DEBIAN_PACKAGES=(
  cmake make gcc g++ pkg-config binutils
  libsqlite3-dev libutf8proc-dev libcjson-dev
  libcriterion-dev
  swig python3-dev python3-pytest
  doxygen
  # Excel workbooks (.xlsx): optional at build time (JY_WITH_XLSX=AUTO), so
  # installed here to build and test them; unzip reads them back in tests.
  libxlsxwriter-dev unzip
  # The big screen is tested in a real browser (ctest dashboard_browser),
  # with a CJK font for the screenshot: Noto Sans CJK, which also has the
  # Extension A character of 麦㙦镇 (WenQuanYi Micro Hei has not).
  chromium fonts-noto-cjk
  clang libclang-rt-14-dev  # libFuzzer and its sanitizers (preset fuzz)
)

jy_install_deps() {
  local missing=()
  local p
  for p in "${JY_DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  jy_install_deps
fi

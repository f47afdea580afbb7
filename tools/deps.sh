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

# The preset `cipher` (JY_WITH_SQLCIPHER) needs SQLCipher 4: Debian 12's
# libsqlcipher-dev is 3.4.1 (on SQLite 3.15, older than the 3.35 libjiuye
# needs); bookworm-backports has 4.6.1. The backports suite is added as a
# deb822 source only for that preset; apt never installs from backports
# unless asked (-t), so nothing else changes. The package installs its
# headers under include/sqlcipher/ and its library as libsqlcipher: it does
# not touch libsqlite3-dev.
JY_BACKPORTS_SOURCES=/etc/apt/sources.list.d/jiuye-bookworm-backports.sources

jy_sqlcipher4_installed() {
  local v
  v=$(dpkg-query -W -f='${Status} ${Version}' libsqlcipher-dev 2>/dev/null) || return 1
  case "$v" in
    "install ok installed "[4-9]*) return 0 ;;
  esac
  return 1
}

jy_install_sqlcipher() {
  jy_sqlcipher4_installed && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  if ! grep -qs '^Suites:.*bookworm-backports' /etc/apt/sources.list.d/*.sources &&
     ! grep -qs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/*.list; then
    echo "Adding bookworm-backports ($JY_BACKPORTS_SOURCES) for SQLCipher 4" >&2
    printf '%s\n' \
      "# Added by libjiuye's tools/deps.sh for the preset cipher (SQLCipher 4)." \
      "Types: deb" \
      "URIs: http://deb.debian.org/debian" \
      "Suites: bookworm-backports" \
      "Components: main" \
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" \
      | "${sudo[@]}" tee "$JY_BACKPORTS_SOURCES" >/dev/null
  fi
  echo "Installing libsqlcipher-dev from bookworm-backports" >&2
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    -t bookworm-backports libsqlcipher-dev
  jy_sqlcipher4_installed || { echo "libsqlcipher-dev 4 could not be installed" >&2; return 1; }
}

# jy_install_deps [preset...]: the packages of every build, plus those of
# the presets named (cipher: SQLCipher 4).
jy_install_deps() {
  local preset
  for preset in "$@"; do
    if [ "$preset" = cipher ]; then
      jy_install_sqlcipher
    fi
  done
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
  jy_install_deps "$@"
fi

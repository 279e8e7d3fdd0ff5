#!/usr/bin/env bash
# Makes sure the system packages the tests drive are present: Debian's Chromium (browser tests),
# PostgreSQL (centre storage suite), SANE's scanimage (scanner tests), poppler (PDF checks), the
# openssl CLI (throwaway certificates for the centre's HTTPS tests) and libfaketime (a centre process
# started by a browser spec runs on the spec's fixed clock: tests/support/faketime.ts).
# Installs them with apt when running as root; otherwise says exactly what to install.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v scanimage >/dev/null 2>&1 || missing+=(sane-utils)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The library itself is what the tests preload; Debian's faketime package brings it.
compgen -G '/usr/lib/*/faketime/libfaketimeMT.so.1' >/dev/null || compgen -G '/usr/lib/faketime/libfaketimeMT.so.1' >/dev/null || missing+=(faketime)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages for the tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need these system packages: ${missing[*]}" >&2
echo "Install them, e.g.: sudo apt-get install -y ${missing[*]}" >&2
echo "(or point CHROMIUM_PATH at a Chromium/Chrome binary on another system)" >&2
exit 1

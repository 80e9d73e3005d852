#!/usr/bin/env bash
# Runs the whole test suite against real services: installs MariaDB and nsqd when
# they are missing, starts them on private ports with scratch data, runs every
# module's tests, and stops what it started.
#
# To use your own MySQL/MariaDB or nsqd, export the SMPP_TEST_* variables listed
# in README.md first: a variable already set is not overridden.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SMPP_TEST_MYSQL_HOST:-}" ] || [ -z "${SMPP_TEST_NSQD_TCP:-}" ]; then
  scripts/services.sh start
  trap 'scripts/services.sh stop' EXIT
  while IFS='=' read -r key value; do
    key=${key#export }
    [ -n "${!key:-}" ] || export "$key=$value"
  done < .scratch/services.env
fi

# The admin panel's browser test drives Debian's Chromium through playwright-core (no browser download).
if [ ! -x /usr/bin/chromium ]; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
npm install --prefix smpp-http/src/test/browser --no-audit --no-fund --loglevel=error

mvn -B -ntp "$@" verify

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

mvn -B -ntp "$@" verify

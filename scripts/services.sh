#!/usr/bin/env bash
# Installs (when missing), starts and stops the services the test suite needs:
# MariaDB and nsqd, bound to 127.0.0.1 on ports that do not clash with a system
# MariaDB or nsqd, with their data in a scratch folder.
# nsqlookupd is installed beside nsqd (not started: the tests that need it start
# their own, with their own nsqd).
#
#   scripts/services.sh start   # install if needed, start fresh, write the env file
#   scripts/services.sh stop    # stop what start started
#   scripts/services.sh env     # print the env file (source it to reach the services)
#
# Ports and folder can be moved with SMPP_SCRATCH, SMPP_TEST_MYSQL_PORT,
# SMPP_TEST_NSQD_TCP_PORT and SMPP_TEST_NSQD_HTTP_PORT.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SMPP_SCRATCH:-$repo/.scratch}
mysql_port=${SMPP_TEST_MYSQL_PORT:-13306}
nsqd_tcp_port=${SMPP_TEST_NSQD_TCP_PORT:-14150}
nsqd_http_port=${SMPP_TEST_NSQD_HTTP_PORT:-14151}
nsqd_version=v1.3.0

db_dir=$scratch/mariadb
nsq_dir=$scratch/nsqd
env_file=$scratch/services.env

log() { printf '[services] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

find_mariadbd() {
  local candidate
  for candidate in mariadbd mysqld /usr/sbin/mariadbd /usr/sbin/mysqld; do
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  return 1
}

install_mariadb() {
  find_mariadbd >/dev/null && return 0
  log "installing MariaDB from Debian's packages"
  as_root apt-get update -qq
  # Do not let the package start a system-wide server: ours runs on its own port.
  local policy=/usr/sbin/policy-rc.d created_policy=no
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    created_policy=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client >/dev/null
  [ "$created_policy" = yes ] && as_root rm -f "$policy"
  find_mariadbd >/dev/null
}

# find_nsq_app NAME: the path of nsqd or nsqlookupd, on PATH or in Go's bin folder.
find_nsq_app() {
  local app=$1 gobin
  if command -v "$app" >/dev/null 2>&1; then command -v "$app"; return 0; fi
  gobin=$(go env GOBIN 2>/dev/null || true)
  [ -n "$gobin" ] || gobin=$(go env GOPATH 2>/dev/null)/bin
  if [ -x "$gobin/$app" ]; then echo "$gobin/$app"; return 0; fi
  return 1
}

find_nsqd() { find_nsq_app nsqd; }

# install_nsq_app NAME: go install of nsq's apps/NAME at the pinned version.
install_nsq_app() {
  local app=$1
  find_nsq_app "$app" >/dev/null && return 0
  log "installing $app $nsqd_version with go install"
  if ! go install "github.com/nsqio/nsq/apps/$app@$nsqd_version"; then
    # 'go install pkg@version' also asks the proxy for the module's version list
    # (to report deprecation); where that is refused, build the same version from
    # a throwaway module, with the replace directive nsq's own go.mod carries.
    log "go install refused; building $app $nsqd_version from a temporary module"
    local build gobin
    build=$(mktemp -d)
    gobin=$(go env GOBIN); [ -n "$gobin" ] || gobin=$(go env GOPATH)/bin
    mkdir -p "$gobin"
    cat >"$build/go.mod" <<MOD
module nsq-build

go 1.21

require github.com/nsqio/nsq $nsqd_version

replace github.com/judwhite/go-svc => github.com/mreiferson/go-svc v1.2.2-0.20210815184239-7a96e00010f6
MOD
    (cd "$build" && GOFLAGS=-mod=mod go build -o "$gobin/$app" "github.com/nsqio/nsq/apps/$app")
    rm -rf "$build"
  fi
  find_nsq_app "$app" >/dev/null
}

stop_pidfile() {
  local pidfile=$1 name=$2 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

wait_for() {
  local what=$1 tries=$2; shift 2
  for _ in $(seq 1 "$tries"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  log "$what did not come up; see the logs in $scratch"
  return 1
}

start_mariadb() {
  local mariadbd install_db client
  mariadbd=$(find_mariadbd)
  install_db=$(command -v mariadb-install-db || command -v mysql_install_db)
  client=$(command -v mariadb || command -v mysql)
  stop_pidfile "$db_dir/mariadbd.pid" mariadbd
  rm -rf "$db_dir"
  mkdir -p "$db_dir/data" "$db_dir/tmp"
  "$install_db" --no-defaults --datadir="$db_dir/data" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$db_dir/install.log" 2>&1
  nohup "$mariadbd" --no-defaults --datadir="$db_dir/data" --tmpdir="$db_dir/tmp" \
    --user="$(id -un)" --bind-address=127.0.0.1 --port="$mysql_port" \
    --socket="$db_dir/mysqld.sock" --pid-file="$db_dir/mariadbd.pid" \
    --skip-log-bin --innodb-buffer-pool-size=256M --max-connections=500 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    >"$db_dir/mariadbd.log" 2>&1 &
  wait_for "MariaDB" 300 "$client" --no-defaults --socket="$db_dir/mysqld.sock" -uroot -e 'SELECT 1'
  "$client" --no-defaults --socket="$db_dir/mysqld.sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS smpp_test CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'smpp'@'127.0.0.1' IDENTIFIED BY 'smpp';
GRANT ALL PRIVILEGES ON *.* TO 'smpp'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
  log "MariaDB on 127.0.0.1:$mysql_port"
}

start_nsqd() {
  local nsqd
  nsqd=$(find_nsqd)
  stop_pidfile "$nsq_dir/nsqd.pid" nsqd
  rm -rf "$nsq_dir"
  mkdir -p "$nsq_dir/data"
  nohup "$nsqd" --tcp-address="127.0.0.1:$nsqd_tcp_port" --http-address="127.0.0.1:$nsqd_http_port" \
    --data-path="$nsq_dir/data" --log-level=warn >"$nsq_dir/nsqd.log" 2>&1 &
  echo $! >"$nsq_dir/nsqd.pid"
  wait_for "nsqd" 150 curl -fsS "http://127.0.0.1:$nsqd_http_port/ping"
  log "nsqd on 127.0.0.1:$nsqd_tcp_port (http $nsqd_http_port)"
}

write_env() {
  cat >"$env_file" <<ENV
export SMPP_TEST_MYSQL_HOST=127.0.0.1
export SMPP_TEST_MYSQL_PORT=$mysql_port
export SMPP_TEST_MYSQL_DATABASE=smpp_test
export SMPP_TEST_MYSQL_USER=smpp
export SMPP_TEST_MYSQL_PASSWORD=smpp
export SMPP_TEST_NSQD_TCP=127.0.0.1:$nsqd_tcp_port
export SMPP_TEST_NSQD_HTTP=127.0.0.1:$nsqd_http_port
export SMPP_TEST_NSQD_BIN=$(find_nsqd)
export SMPP_TEST_NSQLOOKUPD_BIN=$(find_nsq_app nsqlookupd)
ENV
}

case "${1:-}" in
  start)
    mkdir -p "$scratch"
    install_mariadb
    install_nsq_app nsqd
    install_nsq_app nsqlookupd
    start_mariadb
    start_nsqd
    write_env
    ;;
  stop)
    stop_pidfile "$nsq_dir/nsqd.pid" nsqd
    stop_pidfile "$db_dir/mariadbd.pid" mariadbd
    ;;
  env)
    cat "$env_file"
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac

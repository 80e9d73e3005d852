#!/usr/bin/env bash
# End-to-end load through the real daemon, MariaDB and nsqd on this machine:
#   ESME (smpp load) -> our server -> SMS_IN on nsqd (drained by smpp app-load)
#   smpp app-load -> SMS_OUT on nsqd -> our client -> SMSC simulator -> receipts -> DLR_IN
# Both directions run at once, each at RATE messages/s (0 = as fast as it goes) for COUNT messages.
# It prints both tools' reports and the daemon's memory (RSS) idle and at its peak under load.
#
#   scripts/e2e-load.sh                          # RATE=1000 COUNT=30000
#   RATE=0 COUNT=100000 BINDS=4 WINDOW=100 scripts/e2e-load.sh
#   DIRECTIONS=esme scripts/e2e-load.sh          # only ESME -> SMS_IN (or: app)
#   MAX_IN_FLIGHT=2000 scripts/e2e-load.sh       # the daemon's NSQ_MAX_IN_FLIGHT
#   SMSC_BINDS=2 SMSC_WINDOW=50 scripts/e2e-load.sh  # the gateway's binds to the simulator and its window on each
#   KEEP_LOGS=/tmp/e2e scripts/e2e-load.sh       # keep the daemon's, simulator's and tools' output there
#   DAEMON_JAVA_OPTS=... SIM_JAVA_OPTS=...        # JVM options of the daemon and of the simulator (JFR, GC logs)
#   DAEMON_JAVA=/usr/lib/jvm/.../bin/java        # the daemon's java (default: java on the PATH)
#   TOOL_JAVA_OPTS=...                           # JVM options of the measured smpp load and smpp app-load
#   INSTANCES=2 SMSC_BINDS=2 scripts/e2e-load.sh # N daemons as one gateway on the same database and topics
#                                                # (instance i: SMPP_PORT+10(i-1), HTTP_PORT+10(i-1), its own
#                                                # SMPP_HOME); one smpp load per instance, RATE/N and COUNT/N each
#   SETTLE=30 ...                                # measure from 30 s after the tools started (their own warm-up
#                                                # and the JIT's catching up left out of the CPU and SQL figures)
#   IDLE_SECONDS=20 ...                          # before the load, the database statements of the idle gateway
#
# Besides the tools' reports it prints the CPU of the whole set-up (every daemon, MariaDB, nsqd) per
# message over the measured interval, where a message is an ESME submit_sm accepted or an SMS_OUT
# submitted to the SMSC (the daemons' esme_submit and smsc_submit counts from /metrics), and
# MariaDB's statement counters (SHOW GLOBAL STATUS) over the same interval, per message.
#
# It starts the test services (scripts/services.sh) if they are not running (and leaves them running),
# uses a database and topics of its own (dropped and deleted at the end), and stops the daemon and
# the simulator it started.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
RATE=${RATE:-1000}
COUNT=${COUNT:-30000}
BINDS=${BINDS:-2}
WINDOW=${WINDOW:-50}
SMSC_BINDS=${SMSC_BINDS:-2}
# the gateway's window towards the simulator per bind (its window_size; the REST default is 1)
SMSC_WINDOW=${SMSC_WINDOW:-50}
# the simulator's window of unanswered deliver_sm (receipts) per session
SIM_WINDOW=${SIM_WINDOW:-50}
# receipts the simulator holds while its windows are full; beyond it, it drops the oldest (a warm-up of
# 200,000 SMS_OUT as fast as they go once left 100,000 waiting, the simulator's own default)
SIM_MAX_WAITING=${SIM_MAX_WAITING:-2000000}
DIRECTIONS=${DIRECTIONS:-both}
SMPP_PORT=${SMPP_PORT:-22775}
HTTP_PORT=${HTTP_PORT:-28010}
SIM_PORT=${SIM_PORT:-22776}
DAEMON_JAVA_OPTS=${DAEMON_JAVA_OPTS:-}
DAEMON_JAVA=${DAEMON_JAVA:-java}
TOOL_JAVA_OPTS=${TOOL_JAVA_OPTS:-}
SIM_JAVA_OPTS=${SIM_JAVA_OPTS:-}
# messages sent each way first, unmeasured, so that the JIT has compiled the hot paths
WARMUP=${WARMUP:-10000}
# what the measured tools send first, unmeasured (their own JIT): smpp load's submits on its own sessions,
# smpp app-load's SMS_OUT on its own connections
TOOL_WARMUP=${TOOL_WARMUP:-5000}
INSTANCES=${INSTANCES:-1}
SETTLE=${SETTLE:-0}
IDLE_SECONDS=${IDLE_SECONDS:-0}

services_up() {
  [ -f "$here/.scratch/services.env" ] || return 1
  (set -a; source "$here/.scratch/services.env"; set +a
   curl -fsS "http://$SMPP_TEST_NSQD_HTTP/ping" >/dev/null 2>&1 &&
   mysql --protocol=tcp -h "$SMPP_TEST_MYSQL_HOST" -P "$SMPP_TEST_MYSQL_PORT" -u "$SMPP_TEST_MYSQL_USER" \
     -p"$SMPP_TEST_MYSQL_PASSWORD" -e 'SELECT 1' >/dev/null 2>&1)
}
# services.sh start begins from empty data folders: only when nothing is running yet
services_up || "$here/scripts/services.sh" start >&2
set -a
# shellcheck disable=SC1091
source "$here/.scratch/services.env"
set +a
jar=$here/smpp-runner/target/smpp-gateway.jar
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -ntp -DskipTests -pl smpp-runner -am package) >&2
fi

run_id=e2e$(date +%s)
work=$(mktemp -d)
db=$run_id
mysql_cmd() {
  mysql --protocol=tcp -h "$SMPP_TEST_MYSQL_HOST" -P "$SMPP_TEST_MYSQL_PORT" -u "$SMPP_TEST_MYSQL_USER" \
    -p"$SMPP_TEST_MYSQL_PASSWORD" "$@"
}
mysql_cmd -e "CREATE DATABASE $db"
nsqd_http=$SMPP_TEST_NSQD_HTTP
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  mysql_cmd -e "DROP DATABASE IF EXISTS $db" || true
  for topic in sms_out dlr_in sms_in dlr_out; do
    curl -s -X POST "http://$nsqd_http/topic/delete?topic=${run_id}_$topic" >/dev/null || true
  done
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$work"/*.out "$KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

nsqd_host=${SMPP_TEST_NSQD_TCP%:*}
nsqd_port=${SMPP_TEST_NSQD_TCP##*:}
smpp_port() { echo $((SMPP_PORT + 10 * ($1 - 1))); }
http_port() { echo $((HTTP_PORT + 10 * ($1 - 1))); }
env_file=$work/daemon.env
{
  echo "MYSQL_HOST=$SMPP_TEST_MYSQL_HOST"; echo "MYSQL_PORT=$SMPP_TEST_MYSQL_PORT"; echo "MYSQL_DBNAME=$db"
  echo "MYSQL_USERNAME=$SMPP_TEST_MYSQL_USER"; echo "MYSQL_PASSWORD=$SMPP_TEST_MYSQL_PASSWORD"
  for topic in SMS_OUT DLR_IN SMS_IN DLR_OUT; do
    echo "NSQ_${topic}_HOST=$nsqd_host"; echo "NSQ_${topic}_PORT=$nsqd_port"
    echo "NSQ_${topic}_TOPIC=${run_id}_$(echo "$topic" | tr 'A-Z' 'a-z')"
  done
  echo "HTTP_API_TOKEN=load-$run_id"
  [ -z "${MAX_IN_FLIGHT:-}" ] || echo "NSQ_MAX_IN_FLIGHT=$MAX_IN_FLIGHT"
} > "$env_file"

java $SIM_JAVA_OPTS -jar "$jar" simulate-smsc --port "$SIM_PORT" --account gw:pw --receipt-delay-ms 10 --window "$SIM_WINDOW" \
  --max-waiting-receipts "$SIM_MAX_WAITING" > "$work/simulator.log" 2>&1 &
simulator=$!
pids+=($simulator)
daemons=()
for i in $(seq 1 "$INSTANCES"); do
  # instance 1 keeps the single-instance names (daemon.log, SMPP_HOME=$work)
  home=$work; log=$work/daemon.log
  [ "$i" -eq 1 ] || { home=$work/instance$i; log=$work/daemon$i.log; mkdir -p "$home"; }
  (set -a; source "$env_file"; SMPP_PORT=$(smpp_port "$i"); HTTP_PORT=$(http_port "$i"); SMPP_HOME=$home; set +a
   exec "$DAEMON_JAVA" $DAEMON_JAVA_OPTS -jar "$jar" run) > "$log" 2>&1 &
  daemons+=($!)
  pids+=($!)
done
daemon=${daemons[0]}

api() {
  curl -s -f -H "X-API-Key: load-$run_id" -H 'Content-Type: application/json' "$@"
}
for i in $(seq 1 "$INSTANCES"); do
  for _ in $(seq 1 120); do
    api "http://127.0.0.1:$(http_port "$i")/api/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  api "http://127.0.0.1:$(http_port "$i")/api/health" >/dev/null || {
    echo "daemon $i did not become healthy:" >&2; tail -30 "$work"/daemon*.log >&2; exit 1; }
done
api -X POST "http://127.0.0.1:$HTTP_PORT/api/clients" -d '{"username": "loader", "password": "pw", "allow_ip": "",
  "throughput": 0, "binds": 10, "enabled": true}' >/dev/null
api -X POST "http://127.0.0.1:$HTTP_PORT/api/gateways" -d "{\"smsc_id\": \"sim\", \"host\": \"127.0.0.1\",
  \"port\": $SIM_PORT, \"username\": \"gw\", \"password\": \"pw\", \"enq_interval\": 30, \"src_autodetect\": true,
  \"dst_autodetect\": true, \"tx_binds\": 0, \"rx_binds\": 0, \"trx_binds\": $SMSC_BINDS, \"window_size\": $SMSC_WINDOW, \"smpp_version\": \"3.4\",
  \"is_gsm7\": true, \"is_secure\": false, \"enabled\": true}" >/dev/null
# the other instances apply the gateway and client at their next configuration read (every second)
# and deal the gateway's binds at the heartbeat after they see each other (every 2 s)
sleep $((INSTANCES > 1 ? 6 : 3))
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' "/proc/$1/status"; }
idle_rss=$(rss "$daemon")
peak_file=$work/peak
( peak=0; while kill -0 "$daemon" 2>/dev/null; do
    now=$(awk '/VmRSS/ {print $2}' "/proc/$daemon/status" 2>/dev/null || echo 0)
    [ "${now:-0}" -gt "$peak" ] && peak=$now && echo "$peak" > "$peak_file"
    sleep 0.5
  done ) &
sampler=$!
pids+=($sampler)
if [ "$WARMUP" -gt 0 ]; then
  echo "warming up with $WARMUP messages each way (not measured; ESME: $WARMUP to each instance)..."
  warm_esme=()
  for i in $(seq 1 "$INSTANCES"); do
    java -jar "$jar" load --port "$(smpp_port "$i")" --system-id loader --password pw --binds "$BINDS" \
      --window "$WINDOW" --count "$WARMUP" > "$work/warmup-esme.$i.out" 2>&1 &
    warm_esme+=($!)
  done
  java -jar "$jar" app-load --nsqd "$SMPP_TEST_NSQD_TCP" --smsc-id sim --count "$WARMUP" --channel warmup \
    --sms-out-topic "${run_id}_sms_out" --dlr-in-topic "${run_id}_dlr_in" --sms-in-topic "${run_id}_sms_in" \
    --timeout 300 > "$work/warmup-app.out" 2>&1 || echo "warning: the warm-up's SMS_OUT did not all complete:" \
      "$(grep -E '^DLR_IN' "$work/warmup-app.out")"
  for pid in "${warm_esme[@]}"; do wait "$pid" || true; done
  # the measured run's application reads SMS_IN on its own channel; empty the warm-up's
  curl -s -X POST "http://$nsqd_http/channel/delete?topic=${run_id}_sms_in&channel=warmup" >/dev/null || true
  curl -s -X POST "http://$nsqd_http/channel/delete?topic=${run_id}_dlr_in&channel=warmup" >/dev/null || true
  sleep 5
fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks per thread group (thread names with their numbers taken out)
thread_ticks() {
  for stat in /proc/"$1"/task/*/stat; do
    sed -E 's/^[0-9]+ \((.*)\) [A-Z] (.*)$/\1|\2/' "$stat" 2>/dev/null
  done | awk -F'|' '{ split($2, f, " "); name=$1; gsub(/[0-9]+/, "N", name); t[name] += f[11] + f[12] }
                     END { for (n in t) print n "|" t[n] }' | sort
}
daemons_ticks() { local sum=0 pid; for pid in "${daemons[@]}"; do sum=$((sum + $(cpu_ticks "$pid"))); done; echo $sum; }
# the daemons' JIT compiler threads (C1 and C2), which a long-running daemon pays once
compiler_ticks() {
  local pid
  for pid in "${daemons[@]}"; do thread_ticks "$pid"; done | awk -F'|' '$1 ~ /CompilerThre/ { t += $2 } END { print t + 0 }'
}
mariadb_pid=$(cat "$here/.scratch/mariadb/mariadbd.pid" 2>/dev/null || true)
nsqd_pid=$(cat "$here/.scratch/nsqd/nsqd.pid" 2>/dev/null || true)
# the database's counters of statements and row changes (the server's, so every database on it)
db_status() {
  mysql_cmd -N -B -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert',
    'Com_update', 'Com_delete', 'Com_commit', 'Com_stmt_execute', 'Com_set_option', 'Handler_commit',
    'Handler_write', 'Handler_update', 'Handler_delete', 'Innodb_data_fsyncs')" | sort
}
# per-counter difference of two db_status files, divided by $3
db_delta() {
  join "$1" "$2" | awk -v per="$3" '{ printf "   %-22s %10d  %10.4f\n", $1, $3 - $2, ($3 - $2) / per }'
}
if [ "$IDLE_SECONDS" -gt 0 ]; then
  db_status > "$work/db.idle.before"
  idle_ticks=$(daemons_ticks)
  idle_db_ticks=$( [ -n "$mariadb_pid" ] && cpu_ticks "$mariadb_pid" || echo 0)
  thread_ticks "$daemon" > "$work/threads.idle.before"
  sleep "$IDLE_SECONDS"
  thread_ticks "$daemon" > "$work/threads.idle.after"
  idle_ticks=$(( $(daemons_ticks) - idle_ticks ))
  idle_db_ticks=$(( $( [ -n "$mariadb_pid" ] && cpu_ticks "$mariadb_pid" || echo 0) - idle_db_ticks ))
  db_status > "$work/db.idle.after"
fi
snapshot_start() {
  thread_ticks "$daemon" > "$work/threads.before"
  start_ticks=$(daemons_ticks)
  compiler_start=$(compiler_ticks)
  mariadb_start=$( [ -n "$mariadb_pid" ] && cpu_ticks "$mariadb_pid" || echo 0)
  nsqd_start=$( [ -n "$nsqd_pid" ] && cpu_ticks "$nsqd_pid" || echo 0)
  simulator_start=$(cpu_ticks "$simulator")
  start_time=$(date +%s.%N)
  for i in $(seq 1 "$INSTANCES"); do api "http://127.0.0.1:$(http_port "$i")/metrics" > "$work/metrics.$i.before" || true; done
  db_status > "$work/db.before"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
[ "$SETTLE" -gt 0 ] || snapshot_start

esme_pids=() app_pid=
if [ "$DIRECTIONS" != app ]; then
  # the tool's own warm-up (same sessions, same rate, not measured) compiles its code before it measures;
  # with several instances one tool per instance, each with its share of the rate and the count
  for i in $(seq 1 "$INSTANCES"); do
    out=$work/esme.out cpu=$work/esme.cpu
    [ "$INSTANCES" -eq 1 ] || { out=$work/esme.$i.out; cpu=$work/esme.$i.cpu; }
    /usr/bin/time -f "%U %S" -o "$cpu" java $TOOL_JAVA_OPTS -jar "$jar" load --port "$(smpp_port "$i")" --system-id loader \
      --password pw --binds "$BINDS" --window "$WINDOW" --rate $((RATE / INSTANCES)) --warmup $((TOOL_WARMUP / INSTANCES)) \
      --count $((COUNT / INSTANCES)) > "$out" 2>&1 &
    esme_pids+=($!)
  done
fi
if [ "$DIRECTIONS" != esme ]; then
  /usr/bin/time -f "%U %S" -o "$work/app.cpu" java $TOOL_JAVA_OPTS -jar "$jar" app-load --nsqd "$SMPP_TEST_NSQD_TCP" --smsc-id sim \
    --count "$COUNT" --rate "$RATE" --warmup "$TOOL_WARMUP" \
    --sms-out-topic "${run_id}_sms_out" --dlr-in-topic "${run_id}_dlr_in" --sms-in-topic "${run_id}_sms_in" \
    --timeout 120 > "$work/app.out" 2>&1 &
  app_pid=$!
elif [ "${#esme_pids[@]}" -gt 0 ]; then
  # an application that keeps up with SMS_IN, publishing nothing
  java -jar "$jar" app-load --nsqd "$SMPP_TEST_NSQD_TCP" --smsc-id sim --count 1 \
    --sms-out-topic "${run_id}_sms_out" --dlr-in-topic "${run_id}_dlr_in" --sms-in-topic "${run_id}_sms_in" \
    --timeout 600 > "$work/app.out" 2>&1 &
  app_pid=$!
fi
[ "$SETTLE" -eq 0 ] || { sleep "$SETTLE"; snapshot_start; }
status=0
for pid in "${esme_pids[@]}"; do wait "$pid" || status=1; done
[ -n "$app_pid" ] && [ "$DIRECTIONS" != esme ] && { wait "$app_pid" || status=1; }
end_time=$(date +%s.%N)
end_ticks=$(daemons_ticks)
compiler_end=$(compiler_ticks)
mariadb_end=$( [ -n "$mariadb_pid" ] && cpu_ticks "$mariadb_pid" || echo 0)
nsqd_end=$( [ -n "$nsqd_pid" ] && cpu_ticks "$nsqd_pid" || echo 0)
simulator_end=$(cpu_ticks "$simulator")
db_status > "$work/db.after"
thread_ticks "$daemon" > "$work/threads.after"
for i in $(seq 1 "$INSTANCES"); do api "http://127.0.0.1:$(http_port "$i")/metrics" > "$work/metrics.$i.after" || true; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${#esme_pids[@]}" -gt 0 ]; then
  echo "== ESME -> SMS_IN (smpp load --binds $BINDS --window $WINDOW --rate $((RATE / INSTANCES)) --count $((COUNT / INSTANCES))," \
    "$INSTANCES tool(s), one per instance)"
  for out in "$work"/esme.out "$work"/esme.*.out; do [ -f "$out" ] && grep -v '^\[' "$out"; done
fi
if [ "$DIRECTIONS" != esme ]; then
  echo "== SMS_OUT -> SMSC -> DLR_IN (smpp app-load --rate $RATE --count $COUNT; gateway $SMSC_BINDS binds x window $SMSC_WINDOW, simulator window $SIM_WINDOW)"
  grep -v '^\[' "$work/app.out"
fi
# the daemon's own response-time histograms over the measured part: the bucket a quantile falls in
echo "== daemon response times during the load (smpp_latency_seconds; a quantile is its bucket's upper bound):"
awk '
  /^smpp_latency_seconds_bucket/ {
    match($0, /operation="[^"]*"/); op = substr($0, RSTART + 11, RLENGTH - 12)
    match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5)
    if (FILENAME ~ /before$/) before[op SUBSEP le] += $NF; else { after[op SUBSEP le] += $NF; les[op] = les[op] " " le }
  }
  END {
    for (op in les) {
      n = split(les[op], list, " "); total = after[op SUBSEP "+Inf"] - before[op SUBSEP "+Inf"]
      if (total <= 0) continue
      p50 = p99 = ""
      for (i = 1; i <= n; i++) {
        le = list[i]; c = after[op SUBSEP le] - before[op SUBSEP le]
        if (p50 == "" && c >= 0.5 * total) p50 = le
        if (p99 == "" && c >= 0.99 * total) p99 = le
      }
      printf "   %-13s %8d  p50 <= %s s, p99 <= %s s\n", op, total, p50, p99
    }
  }' "$work"/metrics.*.before "$work"/metrics.*.after 2>/dev/null | sort
hz=$(getconf CLK_TCK)
echo "== daemon CPU by thread group during the load (seconds$([ "$INSTANCES" -eq 1 ] || echo ', instance 1')):"
join -t'|' -a2 -e0 -o 0,1.2,2.2 "$work/threads.before" "$work/threads.after" \
  | awk -F'|' -v hz="$hz" '{ d = ($3 - $2) / hz; if (d > 0) printf "%8.2f  %s\n", d, $1 }' | sort -rn | head -12
echo "== daemon$([ "$INSTANCES" -eq 1 ] || echo 's'): RSS idle $idle_rss, peak $(( $(cat "$peak_file" 2>/dev/null || echo 0) / 1024 )) MB" \
  "$([ "$INSTANCES" -eq 1 ] || echo "(instance 1)");" \
  "CPU $(echo "($end_ticks - $start_ticks) / $hz / ($end_time - $start_time)" | bc -l | cut -c1-4) cores on average during the load" \
  "$([ "$INSTANCES" -eq 1 ] || echo "(all $INSTANCES together)")"
elapsed=$(echo "$end_time - $start_time" | bc -l)
echo "== services: MariaDB $(echo "($mariadb_end - $mariadb_start) / $hz / $elapsed" | bc -l | cut -c1-4) cores," \
  "nsqd $(echo "($nsqd_end - $nsqd_start) / $hz / $elapsed" | bc -l | cut -c1-4) cores on average during the load"
# /usr/bin/time writes "user system" last, after a note when the tool exited non-zero
tool_cpu() { [ -f "$1" ] && tail -1 "$1" | awk '{printf "%.1f s", $1 + $2}' || echo "-"; }
echo "== tools: simulator $(echo "($simulator_end - $simulator_start) / $hz / $elapsed" | bc -l | cut -c1-4) cores;" \
  "CPU of their whole runs (JVM start and JIT included): smpp load $(tool_cpu "$work/esme.cpu")," \
  "smpp app-load $(tool_cpu "$work/app.cpu")"
echo "== simulator's counters: $(grep -E '^binds ' "$work/simulator.log" | tail -1)"
# messages in the measured interval, as the daemons counted them: ESME submits answered, SMS_OUT submitted
count_of() {
  awk -v op="$1" '$0 ~ "^smpp_latency_seconds_count" && index($0, "operation=\"" op "\"") { n += $NF } END { printf "%d", n }' "${@:2}"
}
esme_msgs=$(( $(count_of esme_submit "$work"/metrics.*.after) - $(count_of esme_submit "$work"/metrics.*.before) ))
out_msgs=$(( $(count_of smsc_submit "$work"/metrics.*.after) - $(count_of smsc_submit "$work"/metrics.*.before) ))
msgs=$((esme_msgs + out_msgs))
if [ "$msgs" -gt 0 ]; then
  setup_ticks=$(( end_ticks - start_ticks + mariadb_end - mariadb_start + nsqd_end - nsqd_start ))
  echo "== per message ($INSTANCES instance(s); $esme_msgs ESME submits + $out_msgs SMS_OUT submitted = $msgs messages" \
    "in $(echo "$elapsed" | cut -c1-5) s):"
  printf '   CPU of the set-up %.1f us (daemons %.1f, MariaDB %.1f, nsqd %.1f); simulator %.1f us, not included\n' \
    "$(echo "$setup_ticks * 1000000 / $hz / $msgs" | bc -l)" "$(echo "($end_ticks - $start_ticks) * 1000000 / $hz / $msgs" | bc -l)" \
    "$(echo "($mariadb_end - $mariadb_start) * 1000000 / $hz / $msgs" | bc -l)" \
    "$(echo "($nsqd_end - $nsqd_start) * 1000000 / $hz / $msgs" | bc -l)" \
    "$(echo "($simulator_end - $simulator_start) * 1000000 / $hz / $msgs" | bc -l)"
  printf '   of the daemons'"'"' CPU, their JIT compiler threads %.1f us: the set-up without them %.1f us\n' \
    "$(echo "($compiler_end - $compiler_start) * 1000000 / $hz / $msgs" | bc -l)" \
    "$(echo "($setup_ticks - $compiler_end + $compiler_start) * 1000000 / $hz / $msgs" | bc -l)"
  echo "   MariaDB counters during the load: delta, per message"
  db_delta "$work/db.before" "$work/db.after" "$msgs"
fi
if [ "$IDLE_SECONDS" -gt 0 ]; then
  echo "== the idle gateway ($INSTANCES instance(s), $IDLE_SECONDS s before the load): daemons" \
    "$(echo "$idle_ticks * 1000 / $hz / $IDLE_SECONDS" | bc -l | cut -c1-5) ms of CPU per second, MariaDB" \
    "$(echo "$idle_db_ticks * 1000 / $hz / $IDLE_SECONDS" | bc -l | cut -c1-5) ms; its MariaDB counters: delta, per second"
  db_delta "$work/db.idle.before" "$work/db.idle.after" "$IDLE_SECONDS"
  echo "   CPU by thread group of the idle daemon$([ "$INSTANCES" -eq 1 ] || echo ' (instance 1)') (ms per second):"
  join -t'|' -a2 -e0 -o 0,1.2,2.2 "$work/threads.idle.before" "$work/threads.idle.after" \
    | awk -F'|' -v hz="$hz" -v s="$IDLE_SECONDS" '{ d = ($3 - $2) * 1000 / hz / s; if (d > 0) printf "%8.1f  %s\n", d, $1 }' \
    | sort -rn | head -8
fi
exit $status

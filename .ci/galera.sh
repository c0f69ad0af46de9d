#!/usr/bin/env bash
# CI stage: a three-node MariaDB Galera cluster on loopback, the migrations run on it, two app instances on two
# different nodes, a loopback SMTP server, and the multi-instance suite (tests/cluster) against them.
# Everything it starts is stopped on exit. Each wait is bounded and says which service did not come up.
#   .ci/galera.sh            run the suite
#   .ci/galera.sh --bench    run bench/cluster_money.ts instead (two instances on the cluster vs one on a single server)
#   GALERA_KEEP=1            leave the cluster running (debugging)
set -uo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-suite}
# The bench compares with a single server that fsyncs every commit: the nodes do the same there.
[ "$MODE" = --bench ] && GALERA_FLUSH=${GALERA_FLUSH:-1}

NODE_PORTS=(3311 3312 3313)
GROUP_PORTS=(4601 4611 4621)
SST_PORTS=(4605 4615 4625)
IST_PORTS=(4602 4612 4622)
APP_PORTS=(3481 3482)
SMTP_PORT=3490
DB=thads_galera
BASE=$(mktemp -d /tmp/thads-galera.XXXXXX)
PIDS=()

say() { printf '  [galera] %s\n' "$*"; }
fail() { printf '  [galera] FAILED: %s\n' "$*"; exit 1; }

cleanup() {
  local status=$?
  say "stopping everything this stage started"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for i in 2 1 0; do
    local pidfile="$BASE/n$((i + 1))/run/pid"
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  for _ in $(seq 1 30); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    for i in 0 1 2; do [ -f "$BASE/n$((i + 1))/run/pid" ] && kill -0 "$(cat "$BASE/n$((i + 1))/run/pid")" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 1
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  for i in 0 1 2; do [ -f "$BASE/n$((i + 1))/run/pid" ] && kill -9 "$(cat "$BASE/n$((i + 1))/run/pid")" 2>/dev/null; done
  if [ "${GALERA_KEEP:-0}" != 1 ]; then rm -rf "$BASE"; else say "kept $BASE"; fi
  exit $status
}
trap cleanup EXIT INT TERM

# --- packages ---------------------------------------------------------------------------------------------
if ! command -v mariadbd >/dev/null 2>&1 || [ ! -f /usr/lib/galera/libgalera_smm.so ] || ! command -v rsync >/dev/null 2>&1; then
  say "installing mariadb-server, galera-4, rsync, socat"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq mariadb-server galera-4 rsync socat >/dev/null || fail "apt-get install of mariadb-server/galera-4 failed"
fi
DB_USER_OS=root
id mysql >/dev/null 2>&1 && DB_USER_OS=mysql

# --- three nodes ------------------------------------------------------------------------------------------
cluster_address="gcomm://127.0.0.1:${GROUP_PORTS[0]},127.0.0.1:${GROUP_PORTS[1]},127.0.0.1:${GROUP_PORTS[2]}"
for i in 0 1 2; do
  n=$((i + 1))
  mkdir -p "$BASE/n$n/data" "$BASE/n$n/run" "$BASE/n$n/tmp"
  cat >"$BASE/n$n.cnf" <<CNF
[mysqld]
datadir=$BASE/n$n/data
socket=$BASE/n$n/run/sock
pid-file=$BASE/n$n/run/pid
tmpdir=$BASE/n$n/tmp
log-error=$BASE/n$n/error.log
port=${NODE_PORTS[$i]}
bind-address=127.0.0.1
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
innodb_flush_log_at_trx_commit=${GALERA_FLUSH:-2}
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=thads
wsrep_cluster_address=$cluster_address
wsrep_node_name=n$n
wsrep_node_address=127.0.0.1
wsrep_node_incoming_address=127.0.0.1:${NODE_PORTS[$i]}
wsrep_provider_options=base_port=${GROUP_PORTS[$i]};gmcast.listen_addr=tcp://127.0.0.1:${GROUP_PORTS[$i]};ist.recv_addr=127.0.0.1:${IST_PORTS[$i]};gcache.size=32M
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${SST_PORTS[$i]}
wsrep_sync_wait=1
wsrep_retry_autocommit=4
CNF
done
chown -R "$DB_USER_OS" "$BASE" 2>/dev/null || true

sql() { mariadb --defaults-file=/dev/null -h127.0.0.1 -P"$1" -uthads -pthads -N -B -e "$2" 2>/dev/null; }
root_sql() { mariadb --defaults-file=/dev/null -S "$BASE/n$1/run/sock" -uroot -N -B -e "$2" 2>/dev/null; }
status_of() { root_sql "$1" "SHOW STATUS LIKE '$2'" | awk '{print $2}'; }

wait_synced() { # node-number timeout-seconds
  local n=$1 limit=$2
  for _ in $(seq 1 "$limit"); do
    [ "$(status_of "$n" wsrep_local_state_comment)" = Synced ] && return 0
    sleep 1
  done
  echo "----- tail of node $n error log"; tail -n 30 "$BASE/n$n/error.log" 2>/dev/null
  fail "galera node $n (port ${NODE_PORTS[$((n - 1))]}) did not reach Synced within ${limit}s"
}

say "initialising node 1 in $BASE"
mariadb-install-db --defaults-file="$BASE/n1.cnf" --user="$DB_USER_OS" --skip-test-db >"$BASE/install.log" 2>&1 ||
  { tail -n 20 "$BASE/install.log"; fail "mariadb-install-db for node 1"; }
started=$(date +%s)
mariadbd --defaults-file="$BASE/n1.cnf" --user="$DB_USER_OS" --wsrep-new-cluster >/dev/null 2>&1 &
wait_synced 1 60
root_sql 1 "CREATE USER IF NOT EXISTS 'thads'@'127.0.0.1' IDENTIFIED BY 'thads'; CREATE USER IF NOT EXISTS 'thads'@'localhost' IDENTIFIED BY 'thads'; GRANT ALL ON *.* TO 'thads'@'127.0.0.1'; GRANT ALL ON *.* TO 'thads'@'localhost'; CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
  fail "could not create the thads user and database on node 1"
for n in 2 3; do
  mariadbd --defaults-file="$BASE/n$n.cnf" --user="$DB_USER_OS" >/dev/null 2>&1 &
  wait_synced "$n" 120
done
size=$(status_of 1 wsrep_cluster_size)
[ "$size" = 3 ] || fail "cluster size is '$size', expected 3"
say "three nodes synced in $(($(date +%s) - started))s (cluster size $size)"

# --- schema -------------------------------------------------------------------------------------------------
export DB_CONNECTION=mysql DB_HOST=127.0.0.1 DB_USER=thads DB_PASSWORD=thads DB_DATABASE=$DB
export APP_KEY=galera-stage-app-key-0123456789abcdef LOG_LEVEL=warn NODE_ENV=production
say "migrations on node 1"
DB_PORT=${NODE_PORTS[0]} DEMO_SEED=false node ace thads:prepare >"$BASE/prepare.log" 2>&1 ||
  { tail -n 30 "$BASE/prepare.log"; fail "migrations on the cluster"; }
tables=$(sql "${NODE_PORTS[2]}" "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB'")
say "schema replicated: $tables tables visible on node 3"

# --- SMTP + two app instances on nodes 2 and 3 -------------------------------------------------------------
SMTP_LOG="$BASE/smtp.log"
: >"$SMTP_LOG"
SMTP_SLOW_SECONDS=90 node .ci/smtp_counter.mjs "$SMTP_PORT" "$SMTP_LOG" >"$BASE/smtp.out" 2>&1 &
PIDS+=($!)

start_instance() { # name node-port app-port
  INSTANCE_ID=$1 DB_PORT=$2 PORT=$3 HOST=127.0.0.1 SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT MAIL_MAILER=smtp \
    RUN_STALE_SECONDS=8 THADS_TODAY=2026-11-20 APP_URL="http://127.0.0.1:$3" \
    node --import=ts-node-maintained/register/esm bin/server.js >"$BASE/app-$1.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}
wait_http() { # name url timeout
  for _ in $(seq 1 "$3"); do
    curl -fsS -o /dev/null "$2" 2>/dev/null && return 0
    sleep 1
  done
  echo "----- tail of $1 log"; tail -n 30 "$BASE/app-$1.log" 2>/dev/null
  fail "app instance $1 ($2) did not answer within ${3}s"
}
for _ in $(seq 1 10); do (echo >/dev/tcp/127.0.0.1/$SMTP_PORT) 2>/dev/null && break; sleep 1; done
(echo >/dev/tcp/127.0.0.1/$SMTP_PORT) 2>/dev/null || fail "loopback smtp-server on port $SMTP_PORT did not come up"
start_instance a "${NODE_PORTS[1]}" "${APP_PORTS[0]}"
PID_A=$LAST_PID
start_instance b "${NODE_PORTS[2]}" "${APP_PORTS[1]}"
PID_B=$LAST_PID
wait_http a "http://127.0.0.1:${APP_PORTS[0]}/health" 90
wait_http b "http://127.0.0.1:${APP_PORTS[1]}/health" 90
say "instances a (node 2, :${APP_PORTS[0]}) and b (node 3, :${APP_PORTS[1]}) are healthy"

export CLUSTER_SUITE=1 CLUSTER_A_URL="http://127.0.0.1:${APP_PORTS[0]}" CLUSTER_B_URL="http://127.0.0.1:${APP_PORTS[1]}"
export CLUSTER_A_PID=$PID_A CLUSTER_B_PID=$PID_B SMTP_LOG THADS_TODAY=2026-11-20
if [ "$MODE" = --bench ]; then
  # Baseline in the same run: one instance on the single MariaDB server (127.0.0.1:3306, root), same load.
  SINGLE_DB=thads_bench_single
  mariadb -h127.0.0.1 -P3306 -uroot -e "DROP DATABASE IF EXISTS $SINGLE_DB; CREATE DATABASE $SINGLE_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
    fail "the single MariaDB server on 127.0.0.1:3306 is not reachable"
  single_env=(DB_PORT=3306 DB_USER=root DB_PASSWORD= DB_DATABASE=$SINGLE_DB)
  env "${single_env[@]}" DEMO_SEED=false node ace thads:prepare >"$BASE/prepare-single.log" 2>&1 || fail "migrations on the single server"
  env "${single_env[@]}" INSTANCE_ID=s PORT=3483 HOST=127.0.0.1 SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT MAIL_MAILER=smtp \
    THADS_TODAY=2026-11-20 node --import=ts-node-maintained/register/esm bin/server.js >"$BASE/app-s.log" 2>&1 &
  PIDS+=($!)
  wait_http s "http://127.0.0.1:3483/health" 90
  OUT="$BASE/bench.jsonl"
  load=(--postings "${BENCH_POSTINGS:-400}" --concurrency "${BENCH_CONCURRENCY:-16}" --cases "${BENCH_CASES:-20}" --out "$OUT")
  # Warm-up (not counted): the first requests of a fresh process compile the TypeScript on the fly.
  env "${single_env[@]}" NODE_ENV=test node ace bench:cluster-money --label warmup --urls http://127.0.0.1:3483 --postings 100 --cases 5 --out "$OUT" >/dev/null || fail "single-server warm-up"
  DB_PORT=${NODE_PORTS[0]} NODE_ENV=test node ace bench:cluster-money --label warmup --urls "$CLUSTER_A_URL,$CLUSTER_B_URL" --postings 100 --cases 5 --out "$OUT" >/dev/null || fail "cluster warm-up"
  for round in 1 2 3; do
    env "${single_env[@]}" NODE_ENV=test node ace bench:cluster-money --label single --urls http://127.0.0.1:3483 "${load[@]}" || fail "single-server bench round $round"
    DB_PORT=${NODE_PORTS[0]} NODE_ENV=test node ace bench:cluster-money --label cluster --urls "$CLUSTER_A_URL,$CLUSTER_B_URL" "${load[@]}" || fail "cluster bench round $round"
    DB_PORT=${NODE_PORTS[0]} NODE_ENV=test node ace bench:cluster-money --label cluster-1-instance --urls "$CLUSTER_A_URL" "${load[@]}" || fail "cluster (one instance) bench round $round"
  done
  node -e '
    const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse)
    const mean = (l) => { const r = rows.filter((x) => x.label === l); return r.reduce((a, x) => a + x.perSecond, 0) / r.length }
    const s = mean("single"), c = mean("cluster"), c1 = mean("cluster-1-instance")
    console.log(`postings/s (mean of 3 rounds): single server + 1 instance ${s.toFixed(1)}; Galera 3 nodes + 2 instances ${c.toFixed(1)}; Galera + 1 instance ${c1.toFixed(1)}`)
    console.log(`ratio cluster/single ${(c / s).toFixed(2)}; balances exact in every round: ${rows.every((x) => x.balancesExact)}`)
  ' "$OUT"
  mariadb -h127.0.0.1 -P3306 -uroot -e "DROP DATABASE IF EXISTS $SINGLE_DB" || true
  exit 0
fi
say "multi-instance suite (in-process fixtures on node 1, HTTP to instances a and b)"
DB_PORT=${NODE_PORTS[0]} PORT=3489 NODE_ENV=test node ace test cluster

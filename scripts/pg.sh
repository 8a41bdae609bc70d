#!/usr/bin/env bash
# PostgreSQL helpers for the Peerbridge scripts. Source it, don't run it:
#
#   source scripts/pg.sh
#   pg_ensure_installed                       # sets PG_BIN
#   pg_start_cluster DATADIR PORT fast        # throwaway: trust auth, no fsync
#   pg_start_cluster DATADIR PORT durable [PASSWORD_FILE]
#                                             # scram-sha-256, fsync on; the
#                                             # password file defaults to
#                                             # $(dirname DATADIR)/db-password
#   pg_create_database PORT NAME [PASSWORD]   # CREATE DATABASE if missing
#   pg_stop_cluster DATADIR
#   pick_free_port [FIRST]                    # prints a free 127.0.0.1 port
#
# Clusters listen on 127.0.0.1 over TCP only (no unix sockets). As root,
# initdb/pg_ctl run as the `postgres` system user (initdb refuses root) and the
# data directory is chowned to it. After pg_start_cluster, PG_CLUSTER_PORT
# holds the port the cluster really listens on (differs from PORT only when an
# already-running cluster in DATADIR was reused).

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# pg_find_bin — print the bin dir of the newest installed PostgreSQL server.
pg_find_bin() {
  local d best=""
  # Debian layout: /usr/lib/postgresql/<major>/bin; pick the highest major.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -V); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
  done
  if [[ -z "$best" ]] && command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
  fi
  if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1; then
    d="$(dirname "$(command -v initdb)")"
    [[ -x "$d/pg_ctl" ]] && best="$d"
  fi
  [[ -n "$best" ]] || return 1
  echo "$best"
}

# pg_ensure_installed — install the PostgreSQL server from Debian when no
# initdb is found; exports PG_BIN.
pg_ensure_installed() {
  if ! PG_BIN="$(pg_find_bin)"; then
    log "PostgreSQL server not found; installing it"
    apt_install postgresql
    PG_BIN="$(pg_find_bin)" || die "PostgreSQL installed but no initdb/pg_ctl found"
  fi
  export PG_BIN
  # Debian's package starts a system-wide cluster on 5432; we never use it,
  # and the client tools we need (psql, createdb) live in PG_BIN.
}

# _pg_as_owner CMD... — run CMD as the postgres user when we are root.
# Runs from / so the postgres user never trips over an unreadable cwd.
_pg_as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

_pg_abs() {
  mkdir -p "$1"
  (cd "$1" && pwd)
}

# pg_cluster_running DATADIR — true if a postmaster for DATADIR is alive.
pg_cluster_running() {
  local datadir="$1"
  [[ -f "$datadir/postmaster.pid" ]] || return 1
  local pid
  pid="$(head -n1 "$datadir/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # The pid could have been recycled: make sure it is a postgres process.
  [[ -r "/proc/$pid/comm" ]] && ! grep -qE '^(postgres|postmaster)' "/proc/$pid/comm" && return 1
  return 0
}

# pick_free_port [FIRST] — print a TCP port on 127.0.0.1 that nothing listens
# on. Starts at FIRST (default: random in 20000-39999) and walks upwards.
pick_free_port() {
  local p="${1:-$((20000 + RANDOM % 20000))}" tries=0
  while (( tries < 500 )); do
    if (( p > 65000 )); then p=20000; fi
    if ! (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
    p=$((p + 1)); tries=$((tries + 1))
  done
  die "no free TCP port found"
}

# _pg_write_conf DATADIR PORT MODE — (re)write our settings include file.
_pg_write_conf() {
  local datadir="$1" port="$2" mode="$3" f="$1/peerbridge.conf"
  {
    echo "# Written by scripts/pg.sh on every start; edits are overwritten."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = ''"
    echo "password_encryption = 'scram-sha-256'"
    echo "logging_collector = off"
    echo "log_min_messages = warning"
    echo "log_line_prefix = '%m [%p] '"
    case "$mode" in
      fast)
        # Throwaway test cluster: durability traded for speed.
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
        echo "max_connections = 200"
        echo "shared_buffers = '128MB'"
        echo "max_wal_size = '1GB'"
        echo "checkpoint_timeout = '30min'"
        ;;
      durable)
        echo "fsync = on"
        echo "synchronous_commit = on"
        echo "full_page_writes = on"
        echo "max_connections = 100"
        ;;
    esac
  } >"$f"
  if is_root; then chown postgres:postgres "$f"; fi
  chmod 600 "$f"
  if ! grep -q "^include_if_exists = 'peerbridge.conf'" "$datadir/postgresql.conf"; then
    printf "\ninclude_if_exists = 'peerbridge.conf'\n" >>"$datadir/postgresql.conf"
  fi
}

# _pg_write_hba DATADIR METHOD — TCP from 127.0.0.1 only; no local sockets.
_pg_write_hba() {
  local datadir="$1" method="$2" f="$1/pg_hba.conf"
  {
    echo "# Written by scripts/pg.sh. TCP from loopback only."
    echo "# TYPE  DATABASE  USER  ADDRESS       METHOD"
    echo "host    all       all   127.0.0.1/32  $method"
  } >"$f"
  if is_root; then chown postgres:postgres "$f"; fi
  chmod 600 "$f"
}

# pg_start_cluster DATADIR PORT MODE [PASSWORD_FILE]
pg_start_cluster() {
  local datadir port mode pwfile method
  [[ $# -ge 3 ]] || die "usage: pg_start_cluster DATADIR PORT fast|durable [PASSWORD_FILE]"
  datadir="$(_pg_abs "$1")"; port="$2"; mode="$3"
  case "$mode" in
    fast) method=trust; pwfile="" ;;
    durable) method=scram-sha-256; pwfile="${4:-$(dirname "$datadir")/db-password}" ;;
    *) die "pg_start_cluster: MODE must be fast or durable, not '$mode'" ;;
  esac
  [[ -n "${PG_BIN:-}" ]] || pg_ensure_installed

  if pg_cluster_running "$datadir"; then
    PG_CLUSTER_PORT="$(sed -n 4p "$datadir/postmaster.pid")"
    [[ "$PG_CLUSTER_PORT" =~ ^[0-9]+$ ]] || PG_CLUSTER_PORT="$port"
    if [[ "$PG_CLUSTER_PORT" != "$port" ]]; then
      warn "cluster in $datadir is already running on port $PG_CLUSTER_PORT (not $port); reusing it"
    else
      log "reusing running PostgreSQL cluster in $datadir (port $PG_CLUSTER_PORT)"
    fi
    export PG_CLUSTER_PORT
    return 0
  fi

  if is_root; then
    chown postgres:postgres "$datadir"
    # initdb/postgres run as postgres and must be able to reach the directory.
    if ! runuser -u postgres -- test -x "$datadir" 2>/dev/null; then
      die "the postgres user cannot reach $datadir (a parent directory is not traversable); use a path under /tmp or make the parents o+x"
    fi
  fi
  chmod 700 "$datadir"

  if [[ -z "$(ls -A "$datadir")" ]]; then
    local locale=C
    if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale=C.UTF-8; fi
    local initdb_args=(-D "$datadir" -U postgres -E UTF8 --locale="$locale" --no-instructions)
    local tmp_pw=""
    if [[ "$mode" == durable ]]; then
      if [[ ! -s "$pwfile" ]]; then
        mkdir -p "$(dirname "$pwfile")"
        (umask 077 && random_urlsafe 32 >"$pwfile")
      fi
      chmod 600 "$pwfile"
      # initdb (running as postgres) needs to read the password: hand it a copy
      # in a directory only postgres can read.
      tmp_pw="$(mktemp)"
      cat "$pwfile" >"$tmp_pw"
      if is_root; then chown postgres:postgres "$tmp_pw"; fi
      chmod 600 "$tmp_pw"
      initdb_args+=(--auth=scram-sha-256 --pwfile="$tmp_pw")
    else
      initdb_args+=(--auth=trust)
    fi
    if [[ "$mode" == fast ]]; then initdb_args+=(--no-sync); fi
    log "initdb ($mode) in $datadir"
    if ! _pg_as_owner "$PG_BIN/initdb" "${initdb_args[@]}" >"$datadir.initdb.log" 2>&1; then
      [[ -n "$tmp_pw" ]] && rm -f "$tmp_pw"
      cat "$datadir.initdb.log" >&2
      die "initdb failed"
    fi
    [[ -n "$tmp_pw" ]] && rm -f "$tmp_pw"
    rm -f "$datadir.initdb.log"
  elif [[ ! -f "$datadir/PG_VERSION" ]]; then
    die "$datadir is not empty and is not a PostgreSQL data directory"
  elif [[ "$mode" == durable && ! -s "$pwfile" ]]; then
    die "$datadir exists but the password file $pwfile is missing; restore it or remove $datadir to start over (this deletes the data)"
  fi

  _pg_write_conf "$datadir" "$port" "$mode"
  _pg_write_hba "$datadir" "$method"

  local logfile="$datadir/postgres.log"
  if tcp_port_open "$port"; then
    die "port $port on 127.0.0.1 is already in use; pick another port"
  fi
  log "starting PostgreSQL ($mode) on 127.0.0.1:$port"
  if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 start >/dev/null 2>&1; then
    tail -n 30 "$logfile" >&2 2>/dev/null || true
    die "PostgreSQL failed to start (log: $logfile)"
  fi
  PG_CLUSTER_PORT="$port"
  export PG_CLUSTER_PORT
}

# pg_stop_cluster DATADIR — fast shutdown; quiet; no-op when not running.
pg_stop_cluster() {
  local datadir="$1"
  [[ -d "$datadir" ]] || return 0
  datadir="$(cd "$datadir" && pwd)"
  pg_cluster_running "$datadir" || return 0
  [[ -n "${PG_BIN:-}" ]] || PG_BIN="$(pg_find_bin)" || return 1
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null 2>&1 || {
    # Last resort: immediate shutdown.
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  }
}

# pg_psql PORT [PASSWORD] -- PSQL_ARGS... — psql as postgres over TCP.
pg_psql() {
  local port="$1" password="${2:-}"
  shift 2 || shift $#
  [[ "${1:-}" == "--" ]] && shift
  PGPASSWORD="$password" PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -w -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U postgres "$@" </dev/null
}

# pg_create_database PORT NAME [PASSWORD] — create NAME unless it exists.
pg_create_database() {
  local port="$1" name="$2" password="${3:-}"
  [[ "$name" =~ ^[a-zA-Z_][a-zA-Z0-9_]*$ ]] || die "bad database name '$name'"
  local exists
  exists="$(pg_psql "$port" "$password" -- -d postgres -tA \
    -c "SELECT 1 FROM pg_database WHERE datname = '$name'")"
  if [[ "$exists" != "1" ]]; then
    log "creating database $name"
    pg_psql "$port" "$password" -- -d postgres -c "CREATE DATABASE \"$name\""
  fi
}

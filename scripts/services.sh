#!/usr/bin/env bash
# Local mail lab for vob-intake, on loopback only:
#   PostgreSQL 127.0.0.1:5432  role/db/password vob/vob/vob (CREATEDB)
#   Redis      127.0.0.1:6379
#   OAuth2     127.0.0.1:9400  HTTPS (lab CA), scripts/lab-oauth-server.mjs (oidc-provider): client
#                              credentials, opaque tokens, introspection for Dovecot
#   Dovecot    127.0.0.1:1143  IMAP, plain + STARTTLS (CA: .lab/tls/cert.pem); LMTP on a unix socket;
#                              PLAIN/LOGIN with passwords, XOAUTH2 with the OAuth2 server's tokens
#   Postfix    127.0.0.1:2525  SMTP, no auth needed from loopback; AUTH (XOAUTH2 too) through
#                              Dovecot SASL; delivers into Dovecot over LMTP
# Lab rules: every address at a .test domain is a mailbox (password "test", full address as
# username) and an OAuth2 client (client id = the address, secret "test", whose tokens open that
# mailbox); mail to any other address lands in sink@mail.test.
# Ports: PG_PORT, REDIS_PORT, IMAP_PORT, SMTP_PORT, OAUTH_PORT override the defaults above, so a
# second lab (another checkout) can run beside the first. LAB_OAUTHBEARER=1 offers OAUTHBEARER
# next to XOAUTH2 (Microsoft 365 offers only XOAUTH2, as the lab does by default).
#
# Usage: bash scripts/services.sh [up|down|status]     (up is the default; idempotent)
#        bash scripts/services.sh down redis && bash scripts/services.sh up redis   (one service,
#        e.g. a fault test restarting Redis empty or PostgreSQL)
# Missing Debian packages are installed (root only) with daemons kept from starting by
# policy-rc.d; the lab's own instances keep all state under .lab/ at the repo root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
IMAP_PORT="${IMAP_PORT:-1143}"
SMTP_PORT="${SMTP_PORT:-2525}"
OAUTH_PORT="${OAUTH_PORT:-9400}"
# The client Dovecot introspects tokens as (lab only).
OAUTH_DOVECOT_SECRET=dovecot-lab
PKGS_UPDATED=0
FAILED=0

say() { printf '%s\n' "$*"; }
note() { printf 'lab: %s\n' "$*" >&2; }
die() { printf 'lab: ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------- state folder
# Daemons run as unprivileged users (postgres, redis, vmail, dovecot, postfix) that must be able to
# traverse the path, and unix socket paths must stay under 108 bytes. When the checkout is somewhere
# they cannot reach, or too deep, state goes to /var/tmp and .lab becomes a symlink to it.
lab_dir() {
  local want="$ROOT/.lab"
  if [ -L "$want" ]; then readlink -f "$want"; return; fi
  if [ -d "$want" ]; then printf '%s\n' "$want"; return; fi
  local reachable=1 d="$ROOT"
  while [ "$d" != "/" ]; do
    local mode; mode=$(stat -c '%a' "$d")
    [ $(( 8#$mode & 1 )) -eq 1 ] || reachable=0
    d=$(dirname "$d")
  done
  if [ "$reachable" = 1 ] && [ ${#want} -le 60 ]; then
    printf '%s\n' "$want"
  else
    local alt; alt="/var/tmp/vob-lab-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)"
    mkdir -p "$alt"; chmod 755 "$alt"
    ln -sfn "$alt" "$want"
    printf '%s\n' "$alt"
  fi
}

# ---------------------------------------------------------------- helpers
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# The lab folder of the process listening on a port, when it is some checkout's lab (its
# PostgreSQL names its data folder, its Dovecot its configuration); empty otherwise.
lab_of_port() { # port
  local pid
  for pid in $(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -un); do
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -oE '/[^ ]*(/\.lab|/vob-lab-[0-9a-f]+)/' | head -n1 | sed 's#/$##' || true
  done | head -n1
}

# Another checkout's lab on our ports would answer the tests with its own data and restart
# under them: say whose it is and how to stop it, in one line, instead of a dozen time-outs.
refuse_foreign_lab() {
  local port other owner
  for port in "$PG_PORT" "$IMAP_PORT"; do
    other=$(lab_of_port "$port")
    [ -n "$other" ] || continue
    [ "$(readlink -f "$other")" = "$(readlink -f "$LAB")" ] && continue
    owner=$(cat "$other/owner" 2>/dev/null || dirname "$other")
    die "127.0.0.1:$port is held by the lab of another checkout ($owner); stop it with: bash $owner/scripts/services.sh down"
  done
}

wait_port() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    port_open "$2" && return 0
    sleep 0.1
  done
  return 1
}

pid_alive() { [ -s "$1" ] && kill -0 "$(head -n1 "$1" | tr -d ' ')" 2>/dev/null; }

stop_daemon() { # name pidfile port: SIGTERM the process the pid file names, wait until it is gone
  if pid_alive "$2"; then
    local pid; pid=$(head -n1 "$2" | tr -d ' ')
    kill -TERM "$pid" 2>/dev/null || true
    wait_exit "$pid" "$3"
    say "$(printf '%-9s' "$1") stopped"
  else
    say "$(printf '%-9s' "$1") not running here"
  fi
}

# running_pid PID: alive and not a zombie (here PID 1 may be slow to reap daemons' exits).
running_pid() { [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }

wait_exit() { # pid port: a stop command returned; wait until the process is gone and the port free
  local i
  for ((i = 0; i < 150; i++)); do
    if ! running_pid "$1" && ! port_open "$2"; then return 0; fi
    sleep 0.1
  done
  note "process $1 still alive 15 s after stop"
}

pg_bindir() {
  local v
  if [ -s "$LAB/pg/PG_VERSION" ]; then
    v=$(cat "$LAB/pg/PG_VERSION")
    [ -x "/usr/lib/postgresql/$v/bin/postgres" ] && { printf '%s\n' "/usr/lib/postgresql/$v/bin"; return; }
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1
}

# install_text FILE: write stdin to FILE (mode 644) only when it differs; sets CHANGED=1 then.
CHANGED=0
install_text() {
  local tmp; tmp=$(mktemp "$1.XXXXXX")
  cat >"$tmp"; chmod 644 "$tmp"
  if [ -f "$1" ] && cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv -f "$tmp" "$1"; CHANGED=1; fi
}

ensure_user() { # name
  id -u "$1" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$1"
}

# ---------------------------------------------------------------- packages
install_packages() { # pkg...
  [ $# -gt 0 ] || return 0
  is_root || die "missing packages: $* (run as root so they can be installed, or apt-get install them)"
  note "installing Debian packages: $*"
  local policy=/usr/sbin/policy-rc.d saved=""
  if [ -e "$policy" ]; then saved=$(mktemp); cp -p "$policy" "$saved"; fi
  # shellcheck disable=SC2064 # expand now: restore exactly this state even if interrupted
  trap "if [ -n '$saved' ]; then cp -p '$saved' '$policy'; rm -f '$saved'; else rm -f '$policy'; fi" EXIT
  printf '#!/bin/sh\n# written by vob-intake scripts/services.sh during apt-get install\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  local rc=0
  {
    export DEBIAN_FRONTEND=noninteractive
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    if [ "$PKGS_UPDATED" = 0 ]; then apt-get update -q; PKGS_UPDATED=1; fi
    apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef \
      -o Dpkg::Options::=--force-confold "$@"
  } </dev/null >>"$LAB/log/apt.log" 2>&1 || rc=$?
  if [ -n "$saved" ]; then cp -p "$saved" "$policy"; rm -f "$saved"; else rm -f "$policy"; fi
  trap - EXIT
  [ "$rc" = 0 ] || { tail -n 20 "$LAB/log/apt.log" >&2; die "apt-get install $* failed (log: $LAB/log/apt.log)"; }
}

ensure_packages() {
  local pkgs=()
  command -v openssl >/dev/null || pkgs+=(openssl)
  command -v psql >/dev/null || pkgs+=(postgresql-client)
  if ! port_open "$PG_PORT" && [ -z "$(pg_bindir)" ]; then pkgs+=(postgresql); fi
  if ! port_open "$REDIS_PORT" && ! command -v redis-server >/dev/null; then pkgs+=(redis-server); fi
  if ! port_open "$IMAP_PORT"; then
    [ -x /usr/lib/dovecot/imap ] || pkgs+=(dovecot-imapd)
    [ -x /usr/lib/dovecot/lmtp ] || pkgs+=(dovecot-lmtpd)
  fi
  if ! port_open "$SMTP_PORT" && [ ! -x /usr/sbin/postfix ]; then pkgs+=(postfix); fi
  # The browser tests (test/e2e) drive Debian's headless Chromium (fonts so pages render text).
  # Not a lab service: without root it is left out rather than refusing the lab; those tests say so.
  if [ ! -x /usr/bin/chromium ]; then
    if is_root; then pkgs+=(chromium fonts-liberation fonts-dejavu-core); else note "chromium is missing: the browser tests need it (apt-get install chromium)"; fi
  fi
  install_packages "${pkgs[@]}"
}

# ---------------------------------------------------------------- PostgreSQL
pg_private_running() { [ -s "$LAB/pg/postmaster.pid" ] && pid_alive "$LAB/pg/postmaster.pid"; }

pg_vob_ok() {
  PGCONNECT_TIMEOUT=3 psql "postgresql://vob:vob@127.0.0.1:$PG_PORT/vob" -qtAc 'select 1' </dev/null >/dev/null 2>&1
}

pg_setup_sql() {
  cat <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vob') THEN
    CREATE ROLE vob LOGIN CREATEDB PASSWORD 'vob';
  ELSE
    ALTER ROLE vob LOGIN CREATEDB PASSWORD 'vob';
  END IF;
END $$;
SELECT 'CREATE DATABASE vob OWNER vob' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'vob')\gexec
SQL
}

pg_up() {
  if port_open "$PG_PORT" && ! pg_private_running; then
    # Someone else's PostgreSQL (e.g. the system cluster): use it, making sure the vob role exists.
    if ! pg_vob_ok && is_root; then
      pg_setup_sql | (cd / && runuser -u postgres -- psql -p "$PG_PORT" -qX -v ON_ERROR_STOP=1 -d postgres) \
        >>"$LAB/log/postgres.log" 2>&1 || true
    fi
    pg_vob_ok || die "a PostgreSQL already listens on 127.0.0.1:$PG_PORT but vob:vob@.../vob does not log in; create role vob (password vob, CREATEDB) and database vob there, or stop it"
    say "postgres  127.0.0.1:$PG_PORT  up (existing server on the port)"
    return
  fi
  local bin; bin=$(pg_bindir)
  [ -n "$bin" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  is_root || die "starting the private PostgreSQL cluster needs root (initdb runs as user postgres)"
  local data="$LAB/pg" sock="$LAB/run/pg" log="$LAB/log/postgres.log"
  install -d -o postgres -g postgres -m 700 "$data"
  install -d -o postgres -g postgres -m 700 "$sock"
  touch "$log"; chown postgres:postgres "$log"
  if [ ! -s "$data/PG_VERSION" ]; then
    (cd / && runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync) </dev/null >>"$log" 2>&1 \
      || die "initdb failed (log: $log)"
    cat >>"$data/postgresql.conf" <<'EOF'
# ---- vob lab (scripts/services.sh): throwaway test cluster, durability traded for speed
listen_addresses = '127.0.0.1'
port = 5432
max_connections = 300
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  chown -R postgres:postgres "$data"
  if ! pg_private_running; then
    (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-k $sock -p $PG_PORT -c listen_addresses=127.0.0.1" start) </dev/null >>"$log" 2>&1 \
      || { tail -n 15 "$log" >&2; die "PostgreSQL did not start (log: $log)"; }
  fi
  wait_port postgres "$PG_PORT" 30 || die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT (log: $log)"
  if ! pg_vob_ok; then
    pg_setup_sql | (cd / && runuser -u postgres -- "$bin/psql" -h "$sock" -p "$PG_PORT" -U postgres -qX \
      -v ON_ERROR_STOP=1 -d postgres) >>"$log" 2>&1 || die "creating role/database vob failed (log: $log)"
  fi
  pg_vob_ok || die "PostgreSQL is up but vob:vob@127.0.0.1:$PG_PORT/vob does not log in (log: $log)"
  say "postgres  127.0.0.1:$PG_PORT  up (cluster $LAB/pg, $(basename "$(dirname "$bin")"))"
}

pg_down() {
  if pg_private_running; then
    local bin; bin=$(pg_bindir)
    (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$LAB/pg" -m fast -w stop) </dev/null >>"$LAB/log/postgres.log" 2>&1 || true
    say "postgres  stopped"
  else
    say "postgres  not running here (a PostgreSQL not started by the lab is left alone)"
  fi
}

# ---------------------------------------------------------------- Redis
redis_ping() { # answers +PONG?
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT; printf 'PING\r\n' >&3; head -c 5 <&3" 2>/dev/null | grep -q '+PONG'
}

redis_up() {
  local dir="$LAB/redis" conf="$LAB/redis/redis.conf" log="$LAB/log/redis.log"
  if port_open "$REDIS_PORT"; then
    redis_ping || die "port $REDIS_PORT is taken by something that does not answer Redis PING"
    if pid_alive "$dir/redis.pid"; then say "redis     127.0.0.1:$REDIS_PORT  up"
    else say "redis     127.0.0.1:$REDIS_PORT  up (existing server on the port)"; fi
    return
  fi
  local user=root
  id -u redis >/dev/null 2>&1 && user=redis
  install -d -o "$user" -g "$user" -m 750 "$dir"
  touch "$log"; chown "$user:$user" "$log"
  cat >"$conf" <<EOF
# vob lab Redis (scripts/services.sh): loopback only, no persistence
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
daemonize yes
pidfile $dir/redis.pid
logfile $log
dir $dir
save ""
appendonly no
maxmemory-policy noeviction
EOF
  chmod 644 "$conf"
  if is_root && [ "$user" != root ]; then
    (cd / && runuser -u "$user" -- redis-server "$conf") </dev/null >>"$log" 2>&1 || die "redis-server failed (log: $log)"
  else
    (cd / && redis-server "$conf") </dev/null >>"$log" 2>&1 || die "redis-server failed (log: $log)"
  fi
  wait_port redis "$REDIS_PORT" 20 && redis_ping || die "Redis does not answer on 127.0.0.1:$REDIS_PORT (log: $log)"
  say "redis     127.0.0.1:$REDIS_PORT  up"
}

redis_down() { stop_daemon redis "$LAB/redis/redis.pid" "$REDIS_PORT"; }

# ---------------------------------------------------------------- TLS
ensure_cert() {
  local dir="$LAB/tls"
  [ -s "$dir/cert.pem" ] && [ -s "$dir/key.pem" ] && return 0
  install -d -m 755 "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=mail.test" \
    -addext "subjectAltName=DNS:mail.test,DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" </dev/null >>"$LAB/log/lab.log" 2>&1 \
    || die "openssl could not create the lab certificate"
  chmod 600 "$dir/key.pem"; chmod 644 "$dir/cert.pem"
}

# ---------------------------------------------------------------- OAuth2 server
oauth_pidfile() { printf '%s\n' "$LAB/oauth/oauth.pid"; }
oauth_running() { pid_alive "$(oauth_pidfile)"; }

oauth_up() {
  local dir="$LAB/oauth" log="$LAB/log/oauth.log"
  if oauth_running && port_open "$OAUTH_PORT"; then say "oauth2    127.0.0.1:$OAUTH_PORT  up (https, scripts/lab-oauth-server.mjs)"; return; fi
  if port_open "$OAUTH_PORT"; then say "oauth2    127.0.0.1:$OAUTH_PORT  up (existing server on the port, not this lab's)"; return; fi
  command -v node >/dev/null || die "node is needed for the lab OAuth2 server"
  [ -d "$ROOT/node_modules/oidc-provider" ] || die "node_modules/oidc-provider missing: run npm ci first"
  install -d -m 755 "$dir"
  ensure_cert
  touch "$log"
  # Detached (setsid -f: no shell waits for it, nothing holds this script's output); the server
  # writes its own pid file once listening.
  rm -f "$(oauth_pidfile)"
  (cd "$ROOT" && OAUTH_PORT="$OAUTH_PORT" LAB_TLS_CERT="$LAB/tls/cert.pem" LAB_TLS_KEY="$LAB/tls/key.pem" \
    LAB_OAUTH_DOVECOT_SECRET="$OAUTH_DOVECOT_SECRET" LAB_OAUTH_PIDFILE="$(oauth_pidfile)" NODE_NO_WARNINGS=1 \
    setsid -f node scripts/lab-oauth-server.mjs </dev/null >>"$log" 2>&1)
  wait_port oauth2 "$OAUTH_PORT" 20 || { tail -n 15 "$log" >&2; die "the OAuth2 server does not answer on 127.0.0.1:$OAUTH_PORT (log: $log)"; }
  say "oauth2    127.0.0.1:$OAUTH_PORT  up (https, scripts/lab-oauth-server.mjs)"
}

oauth_down() { stop_daemon oauth2 "$(oauth_pidfile)" "$OAUTH_PORT"; }

# ---------------------------------------------------------------- Dovecot
dovecot_running() { pid_alive "$LAB/dovecot/run/master.pid"; }

oauth_mechanisms() { if [ "${LAB_OAUTHBEARER:-0}" = 1 ]; then echo "xoauth2 oauthbearer"; else echo "xoauth2"; fi; }

write_dovecot_oauth2_ext() {
  install_text "$LAB/dovecot/dovecot-oauth2.conf.ext" <<EOF
# vob lab: Dovecot's oauth2 passdb asks the lab OAuth2 server whether a token is active and
# whose mailbox it opens (generated by scripts/services.sh).
introspection_mode = post
introspection_url = https://dovecot:$OAUTH_DOVECOT_SECRET@127.0.0.1:$OAUTH_PORT/token/introspection
username_attribute = email
active_attribute = active
active_value = true
tls_ca_cert_file = $LAB/tls/cert.pem
timeout_msecs = 5000
EOF
}

write_dovecot_conf() {
  local d="$LAB/dovecot" dh=""
  [ -s /usr/share/dovecot/dh.pem ] && dh="ssl_dh = </usr/share/dovecot/dh.pem"
  install_text "$d/dovecot.conf" <<EOF
# vob lab Dovecot (generated by scripts/services.sh; edit the script, not this file)
instance_name = vob-lab
base_dir = $d/run
state_dir = $d/state
protocols = imap lmtp
listen = 127.0.0.1
log_path = $LAB/log/dovecot.log
info_log_path = $LAB/log/dovecot.log
verbose_proctitle = yes

ssl = yes
ssl_cert = <$LAB/tls/cert.pem
ssl_key = <$LAB/tls/key.pem
$dh
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no

# Lab accounts: any user@anything.test logs in with password "test", or with an access token of
# the lab's OAuth2 server whose email claim is that address.
auth_mechanisms = plain login $(oauth_mechanisms)
auth_failure_delay = 0
auth_cache_size = 0
auth_username_format = %Lu
# No brute-force penalty on loopback: tests deliberately fail logins.
login_trusted_networks = 127.0.0.0/8
passdb {
  driver = static
  args = password=test nodelay=yes
  username_filter = *@*.test
}
# Any other username: a plain "authentication failed" (not a temporary failure).
passdb {
  driver = static
  args = nopassword=yes nodelay=yes
  deny = yes
  username_filter = !*@*.test
}
# A token (XOAUTH2/OAUTHBEARER) is no password "test": the static passdb above fails it and
# Dovecot goes on to this one, which asks the OAuth2 server (RFC 7662 introspection).
passdb {
  driver = oauth2
  args = $d/dovecot-oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$d/home/%d/%n allow_all_users=yes
}

default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
first_valid_gid = 1
mail_uid = vmail
mail_gid = vmail
mail_location = maildir:$LAB/mail/%d/%n
mail_fsync = never
# Only Dovecot (IMAP and LMTP) touches these Maildirs: no directory rescans on every sync.
maildir_very_dirty_syncs = yes
default_process_limit = 1000
default_client_limit = 4000

namespace inbox {
  inbox = yes
  mailbox Processed {
    auto = subscribe
  }
  mailbox Needs-Review {
    auto = subscribe
  }
}

protocol imap {
  mail_max_userip_connections = 1000
}
protocol lmtp {
  postmaster_address = postmaster@mail.test
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
  service_count = 0
  process_min_avail = 2
  client_limit = 1000
}
service imap {
  process_limit = 1000
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
# Postfix authenticates SMTP clients through Dovecot (XOAUTH2 included).
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF
}

dovecot_up() {
  local d="$LAB/dovecot" log="$LAB/log/dovecot.log"
  if dovecot_running && port_open "$IMAP_PORT"; then
    CHANGED=0; write_dovecot_oauth2_ext; write_dovecot_conf
    if [ "$CHANGED" = 1 ]; then
      /usr/sbin/dovecot -c "$d/dovecot.conf" reload </dev/null >>"$log" 2>&1 || die "Dovecot reload failed (log: $log)"
      sleep 0.5; wait_port dovecot "$IMAP_PORT" 20 || die "Dovecot does not answer after reload (log: $log)"
      say "dovecot   127.0.0.1:$IMAP_PORT  up (configuration changed: reloaded)"
    else
      say "dovecot   127.0.0.1:$IMAP_PORT  up (IMAP + STARTTLS, LMTP $d/run/lmtp)"
    fi
    return
  fi
  if port_open "$IMAP_PORT"; then
    say "dovecot   127.0.0.1:$IMAP_PORT  up (existing server on the port, not this lab's)"; return
  fi
  is_root || die "starting Dovecot needs root"
  ensure_user vmail
  id -u dovecot >/dev/null 2>&1 && id -u dovenull >/dev/null 2>&1 || die "users dovecot/dovenull missing (dovecot-core not installed properly)"
  install -d -m 755 "$d" "$d/state"
  install -d -o vmail -g vmail -m 750 "$LAB/mail" "$d/home"
  touch "$log"; chmod 640 "$log"
  ensure_cert
  write_dovecot_oauth2_ext
  write_dovecot_conf
  if dovecot_running; then
    # master alive but not listening: restart it cleanly
    local pid; pid=$(head -n1 "$d/run/master.pid")
    /usr/sbin/dovecot -c "$d/dovecot.conf" stop </dev/null >>"$log" 2>&1 || true
    wait_exit "$pid" "$IMAP_PORT"
  fi
  ulimit -n 65536 2>/dev/null || true
  /usr/sbin/dovecot -c "$d/dovecot.conf" </dev/null >>"$log" 2>&1 \
    || { tail -n 15 "$log" >&2; die "Dovecot did not start (log: $log)"; }
  wait_port dovecot "$IMAP_PORT" 20 || { tail -n 15 "$log" >&2; die "Dovecot does not answer on 127.0.0.1:$IMAP_PORT (log: $log)"; }
  local i; for ((i = 0; i < 50; i++)); do [ -S "$d/run/lmtp" ] && break; sleep 0.1; done
  [ -S "$d/run/lmtp" ] || die "Dovecot LMTP socket $d/run/lmtp missing (log: $log)"
  say "dovecot   127.0.0.1:$IMAP_PORT  up (IMAP + STARTTLS, LMTP $d/run/lmtp)"
}

# SIGTERM to the master is what `dovecot stop` sends, without its 1 s polling.
dovecot_down() { stop_daemon dovecot "$LAB/dovecot/run/master.pid" "$IMAP_PORT"; }

# ---------------------------------------------------------------- Postfix
postfix_running() { [ -d "$LAB/postfix/etc" ] && pid_alive "$LAB/postfix/spool/pid/master.pid"; }

write_postfix_conf() {
  local etc="$LAB/postfix/etc"
  install_text "$etc/main.cf" <<EOF
# vob lab Postfix (generated by scripts/services.sh; edit the script, not this file)
compatibility_level = 3.6
queue_directory = $LAB/postfix/spool
data_directory = $LAB/postfix/data
mail_owner = postfix
setgid_group = postdrop
maillog_file = $LAB/log/postfix.log
maillog_file_prefixes = $LAB/log

inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.test
mydomain = mail.test
myorigin = \$mydomain
mydestination =
local_recipient_maps =
local_transport = error:local delivery is disabled in the lab
alias_maps =
alias_database =
relay_domains =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtpd_recipient_restrictions = permit_mynetworks, reject
smtpd_banner = \$myhostname ESMTP vob lab
smtpd_peername_lookup = no
smtpd_tls_security_level = none
# AUTH (PLAIN, LOGIN, XOAUTH2) is checked by Dovecot; loopback still needs none.
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $LAB/dovecot/run/auth-postfix
smtp_tls_security_level = none
lmtp_tls_security_level = none
biff = no
append_dot_mydomain = no
readme_directory = no

# .test addresses are mailboxes; everything else is caught by sink@mail.test.
# virtual_alias_domains must be empty: its default (\$virtual_alias_maps) would make every domain
# a virtual alias domain with this catch-all map.
virtual_alias_domains =
virtual_alias_maps = regexp:$etc/virtual_alias.regexp
default_transport = lmtp:unix:$LAB/dovecot/run/lmtp
relay_transport = lmtp:unix:$LAB/dovecot/run/lmtp

# No DNS anywhere.
smtp_dns_support_level = disabled
lmtp_dns_support_level = disabled
smtp_host_lookup = native
lmtp_host_lookup = native

message_size_limit = 104857600
mailbox_size_limit = 0
in_flow_delay = 0
smtpd_error_sleep_time = 0
delay_warning_time = 0
queue_run_delay = 10s
minimal_backoff_time = 10s
maximal_backoff_time = 60s
maximal_queue_lifetime = 1d
bounce_queue_lifetime = 1d
EOF
  install_text "$etc/virtual_alias.regexp" <<'EOF'
/^(.+@([^@]+\.)?[^@.]+\.test)$/ ${1}
/^.*$/ sink@mail.test
EOF
  install_text "$etc/master.cf" <<EOF
# vob lab Postfix services (generated by scripts/services.sh); nothing chrooted.
# service type  private unpriv  chroot  wakeup  maxproc command
127.0.0.1:$SMTP_PORT inet n -   n       -       -       smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

postfix_up() {
  local p="$LAB/postfix" log="$LAB/log/postfix.log"
  if postfix_running && port_open "$SMTP_PORT"; then
    CHANGED=0; write_postfix_conf
    if [ "$CHANGED" = 1 ]; then
      /usr/sbin/postfix -c "$p/etc" reload </dev/null >>"$log" 2>&1 || die "Postfix reload failed (log: $log)"
      say "postfix   127.0.0.1:$SMTP_PORT  up (configuration changed: reloaded)"
    else
      say "postfix   127.0.0.1:$SMTP_PORT  up (SMTP -> LMTP)"
    fi
    return
  fi
  if port_open "$SMTP_PORT"; then
    say "postfix   127.0.0.1:$SMTP_PORT  up (existing server on the port, not this lab's)"; return
  fi
  is_root || die "starting Postfix needs root"
  id -u postfix >/dev/null 2>&1 || die "user postfix missing (postfix not installed properly)"
  install -d -m 755 "$p" "$p/etc" "$p/spool"
  install -d -o postfix -g postfix -m 700 "$p/data"
  touch "$log"; chmod 640 "$log"
  write_postfix_conf
  if postfix_running; then
    local pid; pid=$(head -n1 "$p/spool/pid/master.pid" | tr -d ' ')
    /usr/sbin/postfix -c "$p/etc" stop </dev/null >>"$log" 2>&1 || true
    wait_exit "$pid" "$SMTP_PORT"
  fi
  if ! /usr/sbin/postfix -c "$p/etc" start </dev/null >>"$log" 2>&1; then
    # Before its log daemon runs, postfix reports only to syslog or a terminal: replay on a pty.
    script -qec "/usr/sbin/postfix -c '$p/etc' check" /dev/null </dev/null 2>&1 | tee -a "$log" >&2 || true
    tail -n 15 "$log" >&2
    die "Postfix did not start (log: $log)"
  fi
  wait_port postfix "$SMTP_PORT" 20 || { tail -n 15 "$log" >&2; die "Postfix does not answer on 127.0.0.1:$SMTP_PORT (log: $log)"; }
  say "postfix   127.0.0.1:$SMTP_PORT  up (SMTP -> LMTP)"
}

postfix_down() {
  if postfix_running; then
    local pid; pid=$(head -n1 "$LAB/postfix/spool/pid/master.pid" | tr -d ' ')
    /usr/sbin/postfix -c "$LAB/postfix/etc" stop </dev/null >>"$LAB/log/postfix.log" 2>&1 || true
    wait_exit "$pid" "$SMTP_PORT"
    say "postfix   stopped"
  else
    say "postfix   not running here"
  fi
}

# ---------------------------------------------------------------- commands
run_step() { # function: run it in a subshell so one failure still lets the others report
  if ! ( "$@" ); then FAILED=1; fi
}

ALL_SERVICES="postgres redis oauth dovecot postfix"
step_name() { case "$1" in postgres) echo pg ;; *) echo "$1" ;; esac; }
check_names() {
  local s
  for s in "$@"; do case " $ALL_SERVICES " in *" $s "*) ;; *) die "unknown service '$s' (known: $ALL_SERVICES)" ;; esac; done
}

cmd_up() { # [service...]
  local s list=("$@"); [ ${#list[@]} -gt 0 ] || list=($ALL_SERVICES)
  check_names "${list[@]}"
  refuse_foreign_lab
  ensure_packages
  for s in $ALL_SERVICES; do
    case " ${list[*]} " in *" $s "*) run_step "$(step_name "$s")_up" ;; esac
  done
  [ "$FAILED" = 0 ] || die "the lab is not fully up (logs in $LAB/log)"
}

cmd_down() { # [service...]  (stops in reverse order)
  local s list=("$@"); [ ${#list[@]} -gt 0 ] || list=($ALL_SERVICES)
  check_names "${list[@]}"
  for s in postfix dovecot oauth redis postgres; do
    case " ${list[*]} " in *" $s "*) run_step "$(step_name "$s")_down" ;; esac
  done
}

cmd_status() {
  local line
  line() { # name port extra-check
    if port_open "$2" && { [ -z "${3:-}" ] || eval "$3"; }; then say "$(printf '%-9s 127.0.0.1:%-5s up' "$1" "$2")"
    else say "$(printf '%-9s 127.0.0.1:%-5s DOWN' "$1" "$2")"; FAILED=1; fi
  }
  line postgres "$PG_PORT" pg_vob_ok
  line redis "$REDIS_PORT" redis_ping
  line oauth2 "$OAUTH_PORT"
  line dovecot "$IMAP_PORT"
  line postfix "$SMTP_PORT"
  [ "$FAILED" = 0 ]
}

LAB="$(lab_dir)"
mkdir -p "$LAB/log" "$LAB/run"
printf '%s\n' "$ROOT" >"$LAB/owner"
chmod 755 "$LAB" "$LAB/log" "$LAB/run" 2>/dev/null || true

cmd="${1:-up}"; [ $# -eq 0 ] || shift
# One up/down at a time per lab (parallel test runs, several engineers on one tree).
# flock -o: the lock is not handed down to the daemons this run starts.
if { [ "$cmd" = up ] || [ "$cmd" = down ]; } && [ -z "${VOB_LAB_LOCKED:-}" ]; then
  rc=0
  VOB_LAB_LOCKED=1 flock -o -E 75 -w 300 "$LAB/run/services.lock" bash "${BASH_SOURCE[0]}" "$cmd" "$@" || rc=$?
  [ "$rc" != 75 ] || die "another scripts/services.sh has held $LAB/run/services.lock for 5 minutes"
  exit "$rc"
fi
case "$cmd" in
  up) cmd_up "$@" ;;
  down) cmd_down "$@" ;;
  status) cmd_status ;;
  *) die "usage: bash scripts/services.sh [up|down [postgres|redis|oauth|dovecot|postfix ...]|status]" ;;
esac

#!/usr/bin/env bash
# Durable learn under load (issue 5): learn vs the bare endpoint, once with Eddy__Durability=Fsync (the default) and
# once with OsBuffered, each in its own server process with a fresh data directory. From the repository root:
#
#   bench/wrk/durable.sh                   # Fsync then OsBuffered; per mode one round: bare, learn, bare
#   ROUNDS=3 bench/wrk/durable.sh
#   MODES=Fsync APP=/path/to/other/build bench/wrk/durable.sh   # A/B: run another build in the same conditions
#
# fsyncs and group commits are the log's own counters (eddy_wal_syncs_total, eddy_wal_commits_total and
# eddy_wal_records_total on /metrics), read before and after each wrk run: fsyncs/s, and learns (examples) per fsync
# and per commit. With OsBuffered the log never syncs; the fsyncs counted then are the snapshots' (one every 100,000
# learns by default).
#
# Each route is warmed up for WARMUP before the measured rounds (the JIT's tiers settle). The 100-300 ms learn p99
# spikes that earlier runs had after short warm-ups came from this script's own copy of the server being written back
# mid-run; it is synced before the server starts now (docs/BENCHMARKS.md).
#
# Settings (environment): MODES ("Fsync OsBuffered"), ROUNDS (1), DURATION (10s), WARMUP (10s), THREADS (1),
# CONNECTIONS (32), PORT (5181), LOG_LEVEL (Warning), APP (a built Eddy.Cli output directory to run instead of
# building this checkout; for A/B runs), SKIP_BUILD (unset). Other server settings pass through the environment
# (Eddy__..., DOTNET_...).
set -euo pipefail

MODES=${MODES:-Fsync OsBuffered}
ROUNDS=${ROUNDS:-1}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5181}
LOG_LEVEL=${LOG_LEVEL:-Warning}
BASE="http://127.0.0.1:${PORT}"

root=$(cd "$(dirname "$0")/../.." && pwd)
scripts="$root/bench/wrk"
cd "$root"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 1; }

work=$(mktemp -d)
launcher_pid=""
server_pid=""
stop_server()
{
  # The server first, then whatever launched it.
  for pid in "$server_pid" "$launcher_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
  server_pid=""
  launcher_pid=""
}
cleanup()
{
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n "${APP:-}" ]]; then
  cp -r "$APP" "$work/app"
else
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo "Building Release..." >&2
    dotnet build -c Release src/Eddy.Cli -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  fi
  cp -r src/Eddy.Cli/bin/Release/net10.0 "$work/app"
fi
# The copy is written back now, not 30 s later (the kernel's dirty-page expiry) in the middle of a measured run: that
# burst of about 550 MB stalled every fsync for 100-300 ms (the p99 spikes of earlier runs, docs/BENCHMARKS.md).
sync

if curl -s -o /dev/null "$BASE/healthz"; then
  echo "Something already listens on port $PORT; set PORT." >&2
  exit 1
fi

start_server()
{
  local mode=$1
  rm -rf "$work/data"
  (
    cd "$work"
    export Eddy__BenchmarkRoutes=true Eddy__DataDirectory="$work/data" Eddy__Durability="$mode" Logging__LogLevel__Default="$LOG_LEVEL"
    exec dotnet "$work/app/Eddy.Cli.dll" serve --urls "$BASE"
  ) >"$work/server.log" 2>&1 &
  launcher_pid=$!
  server_pid=$launcher_pid
  for _ in $(seq 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz" || true)" == 200 ]] && break
    kill -0 "$launcher_pid" 2>/dev/null || { echo "The server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
  done
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" == 200 ]] || { echo "The server is not ready after 30 s." >&2; exit 1; }
}

# "syncs commits records" from the log's counters.
wal_counters()
{
  curl -s "$BASE/metrics" | awk '
    /^eddy_wal_syncs_total/ { s = $NF } /^eddy_wal_commits_total/ { c = $NF } /^eddy_wal_records_total/ { r = $NF }
    END { printf "%d %d %d\n", s, c, r }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)

echo "# machine: $(nproc) cores, $(lscpu | sed -nE 's/^Model name:[[:space:]]+//p'), .NET $(dotnet --list-runtimes | sed -nE 's/^Microsoft.NETCore.App ([^ ]+).*/\1/p' | tail -1), data directory on $(df -T "$work" | awk 'NR == 2 { print $2 }')"
echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; server log level $LOG_LEVEL; fsyncs and commits from the log's counters"
echo "# x bare = req/s relative to the mean of the round's two bare runs; srv cpu = server CPU microseconds per request"

x='{"x": {"empty_server_form_handler": 0.0, "popup_window": 0.0, "https": 1.0, "request_from_other_domain": 0.0, "anchor_from_other_domain": 0.5, "is_popular": 0.5, "long_url": 0.0, "age_of_domain": 1, "ip_in_url": 0}'
header_printed=""
TIMEFORMAT='%U %S'
for mode in $MODES; do
  start_server "$mode"
  for path in /_bench/bare /v1/models/default/learn; do
    data="$x}"
    [[ "$path" == */learn ]] && data="$x, \"y\": 1}"
    code=$(curl -s -o "$work/check" -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$data" "$BASE$path")
    [[ "$code" == 200 ]] || { echo "POST $path answered $code: $(cat "$work/check")" >&2; exit 1; }
  done

  echo "Warming up $mode ($WARMUP per route)..." >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$scripts/bare.lua" "$BASE/_bench/bare" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$scripts/learn.lua" "$BASE/v1/models/default/learn" >/dev/null

  for round in $(seq "$ROUNDS"); do
    rows=()
    for route in "bare /_bench/bare bare.lua" "learn /v1/models/default/learn learn.lua" "bare /_bench/bare bare.lua"; do
      read -r name path script <<<"$route"
      read -r syncs_before commits_before records_before < <(wal_counters)
      cpu_before=$(cpu_ticks)
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$scripts/$script" "$BASE$path" >"$work/wrk.out"
      cpu_after=$(cpu_ticks)
      read -r syncs_after commits_after records_after < <(wal_counters)
      result=$(grep '^WRK_RESULT' "$work/wrk.out") || { cat "$work/wrk.out" >&2; exit 1; }
      rows+=("$name ${result#WRK_RESULT } syncs=$((syncs_after - syncs_before)) commits=$((commits_after - commits_before)) records=$((records_after - records_before)) srv_ticks=$((cpu_after - cpu_before))")
    done

    printf '%s\n' "${rows[@]}" | awk -v mode="$mode" -v round="$round" -v hz="$ticks_per_second" -v header="$header_printed" '
      {
        name[NR] = $1
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[NR, kv[1]] = kv[2] }
        n = v[NR, "requests"]
        seconds[NR] = v[NR, "duration_us"] / 1e6
        rps[NR] = n / seconds[NR]
        srv[NR] = v[NR, "srv_ticks"] / hz * 1e6 / n
        if ($1 == "bare") { bare_rps += rps[NR]; bares++ }
      }
      END {
        if (header == "") {
          printf "%-10s %-5s %-6s %8s %7s %7s %7s %6s %7s %7s %6s %9s %9s %9s\n", "durability", "round", "route", "req/s", "p50 ms",
            "p99 ms", "max ms", "non2xx", "sockerr", "srv cpu", "x bare", "fsyncs/s", "ex/fsync", "ex/commit"
        }
        bare_rps /= bares
        for (r = 1; r <= NR; r++) {
          sockerr = v[r, "connect"] + v[r, "read"] + v[r, "write"] + v[r, "timeout"]
          per_second = "-"; per_sync = "-"; per_commit = "-"
          if (name[r] == "learn") {
            per_second = sprintf("%.1f", v[r, "syncs"] / seconds[r])
            per_sync = v[r, "syncs"] > 0 ? sprintf("%.1f", v[r, "records"] / v[r, "syncs"]) : "no fsync"
            per_commit = v[r, "commits"] > 0 ? sprintf("%.1f", v[r, "records"] / v[r, "commits"]) : "-"
          }
          printf "%-10s %-5d %-6s %8.0f %7.2f %7.2f %7.2f %6d %7d %7.1f %5.0f%% %9s %9s %9s\n", mode, round, name[r], rps[r],
            v[r, "p50_us"] / 1000, v[r, "p99_us"] / 1000, v[r, "max_us"] / 1000, v[r, "non2xx"], sockerr, srv[r],
            100 * rps[r] / bare_rps, per_second, per_sync, per_commit
        }
      }'
    header_printed=1
  done

  if grep -q '^fail:' "$work/server.log"; then
    echo "# $mode: the server logged $(grep -c '^fail:' "$work/server.log") errors"
  fi
  stop_server
done

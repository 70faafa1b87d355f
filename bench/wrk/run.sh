#!/usr/bin/env bash
# Load benchmark of the model server with wrk (issue 4). From the repository root:
#
#   bench/wrk/run.sh                 # one round: bare, /predict, v1 predict, v1 learn, /update_model, bare again
#   ROUNDS=3 bench/wrk/run.sh        # three rounds in the same server process
#
# Builds Release, copies the build to a temporary directory (a rebuild during the run cannot swap the binaries),
# starts the server on loopback with the benchmark routes, waits for /readyz, warms every route up, then runs wrk on
# each route in turn. Around each run it reads /_bench/allocated (the process's allocated bytes) and the server's
# CPU time from /proc, and prints: req/s, latency percentiles, non-2xx and socket errors, bytes allocated, server and
# wrk CPU microseconds per request, and req/s and server CPU per request relative to the round's two bare runs.
#
# Settings (environment): ROUNDS (1), DURATION (10s), WARMUP (5s), THREADS (1), CONNECTIONS (32), PORT (5180),
# LOG_LEVEL (Warning: the server's log level; at Information it logs every request), SKIP_BUILD (unset).
# Server settings pass through the environment too, e.g. Eddy__RollingWindow=10 bench/wrk/run.sh.
# wrk and the server run at the same (default) priority and share the machine's cores: on a small machine the
# figures are for both together, which is why the CPU per request of the server is printed as well.
set -euo pipefail

ROUNDS=${ROUNDS:-1}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5180}
LOG_LEVEL=${LOG_LEVEL:-Warning}
BASE="http://127.0.0.1:${PORT}"

root=$(cd "$(dirname "$0")/../.." && pwd)
scripts="$root/bench/wrk"
cd "$root"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup()
{
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "Building Release..." >&2
  dotnet build -c Release src/Eddy.Cli -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi
cp -r src/Eddy.Cli/bin/Release/net10.0 "$work/app"
# The copy is written back now, not 30 s later (the kernel's dirty-page expiry) in the middle of a measured run: that
# burst of about 550 MB stalled every fsync for 100-300 ms (the p99 spikes of earlier runs, docs/BENCHMARKS.md).
sync

if curl -s -o /dev/null "$BASE/healthz"; then
  echo "Something already listens on port $PORT; set PORT." >&2
  exit 1
fi

# Run from the temporary directory: content root and data directory are there, not in the repository.
(
  cd "$work"
  export Eddy__BenchmarkRoutes=true Eddy__DataDirectory="$work/data" Logging__LogLevel__Default="$LOG_LEVEL"
  exec dotnet "$work/app/Eddy.Cli.dll" serve --urls "$BASE"
) >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 300); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz" || true)" == 200 ]] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "The server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" == 200 ]] || { echo "The server is not ready after 30 s." >&2; exit 1; }

# name, method, path, script
routes=(
  "bare POST /_bench/bare bare.lua"
  "predict POST /predict predict.lua"
  "predict_v1 POST /v1/models/default/predict predict_v1.lua"
  "learn_v1 POST /v1/models/default/learn learn.lua"
  "update_model PUT /update_model update_model.lua"
  "bare POST /_bench/bare bare.lua"
)

# Every route must answer 200 to a body like the scripts' before it is measured.
x='{"x": {"empty_server_form_handler": 0.0, "popup_window": 0.0, "https": 1.0, "request_from_other_domain": 0.0, "anchor_from_other_domain": 0.5, "is_popular": 0.5, "long_url": 0.0, "age_of_domain": 1, "ip_in_url": 0}'
for route in "${routes[@]}"; do
  read -r name method path _ <<<"$route"
  data="$x}"
  [[ "$method" == PUT || "$path" == */learn ]] && data="$x, \"y\": 1}"
  code=$(curl -s -o "$work/check" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json' -d "$data" "$BASE$path")
  [[ "$code" == 200 ]] || { echo "$method $path answered $code: $(cat "$work/check")" >&2; exit 1; }
done

allocated()
{
  # The answer has no trailing newline; read needs one.
  printf '%s\n' "$(curl -s "$BASE/_bench/allocated")" | sed -E 's/.*"allocatedBytes":([0-9]+).*"gen0Collections":([0-9]+).*/\1 \2/'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# What one /_bench/allocated call itself allocates, subtracted from every measurement.
read -r a1 _ < <(allocated)
read -r a2 _ < <(allocated)
read -r a3 _ < <(allocated)
probe=$(( ((a3 - a2) < (a2 - a1)) ? (a3 - a2) : (a2 - a1) ))

echo "Warming up ($WARMUP per route)..." >&2
for route in "${routes[@]:0:5}"; do
  read -r _ _ path script <<<"$route"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$scripts/$script" "$BASE$path" >/dev/null
done

echo "# machine: $(nproc) cores, $(lscpu | sed -nE 's/^Model name:[[:space:]]+//p'), .NET $(dotnet --list-runtimes | sed -nE 's/^Microsoft.NETCore.App ([^ ]+).*/\1/p' | tail -1)"
echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; server log level $LOG_LEVEL; one /_bench/allocated probe allocates $probe B"
echo "# cpu = CPU microseconds per request (srv: the server process, wrk: the load generator); x bare = req/s and"
echo "# server CPU per request relative to the mean of the round's two bare runs; logerr = errors in the server log"

TIMEFORMAT='%U %S'
for round in $(seq "$ROUNDS"); do
  rows=()
  for route in "${routes[@]}"; do
    read -r name _ path script <<<"$route"
    read -r alloc_before gen0_before < <(allocated)
    logged_before=$(grep -c '^fail:' "$work/server.log" || true)
    cpu_before=$(cpu_ticks)
    { time wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$scripts/$script" "$BASE$path" >"$work/wrk.out"; } 2>"$work/wrk.time"
    cpu_after=$(cpu_ticks)
    read -r alloc_after gen0_after < <(allocated)
    logged=$(( $(grep -c '^fail:' "$work/server.log" || true) - logged_before ))
    result=$(grep '^WRK_RESULT' "$work/wrk.out") || { cat "$work/wrk.out" >&2; exit 1; }
    rows+=("$name ${result#WRK_RESULT } alloc=$((alloc_after - alloc_before - probe)) gen0=$((gen0_after - gen0_before)) srv_ticks=$((cpu_after - cpu_before)) wrk_cpu=$(awk '{ print $1 + $2 }' "$work/wrk.time") logged=$logged")
  done

  printf '%s\n' "${rows[@]}" | awk -v round="$round" -v hz="$ticks_per_second" '
    {
      name[NR] = $1
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[NR, kv[1]] = kv[2] }
      n = v[NR, "requests"]
      rps[NR] = n / (v[NR, "duration_us"] / 1e6)
      srv[NR] = v[NR, "srv_ticks"] / hz * 1e6 / n
      wrk[NR] = v[NR, "wrk_cpu"] * 1e6 / n
      if ($1 == "bare") { bare_rps += rps[NR]; bare_srv += srv[NR]; bares++ }
    }
    END {
      if (round == 1) {
        printf "%-5s %-12s %8s %7s %7s %7s %7s %6s %7s %7s %7s %7s %5s %6s %6s %6s\n", "round", "route", "req/s", "p50 ms",
          "p99 ms", "p99.9", "max ms", "non2xx", "sockerr", "B/req", "srv cpu", "wrk cpu", "gen0", "x bare", "cpu x", "logerr"
      }
      bare_rps /= bares; bare_srv /= bares
      for (r = 1; r <= NR; r++) {
        sockerr = v[r, "connect"] + v[r, "read"] + v[r, "write"] + v[r, "timeout"]
        printf "%-5d %-12s %8.0f %7.2f %7.2f %7.2f %7.2f %6d %7d %7.0f %7.1f %7.1f %5d %5.0f%% %5.0f%% %6d\n", round, name[r], rps[r],
          v[r, "p50_us"] / 1000, v[r, "p99_us"] / 1000, v[r, "p999_us"] / 1000, v[r, "max_us"] / 1000, v[r, "non2xx"], sockerr,
          v[r, "alloc"] / v[r, "requests"], srv[r], wrk[r], v[r, "gen0"], 100 * rps[r] / bare_rps, 100 * bare_srv / srv[r], v[r, "logged"]
      }
    }'
done

if grep -q '^fail:' "$work/server.log"; then
  echo "# the server logged $(grep -c '^fail:' "$work/server.log") errors (logerr column); the kinds:"
  grep -A2 '^fail:' "$work/server.log" | grep -E '^ +[A-Za-z.]+(Exception|Error)' | sed -E 's/^ +//' | sort | uniq -c | sort -rn | head -5
fi

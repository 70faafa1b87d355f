#!/usr/bin/env bash
# Scale-out benchmark (issue 7). From the repository root:
#
#   bench/wrk/scaleout.sh
#
# Starts a redis-server on loopback (AOF, appendfsync always: the durable setting), one trainer and SERVERS (3)
# server processes of the Release build, then measures:
#   1. predict throughput with 1, 2 and 3 servers: one wrk per server, CONNECTIONS split between them, run together,
#      req/s summed; the ratio to one server is what scaling buys on this machine;
#   2. learn throughput through Redis with learn_many batches of BATCH examples spread over the servers, acknowledged
#      and applied+published by the trainer (bench/Eddy.Benchmarks `scaleout`);
#   3. propagation delay from an acknowledged learn to a read-your-writes prediction answered by every server.
# Settings (environment): DURATION (10s), CONNECTIONS (48), THREADS (1), SERVERS (3), BATCH (100), PROBES (500),
# REDIS_PORT (6399), PORT (5190: servers listen on PORT+1..PORT+SERVERS, the trainer on PORT), SKIP_BUILD.
# Everything shares the machine's cores (wrk, Redis, the trainer, the servers): on a 2-core machine the servers are
# CPU-bound together, so more replicas add availability more than throughput; the CPU figures say where time went.
set -euo pipefail

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-48}
THREADS=${THREADS:-1}
SERVERS=${SERVERS:-3}
BATCH=${BATCH:-100}
PROBES=${PROBES:-500}
REDIS_PORT=${REDIS_PORT:-6399}
PORT=${PORT:-5190}

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is not installed (Debian: apt-get install redis-server)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup()
{
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "Building Release..." >&2
  dotnet build -c Release src/Eddy.Cli -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  dotnet build -c Release bench/Eddy.Benchmarks -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi
cp -r src/Eddy.Cli/bin/Release/net10.0 "$work/app"
# The copy is written back now, not 30 s later (the kernel's dirty-page expiry) in the middle of a measured run: that
# burst of about 550 MB stalled every fsync for 100-300 ms (the p99 spikes of earlier runs, docs/BENCHMARKS.md).
sync

mkdir -p "$work/redis"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$work/redis" --save '' --appendonly yes --appendfsync always \
  --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

start_node()
{
  local role=$1 port=$2
  (
    cd "$work"
    export Logging__LogLevel__Default=Warning Eddy__Redis__PublishIntervalMs=2
    exec dotnet "$work/app/Eddy.Cli.dll" serve --role "$role" --redis "127.0.0.1:$REDIS_PORT" --urls "http://127.0.0.1:$port"
  ) >"$work/$role-$port.log" 2>&1 &
  pids+=($!)
}

start_node trainer "$PORT"
urls=()
for i in $(seq "$SERVERS"); do
  start_node server $((PORT + i))
  urls+=("http://127.0.0.1:$((PORT + i))")
done
for url in "${urls[@]}" "http://127.0.0.1:$PORT"; do
  for _ in $(seq 300); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz" || true)" == 200 ]] && break; sleep 0.1; done
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" == 200 ]] || { echo "$url is not ready:" >&2; cat "$work"/*.log >&2; exit 1; }
done

# Some learning first, so predictions run on a trained model with the nine features.
dotnet bench/Eddy.Benchmarks/bin/Release/net10.0/Eddy.Benchmarks.dll scaleout --servers "${urls[0]}" --seconds 2 --probes 10 >/dev/null

echo "# machine: $(nproc) cores, $(lscpu | sed -nE 's/^Model name:[[:space:]]+//p'), .NET $(dotnet --list-runtimes | sed -nE 's/^Microsoft.NETCore.App ([^ ]+).*/\1/p' | tail -1), $(redis-server --version | cut -d' ' -f1-3)"
echo "# predict: wrk -t$THREADS -d$DURATION, $CONNECTIONS connections split over the servers used, all wrk runs at once"
single=0
for used in $(seq "$SERVERS"); do
  per=$(( CONNECTIONS / used ))
  for i in $(seq "$used"); do
    wrk -t"$THREADS" -c"$per" -d"$DURATION" --latency -s bench/wrk/predict_v1.lua "${urls[$((i - 1))]}/v1/models/default/predict" >"$work/wrk-$i.out" &
  done
  wait $(jobs -p | tail -n "$used")
  total=0; p99=0
  for i in $(seq "$used"); do
    line=$(grep '^WRK_RESULT' "$work/wrk-$i.out")
    requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
    duration=$(sed -E 's/.*duration_us=([0-9]+).*/\1/' <<<"$line")
    this_p99=$(sed -E 's/.*p99_us=([0-9]+).*/\1/' <<<"$line")
    total=$(awk -v t="$total" -v r="$requests" -v d="$duration" 'BEGIN { print t + r / (d / 1e6) }')
    (( this_p99 > p99 )) && p99=$this_p99
  done
  [[ "$used" == 1 ]] && single=$total
  awk -v n="$used" -v t="$total" -v s="$single" -v p="$p99" 'BEGIN { printf "predict, %d server(s): %8.0f req/s (x%.2f of one server), worst p99 %.2f ms\n", n, t, t / s, p / 1000 }'
done

echo "# learn through Redis and propagation (bench/Eddy.Benchmarks scaleout --batch $BATCH --probes $PROBES)"
dotnet bench/Eddy.Benchmarks/bin/Release/net10.0/Eddy.Benchmarks.dll scaleout --servers "$(IFS=,; echo "${urls[*]}")" \
  --batch "$BATCH" --seconds 10 --clients 8 --probes "$PROBES"

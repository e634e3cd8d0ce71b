#!/usr/bin/env bash
# GraphQL engine benchmark (issue 3, item 10): graphql-js 16 + graphql-http on Node against the
# Host's engine, same queries, same data, same load generator. See bench/README.md.
#   bench/run-graphql-bench.sh
# Environment:
#   RFMGRAPH_BENCH_URL   the C# benchmark endpoint (e.g. http://127.0.0.1:5000/bench/graphql);
#                        without it only graphql-js is measured
#   RFMGRAPH_BENCH_AUTH  Authorization header value for it, if it needs one
#   BENCH_CONNECTIONS (16)  BENCH_DURATION (10 s)  BENCH_WARMUP (3 s)
#   BENCH_APPEND (docs/benchmarks.md; empty = print only)
# Take the machine-wide lock when others share the machine: flock /work/coord/bench.lock bench/run-graphql-bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
js="$root/bench/graphql-js"

[ -d "$js/node_modules" ] || (cd "$js" && npm ci --no-audit --no-fund --silent)

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
node "$js/server.mjs" --port "$port" >/dev/null &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/graphql?query=%7B__typename%7D" && break
  sleep 0.2
done

args=(--target "graphql-js=http://127.0.0.1:$port/graphql")
if [ -n "${RFMGRAPH_BENCH_URL:-}" ]; then
  args+=(--target "RfmGraph=$RFMGRAPH_BENCH_URL")
  [ -n "${RFMGRAPH_BENCH_AUTH:-}" ] && args+=(--auth "RfmGraph=$RFMGRAPH_BENCH_AUTH")
fi
append="${BENCH_APPEND-$root/docs/benchmarks.md}"
[ -n "$append" ] && args+=(--append "$append")
command="bench/run-graphql-bench.sh${RFMGRAPH_BENCH_URL:+ (RFMGRAPH_BENCH_URL=$RFMGRAPH_BENCH_URL)}"

node "$js/bench.mjs" "${args[@]}" --command "$command" \
  --connections "${BENCH_CONNECTIONS:-16}" --duration "${BENCH_DURATION:-10}" --warmup "${BENCH_WARMUP:-3}"

#!/usr/bin/env bash
# Runs every test: the .NET solution (real PostgreSQL, Redis and Chromium started by the fixtures)
# and the Node conformance suite in tests/Conformance. Installs what the tests need when missing.
# Exit code: non-zero if anything failed. Last line: a one-line summary.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 CI="${CI:-false}"

started=$(date +%s)
status=0
summary=()

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -gt 0 ]; then
  echo "== Installing test dependencies: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  apt_log="$(mktemp)"
  if ! { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${need[@]}"; } >"$apt_log" 2>&1; then
    tail -20 "$apt_log"
    echo "!! could not install ${need[*]}; tests that need them will fail"
    status=1
  fi
  rm -f "$apt_log"
fi

if [ -f src/GraphQL/GraphiQL/package.json ]; then
  # GraphiQL's browser assets (the build copies them to the Host's output; never committed).
  echo "== npm ci (src/GraphQL/GraphiQL)"
  if ! (cd src/GraphQL/GraphiQL && npm ci --no-audit --no-fund --silent); then
    echo "!! npm ci for GraphiQL failed"
    status=1
  fi
fi

if [ -f tests/Conformance/package.json ]; then
  echo "== npm ci (tests/Conformance)"
  if ! (cd tests/Conformance && npm ci --no-audit --no-fund); then
    echo "!! npm ci failed"
    status=1
  fi
fi

echo "== dotnet test RfmGraph.sln"
results_dir="$(mktemp -d)"
if dotnet test RfmGraph.sln -nologo --logger "console;verbosity=normal" --logger "trx" --results-directory "$results_dir"; then
  summary+=("dotnet: passed")
else
  summary+=("dotnet: FAILED")
  status=1
fi
counts=$(grep -ho '<Counters [^>]*' "$results_dir"/*.trx 2>/dev/null \
  | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); t[kv[1]] += kv[2] } }
         END { printf "%d tests, %d passed, %d failed", t["total"], t["passed"], t["failed"] }')
[ -n "$counts" ] && summary+=("($counts)")
# CI logs are often cut to their last lines: keep the names and messages of failed tests for the end.
failed_tests="$(python3 scripts/trx-failures.py "$results_dir" 2>/dev/null || true)"
rm -rf "$results_dir"

if [ -f tests/Conformance/package.json ]; then
  echo "== npm test (tests/Conformance)"
  # The live suites (graphql-http audit, introspection round-trip, graphql-ws) start the Host built
  # above on a free port, on a throw-away embedded PostgreSQL (tests/Conformance/README.md).
  live_db="$(mktemp -d)"
  export GRAPHQL_SERVER_CMD="ASPNETCORE_ENVIRONMENT=Development RFMGRAPH__DATABASE__EMBEDDEDDATADIRECTORY=$live_db/pg RFMGRAPH__DEMO__CUSTOMERS=500 dotnet $PWD/src/Host/bin/Debug/net10.0/RfmGraph.Host.dll serve --urls http://127.0.0.1:{port}"
  # The Host's connection_init timeout in Development (GraphQL:ConnectionInitTimeoutSeconds, 3 s).
  export GRAPHQL_WS_INIT_TIMEOUT_MS="${GRAPHQL_WS_INIT_TIMEOUT_MS:-3000}"
  if (cd tests/Conformance && npm test); then
    summary+=("node: passed")
  else
    summary+=("node: FAILED")
    status=1
  fi
  if [ -f "$live_db/pg/postmaster.pid" ]; then
    # The Host stops its PostgreSQL on SIGTERM; this is for a Host that was killed harder.
    pg_ctl_bin="$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | tail -1)"
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$pg_ctl_bin" stop -D "$live_db/pg" -m immediate >/dev/null 2>&1 || true
    else "$pg_ctl_bin" stop -D "$live_db/pg" -m immediate >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$live_db"
else
  summary+=("node: no tests/Conformance/package.json")
fi

if [ -n "$failed_tests" ]; then
  echo "== failed .NET tests"
  echo "$failed_tests"
fi
elapsed=$(( $(date +%s) - started ))
if [ "$status" -eq 0 ]; then verdict="PASSED"; else verdict="FAILED"; fi
echo "== test.sh ${verdict} in ${elapsed}s: ${summary[*]}"
exit "$status"

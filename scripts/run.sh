#!/usr/bin/env bash
# Builds and starts RfmGraph on the embedded PostgreSQL (data in .rfmgraph/postgres, reused next time).
# Set RFMGRAPH__CONNECTIONSTRINGS__RFM to use an existing server instead. Extra arguments go to the
# Host, e.g. ./scripts/run.sh --urls http://0.0.0.0:8080, or a verb: ./scripts/run.sh seed-demo --customers 100000
set -euo pipefail
cd "$(dirname "$0")/.."

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
URLS="${RFMGRAPH_URLS:-http://127.0.0.1:5080}"

echo "Building RfmGraph…"
# GraphiQL's browser assets come from npm (src/GraphQL/GraphiQL/package-lock.json).
(cd src/GraphQL/GraphiQL && npm ci --no-audit --no-fund --silent)
dotnet build src/Host/RfmGraph.Host.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

if [ "$#" -eq 0 ]; then
  echo "Starting on ${URLS}: GraphiQL ${URLS}/graphql, health ${URLS}/health (Ctrl+C stops it)"
  exec dotnet src/Host/bin/Release/net10.0/RfmGraph.Host.dll serve --urls "${URLS}"
fi
exec dotnet src/Host/bin/Release/net10.0/RfmGraph.Host.dll "$@"

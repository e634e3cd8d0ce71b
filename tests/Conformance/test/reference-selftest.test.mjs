// Runs the live suites against reference/server.mjs (graphql-js + graphql-http + graphql-ws),
// started through the same harness code path as GRAPHQL_SERVER_CMD. If a suite fails here,
// the suite or the harness is wrong, not the C# Host.
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/harness.mjs';
import { httpAuditSuite } from '../suites/http-audit.mjs';
import { introspectionSuite } from '../suites/introspection.mjs';
import { wsSuite } from '../suites/ws.mjs';

const INIT_TIMEOUT_MS = 1500;
const server = fileURLToPath(new URL('../reference/server.mjs', import.meta.url));
// The server gets a token the harness does not know and prints it, like the Host's development
// banner; the suites only pass if the harness picks that token up.
const target = await startServer(
  `GRAPHQL_TEST_TOKEN=printed-by-the-server node "${server}" --port {port} --init-timeout-ms ${INIT_TIMEOUT_MS}`,
  { timeoutMs: 20_000 },
);
target.wsInitTimeoutMs = INIT_TIMEOUT_MS;
after(() => target.stop());

httpAuditSuite(target);
introspectionSuite(target);
wsSuite(target);

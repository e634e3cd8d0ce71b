// Finds the GraphQL server the live suites run against (README.md, "Live-server tests"):
//   GRAPHQL_URL          use a server that is already running;
//   GRAPHQL_SERVER_CMD   start one on a free port, wait until it answers, stop it afterwards;
//   neither              "not run" locally, a loud failure under CI=true (a silent pass would
//                        hide that the C# server was never checked), unless
//   GRAPHQL_LIVE_NOT_RUN_REASON  says why not, which is then printed as the skip reason.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

const env = process.env;

/** Turns GRAPHQL_AUTH ("Bearer x", or "Header-Name: value") into request headers. */
export function authHeaders(auth) {
  if (!auth) return {};
  const named = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(auth);
  return named ? { [named[1]]: named[2] } : { authorization: auth };
}

/** The connection_init payload that carries the same credentials over WebSocket. */
export function wsInitPayload(auth) {
  if (env.GRAPHQL_WS_INIT_PAYLOAD) return JSON.parse(env.GRAPHQL_WS_INIT_PAYLOAD);
  const headers = authHeaders(auth);
  if (headers.authorization) return { authorization: headers.authorization };
  const apiKey = headers['x-api-key'] ?? headers['X-Api-Key'];
  return apiKey ? { apiKey } : {};
}

export const toWsUrl = (httpUrl) => httpUrl.replace(/^http/, 'ws');

function describeTarget(httpUrl, auth, stop) {
  return {
    status: 'ready',
    httpUrl,
    wsUrl: env.GRAPHQL_WS_URL ?? toWsUrl(httpUrl),
    headers: authHeaders(auth),
    wsInitPayload: wsInitPayload(auth),
    wsInitTimeoutMs: Number(env.GRAPHQL_WS_INIT_TIMEOUT_MS ?? 10_000),
    stop,
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url, headers, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`GraphQL server ${exited} before answering`);
    try {
      // Any HTTP answer (even 401) means the server is listening; the suites judge the rest.
      await fetch(`${url}?query=${encodeURIComponent('{__typename}')}`, { headers, signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`GraphQL server did not answer at ${url} within ${timeoutMs} ms`);
}

// A development server may mint its own token and print it (the Host logs
// "Authorization: Bearer <jwt>" in Development); that token then wins over the generated one.
const ANNOUNCED_TOKEN = /Authorization: (Bearer [A-Za-z0-9._~+/=-]+)/;

async function announcedToken(output, waitMs = 5000) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const match = ANNOUNCED_TOKEN.exec(output.join(''));
    if (match || Date.now() > deadline) return match?.[1] ?? null;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Wraps the server command. It runs in its own process group (so stop() also ends what
 * `dotnet run` starts), and a watcher holds our stdin pipe: when this test process ends in
 * any way, even SIGKILL, the pipe closes, `cat` returns and `kill 0` ends the whole group, so
 * no server outlives the tests. The shell itself exits with the server, which is how an early
 * crash is noticed. (Background jobs get /dev/null as stdin, hence the pipe is kept as fd 3.)
 */
const supervised = (line) => `exec 3<&0
( cat <&3 >/dev/null; kill 0 ) &
{ ${line}
} 3<&- &
wait $!`;

/**
 * Starts `command` with {port} and {token} substituted (also given as PORT and
 * GRAPHQL_TEST_TOKEN) and returns the target once it answers HTTP. Credentials: `auth` when
 * given, else a token the server prints as "Authorization: Bearer …", else the generated token.
 */
export async function startServer(command, { path = '/graphql', timeoutMs = 180_000, auth } = {}) {
  const port = await freePort();
  const token = auth ? null : randomBytes(16).toString('hex');
  const credentials = auth ?? `Bearer ${token}`;
  const line = command.replaceAll('{port}', String(port)).replaceAll('{token}', token ?? '');
  const output = [];
  const child = spawn('sh', ['-c', supervised(line)], {
    detached: true,
    env: { ...env, PORT: String(port), GRAPHQL_TEST_TOKEN: token ?? '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}${path}`;
  try {
    await waitUntilAnswering(url, authHeaders(credentials), child, timeoutMs);
  } catch (error) {
    await stop();
    error.message += `\n--- server output ---\n${output.join('').slice(-4000)}`;
    throw error;
  }
  const printed = auth ? null : await announcedToken(output);
  return describeTarget(url, printed ?? credentials, stop);
}

/** Resolves the server under test from the environment; see the header comment. */
export async function resolveTarget() {
  if (env.GRAPHQL_URL) return describeTarget(env.GRAPHQL_URL, env.GRAPHQL_AUTH, async () => {});
  if (env.GRAPHQL_SERVER_CMD) {
    return startServer(env.GRAPHQL_SERVER_CMD, {
      path: env.GRAPHQL_SERVER_PATH ?? '/graphql',
      timeoutMs: Number(env.GRAPHQL_SERVER_START_TIMEOUT_MS ?? 180_000),
      auth: env.GRAPHQL_AUTH,
    });
  }
  // An explicit, visible decision in scripts/test.sh (with its reason) while the Host cannot yet
  // serve GraphQL; without it CI fails here rather than passing without having tested anything.
  if (env.GRAPHQL_LIVE_NOT_RUN_REASON) return { status: 'not-run', reason: `not run: ${env.GRAPHQL_LIVE_NOT_RUN_REASON}` };
  const reason = 'not run: set GRAPHQL_URL (a running server) or GRAPHQL_SERVER_CMD (a command that starts one on {port})';
  if (env.CI === 'true') return { status: 'missing', reason };
  return { status: 'not-run', reason };
}

// A graphql-js server that implements the live-test contract of README.md (HTTP with bearer
// auth, SDL endpoint, graphql-transport-ws with credentials in connection_init, the ticks
// subscription). It exists to prove the live suites themselves: they must pass against it
// before their verdict on the C# Host means anything. Not a benchmark target.
//   node reference/server.mjs --port 4000 [--init-timeout-ms 3000]   (token: GRAPHQL_TEST_TOKEN)
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSchema, printSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 4000));
const initTimeoutMs = Number(arg('init-timeout-ms', 3000));
const token = process.env.GRAPHQL_TEST_TOKEN || null;

const schema = buildSchema(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
schema.getQueryType().getFields().hello.resolve = (_, { name }) => `Hello, ${name ?? 'stranger'}!`;
const ticks = schema.getSubscriptionType().getFields().ticks;
ticks.subscribe = async function* (_, { count, intervalMs }) {
  if (count < 0 || count > 1000 || intervalMs < 0 || intervalMs > 10_000) throw new Error('ticks arguments out of range.');
  for (let i = 1; i <= count; i++) {
    await sleep(intervalMs);
    yield i;
  }
};
ticks.resolve = (value) => value;

const validCredentials = (headerOrPayload) =>
  token === null || headerOrPayload?.authorization === `Bearer ${token}` || headerOrPayload?.apiKey === token;

const graphqlHandler = createHandler({ schema });
const sdl = printSchema(schema);

const server = createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (!validCredentials({ authorization: req.headers.authorization })) {
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
    res.end(JSON.stringify({ errors: [{ message: 'Unauthorized' }] }));
    return;
  }
  if (path === '/graphql/schema.graphql' && req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(sdl);
    return;
  }
  if (path === '/graphql') {
    graphqlHandler(req, res);
    return;
  }
  res.writeHead(404).end();
});

const wsServer = new WebSocketServer({ server, path: '/graphql' });
useServer(
  {
    schema,
    connectionInitWaitTimeout: initTimeoutMs,
    // Returning false closes the socket with 4403 Forbidden.
    onConnect: (ctx) => validCredentials(ctx.connectionParams),
  },
  wsServer,
);

server.listen(port, '127.0.0.1', () => {
  console.log(`reference GraphQL server on http://127.0.0.1:${port}/graphql`);
  // Announced like the Host's development banner, so the harness's token pick-up is exercised.
  if (token) console.log(`  Authorization: Bearer ${token}`);
});
const shutdown = () => {
  wsServer.clients.forEach((socket) => socket.terminate());
  server.close(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

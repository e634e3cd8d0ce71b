// graphql-js 16 + graphql-http on Node's http server: the reference the C# engine's requests/s
// are measured against (issue 3, item 10). Plain defaults on purpose — no caching of parsed or
// validated documents — because that is what a graphql-http server does out of the box.
//   node bench/graphql-js/server.mjs [--port 4100]      → http://127.0.0.1:<port>/graphql
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { buildBenchData } from './bench-data.mjs';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT ?? 4100);

const schema = buildSchema(readFileSync(new URL('./bench-schema.graphql', import.meta.url), 'utf8'));
const { products } = buildBenchData();
schema.getQueryType().getFields().products.resolve = (_, { first }) => {
  if (first !== null && (first < 0 || first > products.length)) throw new Error(`first must be between 0 and ${products.length}.`);
  return first === null ? products : products.slice(0, first);
};

const handler = createHandler({ schema });
const server = createServer((req, res) => {
  if (req.url.split('?')[0] === '/graphql') handler(req, res);
  else res.writeHead(404).end();
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`graphql-js bench server on http://127.0.0.1:${server.address().port}/graphql`));
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Drives autocannon against one or more GraphQL servers with the same queries and prints
// requests/s and p99 latency side by side as a markdown table (optionally appended to a file).
//   node bench.mjs --target graphql-js=http://127.0.0.1:4100/graphql --target RfmGraph=http://…/graphql
//                  [--auth "RfmGraph=Bearer …"] [--connections 16] [--duration 10] [--warmup 3]
//                  [--append ../../docs/benchmarks.md] [--command "how it was run"]
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';

const QUERIES = [
  { name: '(a) `{ __typename }`', file: new URL('./queries/typename.graphql', import.meta.url) },
  { name: '(b) nested list, 100 × 3 levels, 20 fields', file: new URL('./queries/nested.graphql', import.meta.url) },
  { name: '(c) full introspection', file: new URL('../../tests/Conformance/introspection-query.graphql', import.meta.url) },
];

function parseArgs(argv) {
  const opts = { targets: [], auth: {}, connections: 16, duration: 10, warmup: 3, append: null, command: null };
  for (let i = 2; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const pair = () => {
      const at = value.indexOf('=');
      return [value.slice(0, at), value.slice(at + 1)];
    };
    if (flag === '--target') opts.targets.push(Object.fromEntries([['name', pair()[0]], ['url', pair()[1]]]));
    else if (flag === '--auth') opts.auth[pair()[0]] = pair()[1];
    else if (['--connections', '--duration', '--warmup'].includes(flag)) opts[flag.slice(2)] = Number(value);
    else if (flag === '--append' || flag === '--command') opts[flag.slice(2)] = value;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (opts.targets.length === 0) throw new Error('at least one --target name=url');
  return opts;
}

const requestFor = (target, opts, query) => ({
  url: target.url,
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    ...(opts.auth[target.name] ? { authorization: opts.auth[target.name] } : {}),
  },
  body: JSON.stringify({ query }),
});

/** One request first: a benchmark of error responses would measure nothing useful. */
async function checkedData(target, opts, query, name) {
  const { url, ...init } = requestFor(target, opts, query);
  const response = await fetch(url, init);
  const body = await response.text();
  const json = JSON.parse(body);
  if (response.status !== 200 || json.errors || !json.data) {
    throw new Error(`${target.name} answered ${name} with ${response.status}: ${body.slice(0, 500)}`);
  }
  return json.data;
}

function cannon(target, opts, query, seconds) {
  return autocannon({ ...requestFor(target, opts, query), connections: opts.connections, duration: seconds, pipelining: 1 });
}

async function main() {
  const opts = parseArgs(process.argv);
  // Other work on the machine skews everything; the table says how busy it was.
  opts.loadAtStart = loadavg()[0];
  const rows = [];
  for (const q of QUERIES) {
    const query = readFileSync(q.file, 'utf8');
    const data = [];
    const cells = [];
    for (const target of opts.targets) {
      data.push(await checkedData(target, opts, query, q.name));
      await cannon(target, opts, query, opts.warmup);
      const r = await cannon(target, opts, query, opts.duration);
      const failures = r.non2xx + r.errors + r.timeouts;
      cells.push({ rps: r.requests.average, p99: r.latency.p99, failures });
      console.error(`${target.name} ${q.name}: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, failures ${failures}`);
    }
    // Introspection legitimately differs (descriptions, type order); data of (a) and (b) must not.
    const same = data.every((d) => isDeepStrictEqual(d, data[0]));
    rows.push({ name: q.name, cells, same });
  }
  const table = renderTable(opts, rows);
  console.log(table);
  if (opts.append) appendFileSync(opts.append, `\n${table}\n`);
}

function renderTable(opts, rows) {
  const base = opts.targets[0].name;
  const head = ['query', ...opts.targets.flatMap((t) => [`${t.name} req/s`, `${t.name} p99 ms`])];
  if (opts.targets.length > 1) head.push(...opts.targets.slice(1).map((t) => `${t.name} / ${base}`), 'same data');
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const values = row.cells.flatMap((c) => [`${Math.round(c.rps)}${c.failures ? ` (${c.failures} failed)` : ''}`, String(c.p99)]);
    if (opts.targets.length > 1) values.push(...row.cells.slice(1).map((c) => `${(c.rps / row.cells[0].rps).toFixed(2)}×`), row.same ? 'yes' : 'no');
    lines.push(`| ${row.name} | ${values.join(' | ')} |`);
  }
  const pkg = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
  const header = [
    `### GraphQL engine: ${opts.targets.map((t) => t.name).join(' vs ')} — ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    opts.command ? `Command: \`${opts.command}\`` : null,
    `autocannon ${pkg('autocannon')}, ${opts.connections} connections, ${opts.warmup} s warm-up then ${opts.duration} s measured per query and server, ` +
      `POST application/json; graphql-js ${pkg('graphql')} + graphql-http ${pkg('graphql-http')} on Node ${process.version}; ` +
      `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} shared by load generator and servers; 1-min load average at start ${opts.loadAtStart.toFixed(1)}.`,
    '',
  ].filter((line) => line !== null);
  return [...header, ...lines].join('\n');
}

await main();

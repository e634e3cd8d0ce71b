// Introspection round-trip: graphql-js rebuilds a schema from our introspection result
// (buildClientSchema) and prints it; that text must equal the SDL our own printer serves.
//   node introspection/roundtrip.mjs --introspection result.json --sdl schema.graphql
//   GRAPHQL_URL=http://host/graphql [GRAPHQL_AUTH="Bearer …"] node introspection/roundtrip.mjs
import { readFileSync } from 'node:fs';
import { buildClientSchema, printSchema } from 'graphql';
import { introspectionQueryText } from './write-query.mjs';
import { authHeaders } from '../lib/harness.mjs';

/** Accepts a whole response ({ data: { __schema } }) or just its data. */
export function introspectionData(json) {
  if (json?.errors?.length) throw new Error(`introspection returned errors: ${JSON.stringify(json.errors)}`);
  const data = json?.data ?? json;
  if (!data?.__schema) throw new Error('no __schema in the introspection result');
  return data;
}

/** Where two texts first differ, with a few lines of context from each side. */
export function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const window = (lines) => lines.slice(Math.max(0, i - 2), i + 3).map((l, k) => `${Math.max(0, i - 2) + k + 1}: ${l}`).join('\n');
  return `first difference at line ${i + 1}\n--- our SDL ---\n${window(a)}\n--- graphql-js print of our introspection ---\n${window(b)}`;
}

/** Compares; trailing newlines are not significant (files end with one, printSchema without). */
export function compareRoundTrip(introspectionJson, sdl) {
  const printed = printSchema(buildClientSchema(introspectionData(introspectionJson)));
  const expected = sdl.replace(/\n+$/, '');
  return printed === expected ? { ok: true, printed } : { ok: false, printed, diff: firstDifference(expected, printed) };
}

/** Fetches the introspection result and the served SDL from a running server. */
export async function fetchFromServer(httpUrl, headers = {}) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query: introspectionQueryText(), operationName: 'IntrospectionQuery' }),
  });
  if (!response.ok) throw new Error(`introspection POST answered ${response.status}: ${await response.text()}`);
  const introspection = await response.json();
  const sdlResponse = await fetch(`${httpUrl.replace(/\/$/, '')}/schema.graphql`, { headers });
  if (!sdlResponse.ok) throw new Error(`GET schema.graphql answered ${sdlResponse.status}`);
  return { introspection, sdl: await sdlResponse.text() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  let input;
  if (arg('introspection') && arg('sdl')) {
    input = { introspection: JSON.parse(readFileSync(arg('introspection'), 'utf8')), sdl: readFileSync(arg('sdl'), 'utf8') };
  } else if (process.env.GRAPHQL_URL) {
    input = await fetchFromServer(process.env.GRAPHQL_URL, authHeaders(process.env.GRAPHQL_AUTH));
  } else {
    console.error('usage: --introspection <result.json> --sdl <schema.graphql>, or set GRAPHQL_URL');
    process.exit(2);
  }
  const result = compareRoundTrip(input.introspection, input.sdl);
  console.log(result.ok ? 'introspection round-trip: identical SDL' : result.diff);
  process.exit(result.ok ? 0 : 1);
}

// Proves oracle/cases.jsonl is what graphql-js 16 produces today for oracle/schema.graphql,
// so the C# replay compares against a current reference, and that the file still covers
// every feature the issue asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, printSchema, validate } from 'graphql';
import { buildOracleSchema, schemaSdl } from '../oracle/schema.mjs';
import { executeCase, recordResult } from '../oracle/execute-case.mjs';
import { CASES_PATH, generateCases, summarize } from '../oracle/generate.mjs';

const casesText = readFileSync(CASES_PATH, 'utf8');
const cases = casesText.trim().split('\n').map((line) => JSON.parse(line));

test('schema.graphql is exactly what graphql-js printSchema prints for it', () => {
  const sdl = schemaSdl();
  assert.equal(printSchema(buildSchema(sdl)) + '\n', sdl);
});

test('cases.jsonl holds at least 400 cases with unique ids', () => {
  assert.ok(cases.length >= 400, `only ${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length);
});

test('every case is valid per graphql-js validate()', () => {
  const schema = buildOracleSchema();
  const invalid = cases.filter((c) => validate(schema, parse(c.query)).length > 0).map((c) => c.id);
  assert.deepEqual(invalid, []);
});

test('every case re-executes in graphql-js to its recorded result', async () => {
  const schema = buildOracleSchema();
  const mismatches = [];
  for (const c of cases) {
    const actual = recordResult(await executeCase(schema, c));
    try {
      assert.deepEqual(actual, c.expected);
    } catch {
      mismatches.push(`${c.id}: expected ${JSON.stringify(c.expected)}\n        actual ${JSON.stringify(actual)}`);
    }
  }
  assert.equal(mismatches.length, 0, mismatches.slice(0, 5).join('\n'));
});

test('the generator reproduces cases.jsonl byte for byte from its seed', async () => {
  const { cases: regenerated } = await generateCases();
  const text = regenerated.map((c) => JSON.stringify(c)).join('\n') + '\n';
  assert.equal(text, casesText, 'run `npm run generate` in tests/Conformance and commit oracle/cases.jsonl');
});

test('the cases cover every feature of the oracle', () => {
  const counts = summarize(cases);
  const minimum = {
    alias: 100, 'inline-fragment': 50, 'named-fragment': 50, 'skip-include': 50, variables: 100,
    'variable-default': 20, 'variable-omitted': 5, 'variable-coercion-error': 25, 'no-data': 25,
    interface: 50, union: 20, oneOf: 20, 'enum-input': 20, 'nested-list': 50, 'list-coercion': 5,
    mutation: 15, 'operation-name': 15, introspection: 10, 'merged-fields': 20,
    'scalar-DateTime': 20, 'scalar-Date': 20, 'scalar-Decimal': 20, 'scalar-Long': 20,
    'resolver-error': 40, 'non-null-violation': 25, 'serialization-error': 20, 'data-null': 10, 'partial-data': 50,
  };
  const short = Object.entries(minimum).filter(([tag, min]) => (counts[tag] ?? 0) < min);
  assert.deepEqual(short, [], `coverage: ${JSON.stringify(counts)}`);
});

// File-based introspection checks: the exported query text is graphql-js' own, and the
// round-trip comparison works (and reports differences) on the oracle schema. With
// INTROSPECTION_JSON and SCHEMA_SDL set, it also checks those files (e.g. the C# engine's output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { graphqlSync } from 'graphql';
import { INTROSPECTION_QUERY_PATH, introspectionQueryText } from '../introspection/write-query.mjs';
import { compareRoundTrip } from '../introspection/roundtrip.mjs';
import { buildOracleSchema, schemaSdl } from '../oracle/schema.mjs';

const oracleIntrospection = () => graphqlSync({ schema: buildOracleSchema(), source: readFileSync(INTROSPECTION_QUERY_PATH, 'utf8') });

test('introspection-query.graphql is graphql-js getIntrospectionQuery with every option on', () => {
  const text = readFileSync(INTROSPECTION_QUERY_PATH, 'utf8');
  assert.equal(text, introspectionQueryText());
  for (const field of ['specifiedByURL', 'isRepeatable', 'isOneOf', 'isDeprecated', 'deprecationReason', 'description']) {
    assert.ok(text.includes(field), field);
  }
  assert.ok(text.includes('args(includeDeprecated: true)') && text.includes('inputFields(includeDeprecated: true)'));
});

test('round-trip of the oracle schema prints the committed SDL exactly', () => {
  const result = compareRoundTrip(oracleIntrospection(), schemaSdl());
  assert.ok(result.ok, result.diff);
});

test('round-trip reports the first differing line', () => {
  const altered = schemaSdl().replace('"""A calendar date without time zone, `YYYY-MM-DD`."""\n', '');
  const result = compareRoundTrip(oracleIntrospection(), altered);
  assert.equal(result.ok, false);
  assert.match(result.diff, /first difference at line 6/);
  assert.match(result.diff, /A calendar date without time zone/);
});

test('round-trip rejects an introspection result with errors', () => {
  assert.throws(() => compareRoundTrip({ errors: [{ message: 'Introspection is disabled.' }] }, ''), /Introspection is disabled/);
});

if (process.env.INTROSPECTION_JSON && process.env.SCHEMA_SDL) {
  test(`round-trip of ${process.env.INTROSPECTION_JSON} against ${process.env.SCHEMA_SDL}`, () => {
    const result = compareRoundTrip(JSON.parse(readFileSync(process.env.INTROSPECTION_JSON, 'utf8')), readFileSync(process.env.SCHEMA_SDL, 'utf8'));
    assert.ok(result.ok, result.diff);
  });
}

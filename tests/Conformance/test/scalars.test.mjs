// The custom scalar rules of oracle/README.md, checked directly: the C# engine mirrors them,
// so a change here is a contract change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from 'graphql';
import { buildOracleSchema } from '../oracle/schema.mjs';
import { normalizeDecimal, parseDateTimeString } from '../oracle/scalars.mjs';
import { stringifyData } from '../oracle/execute-case.mjs';

const schema = buildOracleSchema();
// Results are compared as wire JSON: graphql-js builds null-prototype objects and Long is a BigInt.
const run = async (source, variableValues) => {
  const result = await graphql({ schema, source, variableValues, contextValue: {} });
  return { ...result, data: result.data === undefined ? undefined : JSON.parse(stringifyData(result.data)) };
};

test('DateTime accepts RFC 3339 with offsets and serializes UTC with milliseconds', async () => {
  const cases = {
    '2024-02-29T23:59:59Z': '2024-02-29T23:59:59.000Z',
    '2024-01-01T00:00:00.123456789+05:30': '2023-12-31T18:30:00.123Z',
    '1999-12-31T23:00:00-01:00': '2000-01-01T00:00:00.000Z',
    '2024-06-01T12:00:00.5Z': '2024-06-01T12:00:00.500Z',
    '0001-01-01T00:00:00Z': '0001-01-01T00:00:00.000Z',
  };
  for (const [input, output] of Object.entries(cases)) {
    const result = await run('query($v: DateTime!) { echoDateTime(value: $v) }', { v: input });
    assert.deepEqual(result.data, { echoDateTime: output }, input);
  }
});

test('DateTime rejects what the contract rejects', () => {
  for (const text of ['2023-02-29T00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:60Z', '2024-01-01T00:00:00',
    '2024-01-01 00:00:00Z', '2024-01-01t00:00:00z', '2024-01-01T00:00:00+14:01', '0001-01-01T00:00:00+00:01',
    '2024-01-01T00:00:00.1234567891Z', '2024-01-01T00:00Z']) {
    assert.equal(parseDateTimeString(text), null, text);
  }
  assert.notEqual(parseDateTimeString('2024-01-01T00:00:00+14:00'), null);
});

test('Decimal normalizes to plain notation and enforces System.Decimal limits', () => {
  const ok = { '12.50': '12.5', '007.100': '7.1', '-0.000': '0', '-0': '0', '10': '10', '-1234.5678': '-1234.5678',
    '79228162514264337593543950335': '79228162514264337593543950335', '0.0000000000000000000000000001': '0.0000000000000000000000000001',
    '1.50000000000000000000000000000000': '1.5' };
  for (const [input, output] of Object.entries(ok)) assert.equal(normalizeDecimal(input), output, input);
  for (const bad of ['1e5', '12.', '.5', '+1', ' 1', '79228162514264337593543950336', '0.00000000000000000000000000001', '']) {
    assert.equal(normalizeDecimal(bad), null, bad);
  }
});

test('Decimal takes integer JSON numbers and rejects fractional ones', async () => {
  assert.deepEqual((await run('query($v: Decimal!) { echoDecimal(value: $v) }', { v: 42 })).data, { echoDecimal: '42' });
  const rejected = await run('query($v: Decimal!) { echoDecimal(value: $v) }', { v: 12.5 });
  assert.equal(rejected.data, undefined);
  assert.match(rejected.errors[0].message, /Decimal accepts a JSON number only when it is an integer/);
});

test('Long covers the signed 64-bit range from strings and safe JSON integers', async () => {
  const result = await graphql({ schema, source: 'query($a: Long!, $b: Long!, $c: Long!) { a: echoLong(value: $a) b: echoLong(value: $b) c: echoLong(value: $c) }',
    variableValues: { a: '9223372036854775807', b: '-9223372036854775808', c: 9007199254740991 } });
  assert.equal(stringifyData(result.data), '{"a":9223372036854775807,"b":-9223372036854775808,"c":9007199254740991}');
  for (const bad of ['9223372036854775808', '1.5', 1.5, 9007199254740992, '', '+5', true]) {
    const r = await run('query($a: Long!) { echoLong(value: $a) }', { a: bad });
    assert.equal(r.data, undefined, String(bad));
  }
});

test('Date accepts only valid calendar dates in YYYY-MM-DD', async () => {
  for (const good of ['2024-02-29', '0001-01-01', '9999-12-31']) {
    assert.deepEqual((await run('query($v: Date!) { echoDate(value: $v) }', { v: good })).data, { echoDate: good });
  }
  for (const bad of ['2023-02-29', '2024-13-01', '0000-01-01', '2024-1-1', '2024-01-01T00:00:00Z', 20240101]) {
    assert.equal((await run('query($v: Date!) { echoDate(value: $v) }', { v: bad })).data, undefined, String(bad));
  }
});

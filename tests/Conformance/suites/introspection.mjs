// Live introspection round-trip against the server under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRoundTrip, fetchFromServer } from '../introspection/roundtrip.mjs';

export function introspectionSuite(target) {
  test('introspection round-trip: graphql-js prints our introspection exactly as our /graphql/schema.graphql', async () => {
    const { introspection, sdl } = await fetchFromServer(target.httpUrl, target.headers);
    const result = compareRoundTrip(introspection, sdl);
    assert.ok(result.ok, result.diff);
  });
}

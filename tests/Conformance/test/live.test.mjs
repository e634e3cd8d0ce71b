// The live suites against the C# Host (or any server named by the environment; see
// lib/harness.mjs and README.md, "Live-server tests").
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTarget } from '../lib/harness.mjs';
import { httpAuditSuite } from '../suites/http-audit.mjs';
import { introspectionSuite } from '../suites/introspection.mjs';
import { wsSuite } from '../suites/ws.mjs';

const target = await resolveTarget();

if (target.status === 'not-run') {
  test('live server suites (graphql-http audit, introspection round-trip, graphql-ws)', { skip: target.reason }, () => {});
} else if (target.status === 'missing') {
  test('live server suites (graphql-http audit, introspection round-trip, graphql-ws)', () => {
    assert.fail(`CI=true, but the live suites have no server to test. ${target.reason}`);
  });
} else {
  after(() => target.stop());
  httpAuditSuite(target);
  introspectionSuite(target);
  wsSuite(target);
}

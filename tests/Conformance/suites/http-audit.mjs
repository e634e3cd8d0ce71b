// graphql-http's GraphQL-over-HTTP audit against the server under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditServer } from 'graphql-http';

const MAX_SHOULD_WARNINGS = 2; // issue 3, item 7

/** fetch that adds the target's credentials, since the audits know nothing of our auth. */
const fetchWithHeaders = (extra) => (input, init = {}) => {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return fetch(input, { ...init, headers });
};

export function httpAuditSuite(target) {
  test(`graphql-http audit: every MUST passes, at most ${MAX_SHOULD_WARNINGS} SHOULD warn`, async (t) => {
    const results = await auditServer({ url: target.httpUrl, fetchFn: fetchWithHeaders(target.headers) });
    for (const r of results) {
      const line = `${r.status.toUpperCase().padEnd(6)} ${r.id} ${r.name}${r.reason ? ` -- ${r.reason}` : ''}`;
      t.diagnostic(line);
    }
    const errors = results.filter((r) => r.status === 'error');
    const warnings = results.filter((r) => r.status === 'warn');
    assert.deepEqual(errors.map((r) => `${r.name}: ${r.reason}`), [], 'MUST audits failed');
    assert.ok(warnings.length <= MAX_SHOULD_WARNINGS, `${warnings.length} SHOULD audits warn: ${warnings.map((r) => r.name).join('; ')}`);
  });
}

// Regenerates cases.jsonl: `node oracle/generate.mjs [--seed N] [--count N]`.
// Each case is a document valid per graphql-js validate(), its variables and operationName,
// and what graphql-js 16 `execute` returns for it (see README.md, "Case format").
import { writeFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { createRandom } from './random.mjs';
import { DocumentBuilder } from './querygen.mjs';
import { buildOracleSchema } from './schema.mjs';
import { executeCase, recordResult } from './execute-case.mjs';

export const CASES_PATH = new URL('./cases.jsonl', import.meta.url);
export const DEFAULT_SEED = 20261201;
export const DEFAULT_COUNT = 500;

const errorKey = (e) => `${JSON.stringify(e.path ?? null)} ${e.message}`;

/**
 * graphql-js completes fields one after another and stops at the first non-null field that
 * nulls its parent, so later siblings are never run and their errors never reported. An
 * engine that completes siblings concurrently reports them. Cases where that changes the
 * error list are left out, so every spec-conforming engine must produce the recorded errors.
 */
async function isSiblingSensitive(deferredSchema, testCase, recorded) {
  const result = await executeCase(deferredSchema, testCase);
  // Siblings of a failed non-null field keep running after execute() settles and push their
  // errors into the same array; let them finish before reading it.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  const full = recordResult(result);
  if (full.dataJson !== recorded.dataJson) return true;
  const a = recorded.errors.map(errorKey).sort();
  const b = full.errors.map(errorKey).sort();
  return JSON.stringify(a) !== JSON.stringify(b);
}

function outcomeTags(recorded) {
  const tags = [];
  if (recorded.dataJson === null) tags.push('no-data');
  else if (recorded.dataJson === 'null') tags.push('data-null');
  for (const e of recorded.errors) {
    if (!e.path) tags.push('request-error');
    else if (e.message.startsWith('Cannot return null for non-nullable field')) tags.push('non-null-violation');
    else if (/cannot represent/.test(e.message)) tags.push('serialization-error');
    else tags.push('resolver-error');
  }
  if (recorded.errors.some((e) => e.path) && recorded.dataJson !== null && recorded.dataJson !== 'null') tags.push('partial-data');
  return [...new Set(tags)];
}

export async function generateCases({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
  const schema = buildOracleSchema();
  const deferred = buildOracleSchema({ deferResolvers: true });
  const random = createRandom(seed);
  const cases = [];
  const seen = new Set();
  const stats = { invalid: 0, duplicate: 0, siblingSensitive: 0 };
  while (cases.length < count) {
    const doc = new DocumentBuilder(schema, random).build();
    if (validate(schema, parse(doc.query)).length > 0) {
      stats.invalid += 1;
      continue;
    }
    const key = JSON.stringify([doc.query, doc.variables, doc.operationName]);
    if (seen.has(key)) {
      stats.duplicate += 1;
      continue;
    }
    seen.add(key);
    const testCase = { query: doc.query, variables: doc.variables, operationName: doc.operationName };
    const recorded = recordResult(executeCase(schema, testCase));
    if (await isSiblingSensitive(deferred, testCase, recorded)) {
      stats.siblingSensitive += 1;
      continue;
    }
    const id = `q${String(cases.length + 1).padStart(4, '0')}`;
    cases.push({ id, tags: [...doc.features, ...outcomeTags(recorded)], ...testCase, expected: recorded });
  }
  return { cases, stats };
}

export function summarize(cases) {
  const counts = {};
  for (const c of cases) for (const t of c.tags) counts[t] = (counts[t] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const { cases, stats } = await generateCases({ seed: arg('seed', DEFAULT_SEED), count: arg('count', DEFAULT_COUNT) });
  writeFileSync(CASES_PATH, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  console.log(`wrote ${cases.length} cases to oracle/cases.jsonl`, stats);
  console.log(summarize(cases));
}

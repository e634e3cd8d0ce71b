// Guards the benchmark contract of bench/README.md that the C# endpoint mirrors: the queries
// are valid for the bench schema, (b) really is 20 fields, and the data formulas give the
// documented response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, execute, parse, validate, visit } from 'graphql';
import { buildBenchData } from '../../../bench/graphql-js/bench-data.mjs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const schema = buildSchema(read('../../../bench/graphql-js/bench-schema.graphql'));
const nested = parse(read('../../../bench/graphql-js/queries/nested.graphql'));

test('the benchmark queries are valid for the benchmark schema', () => {
  for (const file of ['queries/typename.graphql', 'queries/nested.graphql']) {
    assert.deepEqual(validate(schema, parse(read(`../../../bench/graphql-js/${file}`))), [], file);
  }
  assert.deepEqual(validate(schema, parse(read('../introspection-query.graphql'))), []);
});

test('the nested query selects 20 fields over 3 levels', () => {
  let fields = 0;
  visit(nested, { Field: () => void (fields += 1) });
  assert.equal(fields, 20);
});

test('the benchmark data follows the documented formulas', () => {
  const { products } = buildBenchData();
  const result = execute({ schema, document: nested, rootValue: { products } });
  const json = JSON.stringify(result);
  assert.equal(json.length, 55_741); // bench/README.md quotes this size
  const p7 = result.data.products[6];
  assert.deepEqual(JSON.parse(JSON.stringify(p7)), {
    id: 'p7', name: 'Product 7', description: 'Description of product 7', price: 8.75, inStock: true, rating: 2.5,
    category: { id: 'c7', name: 'Category 7' },
    variants: [
      { id: 'p7-v1', sku: 'SKU-7-1', color: 'red', size: 'L', stock: 7, warehouse: { id: 'w1', name: 'Warehouse 1', city: 'Oslo' } },
      { id: 'p7-v2', sku: 'SKU-7-2', color: 'green', size: 'S', stock: 14, warehouse: { id: 'w2', name: 'Warehouse 2', city: 'Lima' } },
      { id: 'p7-v3', sku: 'SKU-7-3', color: 'blue', size: 'M', stock: 4, warehouse: { id: 'w3', name: 'Warehouse 3', city: 'Pune' } },
    ],
  });
  assert.equal(result.data.products.length, 100);
});

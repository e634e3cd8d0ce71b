// Writes introspection-query.graphql: the exact text graphql-js sends for a full
// introspection, so the C# tests and the benchmark use the same query as real clients.
import { writeFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';

export const INTROSPECTION_QUERY_PATH = new URL('../introspection-query.graphql', import.meta.url);

export const INTROSPECTION_OPTIONS = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};

export const introspectionQueryText = () => getIntrospectionQuery(INTROSPECTION_OPTIONS);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(INTROSPECTION_QUERY_PATH, introspectionQueryText());
  console.log('wrote introspection-query.graphql');
}

// Builds the executable oracle schema from schema.graphql, so the SDL file stays the one
// source of the type system and the resolvers only add behaviour.
import { readFileSync } from 'node:fs';
import { buildSchema, defaultFieldResolver } from 'graphql';
import { installScalars } from './scalars.mjs';
import { resolvers } from './resolvers.mjs';

export const SCHEMA_PATH = new URL('./schema.graphql', import.meta.url);
export const schemaSdl = () => readFileSync(SCHEMA_PATH, 'utf8');

const resolveTypeByKind = (value) => value.kind;

/**
 * @param {{ deferResolvers?: boolean }} options deferResolvers wraps every resolver in a
 *   promise. The generator uses that variant to see which errors an engine that completes
 *   all sibling fields would report (see generate.mjs, "sibling-sensitive").
 */
export function buildOracleSchema({ deferResolvers = false } = {}) {
  const schema = buildSchema(schemaSdl());
  installScalars(schema);
  for (const name of ['Node', 'Named', 'SearchResult']) schema.getType(name).resolveType = resolveTypeByKind;
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || typeof type.getFields !== 'function' || type.getInterfaces === undefined) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = resolvers[type.name]?.[field.name] ?? defaultFieldResolver;
      field.resolve = deferResolvers ? (...args) => Promise.resolve().then(() => resolve(...args)) : resolve;
    }
  }
  return schema;
}

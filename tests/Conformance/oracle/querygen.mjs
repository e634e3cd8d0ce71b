// Builds one random executable document over the oracle schema: selections, aliases,
// inline and named fragments, @skip/@include, arguments as literals or variables, and
// sometimes a variable value that must fail coercion. The caller validates the result and
// retries on the rare document that breaks a validation rule (e.g. two fragments selecting
// one response name with different arguments), so the builder can stay simple.
import {
  getNamedType, getNullableType, isAbstractType, isEnumType, isInputObjectType, isInterfaceType,
  isLeafType, isListType, isNonNullType, isScalarType,
} from 'graphql';
import { invalidLeafValues, validLeafValues } from './values.mjs';

const MAX_DEPTH = 4;

// Root fields that fail the whole response are kept rare so most cases carry data.
const ROOT_WEIGHTS = { failingNonNull: 0.15, overflow: 0.5, failing: 0.6, grid: 0.6, pi: 0.5, now: 0.5, bigNumber: 0.5 };
const INTROSPECTION_TYPES = ['Genre', 'Format', 'Book', 'ProbeInput', 'BookKey', 'Named', 'Node', 'SearchResult', 'DateTime', 'Query', 'Nope'];

export class DocumentBuilder {
  constructor(schema, random) {
    this.schema = schema;
    this.r = random;
    this.variables = []; // { name, gqlType (nullable), nonNull, typeText, defaultLiteral, value, provided }
    this.fragments = [];
    this.aliasCount = 0;
    this.features = new Set();
  }

  build() {
    const roll = this.r.next();
    if (roll < 0.06) return this.#finish([this.#operation('mutation', 'Mutation')]);
    if (roll < 0.11) return this.#finish([this.#introspectionOperation()]);
    if (roll < 0.17) {
      this.features.add('operation-name');
      const second = this.r.chance(0.3) ? ['mutation', 'Mutation'] : ['query', 'Query'];
      const ops = [this.#operation('query', 'Query', 'First'), this.#operation(...second, 'Second')];
      return this.#finish(ops, this.r.pick(['First', 'Second']));
    }
    return this.#finish([this.#operation('query', 'Query', this.r.chance(0.15) ? 'Named' : null)]);
  }

  #finish(operations, operationName = null) {
    if (this.r.chance(0.14)) this.#corruptOneVariable();
    const variables = {};
    for (const v of this.variables) if (v.provided) variables[v.name] = v.value;
    const query = [...operations, ...this.fragments].join('\n\n');
    const single = operations.length === 1 ? operations[0] : null;
    return {
      query,
      variables: this.variables.length > 0 ? variables : null,
      operationName: operationName ?? (single && /^(query|mutation) (\w+)/.exec(single)?.[2]) ?? null,
      features: [...this.features].sort(),
    };
  }

  #operation(keyword, rootName, name = null) {
    const root = this.schema.getType(rootName);
    const fields = Object.values(root.getFields());
    const count = this.r.int(1, 4);
    if (keyword === 'mutation') this.features.add('mutation');
    const chosen = [];
    for (let i = 0; i < count; i++) chosen.push(this.#weightedField(fields));
    const varStart = this.variables.length;
    const body = chosen.map((field) => this.#field(root, field, 1, keyword === 'mutation' || chosen.filter((f) => f === field).length > 1));
    if (this.r.chance(0.08)) body.push('__typename');
    const selection = `{\n${indent(body.join('\n'))}\n}`;
    const mine = this.variables.slice(varStart);
    if (mine.length === 0 && name === null && keyword === 'query' && this.r.chance(0.6)) return selection;
    const defs = mine.length > 0 ? `(${mine.map(variableDefinition).join(', ')})` : '';
    return `${keyword}${name ? ` ${name}` : ''}${defs} ${selection}`;
  }

  #introspectionOperation() {
    this.features.add('introspection');
    if (this.r.chance(0.25)) return '{\n  __schema {\n    queryType { name }\n    mutationType { name }\n    subscriptionType { name }\n  }\n}';
    const parts = this.r.sample(
      ['name', 'kind', 'description', 'specifiedByURL', 'isOneOf',
        'fields(includeDeprecated: true) { name args { name defaultValue type { name kind ofType { name kind } } } type { kind name ofType { kind name ofType { kind name } } } }',
        'interfaces { name }', 'possibleTypes { name }',
        'enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }', 'enumValues { name }',
        'inputFields { name description defaultValue type { kind name } }'],
      this.r.int(2, 5),
    );
    return `{\n  __type(name: ${JSON.stringify(this.r.pick(INTROSPECTION_TYPES))}) {\n${indent(parts.join('\n'), 2)}\n  }\n}`;
  }

  #weightedField(fields) {
    const total = fields.reduce((sum, f) => sum + (ROOT_WEIGHTS[f.name] ?? 1), 0);
    let point = this.r.next() * total;
    for (const field of fields) {
      point -= ROOT_WEIGHTS[field.name] ?? 1;
      if (point <= 0) return field;
    }
    return fields[fields.length - 1];
  }

  #field(parentType, field, depth, forceAlias = false) {
    const args = this.#arguments(parentType, field);
    const aliased = forceAlias || (args !== '' && this.r.chance(0.8)) || this.r.chance(0.12);
    if (aliased) this.features.add('alias');
    const alias = aliased ? `${this.#alias()}: ` : '';
    const directive = this.#maybeDirective();
    const named = getNamedType(field.type);
    const sub = isLeafType(named) ? '' : ` ${this.#selectionSet(named, depth + 1)}`;
    if (isListType(getNullableType(field.type)) && isListType(getNullableType(getNullableType(field.type).ofType))) this.features.add('nested-list');
    return `${alias}${field.name}${args}${directive}${sub}`;
  }

  #alias() {
    this.aliasCount += 1;
    return `a${this.aliasCount}`;
  }

  #selectionSet(type, depth) {
    const parts = isAbstractType(type) ? this.#abstractSelections(type, depth) : this.#objectSelections(type, depth);
    return `{\n${indent(parts.join('\n'))}\n}`;
  }

  #objectSelections(type, depth) {
    let fields = Object.values(type.getFields());
    if (depth >= MAX_DEPTH) fields = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const parts = this.r.sample(fields, this.r.int(1, 4)).map((f) => this.#field(type, f, depth));
    if (this.r.chance(0.05)) {
      // The same field twice merges into one response entry whose errors carry both locations.
      const leaf = fields.find((f) => isLeafType(getNamedType(f.type)) && Object.keys(f.args).length === 0);
      if (leaf) {
        parts.push(leaf.name, leaf.name);
        this.features.add('merged-fields');
      }
    }
    if (this.r.chance(0.12)) parts.push('__typename');
    if (this.r.chance(0.1) && depth < MAX_DEPTH) parts.push(this.#inlineFragment(type, depth, this.r.chance(0.3) ? null : type));
    if (this.r.chance(0.1) && depth < MAX_DEPTH) parts.push(this.#fragmentSpread(type, depth));
    return parts;
  }

  #abstractSelections(type, depth) {
    const parts = [];
    const possible = this.schema.getPossibleTypes(type);
    if (isInterfaceType(type)) {
      const shared = Object.values(type.getFields());
      parts.push(...this.r.sample(shared, this.r.int(0, shared.length)).map((f) => this.#field(type, f, depth)));
      this.features.add('interface');
    } else {
      this.features.add('union');
    }
    if (this.r.chance(0.4) || parts.length === 0) parts.push('__typename');
    for (const target of this.r.sample(possible, this.r.int(1, possible.length))) parts.push(this.#inlineFragment(target, depth, target));
    if (this.r.chance(0.25)) {
      // Fragments on interfaces inside other abstract types exercise interface-implements-interface.
      const iface = this.r.pick(['Node', 'Named'].map((n) => this.schema.getType(n)));
      parts.push(this.#inlineFragment(iface, depth, iface));
    }
    if (this.r.chance(0.15)) parts.push(this.#fragmentSpread(this.r.pick(possible), depth));
    return parts;
  }

  #inlineFragment(type, depth, typeCondition) {
    this.features.add('inline-fragment');
    const on = typeCondition ? ` on ${typeCondition.name}` : '';
    return `...${on}${this.#maybeDirective()} ${this.#selectionSet(type, depth)}`;
  }

  #fragmentSpread(type, depth) {
    this.features.add('named-fragment');
    const name = `F${this.fragments.length + 1}`;
    this.fragments.push(null); // reserve the name before nested fragments take the next ones
    const index = this.fragments.length - 1;
    this.fragments[index] = `fragment ${name} on ${type.name} ${this.#selectionSet(type, depth)}`;
    return `...${name}${this.#maybeDirective()}`;
  }

  #maybeDirective() {
    if (!this.r.chance(0.1)) return '';
    this.features.add('skip-include');
    const directive = this.r.pick(['include', 'skip']);
    if (this.r.chance(0.5)) return ` @${directive}(if: ${this.r.pick(['true', 'false'])})`;
    this.features.add('variables');
    const v = this.#declare(this.schema.getType('Boolean'), true, this.r.pick([true, false]));
    return ` @${directive}(if: $${v.name})`;
  }

  #arguments(parentType, field) {
    const given = [];
    for (const arg of field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && !this.r.chance(0.5)) continue;
      const value = this.#value(arg.type, `${parentType.name}.${field.name}.${arg.name}`, 0);
      given.push(`${arg.name}: ${this.#valueText(arg.type, value)}`);
    }
    return given.length > 0 ? `(${given.join(', ')})` : '';
  }

  /** Either a literal or a variable carrying the value. */
  #valueText(type, value) {
    if (!this.r.chance(0.35)) return literal(value, type, this.r);
    this.features.add('variables');
    // Non-null positions need a non-null variable; nullable ones sometimes get one too (allowed).
    const nonNull = (isNonNullType(type) || this.r.chance(0.2)) && value !== null;
    const v = this.#declare(type, nonNull, value);
    return `$${v.name}`;
  }

  #declare(type, nonNull, value) {
    const base = getNullableType(type);
    const varType = nonNull ? `${base}!` : String(base);
    const v = { name: `v${this.variables.length + 1}`, gqlType: base, nonNull, typeText: varType, value, provided: true, defaultLiteral: null };
    if (value !== null && this.r.chance(0.15)) {
      // A default in the variable definition; half the time the request leaves the variable out.
      v.defaultLiteral = literal(value, base, this.r);
      if (this.r.chance(0.5)) v.provided = false;
      this.features.add('variable-default');
    } else if (!nonNull && this.r.chance(0.1)) {
      // Declared but not sent: the argument then behaves as if it were absent.
      v.provided = false;
      this.features.add('variable-omitted');
    }
    this.variables.push(v);
    return v;
  }

  #value(type, path, depth) {
    if (isNonNullType(type)) {
      // Pools contain null for nullable uses; draw again, then fall back to a non-null value.
      return this.#value(type.ofType, path, depth) ?? this.#value(type.ofType, path, depth) ?? nonNullFallback(type.ofType, this.r, path);
    }
    if (this.r.chance(0.06)) return null;
    if (isListType(type)) {
      if (this.r.chance(0.12) && !isListType(getNullableType(type.ofType))) {
        this.features.add('list-coercion');
        return this.#value(type.ofType, path, depth);
      }
      return Array.from({ length: this.r.int(0, 3) }, () => this.#value(type.ofType, path, depth));
    }
    if (isInputObjectType(type)) return this.#inputObject(type, depth);
    this.#noteScalar(type);
    const pool = validLeafValues(type.name, path);
    return this.r.pick(pool);
  }

  #noteScalar(type) {
    if (['DateTime', 'Date', 'Decimal', 'Long'].includes(type.name)) this.features.add(`scalar-${type.name}`);
    if (isEnumType(type)) this.features.add('enum-input');
  }

  #inputObject(type, depth) {
    const fields = Object.values(type.getFields());
    if (type.isOneOf) {
      this.features.add('oneOf');
      const field = this.r.pick(fields);
      return { [field.name]: this.#value(getNullableType(field.type), `${type.name}.${field.name}`, depth + 1) ?? this.r.pick(validLeafValues('ID', `${type.name}.${field.name}`)) };
    }
    const out = {};
    for (const field of fields) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (field.name === 'nested' && depth >= 1) continue;
      if (required || this.r.chance(0.4)) out[field.name] = this.#value(field.type, `${type.name}.${field.name}`, depth + 1);
    }
    return out;
  }

  #corruptOneVariable() {
    const all = this.variables.filter((v) => v.provided || v.nonNull);
    // @skip/@include variables are the most common; prefer the others so coercion of every type is exercised.
    const typed = all.filter((v) => v.gqlType.name !== 'Boolean');
    const candidates = typed.length > 0 && this.r.chance(0.85) ? typed : all;
    if (candidates.length === 0) return;
    const v = this.r.pick(candidates);
    this.features.add('variable-coercion-error');
    if (v.nonNull && v.defaultLiteral === null && this.r.chance(0.2)) {
      if (this.r.chance(0.5)) v.provided = false;
      else {
        v.provided = true;
        v.value = null;
      }
      return;
    }
    v.provided = true;
    v.value = corrupt(v.value, v.gqlType, this.r);
  }
}

function nonNullFallback(type, random, path) {
  const pool = (validLeafValues(type.name, path) ?? []).filter((x) => x !== null);
  if (pool.length > 0) return random.pick(pool);
  if (isListType(type)) return [];
  return {};
}

/** Returns a JSON value that variable coercion must reject for `type`. */
function corrupt(value, type, random) {
  if (isNonNullType(type)) return corrupt(value, type.ofType, random);
  if (isListType(type)) {
    const inner = type.ofType;
    const items = Array.isArray(value) ? [...value] : [];
    if (isNonNullType(inner) && random.chance(0.4)) return [...items, null];
    return [...items, corrupt(null, inner, random)];
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const out = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
    if (type.isOneOf) {
      return random.chance(0.5) ? { id: 'b1', isbn: 'nope' } : { [random.pick(Object.keys(fields))]: null };
    }
    const roll = random.next();
    if (roll < 0.2) return { ...out, bogus: 1 };
    const names = Object.keys(fields).filter((n) => n !== 'nested');
    const name = random.pick(names);
    if (roll < 0.35 && fields.flag) {
      delete out.flag;
      return out;
    }
    out[name] = corrupt(out[name] ?? null, fields[name].type, random);
    return out;
  }
  const named = isScalarType(type) || isEnumType(type) ? type : getNamedType(type);
  return random.pick(invalidLeafValues(named.name) ?? ['x']);
}

/** Prints a JSON value as a GraphQL literal of `type` (values are valid for the type). */
export function literal(value, type, random) {
  if (value === null || value === undefined) return 'null';
  if (isNonNullType(type)) return literal(value, type.ofType, random);
  if (isListType(type)) {
    return Array.isArray(value) ? `[${value.map((item) => literal(item, type.ofType, random)).join(', ')}]` : literal(value, type.ofType, random);
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${literal(v, fields[k].type, random)}`).join(', ')}}`;
  }
  if (isEnumType(type)) return value;
  switch (type.name) {
    case 'Int':
    case 'Float':
    case 'Boolean':
      return String(value);
    case 'Decimal':
      if (typeof value === 'number') return String(value);
      return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(value) && random.chance(0.5) ? value : JSON.stringify(value);
    case 'Long':
      if (typeof value === 'number') return String(value);
      return /^-?(0|[1-9]\d*)$/.test(value) && random.chance(0.6) ? value : JSON.stringify(value);
    default:
      return JSON.stringify(value);
  }
}

function variableDefinition(v) {
  return `$${v.name}: ${v.typeText}${v.defaultLiteral !== null ? ` = ${v.defaultLiteral}` : ''}`;
}

function indent(text, levels = 1) {
  const pad = '  '.repeat(levels);
  return text.split('\n').map((line) => pad + line).join('\n');
}

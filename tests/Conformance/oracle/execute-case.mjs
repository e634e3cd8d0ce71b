// Executes one oracle case and turns the result into the recorded form. Shared by the
// generator and by the test that proves cases.jsonl is current.
import { parse, execute } from 'graphql';
import { newContext } from './resolvers.mjs';

const LONG_MARK = '\u0000long:';

/**
 * JSON.stringify, except that BigInt (our Long) is written as a plain JSON number with all
 * its digits, which is how the Long scalar is serialized on the wire.
 */
export function stringifyData(data) {
  const text = JSON.stringify(data, (_key, value) => (typeof value === 'bigint' ? `${LONG_MARK}${value}` : value));
  return text.replace(/"\\u0000long:(-?\d+)"/g, '$1');
}

export const errorShape = (error) => {
  const shape = { message: error.message };
  if (error.locations) shape.locations = error.locations.map(({ line, column }) => ({ line, column }));
  if (error.path) shape.path = error.path;
  return shape;
};

/** The recorded outcome: dataJson is the exact text of `data`, or null when the response has no data. */
export function recordResult(result) {
  return {
    dataJson: 'data' in result ? stringifyData(result.data) : null,
    errors: (result.errors ?? []).map(errorShape),
  };
}

export function executeCase(schema, testCase) {
  return execute({
    schema,
    document: parse(testCase.query),
    variableValues: testCase.variables ?? undefined,
    operationName: testCase.operationName ?? undefined,
    contextValue: newContext(),
  });
}

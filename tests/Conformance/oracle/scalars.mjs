// The oracle's custom scalars. Their rules are the contract the C# engine mirrors
// (oracle/README.md, "Custom scalars"), so every accept/reject decision here is
// explicit and every message is fixed text rather than graphql-js' `inspect` output.
import { GraphQLError, Kind } from 'graphql';

const MIN_UTC_MS = new Date('0001-01-01T00:00:00.000Z').getTime();
const MAX_UTC_MS = new Date('9999-12-31T23:59:59.999Z').getTime();
const MAX_OFFSET_MINUTES = 14 * 60; // .NET DateTimeOffset's limit; stricter than RFC 3339 so both sides agree

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const INTEGER = /^-?\d+$/;

const DECIMAL_MAX_MANTISSA = 79228162514264337593543950335n; // 2^96 - 1, System.Decimal's mantissa
const DECIMAL_MAX_SCALE = 28;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

const fail = (message) => {
  throw new GraphQLError(message);
};

function isValidCalendarDate(year, month, day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Parses an RFC 3339 date-time into epoch milliseconds, or returns null. */
export function parseDateTimeString(text) {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (!isValidCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  // Fractions beyond milliseconds are truncated (not rounded): both runtimes can do that exactly.
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (om > 59) return null;
    offsetMinutes = (oh * 60 + om) * (m[9] === '-' ? -1 : 1);
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return null;
  }
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear avoids that.
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, millis);
  const utc = local.getTime() - offsetMinutes * 60_000;
  if (utc < MIN_UTC_MS || utc > MAX_UTC_MS) return null;
  return utc;
}

function coerceDateTime(value) {
  if (typeof value !== 'string') fail('DateTime cannot represent a non-string value.');
  const ms = parseDateTimeString(value);
  if (ms === null) fail(`DateTime cannot represent an invalid date-time string: ${JSON.stringify(value)}.`);
  return new Date(ms);
}

function coerceDate(value) {
  if (typeof value !== 'string') fail('Date cannot represent a non-string value.');
  const m = DATE.exec(value);
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    fail(`Date cannot represent an invalid date string: ${JSON.stringify(value)}.`);
  }
  return value;
}

/**
 * Canonical decimal text: plain notation, no leading zeros, no trailing fractional zeros,
 * no "-0". Returns null when the text is not a decimal or System.Decimal cannot hold it exactly.
 */
export function normalizeDecimal(text) {
  if (!DECIMAL.test(text)) return null;
  const negative = text.startsWith('-');
  const [intRaw, fracRaw = ''] = (negative ? text.slice(1) : text).split('.');
  const intPart = intRaw.replace(/^0+(?=\d)/, '');
  const fracPart = fracRaw.replace(/0+$/, '');
  if (fracPart.length > DECIMAL_MAX_SCALE) return null;
  if (BigInt(intPart + fracPart) > DECIMAL_MAX_MANTISSA) return null;
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && body !== '0' ? `-${body}` : body;
}

function coerceDecimalString(text) {
  const normalized = normalizeDecimal(text);
  if (normalized === null) fail(`Decimal cannot represent an invalid or out-of-range decimal string: ${JSON.stringify(text)}.`);
  return normalized;
}

function coerceDecimalValue(value) {
  if (typeof value === 'string') return coerceDecimalString(value);
  if (typeof value === 'number') {
    // A fractional JSON number has already been through binary floating point in a JS
    // client, so only integers that survive that exactly are accepted.
    if (!Number.isSafeInteger(value)) {
      fail('Decimal accepts a JSON number only when it is an integer within ±(2^53-1); send other values as strings.');
    }
    return coerceDecimalString(String(value));
  }
  fail('Decimal cannot represent a value that is neither a string nor a number.');
}

function coerceLongString(text) {
  if (!INTEGER.test(text)) fail(`Long cannot represent an invalid or out-of-range integer string: ${JSON.stringify(text)}.`);
  const n = BigInt(text);
  if (n < LONG_MIN || n > LONG_MAX) fail(`Long cannot represent an invalid or out-of-range integer string: ${JSON.stringify(text)}.`);
  return n;
}

function coerceLongValue(value) {
  if (typeof value === 'bigint') {
    if (value < LONG_MIN || value > LONG_MAX) fail('Long cannot represent a value outside the signed 64-bit range.');
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      fail('Long accepts a JSON number only when it is an integer within ±(2^53-1); send larger values as strings.');
    }
    return BigInt(value);
  }
  if (typeof value === 'string') return coerceLongString(value);
  fail('Long cannot represent a value that is neither a number nor a string.');
}

/** Attaches serialize/parseValue/parseLiteral to the scalars buildSchema created from the SDL. */
export function installScalars(schema) {
  const dateTime = schema.getType('DateTime');
  dateTime.serialize = (value) => {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail('DateTime cannot serialize a non-date value.');
    return value.toISOString();
  };
  dateTime.parseValue = coerceDateTime;
  dateTime.parseLiteral = (ast) => {
    if (ast.kind !== Kind.STRING) fail('DateTime cannot represent a non-string value.');
    return coerceDateTime(ast.value);
  };

  const date = schema.getType('Date');
  date.serialize = coerceDate;
  date.parseValue = coerceDate;
  date.parseLiteral = (ast) => {
    if (ast.kind !== Kind.STRING) fail('Date cannot represent a non-string value.');
    return coerceDate(ast.value);
  };

  const decimal = schema.getType('Decimal');
  decimal.serialize = (value) => coerceDecimalString(String(value));
  decimal.parseValue = coerceDecimalValue;
  decimal.parseLiteral = (ast) => {
    // Int and Float literals are exact text in the document, unlike JSON numbers in variables.
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return coerceDecimalString(ast.value);
    if (ast.kind === Kind.FLOAT) {
      if (/[eE]/.test(ast.value)) fail(`Decimal cannot represent a number in exponent notation: ${ast.value}.`);
      return coerceDecimalString(ast.value);
    }
    fail('Decimal cannot represent a value that is neither a string nor a number.');
  };

  const long = schema.getType('Long');
  long.serialize = coerceLongValue;
  long.parseValue = coerceLongValue;
  long.parseLiteral = (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return coerceLongString(ast.value);
    fail('Long cannot represent a value that is neither an integer nor a string.');
  };
}

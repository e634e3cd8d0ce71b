// Deterministic resolvers of the oracle schema. oracle/README.md states each one in words
// for the C# twin; keep the two in step. No clock, no randomness, no shared mutable state:
// mutations only touch the per-request context created by newContext().
import { authors, books, members, FIXED_NOW, BIG_NUMBER, GRID } from './data.mjs';
import { normalizeDecimal } from './scalars.mjs';

const byId = (rows, id) => rows.find((row) => row.id === id) ?? null;
const take = (rows, count) => (count === null || count === undefined ? rows : rows.slice(0, count));
const notNegative = (value, message) => {
  if (value !== null && value !== undefined && value < 0) throw new Error(message);
};
const includesFolded = (text, part) => text.toLowerCase().includes(part.toLowerCase());

const ID_SHAPE = /^[abm][1-9][0-9]*$/;

function lookupNode(id) {
  if (!ID_SHAPE.test(id)) return undefined; // malformed
  const table = { a: authors, b: books, m: members }[id[0]];
  return byId(table, id);
}

/** Compares two canonical decimal strings numerically. */
function compareDecimals(a, b) {
  const scale = (s) => (s.split('.')[1] ?? '').length;
  const digits = Math.max(scale(a), scale(b));
  const toBig = (s) => {
    const [i, f = ''] = s.split('.');
    return BigInt(i.replace('-', '') + f.padEnd(digits, '0')) * (s.startsWith('-') ? -1n : 1n);
  };
  const x = toBig(a);
  const y = toBig(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function matchesFilter(book, filter) {
  if (!filter) return true;
  if (filter.genre != null && book.genre !== filter.genre) return false;
  if (filter.genres != null && !filter.genres.includes(book.genre)) return false;
  if (filter.minPages != null && (book.pages ?? 0) < filter.minPages) return false;
  if (filter.titleContains != null && !includesFolded(book.name, filter.titleContains)) return false;
  if (filter.publishedAfter != null && !(book.published > filter.publishedAfter)) return false;
  if (filter.maxPrice != null && compareDecimals(normalizeDecimal(book.price), filter.maxPrice) > 0) return false;
  return true;
}

function probeOf(input) {
  if (input === null || input === undefined) return null;
  return {
    given: Object.keys(input), // graphql-js builds the coerced object in field definition order
    text: input.text, count: input.count, ratio: input.ratio, flag: input.flag, when: input.when,
    day: input.day, amount: input.amount, big: input.big, genre: input.genre, tags: input.tags,
    matrix: input.matrix, keyId: input.key?.id ?? null, keyIsbn: input.key?.isbn ?? null,
    nested: probeOf(input.nested),
  };
}

export const newContext = () => ({ counter: 0, log: [] });

export const resolvers = {
  Query: {
    hello: (_, { name }) => (name === null ? 'Hello, stranger!' : `Hello, ${name}!`),
    node: (_, { id }) => {
      const node = lookupNode(id);
      if (node === undefined) throw new Error(`Malformed id "${id}".`);
      return node;
    },
    nodes: (_, { ids }) => ids.map((id) => lookupNode(id) ?? null),
    named: (_, { id }) => lookupNode(id) ?? null,
    viewer: () => members[0],
    authors: () => authors,
    author: (_, { id }) => byId(authors, id),
    books: (_, { filter, first, offset }) => {
      notNegative(first, 'first must not be negative.');
      notNegative(offset, 'offset must not be negative.');
      return take(books.filter((b) => matchesFilter(b, filter)).slice(offset ?? 0), first);
    },
    book: (_, { key }) => (key.id !== undefined ? byId(books, key.id) : books.find((b) => b.isbn === key.isbn) ?? null),
    members: () => members,
    search: (_, { text, limit }) => {
      notNegative(limit, 'limit must not be negative.');
      return take([...authors, ...books, ...members].filter((row) => includesFolded(row.name, text)), limit);
    },
    matrix: (_, { rows, cols }) => {
      if (rows < 0 || rows > 10 || cols < 0 || cols > 10) throw new Error('matrix dimensions must be between 0 and 10.');
      return Array.from({ length: rows }, (_r, r) => Array.from({ length: cols }, (_c, c) => r * cols + c));
    },
    grid: () => GRID,
    sum: (_, { values }) => values.reduce((total, v) => total + v, 0),
    pi: () => Math.PI,
    now: () => FIXED_NOW,
    bigNumber: () => BIG_NUMBER,
    overflow: () => 2147483648,
    failing: (_, { message }) => {
      throw new Error(message ?? 'boom');
    },
    failingNonNull: () => {
      throw new Error('failingNonNull always fails.');
    },
    echoDateTime: (_, { value }) => value,
    echoDate: (_, { value }) => value,
    echoDecimal: (_, { value }) => value,
    echoLong: (_, { value }) => value,
    probe: (_, { input }) => probeOf(input),
  },
  Mutation: {
    increment: (_, { by }, context) => {
      context.counter += by;
      return context.counter;
    },
    append: (_, { text }, context) => {
      context.log.push(text);
      return [...context.log];
    },
    failingMutation: () => {
      throw new Error('failingMutation always fails.');
    },
  },
  Author: {
    birthYear: (author) => (author.born === null ? null : Number(author.born.slice(0, 4))),
    books: (author, { first, genre }) => {
      notNegative(first, 'first must not be negative.');
      return take(books.filter((b) => b.authorId === author.id && (genre == null || b.genre === genre)), first);
    },
    secret: (author) => {
      throw new Error(`Secret of ${author.id} is not readable.`);
    },
  },
  Book: {
    author: (book) => {
      const author = byId(authors, book.authorId);
      if (author === null) throw new Error(`Author ${book.authorId} not found.`);
      return author;
    },
    similar: (book, { limit }) => {
      notNegative(limit, 'limit must not be negative.');
      return take(books.filter((b) => b.genre === book.genre && b.id !== book.id), limit);
    },
  },
  Loan: {
    book: (loan) => byId(books, loan.bookId),
  },
};

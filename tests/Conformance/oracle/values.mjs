// Pools of argument and variable values. Valid pools hold values every engine must accept;
// invalid pools hold JSON variable values that must fail variable coercion. Values are
// chosen to hit the edges of the scalar contracts in README.md, not at random.

const VALID_BY_PATH = {
  'Query.hello.name': ['Ada', '', 'Zoë', 'a "quoted" \\ name', 'line\nbreak\ttab', '<b>&amp;</b>', 'rocket 🚀', null],
  'Query.node.id': ['a1', 'a3', 'b2', 'b5', 'b7', 'm2', 'm4', 'a9', 'm7', 'x1', 'b0', ''],
  'Query.nodes.ids': ['a1', 'b3', 'm3', 'b5', 'a9', 'q1', 'm2'],
  'Query.sum.values': [1, 2, -3, 100, 0, 2147483647],
  'Query.named.id': ['a2', 'b5', 'm1', 'm2', 'a9', 'zz'],
  'Query.author.id': ['a1', 'a2', 'a3', 'a4', 'a5', 'b1'],
  'Query.search.text': ['o', 'a', 'THE', 'lin', 'zzz', '', 'an'],
  'Query.search.limit': [0, 1, 2, 3, 5, 20, null, -1],
  'Query.books.first': [0, 1, 2, 3, 10, null, -2],
  'Query.books.offset': [0, 1, 3, 7, null, -1],
  'Query.matrix.rows': [0, 1, 2, 3, 11, -1],
  'Query.matrix.cols': [0, 1, 2, 4, 12],
  'Query.failing.message': ['boom', 'Custom failure', 'ünï failure', null],
  'Author.books.first': [0, 1, 2, 5, null, -1],
  'Book.similar.limit': [0, 1, 2, 5, null, -3],
  'Mutation.increment.by': [1, 2, -5, 10, 2147483647],
  'Mutation.append.text': ['x', 'hello', '', 'ü'],
  'BookFilter.minPages': [0, 100, 200, 1000, null],
  'BookFilter.titleContains': ['the', 'o', 'KIN', 'zzz', ''],
  'BookFilter.publishedAfter': ['1900-01-01', '1950-12-31', '2000-01-01', '1600-02-29'],
  'BookFilter.maxPrice': ['15', '12.5', '0.01', '100.00', '17.000'],
  'BookKey.id': ['b1', 'b4', 'b9', 'a1'],
  'BookKey.isbn': ['978-0-00-000004-2', '978-0-00-000007-3', 'nope'],
};

const VALID_BY_TYPE = {
  Int: [0, 1, -7, 42, 2147483647, -2147483648],
  Float: [0, 0.5, -2.25, 1.1, 100, 3],
  String: ['x', 'hello world', 'Zoë', 'quote " and \\ backslash', ''],
  Boolean: [true, false],
  ID: ['a1', 'b2', '42'],
  DateTime: ['2024-02-29T23:59:59Z', '2024-01-01T00:00:00.123456789+05:30', '1999-12-31T23:00:00-01:00',
    '0001-01-01T00:00:00Z', '2024-06-01T12:00:00.5Z', '9999-12-31T23:59:59.999-00:00', '2024-03-10T02:30:00.000+14:00'],
  Date: ['2024-02-29', '0001-01-01', '9999-12-31', '1970-01-01', '2000-02-29'],
  Decimal: ['0', '-0', '12.50', '007.100', '-0.000', '79228162514264337593543950335', '0.0000000000000000000000000001',
    '-1234.5678', 42, -3],
  Long: ['9223372036854775807', '-9223372036854775808', 42, -7, '0', 9007199254740991, '-000123'],
  Genre: ['FICTION', 'SCIENCE', 'HISTORY', 'POETRY'],
  Format: ['HARDCOVER', 'EBOOK', 'AUDIO'],
};

// JSON values that variable coercion must reject for a variable of the named type.
const INVALID_BY_TYPE = {
  Int: ['1', 1.5, 2147483648, true],
  Float: ['x', true, '1.5'],
  String: [5, true, ['a']],
  Boolean: ['true', 1],
  ID: [true, 1.5],
  DateTime: ['2023-02-29T00:00:00Z', '2024-01-01 00:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T00:00:00',
    '2024-01-01T00:00:00+15:00', '0001-01-01T00:00:00+01:00', 'now', 12345, '2024-01-01t00:00:00z'],
  Date: ['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', 20240101, '2024-01-01T00:00:00Z'],
  Decimal: ['1e5', '12.', '.5', '+1', 12.5, '79228162514264337593543950336', '0.00000000000000000000000000001', true, ' 1'],
  Long: ['9223372036854775808', '1.5', 1.5, '', 'abc', true, 9007199254740992, '+5'],
  Genre: ['DRAMA', 'fiction', 1],
  Format: ['PDF'],
};

export function validLeafValues(typeName, path) {
  return VALID_BY_PATH[path] ?? VALID_BY_TYPE[typeName] ?? null;
}

export function invalidLeafValues(typeName) {
  return INVALID_BY_TYPE[typeName] ?? null;
}

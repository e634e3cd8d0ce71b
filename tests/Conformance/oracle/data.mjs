// The oracle's fixed data set. The C# side carries the same rows (oracle/README.md, "Data");
// arrays are in id order, which is the order every list resolver returns.

export const authors = [
  { kind: 'Author', id: 'a1', name: 'Ada Lovelace', born: '1815-12-10', rating: 4.5 },
  { kind: 'Author', id: 'a2', name: 'Jorge Luis Borges', born: '1899-08-24', rating: 4.75 },
  { kind: 'Author', id: 'a3', name: 'Anonymous', born: null, rating: null },
  { kind: 'Author', id: 'a4', name: 'Octavia Butler', born: '1947-06-22', rating: 4.25 },
];

const book = (id, name, genre, formats, pages, price, isbn, published, addedAt, sold, authorId, tags, ratings) => ({
  kind: 'Book', id, name, genre, formats, pages, price, isbn, published, addedAt: new Date(addedAt), sold, authorId, tags, ratings,
});

export const books = [
  book('b1', 'Notes on the Analytical Engine', 'SCIENCE', ['HARDCOVER', 'EBOOK'], 66, '19.99', '978-0-00-000001-1',
    '1843-09-01', '2020-01-15T08:30:00.000Z', 1200n, 'a1', ['math', 'computing'], [[5, 4], [3]]),
  book('b2', 'Ficciones', 'FICTION', ['PAPERBACK', 'EBOOK', 'AUDIO'], 174, '12.50', '978-0-00-000002-8',
    '1944-01-01', '2021-06-30T23:59:59.999Z', 9007199254740993n, 'a2', ['labyrinths', 'mirrors'], [[5, 5, null], [4]]),
  book('b3', 'The Aleph', 'FICTION', ['PAPERBACK'], 203, '10', null,
    '1949-06-01', '2021-07-01T00:00:00.000Z', 0n, 'a2', [], []),
  book('b4', 'Kindred', 'FICTION', ['HARDCOVER', 'PAPERBACK', 'AUDIO'], 264, '15.25', '978-0-00-000004-2',
    '1979-06-01', '2022-02-28T12:00:00.000Z', 450000n, 'a4', ['time travel', 'history'], [[null]]),
  book('b5', 'Lost Manuscript', 'HISTORY', [], null, '0.01', null,
    '1700-01-01', '2023-03-15T09:15:30.250Z', -5n, 'a9', ['rare'], null),
  book('b6', 'Parable of the Sower', 'FICTION', ['PAPERBACK', 'EBOOK'], 345, '17.00', '978-0-00-000006-6',
    '1993-10-01', '2022-11-11T11:11:11.111Z', -9223372036854775808n, 'a4', ['dystopia'], [[4, 5], [], [5]]),
  book('b7', 'Odes to Nobody', 'POETRY', ['EBOOK'], 48, '5.5', '978-0-00-000007-3',
    '1899-01-01', '2024-01-01T00:00:00.000Z', 9223372036854775807n, 'a3', [], [[3]]),
  book('b8', 'A History of Numbers', 'HISTORY', ['HARDCOVER'], 512, '42.125', '978-0-00-000008-0',
    '2001-05-05', '2024-05-05T05:05:05.005Z', 77n, 'a1', ['math'], null),
];

export const members = [
  { kind: 'Member', id: 'm1', name: 'Grace', role: 'ADMIN', joined: new Date('2019-03-04T05:06:07.089Z'),
    nickname: 'gh', favoriteGenre: 'SCIENCE', loans: [{ bookId: 'b2', due: '2024-07-01', fine: null }] },
  // nickname null breaks Member.nickname: String!; 'DRAMA' is not a Genre, so favoriteGenre fails to serialize.
  { kind: 'Member', id: 'm2', name: 'Linus', role: 'MEMBER', joined: new Date('2020-10-10T10:10:10.000Z'),
    nickname: null, favoriteGenre: 'DRAMA',
    loans: [{ bookId: 'b4', due: '2024-06-15', fine: '0.50' }, { bookId: 'b5', due: '2024-06-20', fine: '1.25' }] },
  { kind: 'Member', id: 'm3', name: 'Tim', role: 'GUEST', joined: new Date('2021-01-01T00:00:00.000Z'),
    nickname: 'timbl', favoriteGenre: null, loans: [] },
  { kind: 'Member', id: 'm4', name: 'Barbara', role: null, joined: new Date('2018-08-08T08:08:08.808Z'),
    nickname: 'bl', favoriteGenre: 'POETRY', loans: [{ bookId: 'b7', due: '2024-08-01', fine: '0' }] },
];

export const FIXED_NOW = new Date('2024-06-01T12:00:00.000Z');
export const BIG_NUMBER = 9007199254740993n;
export const GRID = [['a', null], null, [], ['b', 'c']];

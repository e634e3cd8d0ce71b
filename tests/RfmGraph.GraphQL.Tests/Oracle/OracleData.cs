namespace RfmGraph.GraphQL.Tests.Oracle;

// The rows of the execution oracle (tests/Conformance/oracle/README.md, "Data"), the same values graphql-js
// reads in data.mjs. Enum columns hold GraphQL names as text, because one row deliberately carries a name the
// enum does not have ("DRAMA") and must fail result coercion exactly as it does in graphql-js.

internal sealed record OracleAuthor(string Id, string Name, string? Born, double? Rating);

internal sealed record OracleBook(
    string Id,
    string Name,
    string Genre,
    string[] Formats,
    int? Pages,
    string Price,
    string? Isbn,
    string Published,
    DateTimeOffset AddedAt,
    long Sold,
    string AuthorId,
    string[] Tags,
    int?[][]? Ratings);

internal sealed record OracleLoan(string BookId, string Due, string? Fine);

internal sealed record OracleMember(
    string Id,
    string Name,
    string? Role,
    DateTimeOffset Joined,
    string? Nickname,
    string? FavoriteGenre,
    OracleLoan[] Loans);

/// <summary>The fixed data set; every list is in id order, the order every list resolver returns.</summary>
internal static class OracleData
{
    public static readonly OracleAuthor[] Authors =
    [
        new("a1", "Ada Lovelace", "1815-12-10", 4.5),
        new("a2", "Jorge Luis Borges", "1899-08-24", 4.75),
        new("a3", "Anonymous", null, null),
        new("a4", "Octavia Butler", "1947-06-22", 4.25),
    ];

    public static readonly OracleBook[] Books =
    [
        new("b1", "Notes on the Analytical Engine", "SCIENCE", ["HARDCOVER", "EBOOK"], 66, "19.99", "978-0-00-000001-1",
            "1843-09-01", Instant("2020-01-15T08:30:00.000Z"), 1200, "a1", ["math", "computing"], [[5, 4], [3]]),
        new("b2", "Ficciones", "FICTION", ["PAPERBACK", "EBOOK", "AUDIO"], 174, "12.50", "978-0-00-000002-8",
            "1944-01-01", Instant("2021-06-30T23:59:59.999Z"), 9007199254740993, "a2", ["labyrinths", "mirrors"], [[5, 5, null], [4]]),
        new("b3", "The Aleph", "FICTION", ["PAPERBACK"], 203, "10", null,
            "1949-06-01", Instant("2021-07-01T00:00:00.000Z"), 0, "a2", [], []),
        new("b4", "Kindred", "FICTION", ["HARDCOVER", "PAPERBACK", "AUDIO"], 264, "15.25", "978-0-00-000004-2",
            "1979-06-01", Instant("2022-02-28T12:00:00.000Z"), 450000, "a4", ["time travel", "history"], [[null]]),
        new("b5", "Lost Manuscript", "HISTORY", [], null, "0.01", null,
            "1700-01-01", Instant("2023-03-15T09:15:30.250Z"), -5, "a9", ["rare"], null),
        new("b6", "Parable of the Sower", "FICTION", ["PAPERBACK", "EBOOK"], 345, "17.00", "978-0-00-000006-6",
            "1993-10-01", Instant("2022-11-11T11:11:11.111Z"), long.MinValue, "a4", ["dystopia"], [[4, 5], [], [5]]),
        new("b7", "Odes to Nobody", "POETRY", ["EBOOK"], 48, "5.5", "978-0-00-000007-3",
            "1899-01-01", Instant("2024-01-01T00:00:00.000Z"), long.MaxValue, "a3", [], [[3]]),
        new("b8", "A History of Numbers", "HISTORY", ["HARDCOVER"], 512, "42.125", "978-0-00-000008-0",
            "2001-05-05", Instant("2024-05-05T05:05:05.005Z"), 77, "a1", ["math"], null),
    ];

    public static readonly OracleMember[] Members =
    [
        new("m1", "Grace", "ADMIN", Instant("2019-03-04T05:06:07.089Z"), "gh", "SCIENCE", [new("b2", "2024-07-01", null)]),
        // A null nickname breaks Member.nickname: String!, and "DRAMA" is not a Genre.
        new("m2", "Linus", "MEMBER", Instant("2020-10-10T10:10:10.000Z"), null, "DRAMA",
            [new("b4", "2024-06-15", "0.50"), new("b5", "2024-06-20", "1.25")]),
        new("m3", "Tim", "GUEST", Instant("2021-01-01T00:00:00.000Z"), "timbl", null, []),
        new("m4", "Barbara", null, Instant("2018-08-08T08:08:08.808Z"), "bl", "POETRY", [new("b7", "2024-08-01", "0")]),
    ];

    public static readonly DateTimeOffset FixedNow = Instant("2024-06-01T12:00:00.000Z");

    public const long BigNumber = 9007199254740993;

    public static readonly string?[]?[] Grid = [["a", null], null, [], ["b", "c"]];

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}

using System.Globalization;
using System.Text.RegularExpressions;
using RfmGraph.GraphQL.Execution;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Tests.Oracle;

/// <summary>
/// The oracle's resolvers (README, "Resolvers"): the behaviour of resolvers.mjs in C#. Failures throw
/// <see cref="GraphQLException"/>, whose message reaches clients even with unexpected errors masked.
/// </summary>
internal static partial class OracleResolvers
{
    public static ObjectType? TypeOfRow(object value, IResolverContext context) => context.Schema.GetType(value switch
    {
        OracleAuthor => "Author",
        OracleBook => "Book",
        OracleMember => "Member",
        _ => "?",
    }) as ObjectType;

    /// <summary>The author, book or member with that id; null for a well-formed unknown id; throws for a malformed one.</summary>
    public static object? Node(object _, IResolverContext context)
    {
        var id = OracleArgs.Text(context, "id");
        return IdShape().IsMatch(id) ? Lookup(id) : throw new GraphQLException($"Malformed id \"{id}\".");
    }

    public static object?[] Nodes(object _, IResolverContext context) =>
        OracleArgs.List(context, "ids")!.Select(id => Lookup((string)id!)).ToArray();

    /// <summary>Like <see cref="Node"/>, but a malformed id is simply not found.</summary>
    public static object? Lookup(string id)
    {
        if (!IdShape().IsMatch(id))
        {
            return null;
        }
        return id[0] switch
        {
            'a' => AuthorById(id),
            'b' => BookById(id),
            _ => Array.Find(OracleData.Members, m => m.Id == id),
        };
    }

    public static OracleAuthor? AuthorById(string id) => Array.Find(OracleData.Authors, a => a.Id == id);

    public static OracleBook? BookById(string id) => Array.Find(OracleData.Books, b => b.Id == id);

    public static string Hello(object _, IResolverContext context) =>
        OracleArgs.OptionalText(context, "name") is { } name ? $"Hello, {name}!" : "Hello, stranger!";

    public static IEnumerable<OracleBook> Books(object _, IResolverContext context)
    {
        var first = OracleArgs.Int(context, "first");
        var offset = OracleArgs.Int(context, "offset");
        NotNegative(first, "first must not be negative.");
        NotNegative(offset, "offset must not be negative.");
        var filter = context.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>;
        return Take(OracleData.Books.Where(b => OracleBookFilter.Matches(b, filter)).Skip(offset ?? 0), first);
    }

    public static OracleBook? BookByKey(object _, IResolverContext context)
    {
        // @oneOf: exactly one of the two keys is present and not null.
        var key = (IReadOnlyDictionary<string, object?>)context.Arguments["key"]!;
        return key.TryGetValue("id", out var id)
            ? BookById((string)id!)
            : Array.Find(OracleData.Books, b => b.Isbn == (string?)key["isbn"]);
    }

    public static IEnumerable<object> Search(object _, IResolverContext context)
    {
        var text = OracleArgs.Text(context, "text");
        var limit = OracleArgs.Int(context, "limit");
        NotNegative(limit, "limit must not be negative.");
        var rows = OracleData.Authors.Select(a => ((object)a, a.Name))
            .Concat(OracleData.Books.Select(b => ((object)b, b.Name)))
            .Concat(OracleData.Members.Select(m => ((object)m, m.Name)))
            .Where(row => ContainsFolded(row.Name, text))
            .Select(row => row.Item1);
        return Take(rows, limit);
    }

    public static int[][] Matrix(object _, IResolverContext context)
    {
        var rows = OracleArgs.Int(context, "rows")!.Value;
        var cols = OracleArgs.Int(context, "cols")!.Value;
        if (rows is < 0 or > 10 || cols is < 0 or > 10)
        {
            throw new GraphQLException("matrix dimensions must be between 0 and 10.");
        }
        return Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, cols).Select(c => r * cols + c).ToArray()).ToArray();
    }

    /// <summary>The exact sum in 64 bits: outside the Int range it fails to serialize instead of wrapping.</summary>
    public static long Sum(object _, IResolverContext context) =>
        OracleArgs.List(context, "values")!.Sum(v => Convert.ToInt64(v, CultureInfo.InvariantCulture));

    public static int? BirthYear(OracleAuthor author) =>
        author.Born is null ? null : int.Parse(author.Born.AsSpan(0, 4), CultureInfo.InvariantCulture);

    public static IEnumerable<OracleBook> AuthorBooks(OracleAuthor author, IResolverContext context)
    {
        var first = OracleArgs.Int(context, "first");
        NotNegative(first, "first must not be negative.");
        var genre = OracleArgs.OptionalText(context, "genre");
        return Take(OracleData.Books.Where(b => b.AuthorId == author.Id && (genre is null || b.Genre == genre)), first);
    }

    public static OracleAuthor BookAuthor(OracleBook book) =>
        AuthorById(book.AuthorId) ?? throw new GraphQLException($"Author {book.AuthorId} not found.");

    public static IEnumerable<OracleBook> Similar(OracleBook book, IResolverContext context)
    {
        var limit = OracleArgs.Int(context, "limit");
        NotNegative(limit, "limit must not be negative.");
        return Take(OracleData.Books.Where(b => b.Genre == book.Genre && b.Id != book.Id), limit);
    }

    /// <summary>Both sides lower-cased with invariant rules (all test strings are ASCII).</summary>
    public static bool ContainsFolded(string text, string part) =>
        text.ToLowerInvariant().Contains(part.ToLowerInvariant(), StringComparison.Ordinal);

    /// <summary>"Take n": the first n items, or all of them when n is null.</summary>
    private static T[] Take<T>(IEnumerable<T> rows, int? count) => (count is { } n ? rows.Take(n) : rows).ToArray();

    private static void NotNegative(int? value, string message)
    {
        if (value < 0)
        {
            throw new GraphQLException(message);
        }
    }

    // JavaScript's /^[abm][1-9][0-9]*$/ (no multiline flag: $ is the very end, hence \z).
    [GeneratedRegex(@"^[abm][1-9][0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();
}

/// <summary>BookFilter: every given, non-null field must hold.</summary>
internal static class OracleBookFilter
{
    public static bool Matches(OracleBook book, IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null)
        {
            return true;
        }
        if (filter.GetValueOrDefault("genre") is string genre && book.Genre != genre)
        {
            return false;
        }
        if (filter.GetValueOrDefault("genres") is object?[] genres && !genres.Contains(book.Genre))
        {
            return false;
        }
        if (filter.GetValueOrDefault("minPages") is { } minPages && (book.Pages ?? 0) < Convert.ToInt32(minPages, CultureInfo.InvariantCulture))
        {
            return false;
        }
        if (filter.GetValueOrDefault("titleContains") is string part && !OracleResolvers.ContainsFolded(book.Name, part))
        {
            return false;
        }
        // Dates in YYYY-MM-DD order as text; JavaScript's string comparison is ordinal by UTF-16 unit.
        if (filter.GetValueOrDefault("publishedAfter") is string after && string.CompareOrdinal(book.Published, after) <= 0)
        {
            return false;
        }
        // Canonical decimal strings within System.Decimal's range compare exactly as decimals.
        if (filter.GetValueOrDefault("maxPrice") is string maxPrice
            && decimal.Parse(book.Price, CultureInfo.InvariantCulture) > decimal.Parse(maxPrice, CultureInfo.InvariantCulture))
        {
            return false;
        }
        return true;
    }
}

/// <summary>Typed reads of coerced arguments that keep "absent" and "null" apart where the resolvers care.</summary>
internal static class OracleArgs
{
    public static string Text(IResolverContext context, string name) => (string)context.Arguments[name]!;

    public static string? OptionalText(IResolverContext context, string name) => context.Arguments.GetValueOrDefault(name) as string;

    public static int? Int(IResolverContext context, string name) =>
        context.Arguments.GetValueOrDefault(name) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    public static object?[]? List(IResolverContext context, string name) => context.Arguments.GetValueOrDefault(name) as object?[];
}

/// <summary>The result of <c>Query.probe</c>: the coerced ProbeInput, field by field.</summary>
internal sealed class OracleProbe(IReadOnlyDictionary<string, object?> input)
{
    /// <summary>The names present in the coerced input; the engine builds it in the input type's field order.</summary>
    public string[] Given { get; } = [.. input.Keys];

    public static OracleProbe? Of(object? input) => input is IReadOnlyDictionary<string, object?> map ? new OracleProbe(map) : null;

    public object? Field(string name) => input.GetValueOrDefault(name);

    public object? Key(string name) => (Field("key") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault(name);
}

/// <summary>Mutation state: a counter and a log that start fresh in every request (kept in the request's items).</summary>
internal sealed class OracleMutationState
{
    private readonly List<string> _log = [];
    private long _counter;

    public static OracleMutationState Of(IResolverContext context)
    {
        var items = context.Request.Items;
        if (items.TryGetValue(nameof(OracleMutationState), out var state) && state is OracleMutationState existing)
        {
            return existing;
        }
        var created = new OracleMutationState();
        items[nameof(OracleMutationState)] = created;
        return created;
    }

    /// <summary>Exact 64-bit counter: values outside the Int range fail to serialize rather than wrap.</summary>
    public long Increment(int by) => _counter += by;

    public string[] Append(string text)
    {
        _log.Add(text);
        return [.. _log];
    }
}

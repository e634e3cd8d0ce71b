namespace RfmGraph.GraphQL.Data.Tests.Matrix;

/// <summary>
/// One comparable kind of the matrix: its required and optional filter fields and four strictly increasing values
/// (rank 0–3, in the shape the engine coerces GraphQL input to: Int → int, Long → long, Decimal → decimal,
/// Float → double, DateTime → DateTimeOffset, Date → DateOnly), plus a value strictly between ranks 1 and 2 that no
/// row holds.
/// </summary>
public sealed record Scalar(string Kind, string Required, string Optional, object[] Values, object Gap)
{
    private static readonly TimeSpan PlusTwo = TimeSpan.FromHours(2);

    public static Scalar Int { get; } = new("Int", "number", "numberN", [int.MinValue, -1, 1, int.MaxValue], 0);

    public static Scalar Long { get; } = new("Long", "big", "bigN", [long.MinValue, -1L, 5_000_000_000L, long.MaxValue], 4_999_999_999L);

    // Negative, smallest positive of the column's scale, and a value compared as 1.5 / 1.50 / 1.5000.
    public static Scalar Decimal { get; } = new("Decimal", "amount", "amountN", [-12.5m, 0.0001m, 1.5m, 99_999_999_999_999.9999m], 1.4999m);

    public static Scalar Double { get; } = new("Double", "ratio", "ratioN", [-1e300, 0.1, 0.3, 1e300], 0.2);

    // Values a float holds exactly, so the double operand converts without rounding.
    public static Scalar Single { get; } = new("Single", "weight", "weightN", [-0.5, 0.0, 2.25, 3.0e38], 1.0);

    public static Scalar Instant { get; } = new("DateTime", "moment", "momentN", Instants(), new DateTimeOffset(2024, 2, 29, 12, 0, 0, 500, TimeSpan.Zero));

    public static Scalar OffsetInstant { get; } = new("DateTimeOffset", "stamp", "stampN", Instants(), new DateTimeOffset(2024, 2, 29, 12, 0, 0, 500, TimeSpan.Zero));

    // 2000 is a leap year: the gap is 29 February.
    public static Scalar Date { get; } = new("Date", "day", "dayN", [new DateOnly(1900, 1, 1), new DateOnly(2000, 2, 28), new DateOnly(2000, 3, 1), new DateOnly(9999, 12, 31)], new DateOnly(2000, 2, 29));

    public static IReadOnlyList<Scalar> All { get; } = [Int, Long, Decimal, Double, Single, Instant, OffsetInstant, Date];

    /// <summary>The value of rank <paramref name="rank"/> as stored in the row.</summary>
    public T Stored<T>(int rank) => (T)Values[rank];

    /// <summary>
    /// The value of rank <paramref name="rank"/> as a client would send it. Instants of rank 1 are sent at +02:00 (the same
    /// instant), and decimals of rank 2 with a different scale, to prove both compare by value.
    /// </summary>
    public object Operand(int rank) => (Values[rank], rank) switch
    {
        (DateTimeOffset instant, 1) => instant.ToOffset(PlusTwo),
        (decimal number, 2) => number * 1.00m,
        (var value, _) => value,
    };

    public override string ToString() => Kind;

    private static object[] Instants() =>
    [
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990),
        new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 2, 29, 12, 0, 1, TimeSpan.Zero),
        new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
    ];
}

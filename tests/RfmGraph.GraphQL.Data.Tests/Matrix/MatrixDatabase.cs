using Microsoft.EntityFrameworkCore;
using Npgsql;
using RfmGraph.Testing;

namespace RfmGraph.GraphQL.Data.Tests.Matrix;

/// <summary>
/// Seven hand-made rows on a real PostgreSQL (ids 1–7), also kept in memory for LINQ-to-objects.
/// Every comparable member holds one of four ordered values of its type (<see cref="Scalar.Values"/>); which one
/// each row holds is the same for every type (<see cref="RequiredRanks"/>, <see cref="OptionalRanks"/>), so one
/// hand-written table of expected ids serves every type.
/// </summary>
public sealed class MatrixDatabase : IAsyncLifetime
{
    /// <summary>Rank of the required members' value, by id (index 0 unused).</summary>
    public static readonly int[] RequiredRanks = [-1, 1, 0, 2, 1, 3, 2, 0];

    /// <summary>Rank of the optional members' value by id; null rows hold null.</summary>
    public static readonly int?[] OptionalRanks = [-1, null, 1, null, 3, 0, 1, null];

    private readonly PostgresFixture _postgres = new();
    private NpgsqlDataSource? _dataSource;

    public IReadOnlyList<Sample> Samples { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _dataSource = NpgsqlDataSource.Create(await _postgres.CreateDatabaseAsync("matrix"));
        await using (var db = CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
            Seed(db);
            await db.SaveChangesAsync();
        }
        // The in-memory rows are read back, so they hold exactly what PostgreSQL stored (decimal scale, microseconds).
        await using (var db = CreateContext())
        {
            Samples = await db.Samples.AsNoTracking().Include(s => s.Owner).OrderBy(s => s.Id).ToListAsync();
        }
    }

    public MatrixContext CreateContext() => new(new DbContextOptionsBuilder<MatrixContext>()
        .UseNpgsql(_dataSource ?? throw new InvalidOperationException("Not started."))
        .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
        .Options);

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }

    private static void Seed(MatrixContext db)
    {
        var ann = new Owner { Id = 1, Name = "ann", Level = 1 };
        var bob = new Owner { Id = 2, Name = "bob", Level = 2 };
        db.Owners.AddRange(ann, bob);
        // Per id 1..7.
        string[] texts = ["100%", "100 percent", "a_b", "axb", @"C:\dir\file", @"%_\", "plain"];
        string?[] optionalTexts = [null, "x%y", null, "x_y", "xy", @"x\y", ""];
        bool[] flags = [true, false, true, false, true, false, false];
        bool?[] optionalFlags = [null, true, false, true, null, false, true];
        Colour[] colours = [Colour.Red, Colour.Green, Colour.Blue, Colour.Red, Colour.Green, Colour.Blue, Colour.Red];
        Colour?[] optionalColours = [null, Colour.Blue, Colour.Red, null, Colour.Blue, Colour.Green, null];
        Owner?[] owners = [ann, null, bob, ann, null, bob, null];
        for (var id = 1; id <= 7; id++)
        {
            var r = RequiredRanks[id];
            var o = OptionalRanks[id];
            db.Samples.Add(new Sample
            {
                Id = id,
                Number = Scalar.Int.Stored<int>(r),
                NumberN = o is { } n1 ? Scalar.Int.Stored<int>(n1) : null,
                Big = Scalar.Long.Stored<long>(r),
                BigN = o is { } n2 ? Scalar.Long.Stored<long>(n2) : null,
                Amount = Scalar.Decimal.Stored<decimal>(r),
                AmountN = o is { } n3 ? Scalar.Decimal.Stored<decimal>(n3) : null,
                Ratio = Scalar.Double.Stored<double>(r),
                RatioN = o is { } n4 ? Scalar.Double.Stored<double>(n4) : null,
                Weight = (float)Scalar.Single.Stored<double>(r),
                WeightN = o is { } n5 ? (float)Scalar.Single.Stored<double>(n5) : null,
                Moment = Scalar.Instant.Stored<DateTimeOffset>(r).UtcDateTime,
                MomentN = o is { } n6 ? Scalar.Instant.Stored<DateTimeOffset>(n6).UtcDateTime : null,
                Stamp = Scalar.OffsetInstant.Stored<DateTimeOffset>(r),
                StampN = o is { } n7 ? Scalar.OffsetInstant.Stored<DateTimeOffset>(n7) : null,
                Day = Scalar.Date.Stored<DateOnly>(r),
                DayN = o is { } n8 ? Scalar.Date.Stored<DateOnly>(n8) : null,
                Text = texts[id - 1],
                TextN = optionalTexts[id - 1],
                Flag = flags[id - 1],
                FlagN = optionalFlags[id - 1],
                Colour = colours[id - 1],
                ColourN = optionalColours[id - 1],
                Owner = owners[id - 1],
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MatrixCollection : ICollectionFixture<MatrixDatabase>
{
    public const string Name = "matrix";
}

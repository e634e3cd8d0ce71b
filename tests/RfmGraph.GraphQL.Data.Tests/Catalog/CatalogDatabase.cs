using Microsoft.EntityFrameworkCore;
using Npgsql;
using RfmGraph.Testing;

namespace RfmGraph.GraphQL.Data.Tests.Catalog;

/// <summary>
/// A real PostgreSQL with a seeded catalog (600 products in 6 categories, 10,000 tickets full of ties, reviews),
/// plus the same rows in memory for LINQ-to-objects comparisons. Seeded once for the whole assembly.
/// </summary>
public sealed class CatalogDatabase : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private NpgsqlDataSource? _dataSource;

    public IReadOnlyList<Product> Products { get; private set; } = [];

    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    public IReadOnlyList<Review> Reviews { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var connectionString = await _postgres.CreateDatabaseAsync("catalog");
        _dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var db = CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
            Seed(db);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        await using (var db = CreateContext())
        {
            Products = await db.Products.AsNoTracking().Include(p => p.Category).OrderBy(p => p.Id).ToListAsync();
            Tickets = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
            Reviews = await db.Reviews.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        }
    }

    public CatalogContext CreateContext(CommandLog? log = null)
    {
        var builder = new DbContextOptionsBuilder<CatalogContext>()
            .UseNpgsql(_dataSource ?? throw new InvalidOperationException("Not started."))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        if (log is not null)
        {
            builder.AddInterceptors(log);
        }
        return new CatalogContext(builder.Options);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }

    private static void Seed(CatalogContext db)
    {
        var random = new Random(20241201);
        string[] words = ["alpha", "Bravo", "charlie", "delta", "Echo", "foxtrot", "golf", "hotel", "india", "Juliet"];
        var categories = Enumerable.Range(1, 6).Select(i => new Category { Name = $"Category {(char)('A' + i - 1)}", Rank = i % 3 }).ToList();
        db.Categories.AddRange(categories);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 600; i++)
        {
            db.Products.Add(new Product
            {
                Name = $"{words[random.Next(words.Length)]} {random.Next(40)}",
                Description = random.Next(4) == 0 ? null : $"{words[random.Next(words.Length)]} and {words[random.Next(words.Length)]}",
                Quantity = random.Next(31),
                Views = random.NextInt64(10_000_000_000L),
                Price = random.Next(100, 20_000) / 100m,
                Rating = random.Next(11) / 2.0,
                CreatedAt = start.AddMinutes(random.Next(500_000)),
                UpdatedAt = random.Next(10) < 3 ? null : new DateTimeOffset(start.AddMinutes(random.Next(600_000))),
                ReleaseDate = DateOnly.FromDateTime(start).AddDays(random.Next(-400, 400)),
                InStock = random.Next(2) == 0,
                Status = (ProductStatus)random.Next(3),
                Discount = random.Next(2) == 0 ? null : random.Next(11) * 5,
                Category = categories[random.Next(categories.Count)],
                Secret = "s" + i,
            });
        }
        string[] queues = ["billing", "ops", "sales", "support", "Urgent"];
        for (var i = 0; i < 10_000; i++)
        {
            db.Tickets.Add(new Ticket { Priority = random.Next(5), Queue = queues[random.Next(queues.Length)], Score = random.Next(5) == 0 ? null : random.Next(10) });
        }
        for (var productId = 1; productId <= 100; productId++)
        {
            for (var r = random.Next(6); r > 0; r--)
            {
                db.Reviews.Add(new Review { ProductId = productId, Stars = random.Next(1, 6) });
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<CatalogDatabase>
{
    public const string Name = "catalog";
}

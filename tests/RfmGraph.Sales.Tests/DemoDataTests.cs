using Microsoft.Extensions.DependencyInjection;
using RfmGraph.Sales.Contracts;
using RfmGraph.Testing;

namespace RfmGraph.Sales.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class DemoDataTests(PostgresFixture fixture)
{
    private const string Checksum = """
        SELECT md5(string_agg(row, E'\n' ORDER BY row)) FROM (
            SELECT concat_ws('|', 'c', external_id, name, email, created_at AT TIME ZONE 'UTC') AS row FROM sales.customers
            UNION ALL
            SELECT concat_ws('|', 's', s.external_id, c.external_id, f.code, s.ordered_at AT TIME ZONE 'UTC', s.status, s.amount, s.refunded_amount)
            FROM sales.sales s JOIN sales.customers c ON c.id = s.customer_id JOIN sales.storefronts f ON f.id = s.storefront_id
        ) rows
        """;

    [Fact]
    public async Task Same_seed_gives_identical_rows_and_another_seed_different_ones()
    {
        await using var a = await SalesDatabase.CreateAsync(fixture);
        await using var b = await SalesDatabase.CreateAsync(fixture);
        await using var c = await SalesDatabase.CreateAsync(fixture);

        var resultA = await Seed(a, new DemoDataRequest(2_000, Seed: 7));
        var resultB = await Seed(b, new DemoDataRequest(2_000, Seed: 7));
        await Seed(c, new DemoDataRequest(2_000, Seed: 8));

        Assert.Equal(resultA.Sales, resultB.Sales);
        Assert.Equal(await a.ScalarAsync<string>(Checksum), await b.ScalarAsync<string>(Checksum));
        Assert.NotEqual(await a.ScalarAsync<string>(Checksum), await c.ScalarAsync<string>(Checksum));
        Assert.Equal(2_000L, await a.CountAsync("sales.customers"));
        Assert.Equal(resultA.Sales, await a.CountAsync("sales.sales"));
    }

    [Fact]
    public async Task Seeding_again_replaces_the_demo_business_and_leaves_other_businesses_alone()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        using var file = new CsvFile("sale_id,customer_id,ordered_at,amount", "S1,C1,2025-03-01T10:00:00Z,1.00");
        await using (var services = db.Services())
        {
            Assert.True((await services.GetRequiredService<ISalesImporter>().ImportCsvAsync(file.Path, "other", null, CancellationToken.None)).Succeeded);
        }

        var first = await Seed(db, new DemoDataRequest(1_500, Seed: 1));
        var second = await Seed(db, new DemoDataRequest(500, Seed: 2));

        Assert.Equal(first.BusinessId, second.BusinessId);
        Assert.Equal((5, 500L), (second.Storefronts, second.Customers));
        Assert.Equal(["demo|500|5", "other|1|1"], await db.RowsAsync("""
            SELECT b.key, (SELECT count(*) FROM sales.customers c WHERE c.business_id = b.id), (SELECT count(*) FROM sales.storefronts f WHERE f.business_id = b.id)
            FROM sales.businesses b ORDER BY b.key
            """));
        Assert.Equal(second.Sales + 1, await db.CountAsync("sales.sales"));
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM sales.sales s WHERE NOT EXISTS (SELECT 1 FROM sales.customers c WHERE c.id = s.customer_id AND c.business_id = s.business_id)
            """));
    }

    [Fact]
    public async Task Data_set_is_realistic_skewed_and_fills_every_recency_frequency_cell()
    {
        await using var db = await SalesDatabase.CreateAsync(fixture);
        var result = await Seed(db, new DemoDataRequest(20_000, Seed: 42));

        // About ten sales per customer, with refunds and voided sales among them.
        Assert.InRange(result.Sales / 20_000.0, 9.0, 12.0);
        var statuses = (await db.RowsAsync("SELECT status, count(*) FROM sales.sales GROUP BY status ORDER BY status"))
            .ToDictionary(r => r.Split('|')[0], r => long.Parse(r.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(statuses["refunded"] / (double)result.Sales, 0.01, 0.04);
        Assert.InRange(statuses["voided"] / (double)result.Sales, 0.005, 0.03);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM sales.sales WHERE refunded_amount > 0") > 0);

        // Spend is skewed: the top 10% of customers bring well over a third of the revenue.
        var topShare = await db.ScalarAsync<decimal>("""
            WITH m AS (SELECT customer_id, sum(net_amount) AS spend FROM sales.counted_sales GROUP BY customer_id)
            SELECT (SELECT sum(spend) FROM (SELECT spend FROM m ORDER BY spend DESC LIMIT (SELECT count(*) / 10 FROM m)) t) / sum(spend) FROM m
            """);
        Assert.InRange(topShare, 0.35m, 0.8m);

        // Recency by the seeds' 5 buckets and frequency 1, 2, 3-5, 6-10, 11+: all 25 R×F cells are populated,
        // and within each R score both low and high spenders exist, so every rule of pos8, classic11 and rfgrid10 can match.
        var cells = await db.RowsAsync("""
            WITH c AS (
                SELECT customer_id,
                       date_part('day', timestamptz '2026-12-01Z' - max(ordered_at) FILTER (WHERE counts_as_order)) AS days,
                       count(*) FILTER (WHERE counts_as_order) AS orders,
                       sum(net_amount) AS spend
                FROM sales.counted_sales GROUP BY customer_id HAVING count(*) FILTER (WHERE counts_as_order) > 0),
            s AS (
                SELECT CASE WHEN days <= 30 THEN 5 WHEN days <= 90 THEN 4 WHEN days <= 180 THEN 3 WHEN days <= 365 THEN 2 ELSE 1 END AS r,
                       CASE WHEN orders >= 11 THEN 5 WHEN orders >= 6 THEN 4 WHEN orders >= 3 THEN 3 WHEN orders = 2 THEN 2 ELSE 1 END AS f,
                       ntile(5) OVER (ORDER BY spend, customer_id) AS m
                FROM c)
            SELECT r, f, count(*), min(m), max(m) FROM s GROUP BY r, f ORDER BY r, f
            """);
        Assert.True(cells.Count == 25, string.Join(", ", cells));
        Assert.All(cells, cell => Assert.True(long.Parse(cell.Split('|')[2], System.Globalization.CultureInfo.InvariantCulture) >= 5, cell));
        foreach (var r in cells.GroupBy(c => c.Split('|')[0]))
        {
            Assert.Equal("1", r.Min(c => c.Split('|')[3]));
            Assert.Equal("5", r.Max(c => c.Split('|')[4]));
        }
    }

    private static async Task<DemoDataResult> Seed(SalesDatabase db, DemoDataRequest request)
    {
        await using var services = db.Services();
        return await services.GetRequiredService<IDemoDataSeeder>().SeedAsync(request, null, CancellationToken.None);
    }
}

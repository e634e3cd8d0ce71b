using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>Degenerate scopes: one customer, all equal, only refunds, nothing in the window.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EdgeCaseTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset AsOf = HandMadeData.AsOf;

    private static RfmRunRequest Request(ScoringMethod method, long? storefront = null, DateTimeOffset? asOf = null) =>
        new(1, StorefrontId: storefront, AsOf: asOf ?? AsOf, Days: 90, Method: method, Scheme: "pos8",
            Thresholds: method == ScoringMethod.FixedThresholds ? new RfmThresholds([7m, 14m, 30m, 60m], [1m, 2m, 3m, 4m], [10m, 20m, 50m, 100m]) : null);

    [Fact]
    public async Task One_customer()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync([new Sale(1, 10, 42, AsOf.AddDays(-2), 75m), new Sale(1, 10, 42, AsOf.AddDays(-9), 25m)]);

        // NTILE: the only row is in tile 1. QUANTILE_TIES: every cut point is its own value, nothing lies above.
        // FIXED: 2 days < 7 -> R5; F=2 -> 1 + (1 < 2) = 2; M=100 -> 1 + (10, 20, 50 < 100) = 4.
        var expected = new Dictionary<ScoringMethod, (int, int, int, string)>
        {
            [ScoringMethod.Ntile] = (1, 1, 1, "R1F1M2"),
            [ScoringMethod.QuantileTies] = (1, 1, 1, "R1F1M2"),
            [ScoringMethod.FixedThresholds] = (5, 2, 4, "R4F2M3"),
        };
        foreach (var (method, scores) in expected)
        {
            var run = await harness.RunAsync(Request(method));
            var row = Assert.Single((await harness.ScoresAsync(run.Id)).Values);
            Assert.Equal((2, 2, 100m), (row.RecencyDays, row.Frequency, row.Monetary));
            Assert.Equal(scores, (row.R, row.F, row.M, row.Segment));
        }
    }

    [Fact]
    public async Task All_customers_equal()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(Enumerable.Range(1, 12).Select(c => new Sale(1, 10, c, AsOf.AddDays(-5), 30m)));

        // QUANTILE_TIES: equal values, equal scores — all in the lowest bin.
        var quantile = await harness.ScoresAsync((await harness.RunAsync(Request(ScoringMethod.QuantileTies))).Id);
        Assert.All(quantile.Values, row => Assert.Equal((1, 1, 1), (row.R, row.F, row.M)));

        // NTILE: 12 rows in 5 tiles of 3,3,2,2,2 by customer id — equal values, different scores.
        var ntile = await harness.ScoresAsync((await harness.RunAsync(Request(ScoringMethod.Ntile))).Id);
        int[] tiles = [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5];
        for (var c = 1; c <= 12; c++)
        {
            Assert.Equal((tiles[c - 1], tiles[c - 1], tiles[c - 1]), (ntile[c].R, ntile[c].F, ntile[c].M));
        }
    }

    [Fact]
    public async Task Customers_with_only_refunds_are_not_scored()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync([
            new Sale(1, 10, 1, AsOf.AddDays(-3), 50m, "refunded"),
            new Sale(1, 10, 1, AsOf.AddDays(-4), 20m, "refunded"),
            new Sale(1, 10, 2, AsOf.AddDays(-3), 40m),
            new Sale(1, 10, 2, AsOf.AddDays(-1), 60m, "refunded"),   // refund larger than the order: negative monetary
            new Sale(1, 10, 3, AsOf.AddDays(-6), 80m, "voided"),
        ]);
        var run = await harness.RunAsync(Request(ScoringMethod.QuantileTies));
        var row = Assert.Single((await harness.ScoresAsync(run.Id)).Values);
        Assert.Equal((2L, 3, 1, -20m), (row.CustomerId, row.RecencyDays, row.Frequency, row.Monetary));
        Assert.Equal(1, run.CustomersScored);
        Assert.Equal(-20m, run.TotalMonetary);
    }

    [Fact]
    public async Task Empty_scopes_publish_an_empty_run()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var cases = new[]
        {
            Request(ScoringMethod.QuantileTies, storefront: 99),                              // a storefront with no sales
            Request(ScoringMethod.Ntile, asOf: HandMadeData.AsOf.AddDays(-1000)),             // asOf before the first sale
            Request(ScoringMethod.FixedThresholds, asOf: HandMadeData.AsOf.AddDays(-500)) with { Days = 10 },   // a window with no sales
        };
        foreach (var request in cases)
        {
            var run = await harness.RunAsync(request);
            Assert.Equal(RfmRunStatus.Succeeded, run.Status);
            Assert.Equal(0, run.CustomersScored);
            Assert.Equal(0m, run.TotalMonetary);
            Assert.Empty(run.Segments);
            Assert.Empty(await harness.ScoresAsync(run.Id));
        }

        var quantile = (await harness.Runs.FindAsync(1, 1, CancellationToken.None))!;
        Assert.Equal(RfmRunStatus.Succeeded, quantile.Status);
        Assert.Empty(quantile.CutPoints!.Recency);   // no customers: no cut points
    }

    [Fact]
    public async Task Window_bounds_are_inclusive_and_days_are_whole()
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync([
            new Sale(1, 10, 1, AsOf.AddDays(-90), 10m),                       // exactly at the start: in
            new Sale(1, 10, 2, AsOf.AddDays(-90).AddTicks(-10), 10m),         // 1 µs before: out
            new Sale(1, 10, 3, AsOf, 10m),                                    // exactly asOf: in, 0 days
            new Sale(1, 10, 4, AsOf.AddHours(-23).AddMinutes(-59), 10m),      // 23:59 ago: 0 days
            new Sale(1, 10, 5, AsOf.AddHours(-24), 10m),                      // 24:00 ago: 1 day
        ]);
        var run = await harness.RunAsync(Request(ScoringMethod.Ntile));
        var scores = await harness.ScoresAsync(run.Id);
        Assert.Equal([1L, 3L, 4L, 5L], scores.Keys.Order());
        Assert.Equal((90, 0, 0, 1), (scores[1].RecencyDays, scores[3].RecencyDays, scores[4].RecencyDays, scores[5].RecencyDays));
    }
}

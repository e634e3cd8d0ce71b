using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>
/// Expected values, scores and segments written out by hand for <see cref="HandMadeData"/>
/// (the working is in the comments), not computed by any code under test.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HandMadeScoringTests(PostgresFixture postgres)
{
    // customer -> (recency days, frequency, monetary)
    private static readonly Dictionary<long, (int R, int F, decimal M)> Values = new()
    {
        [1] = (1, 5, 500m), [2] = (3, 4, 320m), [3] = (3, 1, 80m), [4] = (10, 2, 150m), [5] = (30, 1, 40m),
        [6] = (30, 1, 40m), [7] = (60, 3, 210m), [8] = (90, 1, 25m), [9] = (120, 2, 90m), [10] = (200, 1, 15m),
    };

    private static RfmRunRequest Request(ScoringMethod method, string scheme, RfmThresholds? thresholds = null, long? storefront = null) =>
        new(HandMadeData.Business, StorefrontId: storefront, AsOf: HandMadeData.AsOf, Days: 365, Method: method, Scheme: scheme, Thresholds: thresholds);

    private async Task<(ScoringHarness Harness, Dictionary<long, ScoreRow> Scores, RfmRunInfo Run)> RunAsync(RfmRunRequest request)
    {
        var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(HandMadeData.Sales());
        var run = await harness.RunAsync(request);
        return (harness, await harness.ScoresAsync(run.Id), run);
    }

    private static void AssertValues(Dictionary<long, ScoreRow> scores)
    {
        Assert.Equal(Values.Keys.Order(), scores.Keys.Order());
        foreach (var (customer, expected) in Values)
        {
            var row = scores[customer];
            Assert.Equal((expected.R, expected.F, expected.M), (row.RecencyDays, row.Frequency, row.Monetary));
            Assert.Equal(HandMadeData.Business, row.BusinessId);
        }
    }

    private static void AssertScores(Dictionary<long, ScoreRow> scores, Dictionary<long, (int R, int F, int M, string Segment)> expected)
    {
        foreach (var (customer, e) in expected)
        {
            var row = scores[customer];
            Assert.True((e.R, e.F, e.M, e.Segment) == (row.R, row.F, row.M, row.Segment),
                $"customer {customer}: expected {e}, got ({row.R}, {row.F}, {row.M}, {row.Segment})");
        }
    }

    // NTILE(5) over 10 customers: 2 per tile, ties broken by customer id (higher id = better tile).
    // R by days desc: 10,9 | 8,7 | 5,6 | 4,2 | 3,1 — customers 2 and 3 both have 3 days yet get 4 and 5.
    // F by frequency: 3,5 | 6,8 | 10,4 | 9,7 | 2,1.   M by monetary: 10,8 | 5,6 | 3,9 | 4,7 | 2,1.
    [Fact]
    public async Task Ntile_with_pos8()
    {
        var (harness, scores, run) = await RunAsync(Request(ScoringMethod.Ntile, "pos8"));
        await using var _ = harness;
        AssertValues(scores);
        AssertScores(scores, new()
        {
            [1] = (5, 5, 5, "R5F5M5"),   // Champions
            [2] = (4, 5, 5, "R5F5M5"),   // Champions: R>=4, F>=4, M>=4
            [3] = (5, 1, 3, "R5F1M1"),   // New Customers: R>=4, F<=1
            [4] = (4, 3, 4, "R4F4M4"),   // Loyal Customers
            [5] = (3, 1, 2, "OTHERS"),   // R=3 with F=1: a gap in the POS rules
            [6] = (3, 2, 2, "R3F2M2"),   // Promising
            [7] = (2, 4, 4, "R2F2M3"),   // At Risk
            [8] = (2, 2, 1, "R1F1M2"),   // Hibernating
            [9] = (1, 4, 3, "R2F2M3"),   // At Risk
            [10] = (1, 3, 1, "OTHERS"),  // R<=2, F=3, M=1: no rule
        });
        Assert.Null(run.CutPoints);
        Assert.Equal(RfmRunStatus.Succeeded, run.Status);
        Assert.Equal(10, run.CustomersScored);
        Assert.Equal(1470m, run.TotalMonetary);
    }

    [Fact]
    public async Task Ntile_with_classic11_and_rfgrid10()
    {
        var (harness, classic, _) = await RunAsync(Request(ScoringMethod.Ntile, "classic11"));
        await using var _h = harness;
        AssertScores(classic, new()
        {
            [1] = (5, 5, 5, "CHAMPIONS"),
            [2] = (4, 5, 5, "LOYAL_CUSTOMERS"),
            [3] = (5, 1, 3, "POTENTIAL_LOYALISTS"),
            [4] = (4, 3, 4, "OTHERS"),          // F=3 with M=4 fits no classic rule
            [5] = (3, 1, 2, "ABOUT_TO_SLEEP"),
            [6] = (3, 2, 2, "ABOUT_TO_SLEEP"),
            [7] = (2, 4, 4, "AT_RISK"),
            [8] = (2, 2, 1, "HIBERNATING"),
            [9] = (1, 4, 3, "AT_RISK"),
            [10] = (1, 3, 1, "OTHERS"),
        });

        var grid = await harness.RunAsync(Request(ScoringMethod.Ntile, "rfgrid10"));
        AssertScores(await harness.ScoresAsync(grid.Id), new()
        {
            [1] = (5, 5, 5, "CHAMPIONS"),
            [2] = (4, 5, 5, "LOYAL_CUSTOMERS"),
            [3] = (5, 1, 3, "NEW_CUSTOMERS"),
            [4] = (4, 3, 4, "POTENTIAL_LOYALISTS"),
            [5] = (3, 1, 2, "ABOUT_TO_SLEEP"),
            [6] = (3, 2, 2, "ABOUT_TO_SLEEP"),
            [7] = (2, 4, 4, "AT_RISK"),
            [8] = (2, 2, 1, "HIBERNATING"),
            [9] = (1, 4, 3, "AT_RISK"),
            [10] = (1, 3, 1, "AT_RISK"),
        });
    }

    // QUANTILE_TIES, n = 10, N = 5: F and M cut points are the values at positions ceil(k*10/5) = 2, 4, 6, 8
    // of the ascending values. F: 1,1,1,1,1,2,2,3,4,5 -> [1, 1, 2, 3]; M: 15,25,40,40,80,90,150,210,320,500
    // -> [25, 40, 90, 210]. Score = 1 + number of cut points below the value.
    // R cut points are the days at positions 11 - ceil((5-k)*10/5) = 3, 5, 7, 9 of 1,3,3,10,30,30,60,90,120,200
    // -> [3, 30, 60, 120]; R = 5 - number of cut points at or below the days.
    [Fact]
    public async Task QuantileTies_with_pos8_and_its_cut_points()
    {
        var (harness, scores, run) = await RunAsync(Request(ScoringMethod.QuantileTies, "pos8"));
        await using var _ = harness;
        AssertValues(scores);
        AssertScores(scores, new()
        {
            [1] = (5, 5, 5, "R5F5M5"),
            [2] = (4, 5, 5, "R5F5M5"),   // 3 days: one cut point (3) at or below -> 4, same as customer 3
            [3] = (4, 1, 3, "R5F1M1"),
            [4] = (4, 3, 4, "R4F4M4"),
            [5] = (3, 1, 2, "OTHERS"),
            [6] = (3, 1, 2, "OTHERS"),   // equal values, equal scores (NTILE gave 5 and 6 different F)
            [7] = (2, 4, 4, "R2F2M3"),
            [8] = (2, 1, 1, "R1F1M2"),
            [9] = (1, 3, 3, "R2F2M3"),
            [10] = (1, 1, 1, "R1F1M2"),
        });
        Assert.NotNull(run.CutPoints);
        Assert.Equal([3m, 30m, 60m, 120m], run.CutPoints.Recency);
        Assert.Equal([1m, 1m, 2m, 3m], run.CutPoints.Frequency);
        Assert.Equal([25m, 40m, 90m, 210m], run.CutPoints.Monetary);
    }

    [Fact]
    public async Task QuantileTies_with_classic11_and_rfgrid10()
    {
        var (harness, classic, _) = await RunAsync(Request(ScoringMethod.QuantileTies, "classic11"));
        await using var _h = harness;
        AssertScores(classic, new()
        {
            [1] = (5, 5, 5, "CHAMPIONS"),
            [2] = (4, 5, 5, "LOYAL_CUSTOMERS"),
            [3] = (4, 1, 3, "POTENTIAL_LOYALISTS"),
            [4] = (4, 3, 4, "OTHERS"),
            [5] = (3, 1, 2, "ABOUT_TO_SLEEP"),
            [6] = (3, 1, 2, "ABOUT_TO_SLEEP"),
            [7] = (2, 4, 4, "AT_RISK"),
            [8] = (2, 1, 1, "HIBERNATING"),
            [9] = (1, 3, 3, "OTHERS"),
            [10] = (1, 1, 1, "HIBERNATING"),   // "Lost" (R1F1M1) is shadowed by Hibernating, as in the seed's CASE
        });

        var grid = await harness.RunAsync(Request(ScoringMethod.QuantileTies, "rfgrid10"));
        AssertScores(await harness.ScoresAsync(grid.Id), new()
        {
            [1] = (5, 5, 5, "CHAMPIONS"),
            [2] = (4, 5, 5, "LOYAL_CUSTOMERS"),
            [3] = (4, 1, 3, "PROMISING"),
            [4] = (4, 3, 4, "POTENTIAL_LOYALISTS"),
            [5] = (3, 1, 2, "ABOUT_TO_SLEEP"),
            [6] = (3, 1, 2, "ABOUT_TO_SLEEP"),
            [7] = (2, 4, 4, "AT_RISK"),
            [8] = (2, 1, 1, "HIBERNATING"),
            [9] = (1, 3, 3, "AT_RISK"),
            [10] = (1, 1, 1, "HIBERNATING"),
        });
    }

    // FIXED_THRESHOLDS: recency [7, 30, 90, 180] days, frequency [1, 2, 3, 4], monetary [50, 100, 200, 400].
    // R = 5 - cut points <= days: 1,3,3 -> 5; 10 -> 4; 30,30,60 -> 3; 90,120 -> 2; 200 -> 1.
    // F = 1 + cut points < F: equals F here. M: 500 -> 5; 320, 210 -> 4; 150 -> 3; 80, 90 -> 2; 40, 40, 25, 15 -> 1.
    [Fact]
    public async Task FixedThresholds_with_pos8()
    {
        var thresholds = new RfmThresholds([7m, 30m, 90m, 180m], [1m, 2m, 3m, 4m], [50m, 100m, 200m, 400m]);
        var (harness, scores, run) = await RunAsync(Request(ScoringMethod.FixedThresholds, "pos8", thresholds));
        await using var _ = harness;
        AssertValues(scores);
        AssertScores(scores, new()
        {
            [1] = (5, 5, 5, "R5F5M5"),
            [2] = (5, 4, 4, "R5F5M5"),
            [3] = (5, 1, 2, "R5F1M1"),
            [4] = (4, 2, 3, "R4F2M3"),   // Potential Loyalists
            [5] = (3, 1, 1, "OTHERS"),
            [6] = (3, 1, 1, "OTHERS"),
            [7] = (3, 3, 4, "R4F4M4"),   // Loyal Customers
            [8] = (2, 1, 1, "R1F1M2"),
            [9] = (2, 2, 2, "R1F1M2"),   // Hibernating
            [10] = (1, 1, 1, "R1F1M2"),
        });
        Assert.Equal([7m, 30m, 90m, 180m], run.CutPoints!.Recency);
        Assert.Equal([50m, 100m, 200m, 400m], run.CutPoints.Monetary);
    }

    [Fact]
    public async Task Storefront_scope_scores_only_its_sales()
    {
        // Storefront 11 has one customer (6). One customer fills the lowest bin of every dimension:
        // NTILE puts the single row in tile 1, and every quantile cut point equals its own value.
        var (harness, scores, run) = await RunAsync(Request(ScoringMethod.QuantileTies, "pos8", storefront: 11));
        await using var _ = harness;
        var only = Assert.Single(scores.Values);
        Assert.Equal((6L, 30, 1, 40m, 1, 1, 1, "R1F1M2"), (only.CustomerId, only.RecencyDays, only.Frequency, only.Monetary, only.R, only.F, only.M, only.Segment));
        Assert.Equal(11, run.StorefrontId);
        Assert.Equal([30m, 30m, 30m, 30m], run.CutPoints!.Recency);
    }

    [Fact]
    public async Task Run_summary_counts_segments_and_score_ranges()
    {
        var (harness, _, run) = await RunAsync(Request(ScoringMethod.QuantileTies, "pos8"));
        await using var _h = harness;
        // pos8 with QUANTILE_TIES (see above): Champions 1,2 (820); Loyal 4 (150); New 3 (80);
        // At Risk 7,9 (300); Hibernating 8,10 (40); Others 5,6 (80). Ordered by revenue, then code.
        Assert.Equal(
            [("R5F5M5", "Champions", 2L, 820m), ("R2F2M3", "At Risk", 2L, 300m), ("R4F4M4", "Loyal Customers", 1L, 150m),
             ("OTHERS", "Others", 2L, 80m), ("R5F1M1", "New Customers", 1L, 80m), ("R1F1M2", "Hibernating", 2L, 40m)],
            run.Segments.Select(s => (s.Code, s.Name, s.Customers, s.Monetary)).ToList());
        var champions = run.Segments[0];
        Assert.Equal(2m, champions.AvgRecencyDays);     // (1 + 3) / 2
        Assert.Equal(4.5m, champions.AvgFrequency);     // (5 + 4) / 2
        Assert.Equal(410m, champions.AvgMonetary);
        Assert.Null(run.Segments.Single(s => s.Code == "OTHERS").RulePosition);
        // R scores: 1 -> {9, 10}: 120..200 days; 5 -> {1}: 1 day.
        Assert.Contains(new RfmScoreRange("r", 1, 2, 120m, 200m), run.ScoreRanges);
        Assert.Contains(new RfmScoreRange("r", 5, 1, 1m, 1m), run.ScoreRanges);
        Assert.Contains(new RfmScoreRange("f", 1, 5, 1m, 1m), run.ScoreRanges);
        Assert.Contains(new RfmScoreRange("m", 3, 2, 80m, 90m), run.ScoreRanges);
        // Every R and M score is used; F=2 is empty (cut points 1, 1: no frequency lies strictly between them).
        Assert.Equal(14, run.ScoreRanges.Count);
        Assert.DoesNotContain(run.ScoreRanges, s => s.Dimension == "f" && s.Score == 2);
    }
}

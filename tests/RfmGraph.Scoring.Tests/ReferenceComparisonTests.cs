using RfmGraph.Scoring.Contracts;
using RfmGraph.Scoring.Schemes;
using RfmGraph.Scoring.Tests.Infrastructure;
using RfmGraph.Scoring.Tests.Reference;
using RfmGraph.Testing;

namespace RfmGraph.Scoring.Tests;

/// <summary>The SQL against the plain C# reference on thousands of random customers with many ties.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReferenceComparisonTests(PostgresFixture postgres)
{
    private const int Customers = 4000;

    public static TheoryData<ScoringMethod> Methods => [ScoringMethod.Ntile, ScoringMethod.QuantileTies, ScoringMethod.FixedThresholds];

    private static RfmThresholds ThresholdsFor(int bins) => bins switch
    {
        5 => new RfmThresholds([10m, 30m, 60m, 90m], [1m, 2m, 3m, 5m], [20m, 50m, 100m, 200m]),
        _ => new RfmThresholds(
            [.. Enumerable.Range(1, bins - 1).Select(k => (decimal)(k * 120 / bins))],
            [.. Enumerable.Range(1, bins - 1).Select(k => (decimal)k)],
            [.. Enumerable.Range(1, bins - 1).Select(k => 25.5m * k)]),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Every_builtin_scheme_matches_the_reference(ScoringMethod method)
    {
        var sales = RandomSales.Generate(seed: 7 + (int)method, Customers);
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(sales);

        foreach (var scheme in new[] { "pos8", "classic11", "rfgrid10" })
        {
            var thresholds = method == ScoringMethod.FixedThresholds ? ThresholdsFor(5) : null;
            var run = await harness.RunAsync(new RfmRunRequest(1, AsOf: RandomSales.AsOf, Days: RandomSales.WindowDays,
                Method: method, Scheme: scheme, Thresholds: thresholds));
            var (expected, cuts) = ReferenceRfm.Compute(sales, 1, null, RandomSales.AsOf.AddDays(-RandomSales.WindowDays), RandomSales.AsOf,
                RandomSales.AsOf, method, 5, thresholds, (r, f, m) => ReferenceSchemes.Segment(scheme, r, f, m));
            await AssertSameAsync(harness, run, expected, cuts);
        }
    }

    [Theory]
    [InlineData(ScoringMethod.Ntile, 3)]
    [InlineData(ScoringMethod.QuantileTies, 3)]
    [InlineData(ScoringMethod.QuantileTies, 7)]
    [InlineData(ScoringMethod.QuantileTies, 10)]
    [InlineData(ScoringMethod.FixedThresholds, 7)]
    [InlineData(ScoringMethod.Ntile, 10)]
    public async Task Other_bin_counts_and_a_storefront_scope_match_the_reference(ScoringMethod method, int bins)
    {
        var sales = RandomSales.Generate(seed: 100 + bins, 2500);
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(sales);
        // A custom scheme for N bins: top third of R and F, bottom third of R, everything else falls back.
        var third = Math.Max(1, bins / 3);
        var defined = await harness.Schemes.DefineAsync(1, new SegmentSchemeDefinition("thirds", "Thirds", string.Empty, bins,
            new FallbackSegment("Middle", "MIDDLE", string.Empty, []),
            [
                new("Top", "TOP", string.Empty, [], new(bins - third + 1, bins), new(bins - third + 1, bins), new(1, bins)),
                new("Gone", "GONE", string.Empty, [], new(1, third), new(1, bins), new(1, bins)),
            ]), CancellationToken.None);
        Assert.Empty(defined.Errors);
        string Segment(int r, int f, int m) =>
            r >= bins - third + 1 && f >= bins - third + 1 ? "TOP" : r <= third ? "GONE" : "MIDDLE";

        var thresholds = method == ScoringMethod.FixedThresholds ? ThresholdsFor(bins) : null;
        foreach (long? storefront in new long?[] { null, 11 })
        {
            var run = await harness.RunAsync(new RfmRunRequest(1, StorefrontId: storefront, AsOf: RandomSales.AsOf, Days: 60,
                Method: method, Bins: bins, Scheme: "thirds", Thresholds: thresholds));
            var (expected, cuts) = ReferenceRfm.Compute(sales, 1, storefront, RandomSales.AsOf.AddDays(-60), RandomSales.AsOf,
                RandomSales.AsOf, method, bins, thresholds, Segment);
            await AssertSameAsync(harness, run, expected, cuts);
        }
    }

    [Fact]
    public async Task Ntile_breaks_ties_by_customer_id_beyond_32_bits()
    {
        // NTILE packs the value and the customer id into one 64-bit key while ids fit in 32 bits;
        // these ids straddle 2^32 (4,294,967,296: about a quarter below, the rest above), so the run
        // falls back to window sorts, where tied values must still order by the full id.
        var sales = RandomSales.Generate(seed: 4242, 2500).Select(s => s with { CustomerId = 4_290_000_000L + (s.CustomerId * 7_919L) }).ToList();
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(sales);
        Assert.True(sales.Min(s => s.CustomerId) < 4_294_967_296L && sales.Max(s => s.CustomerId) > 4_294_967_296L);

        var run = await harness.RunAsync(new RfmRunRequest(1, AsOf: RandomSales.AsOf, Days: RandomSales.WindowDays, Method: ScoringMethod.Ntile, Scheme: "pos8"));
        var (expected, cuts) = ReferenceRfm.Compute(sales, 1, null, RandomSales.AsOf.AddDays(-RandomSales.WindowDays), RandomSales.AsOf,
            RandomSales.AsOf, ScoringMethod.Ntile, 5, null, (r, f, m) => ReferenceSchemes.Segment("pos8", r, f, m));
        await AssertSameAsync(harness, run, expected, cuts);
    }

    [Fact]
    public async Task Ntile_with_ids_up_to_the_32_bit_limit_matches_the_reference()
    {
        // The largest ids that still fit the low 32 bits of NTILE's one-bigint keys (4,294,967,295 included):
        // the run orders by those keys instead of sorting rows.
        var sales = RandomSales.Generate(seed: 4343, 2500).Select(s => s with { CustomerId = 4_294_967_296L - s.CustomerId }).ToList();
        Assert.Equal(4_294_967_295L, sales.Max(s => s.CustomerId));
        await AssertNtileMatchesReferenceAsync(sales);
    }

    [Fact]
    public async Task Ntile_with_monetary_beyond_21_million_matches_the_reference()
    {
        // Every 40th customer spends millions per sale, so some monetary values no longer fit 32 bits of
        // cents (±21,474,836.47) and the run falls back to window sorts.
        var sales = RandomSales.Generate(seed: 4444, 2500).Select(s => s.CustomerId % 40 == 1 ? s with { Amount = s.Amount * 1_000_000m } : s).ToList();
        Assert.Contains(sales, s => s.BusinessId == 1 && s.CountsAsOrder && s.Amount > 21_474_836.47m);
        await AssertNtileMatchesReferenceAsync(sales);
    }

    private async Task AssertNtileMatchesReferenceAsync(List<Sale> sales)
    {
        await using var harness = await ScoringHarness.CreateAsync(postgres);
        await harness.InsertSalesAsync(sales);
        foreach (var scheme in new[] { "pos8", "classic11" })
        {
            var run = await harness.RunAsync(new RfmRunRequest(1, AsOf: RandomSales.AsOf, Days: RandomSales.WindowDays, Method: ScoringMethod.Ntile, Scheme: scheme));
            var (expected, cuts) = ReferenceRfm.Compute(sales, 1, null, RandomSales.AsOf.AddDays(-RandomSales.WindowDays), RandomSales.AsOf,
                RandomSales.AsOf, ScoringMethod.Ntile, 5, null, (r, f, m) => ReferenceSchemes.Segment(scheme, r, f, m));
            await AssertSameAsync(harness, run, expected, cuts);
        }
    }

    private static async Task AssertSameAsync(ScoringHarness harness, RfmRunInfo run, List<ReferenceRfm.Result> expected, ReferenceRfm.Cuts? cuts)
    {
        Assert.Equal(RfmRunStatus.Succeeded, run.Status);
        var actual = await harness.ScoresAsync(run.Id);
        Assert.True(expected.Count > 500, $"the data set should score many customers, got {expected.Count}");
        Assert.Equal(expected.Count, actual.Count);
        foreach (var e in expected)
        {
            Assert.True(actual.TryGetValue(e.CustomerId, out var a), $"customer {e.CustomerId} missing");
            var got = new ReferenceRfm.Result(a.CustomerId, a.RecencyDays, a.Frequency, a.Monetary, a.R, a.F, a.M, a.Segment);
            Assert.True(e == got, $"run {run.Id} ({run.Method}, {run.SchemeKey}): expected {e}, got {got}");
        }

        if (cuts is null)
        {
            Assert.Null(run.CutPoints);
        }
        else
        {
            Assert.Equal(cuts.Recency, run.CutPoints!.Recency);
            Assert.Equal(cuts.Frequency, run.CutPoints.Frequency);
            Assert.Equal(cuts.Monetary, run.CutPoints.Monetary);
        }

        // The summary agrees with the rows.
        Assert.Equal(expected.Count, run.CustomersScored);
        Assert.Equal(expected.Sum(e => e.Monetary), run.TotalMonetary);
        foreach (var group in expected.GroupBy(e => e.Segment))
        {
            var segment = run.Segments.Single(s => s.Code == group.Key);
            Assert.Equal(group.Count(), segment.Customers);
            Assert.Equal(group.Sum(e => e.Monetary), segment.Monetary);
        }
    }
}
